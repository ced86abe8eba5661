package org.trialmeta.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenWindow}: the extractor reads a long text's tokens as they are made and lets go of those it has passed, so
 * they are not all held at once; what it finds is what it finds in each paragraph alone.
 */
class TokenWindowTest {

    private static final String PARAGRAPH = "The objective response rate was 44% (25/57; 95% CI, 31-58) with the "
            + "combination. Median progression-free survival was 22.0 months (95% CI 11.1-36.6) vs 12.8 months; "
            + "hazard ratio 0.52 (95% CI 0.31-0.87; P = 0.01).\n\n| Arm | n | ORR |\n| KRAS-mutant | 57 | 44% |\n\n";

    /** Every token of {@code text}, made at once. */
    private static List<Token> all(String text, boolean comma) {
        List<Token> out = new java.util.ArrayList<>();
        Tokenizer.Stream stream = new Tokenizer.Stream(text, comma);
        while (stream.next(out)) {
            // all of them
        }
        return out;
    }

    @Test
    void aLongTextIsReadWithAWindowOfTokensAndGivesEachParagraphsStatistics() {
        int copies = 5_000;
        String text = PARAGRAPH.repeat(copies);
        List<Statistic> one = Extractor.extract(PARAGRAPH).statistics();
        assertThat(one).hasSizeGreaterThanOrEqualTo(4);
        boolean comma = Tokenizer.decimalComma(text);
        TokenWindow window = new TokenWindow(new Tokenizer.Stream(text, comma));
        List<Statistic> all = Extractor.extract(text, comma, window).statistics();

        assertThat(all).hasSize(one.size() * copies);
        int k = one.size();
        for (int c : new int[] {0, 1, copies / 2, copies - 1}) {
            for (int j = 0; j < k; j++) {
                Statistic s = all.get(c * k + j);
                assertThat(s.start() - c * PARAGRAPH.length()).isEqualTo(one.get(j).start());
                assertThat(s.getClass()).isEqualTo(one.get(j).getClass());
            }
        }
        int tokens = all(text, comma).size();
        assertThat(tokens).isGreaterThan(300_000);
        assertThat(window.mostHeld()).as("tokens held at once, of %d", tokens).isLessThan(20_000);
    }

    @Test
    void aTokenLetGoCannotBeReadAgain() {
        String text = "HR 0.52 (0.31-0.87). ".repeat(3_000);
        TokenWindow w = new TokenWindow(new Tokenizer.Stream(text, false));
        assertThat(w.has(10_000)).isTrue();
        assertThat(w.get(10_000).start()).isEqualTo(all(text, false).get(10_000).start());
        w.release(9_000);
        assertThat(w.get(9_000).start()).isEqualTo(all(text, false).get(9_000).start());
        assertThatThrownBy(() -> w.get(8_999)).isInstanceOf(IllegalStateException.class);
        int n = all(text, false).size();
        assertThat(w.has(n - 1)).isTrue();
        assertThat(w.has(n)).isFalse();
    }
}

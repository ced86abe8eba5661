package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DeflatedText}: the text written back is the text made, however often it is written, in fewer bytes. */
class DeflatedTextTest {

    @Test
    void writesBackExactlyTheTextItWasMadeFromEveryTimeItIsWritten() {
        SplittableRandom rnd = new SplittableRandom(22);
        // characters of one, two, three and four UTF-8 bytes, some straddling the 64 KB buffers
        String[] pieces = {"<td>", "95% CI 78.3–98.3", "p < 0·001", "κ = 0.4", "\uD83D\uDE00", "\n", "é", "x"};
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 120_000; i++) {
            expected.append(pieces[rnd.nextInt(pieces.length)]);
        }
        String text = expected.toString();
        DeflatedText d = DeflatedText.of(out -> {
            for (int i = 0; i < text.length(); i += 997) {
                out.write(text, i, Math.min(997, text.length() - i));
            }
        });
        assertThat(Written.text(d)).isEqualTo(text);
        assertThat(Written.text(d)).isEqualTo(text);
        assertThat(d.deflatedBytes()).isLessThan(text.length() / 2);
    }

    @Test
    void anEmptyTextStaysEmpty() {
        assertThat(Written.text(DeflatedText.of(out -> { }))).isEmpty();
    }

    @Test
    void aFailureOfTheBodyIsNotSwallowed() {
        assertThatThrownBy(() -> DeflatedText.of(out -> {
            throw new java.io.IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
    }
}

package org.trialmeta.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompactTextTest {

    /** Characters of every kind the text must keep: ASCII, Latin-1 above 0x7f, NUL, wide, and surrogate halves. */
    private static final char[] ALPHABET = {'a', 'Z', '0', '9', ' ', '\n', '.', '%', '(', '-', '\u00b7', '\u00d7',
        '\u00e9', '\u00ff', '\u00a0', '\u0000', '\u2013', '\u2014', '\u2212', '\u2264', '\u03b1', '\u7684',
        '\ud83d', '\ude00', '\uffff', '\u0100'};

    @Test
    void readsBackEveryCharacterAndEverySpanAsTheStringItWasMadeFrom() {
        SplittableRandom random = new SplittableRandom(20261206L);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(0, 400);
            double wideShare = random.nextDouble();
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append(random.nextDouble() < wideShare ? ALPHABET[random.nextInt(ALPHABET.length)]
                        : (char) random.nextInt(0x20, 0x7f));
            }
            String s = b.toString();
            CompactText t = CompactText.of(s);
            assertThat(t.length()).isEqualTo(n);
            assertThat(t.toString()).isEqualTo(s);
            assertThat(t.contentEquals(s)).isTrue();
            for (int i = 0; i < n; i++) {
                assertThat(t.charAt(i)).as("char %d of %s", i, s).isEqualTo(s.charAt(i));
            }
            for (int k = 0; k < 20 && n > 0; k++) {
                int from = random.nextInt(0, n + 1);
                int to = random.nextInt(from, n + 1);
                assertThat(t.subSequence(from, to)).isEqualTo(s.substring(from, to));
            }
            long wide = s.chars().filter(c -> c > 0xff).count();
            assertThat(t.wideCount()).isEqualTo(wide);
        }
    }

    @Test
    void aBuilderGrowsPastItsCapacityAndKeepsAnArrayWithLittleRoomUnused() {
        CompactText.Builder b = new CompactText.Builder(0);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            char c = i % 97 == 0 ? '\u2013' : (char) ('a' + i % 26);
            b.append(c);
            expected.append(c);
        }
        CompactText t = b.build();
        assertThat(t.length()).isEqualTo(100_000);
        assertThat(t.toString()).isEqualTo(expected.toString());
        assertThat(t.wideCount()).isEqualTo((100_000 + 96) / 97);
    }

    @Test
    void aBuiltTextCannotBeChangedThroughItsBuilder() {
        CompactText.Builder b = new CompactText.Builder(4).append("ab");
        CompactText t = b.build();
        assertThatThrownBy(() -> b.append('c')).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThat(t.toString()).isEqualTo("ab");
    }

    @Test
    void indicesOutsideTheTextAreRefusedAsByAString() {
        CompactText t = CompactText.of("a\u2013b");
        assertThatThrownBy(() -> t.charAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.charAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.subSequence(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.subSequence(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(CompactText.of("").length()).isZero();
    }
}

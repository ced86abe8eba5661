package org.trialmeta.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextColumnTest {

    /** ASCII, Latin-1, CJK, characters outside the BMP (surrogate pairs), the empty string, white space kept. */
    private static final List<String> MIXED = List.of("Aronson 1948", "Müller", "", "東京 2003", "\uD835\uDED5 study",
            "\uD83D\uDE00", " padded ", "a\nb", "\u00A0nbsp");

    @Test
    void getGivesBackEveryValueExactly() {
        TextColumn c = TextColumn.of(MIXED);
        assertThat(c).hasSize(MIXED.size());
        for (int i = 0; i < MIXED.size(); i++) {
            assertThat(c.get(i)).isEqualTo(MIXED.get(i));
        }
        assertThat(c.get(4).codePointAt(0)).isEqualTo(0x1D6D5);
        assertThat(c).containsExactlyElementsOf(MIXED);
    }

    @Test
    void equalsAndHashCodeAreThoseOfTheList() {
        TextColumn c = TextColumn.of(MIXED);
        assertThat(c).isEqualTo(MIXED);
        assertThat(MIXED).isEqualTo(c);
        assertThat(c.hashCode()).isEqualTo(MIXED.hashCode());
        assertThat(TextColumn.of("a", "b")).isEqualTo(List.of("a", "b")).isEqualTo(TextColumn.of(List.of("a", "b")))
                .isNotEqualTo(TextColumn.of("b", "a")).isNotEqualTo(TextColumn.of("ab")).isNotEqualTo(List.of("a"));
        // same bytes split differently are different columns
        assertThat(TextColumn.of("ab", "c")).isNotEqualTo(TextColumn.of("a", "bc"));
        assertThat(TextColumn.of("", "")).isNotEqualTo(TextColumn.of("")).isEqualTo(List.of("", ""));
    }

    @Test
    void emptyColumn() {
        TextColumn c = TextColumn.of(List.of());
        assertThat(c).isEmpty();
        assertThat(c).isEqualTo(List.of()).isEqualTo(TextColumn.of()).isEqualTo(TextColumn.empty());
        assertThat(c.hashCode()).isEqualTo(List.of().hashCode());
        assertThat(c.pick(new int[0])).isEmpty();
        assertThatThrownBy(() -> c.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void pickTakesRowsInTheGivenOrderWithRepeats() {
        TextColumn c = TextColumn.of(MIXED);
        int[] rows = {4, 0, 2, 4, 8};
        List<String> expected = new ArrayList<>();
        for (int r : rows) {
            expected.add(MIXED.get(r));
        }
        assertThat(c.pick(rows)).isEqualTo(expected).isEqualTo(TextColumn.of(expected));
        assertThat(c.pick(new int[] {2})).containsExactly("");
        assertThatThrownBy(() -> c.pick(new int[] {0, MIXED.size()})).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.pick(new int[] {-1})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void pickOfRandomRowsEqualsTheListPick() {
        SplittableRandom random = new SplittableRandom(22);
        String[] values = new String[500];
        for (int i = 0; i < values.length; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(6);
            for (int j = 0; j < n; j++) {
                int kind = random.nextInt(4);
                sb.appendCodePoint(kind == 0 ? 'a' + random.nextInt(26) : kind == 1 ? 0xC0 + random.nextInt(64)
                        : kind == 2 ? 0x4E00 + random.nextInt(500) : 0x1F600 + random.nextInt(50));
            }
            values[i] = sb.toString();
        }
        TextColumn c = TextColumn.of(values);
        assertThat(c).containsExactly(values);
        int[] rows = random.ints(300, 0, values.length).toArray();
        List<String> expected = Arrays.stream(rows).mapToObj(r -> values[r]).toList();
        assertThat(c.pick(rows)).isEqualTo(expected);
        assertThat(c.pick(rows).hashCode()).isEqualTo(expected.hashCode());
    }

    @Test
    void isImmutable() {
        String[] values = {"a", "b"};
        TextColumn c = TextColumn.of(values);
        values[0] = "changed";
        assertThat(c).containsExactly("a", "b");
        assertThatThrownBy(() -> c.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.add("x")).isInstanceOf(UnsupportedOperationException.class);
        TextColumn.Builder b = TextColumn.builder(1, 0).add("a");
        TextColumn built = b.build();
        assertThatThrownBy(() -> b.add("b")).isInstanceOf(IllegalStateException.class);
        assertThat(built).containsExactly("a");
    }

    @Test
    void refusesNullsAndUnpairedSurrogates() {
        assertThatThrownBy(() -> TextColumn.of("a", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("text column: value 1 is null");
        // an unpaired surrogate has no UTF-8 form: it would come back as '?'
        assertThatThrownBy(() -> TextColumn.of("ok", "x\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text column: value 1 has an unpaired surrogate at index 1 (must be valid Unicode text)");
        assertThatThrownBy(() -> TextColumn.of("\uDC00y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderTakesAsciiBytesAndCountsValues() {
        byte[] line = "ab,Müller,cd".getBytes(StandardCharsets.UTF_8);
        TextColumn.Builder b = TextColumn.builder(3, 2);
        assertThat(b.addIfAscii(line, 0, 2)).isTrue();
        assertThat(b.addIfAscii(line, 3, 10)).isFalse();
        b.add("Müller");
        assertThat(b.addIfAscii(line, line.length - 2, line.length)).isTrue();
        assertThatThrownBy(() -> b.add("too many")).isInstanceOf(IllegalStateException.class);
        assertThat(b.build()).containsExactly("ab", "Müller", "cd");
        assertThatThrownBy(() -> TextColumn.builder(2, 0).add("one").build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("text column: 1 values added, 2 declared");
    }
}

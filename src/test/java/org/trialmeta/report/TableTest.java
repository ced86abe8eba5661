package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void equalCellsAreKeptOnce() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Arrays.asList(new String("confirmed"), null, "row " + i)); // equal texts, distinct objects
        }
        Table t = new Table("t", "T", List.of("status", "note", "n"), rows, List.of());
        assertThat(t.rows().get(1).get(0)).isEqualTo("confirmed").isSameAs(t.rows().get(0).get(0))
                .isSameAs(t.rows().get(2).get(0));
        assertThat(t.rows().get(2).get(1)).isEmpty();
        assertThat(t.rows().get(2).get(2)).isEqualTo("row 2");
    }

    @Test
    void theRowsAreAnUnmodifiableListOfTheCellsGiven() {
        List<List<String>> given = List.of(List.of("a", "b", "c"), List.of("d", "e", "f"));
        List<List<String>> mutable = new ArrayList<>();
        given.forEach(r -> mutable.add(new ArrayList<>(r)));
        Table t = new Table("t", "T", List.of("x", "y", "z"), mutable, List.of());
        mutable.get(0).set(0, "changed"); // the table keeps its own copy
        assertThat(t.rows()).isEqualTo(given).hasSameHashCodeAs(given).hasToString(given.toString());
        assertThat(t).isEqualTo(new Table("t", "T", List.of("x", "y", "z"), given, List.of()));
        assertThat(t.rows().get(1)).containsExactly("d", "e", "f");
        assertThatThrownBy(() -> t.rows().get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.rows().get(1).get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.rows().get(0).set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.rows().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        // rows of no cells are still counted
        assertThat(new Table("t", "T", List.of(), List.of(List.of(), List.of()), List.of()).rows()).hasSize(2);
    }

    @Test
    void aRowOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new Table("t", "T", List.of("a", "b"), List.of(List.of("x")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("table t: rows[0] has 1 cells, but there are 2"
                        + " columns");
    }
}

package org.trialmeta.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Labels}: R's {@code unique(x)} and {@code match(x, unique(x))}. */
class LabelsTest {

    @Test
    void distinctValuesInOrderOfFirstAppearanceWithEachObservationsIndex() {
        // R: unique(c("b", "a", "b", "c", "a")) is "b" "a" "c"; match(x, unique(x)) is 1 2 1 3 2
        String a = "a";
        Labels l = Labels.of(new String[] {"b", a, new String("b"), "c", a, a});
        assertThat(l.values()).containsExactly("b", "a", "c");
        assertThat(l.ids()).containsExactly(0, 1, 0, 2, 1, 1);
        assertThat(l.id(3)).isEqualTo(2);
        assertThat(l.size()).isEqualTo(6);
    }

    @Test
    void nullLabelIsRefusedAndIdsAreCopies() {
        assertThatThrownBy(() -> Labels.of(new String[] {"a", null})).hasMessage("label 1 is null");
        Labels l = Labels.of(new String[] {"a", "b"});
        l.ids()[0] = 1;
        assertThat(l.id(0)).isZero();
        assertThat(l).isEqualTo(Labels.of(new String[] {"a", "b"})).isNotEqualTo(Labels.of(new String[] {"b", "a"}));
    }
}

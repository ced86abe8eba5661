package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Factor}: R's {@code factor(x)} level order and codes. */
class FactorTest {

    @Test
    void numericLabelsAreInNumericOrderAsAColumnReadAsNumeric() {
        // R: levels(factor(c(10, 2, 10, 1.5))) is "1.5" "2" "10"
        Factor f = Factor.of(new String[] {"10", "2", "10", "1.5"});
        assertThat(f.levels()).containsExactly("1.5", "2", "10");
        assertThat(f.codes()).containsExactly(2, 1, 2, 0);
    }

    @Test
    void textLabelsAreInTextOrder() {
        // R: levels(factor(c("b", "a", "10", "b"))) is "10" "a" "b"
        Factor f = Factor.of(new String[] {"b", "a", "10", "b"});
        assertThat(f.levels()).containsExactly("10", "a", "b");
        assertThat(f.codes()).containsExactly(2, 1, 0, 2);
        assertThat(f.size()).isEqualTo(3);
    }

    @Test
    void numbersSpelledDifferentlyStayDistinctLevels() {
        Factor f = Factor.of(new String[] {"1.0", "1", "2"});
        assertThat(f.levels()).containsExactly("1", "1.0", "2");
        assertThat(f.codes()).containsExactly(1, 0, 2);
    }

    @Test
    void fitGroupsGivesOneCurvePerLevelInFactorOrder() {
        double[] time = {1, 2, 3, 4, 5};
        int[] status = {1, 1, 0, 1, 1};
        KaplanMeierGroups g = KaplanMeier.fitGroups(time, status, new String[] {"10", "2", "10", "2", "2"}, ConfType.LOG,
                0.95);
        assertThat(g.labels()).containsExactly("2", "10");
        assertThat(g.curves().get(0).n()).isEqualTo(3);
        assertThat(g.curves().get(0).rows()).isEqualTo(KaplanMeier.fit(new double[] {2, 4, 5}, new int[] {1, 1, 1},
                ConfType.LOG, 0.95).rows());
        assertThat(g.curves().get(1).n()).isEqualTo(2);
    }
}

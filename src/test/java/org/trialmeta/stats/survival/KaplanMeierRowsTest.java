package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A fit's rows kept as columns are the rows a list of records holds: element by element, as lists, and inside the
 * curve's equality; missing standard errors and limits come back empty; the row rules still hold when a row is added.
 */
class KaplanMeierRowsTest {

    @Test
    void columnsReadBackAsTheRecordsTheFitMade() {
        SplittableRandom r = new SplittableRandom(7);
        double[] time = new double[500];
        int[] status = new int[500];
        for (int i = 0; i < time.length; i++) {
            time[i] = Math.round(r.nextDouble(0, 40) * 10) / 10.0;   // ties
            status[i] = r.nextInt(3) == 0 ? 0 : 1;
        }
        for (ConfType type : ConfType.values()) {
            KaplanMeierCurve fit = KaplanMeier.fit(time, status, type, 0.95);
            assertThat(fit.rows()).isInstanceOf(KaplanMeierRows.class);
            List<KaplanMeierRow> records = new ArrayList<>(fit.rows());
            assertThat(fit.rows()).isEqualTo(records).hasSameHashCodeAs(records);
            KaplanMeierCurve copy = new KaplanMeierCurve(fit.n(), fit.events(), fit.confType(), fit.level(), records);
            assertThat(copy).isEqualTo(fit);
            assertThat(copy.rows()).isNotInstanceOf(KaplanMeierRows.class);
            assertThat(copy.median()).isEqualTo(fit.median());
            assertThat(fit.rows().get(0)).isEqualTo(records.get(0));
            assertThat(fit.rows().get(0)).isNotSameAs(fit.rows().get(0));   // made when read
        }
    }

    @Test
    void missingValuesComeBackEmptyAndRowRulesHold() {
        KaplanMeierRows.Builder b = new KaplanMeierRows.Builder(2);
        b.add(1.0, 10, 1, 0, 0.9, 0.1, 0.09, Double.NaN, Double.NaN);
        b.add(2.0, 9, 9, 0, 0.0, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, Double.NaN);
        KaplanMeierRows rows = b.build();
        assertThat(rows.get(0)).isEqualTo(new KaplanMeierRow(1.0, 10, 1, 0, 0.9, 0.1, OptionalDouble.of(0.09),
                OptionalDouble.empty(), OptionalDouble.empty()));
        assertThat(rows.get(1).stdErr()).isEmpty();
        assertThat(rows).hasSize(2);
        assertThatThrownBy(() -> rows.add(rows.get(0))).isInstanceOf(UnsupportedOperationException.class);
        KaplanMeierRows.Builder bad = new KaplanMeierRows.Builder(1);
        assertThatThrownBy(() -> bad.add(1.0, 3, 2, 2, 0.5, 0, 0, 0, 0))
                .hasMessageContaining("need 1 <= n.event + n.censor <= n.risk");
        assertThatThrownBy(() -> bad.add(1.0, 3, 1, 0, 1.5, 0, 0, 0, 0)).hasMessageContaining("not in [0, 1]");
    }
}

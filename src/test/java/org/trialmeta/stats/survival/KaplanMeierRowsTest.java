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
        KaplanMeierRows.Builder b = new KaplanMeierRows.Builder(2, ConfType.LOG, 1.959963984540054);
        b.add(1.0, 10, 1, 0, 0.9, 0.1);
        b.add(2.0, 9, 9, 0, 0.0, Double.POSITIVE_INFINITY);
        KaplanMeierRows rows = b.build();
        KaplanMeierRow first = rows.get(0);
        assertThat(first.stdErr().getAsDouble()).isCloseTo(0.09, org.assertj.core.api.Assertions.within(1e-16));
        // survfit_confint(0.9, 0.1, logse = TRUE, conf.type = "log"): exp(log(S) -/+ z sigma), upper capped at 1
        assertThat(first.lower().getAsDouble()).isCloseTo(0.9 * Math.exp(-1.959963984540054 * 0.1),
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(first.upper().getAsDouble()).isEqualTo(1.0);
        assertThat(rows.lower(0)).isEqualTo(first.lower().getAsDouble());
        assertThat(rows.get(1).stdErr()).isEmpty();   // 0 x infinity
        assertThat(rows.get(1).lower()).isEmpty();
        assertThat(rows.get(1).upper()).isEmpty();
        assertThat(rows.lower(1)).isNaN();
        assertThat(rows).hasSize(2);
        assertThatThrownBy(() -> rows.add(rows.get(0))).isInstanceOf(UnsupportedOperationException.class);
        KaplanMeierRows.Builder bad = new KaplanMeierRows.Builder(1, ConfType.LOG, 1.96);
        assertThatThrownBy(() -> bad.add(1.0, 3, 2, 2, 0.5, 0))
                .hasMessageContaining("need 1 <= n.event + n.censor <= n.risk");
        assertThatThrownBy(() -> bad.add(1.0, 3, 1, 0, 1.5, 0)).hasMessageContaining("not in [0, 1]");
    }

    /**
     * The limits computed when read are the ones {@code survival:::survfit_confint} defines, for every type, with S
     * at 0 and 1 and σ infinite (written out here from survfit's source, independently of {@link ConfType}).
     */
    @Test
    void limitsComputedWhenReadAreSurvfitConfint() {
        double z = 1.6448536269514722;
        double[][] cases = {{0.5, 0.2}, {1.0, 0.0}, {0.0, Double.POSITIVE_INFINITY}, {0.999, 0.01}, {0.02, 3.0},
            {0.7, Double.POSITIVE_INFINITY}};
        for (ConfType type : ConfType.values()) {
            for (double[] c : cases) {
                double s = c[0];
                double se = c[1];
                double lo;
                double hi;
                switch (type) {
                    case LOG -> {
                        lo = s == 0 ? Double.NaN : Math.exp(Math.log(s) - z * se);
                        hi = s == 0 ? Double.NaN : Math.min(Math.exp(Math.log(s) + z * se), 1);
                    }
                    case LOG_LOG -> {
                        double ll = Math.log(-Math.log(s));
                        lo = s == 0 || s == 1 ? Double.NaN : Math.exp(-Math.exp(ll - z * se / Math.log(s)));
                        hi = s == 0 || s == 1 ? Double.NaN : Math.exp(-Math.exp(ll + z * se / Math.log(s)));
                    }
                    case PLAIN -> {
                        lo = Math.max(s - z * se * s, 0);
                        hi = Math.min(s + z * se * s, 1);
                        if (Double.isNaN(s - z * se * s)) {
                            lo = Double.NaN;
                            hi = Double.NaN;
                        }
                    }
                    default -> {
                        lo = Double.NaN;
                        hi = Double.NaN;
                    }
                }
                KaplanMeierRows.Builder b = new KaplanMeierRows.Builder(1, type, z);
                b.add(1.0, 10, 1, 0, s, se);
                KaplanMeierRows rows = b.build();
                String at = type + " S=" + s + " sigma=" + se;
                assertThat(rows.lower(0)).as(at).isCloseTo(lo, org.assertj.core.api.Assertions.within(1e-15));
                assertThat(rows.upper(0)).as(at).isCloseTo(hi, org.assertj.core.api.Assertions.within(1e-15));
                assertThat(rows.get(0).lower().isPresent()).as(at).isEqualTo(!Double.isNaN(lo));
            }
        }
    }
}

package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random small data sets: the fit either returns a model whose numbers are all finite or refuses the input. */
class CoxRobustnessTest {

    @Test
    void randomSmallDataNeverLeakNaNOrUnexpectedExceptions() {
        Random rnd = new Random(20261125);
        int fitted = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + rnd.nextInt(12);
            int p = 1 + rnd.nextInt(3);
            double[] t = new double[n];
            int[] s = new int[n];
            double[][] x = new double[p][n];
            int[] strata = rnd.nextBoolean() ? new int[n] : null;
            for (int i = 0; i < n; i++) {
                t[i] = 1 + rnd.nextInt(5);
                s[i] = rnd.nextInt(3) == 0 ? 0 : 1;
                if (strata != null) {
                    strata[i] = rnd.nextInt(2);
                }
                for (int k = 0; k < p; k++) {
                    x[k][i] = switch (rnd.nextInt(3)) {
                        case 0 -> rnd.nextInt(2);
                        case 1 -> rnd.nextGaussian() * 10;
                        default -> rnd.nextInt(3) * 100.0;
                    };
                }
            }
            List<String> names = List.of("a", "b", "c").subList(0, p);
            Ties ties = rnd.nextBoolean() ? Ties.EFRON : Ties.BRESLOW;
            CoxModel m;
            try {
                m = CoxRegression.fit(t, s, x, names, strata, ties, 0.95);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).containsAnyOf("no events", "no estimable covariate");
                continue;
            }
            fitted++;
            assertThat(m.logLik()).isFinite();
            assertThat(m.logLikNull()).isFinite();
            var z = ProportionalHazardsTest.zph(m, t, s, x, strata);
            z.global().test().ifPresent(c -> assertThat(c.statistic()).isFinite());
        }
        assertThat(fitted).isGreaterThan(1000);
    }
}

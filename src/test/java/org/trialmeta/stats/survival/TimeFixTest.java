package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TimeFix}: survival's aeqSurv, and the Kaplan-Meier curves and the log-rank test fitted after it. */
class TimeFixTest {

    /** aeqSurv as R writes it: sort(unique(...)), diff, cuts[findInterval(x, cuts)]. */
    private static double[] aeqSurv(double[] x) {
        double[] y = Arrays.stream(x).map(v -> v + 0.0).sorted().distinct().toArray();
        if (y.length < 2) {
            return x.clone();
        }
        double mean = Arrays.stream(y).map(Math::abs).sum() / y.length;
        double tol = Math.sqrt(Math.ulp(1.0));
        double[] cuts = new double[y.length];
        int nc = 0;
        cuts[nc++] = y[0];
        for (int i = 1; i < y.length; i++) {
            double dy = y[i] - y[i - 1];
            if (!(dy <= tol || dy / mean <= tol)) {
                cuts[nc++] = y[i];
            }
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int p = Arrays.binarySearch(cuts, 0, nc, x[i] + 0.0);
            out[i] = cuts[p >= 0 ? p : -p - 2];
        }
        return out;
    }

    @Test
    void pointOnePlusPointTwoIsPointThreeTheFirstTimeOfItsRun() {
        assertThat(0.1 + 0.2).isNotEqualTo(0.3);
        assertThat(TimeFix.apply(new double[] {0.1 + 0.2, 0.3, 0.7000000000000001, 0.7, 1.1}))
                .containsExactly(0.3, 0.3, 0.7, 0.7, 1.1);
        // a run: each within tolerance of the one before, all become its first time
        assertThat(TimeFix.apply(new double[] {5 + 3e-9, 5, 5 + 2e-9, 5 + 1e-9, 6})).containsExactly(5, 5, 5, 5, 6);
        // relative to the mean |time| (120): 1e-6 apart is tied, 1e-3 apart is not
        assertThat(TimeFix.apply(new double[] {120, 120 + 1e-6, 120 + 1e-3})).containsExactly(120, 120, 120 + 1e-3);
        assertThat(TimeFix.apply(new double[] {1, 2, 3})).containsExactly(1, 2, 3);
    }

    @Test
    void equalsAeqSurvOnNoisyTimes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int rep = 0; rep < 300; rep++) {
            int n = 1 + random.nextInt(200);
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                double base = random.nextInt(30) * (rep % 2 == 0 ? 0.1 : 7.3);
                t[i] = switch (random.nextInt(4)) {
                    case 0 -> base * (1 + 1e-12 * random.nextInt(5));
                    case 1 -> base + random.nextInt(3) * 1e-9;
                    case 2 -> base / 3 * 3;
                    default -> base;
                };
            }
            assertThat(TimeFix.apply(t)).as("rep " + rep).containsExactly(aeqSurv(t));
        }
    }

    /** The curves see the times merged over all groups together: as fitted on times merged first. */
    @Test
    void curvesPerGroupAndTheTestMergeOverAllGroups() {
        SplittableRandom random = new SplittableRandom(3);
        for (int rep = 0; rep < 100; rep++) {
            int n = 2 + random.nextInt(100);
            double[] t = new double[n];
            int[] s = new int[n];
            String[] g = new String[n];
            for (int i = 0; i < n; i++) {
                double base = random.nextInt(20) * 0.1;
                t[i] = random.nextBoolean() ? base : base * (1 + 1e-13) + (random.nextBoolean() ? 0 : 1e-10);
                s[i] = random.nextInt(2);
                g[i] = "g" + random.nextInt(3);
            }
            double[] fixed = aeqSurv(t);
            var noisy = KaplanMeier.fitGroups(t, s, g, ConfType.LOG, 0.95);
            var clean = KaplanMeier.fitGroups(fixed, s, g, ConfType.LOG, 0.95);
            for (int k = 0; k < noisy.size(); k++) {
                KaplanMeierCurve a = noisy.curves().get(k);
                KaplanMeierCurve b = clean.curves().get(k);
                assertThat(a.rows().size()).isEqualTo(b.rows().size());
                for (int i = 0; i < a.rows().size(); i++) {
                    assertThat(a.rowTime(i)).isEqualTo(b.rowTime(i));
                    assertThat(a.rowNRisk(i)).isEqualTo(b.rowNRisk(i));
                    assertThat(a.rows().get(i).surv()).isEqualTo(b.rows().get(i).surv());
                }
            }
            int[] codes = Factor.of(g).codes();
            if (noisy.size() > 1) {
                assertThat(LogRank.test(t, s, codes, null, 0).observed())
                        .containsExactly(LogRank.test(fixed, s, codes, null, 0).observed());
                assertThat(LogRank.test(noisy.curves(), 0).chisq()).isEqualTo(LogRank.test(t, s, codes, null, 0).chisq());
            }
        }
    }
}

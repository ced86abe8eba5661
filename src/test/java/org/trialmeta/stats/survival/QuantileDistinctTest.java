package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The quantiles' dedup of a curve's values (survival:::findq drops repeated y values, R's {@code duplicated()}):
 * on values in key order (the estimate's 1 − S, usually the confidence curves) the first of each run of equal values,
 * otherwise a hash set; both the same points on every input, with NaN, −0.0 and 0.0, runs and repeats apart.
 */
class QuantileDistinctTest {

    @Test
    void firstOfRunsEqualsFirstOccurrencesOnOrderedValues() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] pool = {Double.NaN, -0.0, 0.0, 0.1, 0.25, 0.25 + Math.ulp(0.25), 0.5, 1.0, Double.NEGATIVE_INFINITY};
        int ordered = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = rnd.nextInt(1, 40);
            double[] y0 = new double[n];
            double[] x0 = new double[n];
            for (int i = 0; i < n; i++) {
                y0[i] = pool[rnd.nextInt(pool.length)];
                x0[i] = i;
            }
            if (rnd.nextBoolean()) {   // in key order: sorted by the radix keys (NaN last, -0.0 before 0.0)
                long[] k = new long[n];
                for (int i = 0; i < n; i++) {
                    k[i] = RadixSort.key(y0[i]);
                }
                RadixSort.sort(k, null);
                for (int i = 0; i < n; i++) {
                    y0[i] = RadixSort.value(k[i]);
                }
            }
            double[] xa = new double[n];
            double[] ya = new double[n];
            int na = KaplanMeierCurve.Distinct.firstOccurrences(x0, y0, xa, ya);
            if (KaplanMeierCurve.Distinct.inKeyOrder(y0)) {
                ordered++;
                double[] xb = new double[n];
                double[] yb = new double[n];
                int nb = KaplanMeierCurve.Distinct.firstOfRuns(x0, y0, xb, yb);
                assertThat(nb).as(Arrays.toString(y0)).isEqualTo(na);
                assertThat(Arrays.copyOf(xb, nb)).as(Arrays.toString(y0)).isEqualTo(Arrays.copyOf(xa, na));
                for (int i = 0; i < na; i++) {
                    assertThat(Double.doubleToRawLongBits(yb[i])).isEqualTo(Double.doubleToRawLongBits(ya[i]));
                }
            }
        }
        assertThat(ordered).isGreaterThan(1000);
    }
}

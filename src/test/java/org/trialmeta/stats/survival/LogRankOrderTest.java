package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link LogRank#order}: a permutation sorted by (stratum, time), as a comparison sort of boxed indices gives. */
class LogRankOrderTest {

    @Test
    void matchesAComparisonSortOnTiedAndSignedData() {
        SplittableRandom rnd = new SplittableRandom(20261205);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(200);
            double[] time = new double[n];
            int[] strata = rnd.nextBoolean() ? new int[n] : null;
            for (int i = 0; i < n; i++) {
                // few distinct values (ties), both zeros, negative and huge strata labels
                double[] pool = {0.0, -0.0, 1.5, 2.0, 1e-300, 7.25, 1e12};
                time[i] = rnd.nextInt(4) == 0 ? rnd.nextDouble() * 10 : pool[rnd.nextInt(pool.length)];
                if (strata != null) {
                    strata[i] = new int[] {-5, 3, Integer.MAX_VALUE, Integer.MIN_VALUE}[rnd.nextInt(4)];
                }
            }
            int[] ord = LogRank.order(time, strata);
            assertThat(Arrays.stream(ord).sorted().toArray()).isEqualTo(IntStream.range(0, n).toArray());
            Comparator<Integer> byKey = (a, b) -> {
                int c = strata == null ? 0 : Integer.compare(strata[a], strata[b]);
                return c != 0 ? c : Double.compare(time[a], time[b]);
            };
            Integer[] expected = IntStream.range(0, n).boxed().sorted(byKey).toArray(Integer[]::new);
            for (int i = 0; i < n; i++) {
                assertThat(byKey.compare(ord[i], expected[i])).as("trial %d position %d", trial, i).isZero();
            }
        }
    }
}

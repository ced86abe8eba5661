package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RadixSort} against {@link Arrays#sort(double[])} bit for bit, and its stability with a carried order. */
class RadixSortTest {

    @Test
    void sortsAsArraysSortDoesBitForBit() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 500; trial++) {
            int n = rnd.nextInt(0, 300);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = switch (rnd.nextInt(9)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> Math.rint(rnd.nextDouble(0, 50) * 1e4) / 1e4;      // survival times to 4 decimals
                    case 3 -> -rnd.nextDouble() * Math.pow(10, rnd.nextInt(-300, 300));
                    case 4 -> Double.MIN_VALUE * rnd.nextInt(1, 1000);             // subnormal
                    case 5 -> rnd.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
                    case 6 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    case 7 -> i > 0 ? a[rnd.nextInt(i)] : 1.0;                    // ties
                    default -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-20, 20));
                };
            }
            double[] expected = a.clone();
            Arrays.sort(expected);
            long[] keys = new long[n];   // as KaplanMeier.fit sorts its times
            for (int i = 0; i < n; i++) {
                keys[i] = RadixSort.key(a[i]);
            }
            RadixSort.sort(keys, null);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(RadixSort.value(keys[i]))).as("trial %d, index %d", trial, i)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
        }
    }

    @Test
    void keysRoundTripAndOrderLikeDoubleCompare() {
        double[] v = {Double.NEGATIVE_INFINITY, -1e300, -1.0, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1.0,
            1e300, Double.POSITIVE_INFINITY};
        for (int i = 0; i < v.length; i++) {
            assertThat(Double.doubleToRawLongBits(RadixSort.value(RadixSort.key(v[i]))))
                    .isEqualTo(Double.doubleToRawLongBits(v[i]));
            if (i > 0) {
                assertThat(Long.compareUnsigned(RadixSort.key(v[i - 1]), RadixSort.key(v[i]))).isNegative();
            }
        }
    }

    @Test
    void carriesTheOrderStablyWhateverTheNumberOfPasses() {
        // keys that differ in one byte (one pass: the result comes back from the scratch arrays), in two, in all
        long[][] cases = {{3, 1, 2, 1, 3, 0}, {0x0100, 0x0001, 0x0100, 0x0201, 0x0001}, {-1L, 5L, Long.MIN_VALUE, 5L, 0L}};
        for (long[] c : cases) {
            long[] key = c.clone();
            int[] ord = new int[key.length];
            for (int i = 0; i < ord.length; i++) {
                ord[i] = i;
            }
            RadixSort.sort(key, ord);
            Integer[] expected = new Integer[c.length];
            for (int i = 0; i < c.length; i++) {
                expected[i] = i;
            }
            Arrays.sort(expected, (x, y) -> Long.compareUnsigned(c[x], c[y]));   // stable
            for (int i = 0; i < c.length; i++) {
                assertThat(ord[i]).as(Arrays.toString(c)).isEqualTo(expected[i]);
                assertThat(key[i]).isEqualTo(c[expected[i]]);
            }
        }
    }
}

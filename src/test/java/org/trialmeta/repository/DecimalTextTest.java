package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalTextTest {

    /** {@link DecimalText#fixed} is String.format's %.Nf, to the character (issue 15: it was 40% of the check's time;
     * issue 22: five numbers a row of a survival table). */
    @Test
    void fixedIsStringFormat() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(15);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 5) {
                case 0 -> rnd.nextDouble() * 100;
                case 1 -> Math.round(rnd.nextDouble() * 1e5) / 1e4 + 0.00005; // halves at the 4th decimal
                case 2 -> 100.0 * rnd.nextInt(2000) / (1 + rnd.nextInt(2000));
                case 3 -> Double.longBitsToDouble(rnd.nextLong());
                default -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
            };
            int d = rnd.nextInt(10);
            assertThat(DecimalText.fixed(v, d)).as("%s with %d decimals", v, d)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%." + d + "f", v));
        }
        for (double v : new double[] {0.15, 0.25, -0.04, -0.0, 0.0, 1e20, -1e-20, 99.995, Double.NaN,
            Double.POSITIVE_INFINITY}) {
            for (int d = 0; d < 4; d++) {
                assertThat(DecimalText.fixed(v, d)).as("%s with %d decimals", v, d)
                        .isEqualTo(String.format(java.util.Locale.ROOT, "%." + d + "f", v));
            }
        }
    }

    /** {@link DecimalText#significant} is String.format's %.Ng, to the character. */
    @Test
    void significantIsStringFormat() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(22);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 6) {
                case 0 -> rnd.nextDouble() * 100;
                case 1 -> Math.round(rnd.nextDouble() * 1e7) / 1e4 + 0.00005; // halves at the 7th digit
                case 2 -> 999999.5 + rnd.nextInt(3) - 1;                         // rounding up to a new exponent
                case 3 -> Double.longBitsToDouble(rnd.nextLong());
                case 4 -> 9.9999951 * Math.pow(10, rnd.nextInt(20) - 10);
                default -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
            };
            int d = 1 + rnd.nextInt(9);
            assertThat(DecimalText.significant(v, d)).as("%s with %d digits", v, d)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%." + d + "g", v));
        }
        for (double v : new double[] {0.0, -0.0, 1e-4, 9.99995e-5, 0.000099999949, 1e6, 999999.5, 999999.4, 1e20,
            -1e-20, 0.15, 2.5, 123456.5, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY}) {
            for (int d = 1; d < 8; d++) {
                assertThat(DecimalText.significant(v, d)).as("%s with %d digits", v, d)
                        .isEqualTo(String.format(java.util.Locale.ROOT, "%." + d + "g", v));
            }
        }
    }
}

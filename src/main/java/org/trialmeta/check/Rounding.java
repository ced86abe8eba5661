package org.trialmeta.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Comparison of a recomputed number with a reported one at the reported rounding. The number of decimals
 * reported is read from the value as written (44 → 0, 42.3 → 1; a trailing zero as in "31.0" is not
 * recoverable from the stored number and counts as 0 decimals, the lenient reading).
 */
final class Rounding {
    /** Slack for binary floating point at the rounding boundary. */
    static final double EPS = 1e-9;

    private Rounding() {
    }

    /** Decimals of a reported value as written: 44 → 0, 42.3 → 1, 0.25 → 2. */
    static int decimals(double reported) {
        return Math.max(0, BigDecimal.valueOf(reported).stripTrailingZeros().scale());
    }

    /**
     * True when {@code exact} rounds to {@code reported} at {@code decimals}, accepting either rounding of
     * an exact tie (half-up and half-even are both in use): |exact − reported| ≤ ½·10^−decimals.
     */
    static boolean consistent(double exact, double reported, int decimals) {
        double half = 0.5 * Math.pow(10, -decimals);
        return Math.abs(exact - reported) <= half + EPS;
    }

    /** {@code value} with {@code decimals} decimals, half-up, Locale.ROOT. */
    static String fmt(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A reported number as written: 44 rather than 44.0. */
    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

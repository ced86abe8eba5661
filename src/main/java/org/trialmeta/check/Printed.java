package org.trialmeta.check;

/**
 * A number as a source printed it: its value and the decimals it was printed with ({@code 44.0} has 1, so it
 * stands for [43.95, 44.05]). A figure read from a document keeps its printed decimals; one loaded from a trial
 * file infers them from the value ({@link Precision#decimals}), which loses trailing zeros and so is more lenient.
 *
 * @param value    the printed number
 * @param decimals decimals printed, at least 0
 */
record Printed(double value, int decimals) {

    /**
     * Most decimals: enough for any finite double (4.9E-324 has 324 decimals), so that a p-value such as 1e-16
     * or 1e-300 is a printed number like any other.
     */
    static final int MAX_DECIMALS = 340;

    /** Beyond this many decimals the value is shown in exponent form ("1e-16"), as sources print such p-values. */
    private static final int FIXED_DECIMALS = 15;

    Printed {
        if (!Double.isFinite(value) || decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("printed number " + value + " with " + decimals + " decimals");
        }
    }

    /** A number from a trial file: decimals inferred from the value. */
    static Printed of(double value) {
        return new Printed(value, Precision.decimals(value));
    }

    /** Half a unit of the last printed decimal: the most rounding can have moved the value. */
    double halfUnit() {
        return Precision.halfUnit(decimals);
    }

    /** The value as printed: "44.0", "0.72"; "1e-16" for a number of more than 15 decimals. */
    String text() {
        if (decimals > FIXED_DECIMALS && value != 0) {
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toString().replace("E", "e");
        }
        return Precision.fixed(value, decimals);
    }

    @Override
    public String toString() {
        return text();
    }
}

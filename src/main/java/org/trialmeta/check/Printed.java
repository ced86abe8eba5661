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

    Printed {
        if (!Double.isFinite(value) || decimals < 0 || decimals > 15) {
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

    /** The value as printed: "44.0", "0.72". */
    String text() {
        return Precision.fixed(value, decimals);
    }

    @Override
    public String toString() {
        return text();
    }
}

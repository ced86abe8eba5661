package org.trialmeta.scan;

/**
 * A number as printed in a document: its value, the decimals it was printed with ("44.0" has 1, "0·62" has 2,
 * "2.1 × 10⁻⁵" has 6) and where it stands in the text.
 *
 * @param value    the value
 * @param decimals decimals printed (for a power of ten, the decimals of the plain number)
 * @param start    offset of its first character
 * @param end      offset after its last character
 */
public record Num(double value, int decimals, int start, int end) {

    public Num {
        if (!Double.isFinite(value) || decimals < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("number " + value + " at " + start + "-" + end);
        }
    }

    /** Whether it is printed without decimals and is a whole number (a count). */
    public boolean whole() {
        return decimals == 0 && value == Math.rint(value) && value >= 0 && value <= Integer.MAX_VALUE;
    }
}

package org.trialmeta.digitise;

import org.trialmeta.model.InputException;

/**
 * The values of the first and last tick of an axis, as read off its labels ({@code --x-range 0,36}).
 *
 * @param first value at the first tick (leftmost, or lowest)
 * @param last  value at the last tick, different from {@code first}
 */
public record AxisRange(double first, double last) {

    public AxisRange {
        if (!Double.isFinite(first) || !Double.isFinite(last) || first == last || !Double.isFinite(last - first)) {
            throw new IllegalArgumentException("axis range " + first + ", " + last
                    + " (two different finite numbers, a finite distance apart)");
        }
    }

    /** Parses {@code FIRST,LAST}; refuses in one line naming the option. */
    public static AxisRange parse(String option, String value) {
        String[] p = value.split(",", -1);
        if (p.length == 2) {
            try {
                double a = Double.parseDouble(p[0].strip());
                double b = Double.parseDouble(p[1].strip());
                if (Double.isFinite(a) && Double.isFinite(b) && a < b && !Double.isFinite(b - a)) {
                    throw new InputException(option + ": '" + value + "' (LAST - FIRST is too large"
                            + " for a number: the axis must span a finite width, below about 1.8e308)");
                }
                if (Double.isFinite(a) && Double.isFinite(b) && a < b) {
                    return new AxisRange(a, b);
                }
            } catch (NumberFormatException e) {
                // the message below
            }
        }
        throw new InputException(option + ": '" + value + "' (expected FIRST,LAST: the values of the first and last"
                + " tick, two numbers with FIRST < LAST, e.g. 0,36)");
    }
}

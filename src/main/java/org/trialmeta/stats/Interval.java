package org.trialmeta.stats;

/**
 * A closed interval {@code [lower, upper]}, e.g. a confidence or prediction interval. Infinite ends
 * are allowed (an unbounded side); NaN is not: an interval that cannot be estimated is absent, not NaN.
 *
 * @param lower lower end
 * @param upper upper end, not below {@code lower}
 */
public record Interval(double lower, double upper) {
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("interval ends must not be NaN: [" + lower + ", " + upper + "]");
        }
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval lower " + lower + " > upper " + upper);
        }
    }

    /** Whether {@code x} lies in the closed interval. */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** The interval mapped through an increasing function, e.g. {@code Math::exp}. */
    public Interval map(java.util.function.DoubleUnaryOperator increasing) {
        return new Interval(increasing.applyAsDouble(lower), increasing.applyAsDouble(upper));
    }
}

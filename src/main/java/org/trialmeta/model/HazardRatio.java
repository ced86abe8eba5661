package org.trialmeta.model;

import java.util.Optional;

/**
 * A hazard ratio of the holding arm versus a comparator arm, as reported.
 *
 * <p>The numbers are kept as published even when they do not fit together (a ratio outside its own CI, a CI
 * that is not symmetric on the log scale, a p-value the CI contradicts): the reviewer check reports such
 * figures ({@code ratio-in-ci}, {@code ratio-ci-symmetry}, {@code p-from-ci}); refusing them would hide them.
 *
 * @param value      the hazard ratio, positive
 * @param ci         reported confidence interval (lower, upper, level in percent)
 * @param p          reported p-value of the comparison, when given
 * @param comparator id of the comparator arm in the same trial
 */
public record HazardRatio(double value, Optional<RatioInterval> ci, Optional<PValue> p, String comparator) {
    public HazardRatio {
        Checks.positive("hazardRatio.value", value);
        Checks.optional("hazardRatio.ci", ci);
        Checks.optional("hazardRatio.p", p);
        Checks.text("hazardRatio.comparator", comparator);
    }

    /** A hazard ratio reported without a p-value. */
    public HazardRatio(double value, Optional<RatioInterval> ci, String comparator) {
        this(value, ci, Optional.empty(), comparator);
    }

    /** A confidence interval of a ratio: {@code 0 < lower <= upper}, level in percent. */
    public record RatioInterval(double lower, double upper, double level) {
        public RatioInterval {
            Checks.positive("ci.lower", lower);
            Checks.positive("ci.upper", upper);
            Checks.level("ci.level", level);
            if (lower > upper) {
                throw new IllegalArgumentException("ci.lower: " + Checks.num(lower) + " > upper " + Checks.num(upper)
                        + " (CI lower must not exceed upper)");
            }
        }
    }
}

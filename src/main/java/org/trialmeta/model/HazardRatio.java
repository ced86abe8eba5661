package org.trialmeta.model;

import java.util.Optional;

/**
 * A hazard ratio of the holding arm versus a comparator arm, as reported.
 *
 * @param value      the hazard ratio, positive
 * @param ci         reported confidence interval (lower, upper, level in percent)
 * @param comparator id of the comparator arm in the same trial
 */
public record HazardRatio(double value, Optional<RatioInterval> ci, String comparator) {
    public HazardRatio {
        Checks.positive("hazardRatio.value", value);
        Checks.optional("hazardRatio.ci", ci);
        Checks.text("hazardRatio.comparator", comparator);
        ci.ifPresent(c -> {
            if (!(c.lower() <= value && value <= c.upper())) {
                throw new IllegalArgumentException("hazardRatio.value: " + Checks.num(value) + " outside CI "
                        + Checks.num(c.lower()) + "-" + Checks.num(c.upper()) + " (CI lower <= point <= upper)");
            }
        });
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

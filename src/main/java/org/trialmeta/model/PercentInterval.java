package org.trialmeta.model;

/**
 * A confidence interval of a percentage as reported, e.g. 95% CI 31–58.
 *
 * @param lower lower end
 * @param upper upper end, {@code lower <= upper}
 * @param level confidence level in percent, e.g. 95
 */
public record PercentInterval(Percent lower, Percent upper, double level) {
    public PercentInterval {
        Checks.required("ci.lower", lower);
        Checks.required("ci.upper", upper);
        Checks.level("ci.level", level);
        if (lower.value() > upper.value()) {
            throw new IllegalArgumentException("ci.lower: " + Checks.num(lower.value()) + " > upper "
                    + Checks.num(upper.value()) + " (CI lower must not exceed upper)");
        }
    }

    public boolean contains(double percent) {
        return lower.value() <= percent && percent <= upper.value();
    }
}

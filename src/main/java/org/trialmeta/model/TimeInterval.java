package org.trialmeta.model;

/**
 * A confidence interval (or a range) of times; either end may be {@link EstimateState#NOT_REACHED}
 * (an upper end commonly is), but not NOT_REPORTED (then the interval is absent).
 *
 * @param lower lower end
 * @param upper upper end; {@code lower <= upper} when both have values
 * @param level confidence level in percent (e.g. 95); {@code 0} marks a range (min–max), not a CI
 */
public record TimeInterval(TimeEstimate lower, TimeEstimate upper, double level) {
    public TimeInterval {
        Checks.required("lower", lower);
        Checks.required("upper", upper);
        if (level != 0) {
            Checks.level("level", level);
        }
        if (lower.state() == EstimateState.NOT_REPORTED || upper.state() == EstimateState.NOT_REPORTED) {
            throw new IllegalArgumentException("lower/upper: not reported (omit the interval instead)");
        }
        if (lower.unit() != upper.unit()) {
            throw new IllegalArgumentException("upper.unit: " + upper.unit() + " (must equal lower.unit " + lower.unit() + ")");
        }
        if (lower.state() == EstimateState.NOT_REACHED && upper.hasValue()) {
            throw new IllegalArgumentException("lower: not reached > upper " + upper + " (CI lower must not exceed upper)");
        }
        if (lower.hasValue() && upper.hasValue() && lower.value().getAsDouble() > upper.value().getAsDouble()) {
            throw new IllegalArgumentException("lower: " + lower + " > upper " + upper + " (CI lower must not exceed upper)");
        }
    }

    /** Whether a median lies inside (not-reached ends count as +infinity). */
    public boolean contains(TimeEstimate point) {
        if (!point.hasValue()) {
            return true;
        }
        double p = point.value().getAsDouble();
        boolean aboveLower = !lower.hasValue() ? lower.state() != EstimateState.NOT_REACHED : lower.value().getAsDouble() <= p;
        boolean belowUpper = !upper.hasValue() || p <= upper.value().getAsDouble();
        return aboveLower && belowUpper;
    }
}

package org.trialmeta.model;

import java.util.OptionalDouble;

/**
 * A time (median, CI end, range end) that is a value in a unit, not reached, or not reported.
 *
 * @param state whether there is a value
 * @param value the positive value, present exactly when {@code state == VALUE}
 * @param unit  unit of {@code value}
 */
public record TimeEstimate(EstimateState state, OptionalDouble value, TimeUnit unit) {
    public TimeEstimate {
        Checks.required("state", state);
        Checks.required("value", value);
        Checks.required("unit", unit);
        if ((state == EstimateState.VALUE) != value.isPresent()) {
            throw new IllegalArgumentException("value: " + value + " (a value is present exactly when the state is VALUE; state is "
                    + state + ")");
        }
        if (value.isPresent()) {
            Checks.positive("value", value.getAsDouble());
        }
    }

    public static TimeEstimate of(double value, TimeUnit unit) {
        return new TimeEstimate(EstimateState.VALUE, OptionalDouble.of(value), unit);
    }

    public static TimeEstimate notReached(TimeUnit unit) {
        return new TimeEstimate(EstimateState.NOT_REACHED, OptionalDouble.empty(), unit);
    }

    public static TimeEstimate notReported(TimeUnit unit) {
        return new TimeEstimate(EstimateState.NOT_REPORTED, OptionalDouble.empty(), unit);
    }

    public boolean hasValue() {
        return state == EstimateState.VALUE;
    }

    /** The value converted to {@code target}, when there is one. */
    public OptionalDouble in(TimeUnit target) {
        return value.isPresent() ? OptionalDouble.of(value.getAsDouble() * unit.days() / target.days())
                : OptionalDouble.empty();
    }

    /** "31.1 months", "not reached", "not reported". */
    @Override
    public String toString() {
        return switch (state) {
            case VALUE -> Checks.num(value.getAsDouble()) + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
            case NOT_REACHED -> "not reached";
            case NOT_REPORTED -> "not reported";
        };
    }
}

package org.trialmeta.stats.survival;

import java.util.OptionalDouble;

/**
 * A quantile of a survival distribution — the time by which a fraction {@code probability} has had
 * the event (probability 0.5 = median) — with the limits read off the confidence curves.
 * Empty = "not reached" (R's NA).
 *
 * @param probability the fraction with an event, in [0, 1]
 * @param time the estimate, empty when not reached
 * @param lower lower confidence limit (from the lower confidence curve), empty when not reached
 * @param upper upper confidence limit (from the upper confidence curve), empty when not reached
 */
public record SurvivalQuantile(double probability, OptionalDouble time, OptionalDouble lower,
        OptionalDouble upper) {
    public SurvivalQuantile {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("quantile probability " + probability + " not in [0, 1]");
        }
    }
}

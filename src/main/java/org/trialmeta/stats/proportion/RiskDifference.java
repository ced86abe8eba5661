package org.trialmeta.stats.proportion;

import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.stats.Interval;

/**
 * The risk difference p1 − p2 with a confidence interval and the settings it was computed with.
 * Not estimable (empty estimate and interval) when n1 = 0 or n2 = 0.
 *
 * @param method interval method
 * @param level confidence level in (0, 1)
 * @param estimate x1/n1 − x2/n2
 * @param interval confidence interval within [−1, 1]
 */
public record RiskDifference(DifferenceCi method, double level, OptionalDouble estimate, Optional<Interval> interval) {
    public RiskDifference {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        Proportions.checkLevel(level);
        if (estimate == null || interval == null || estimate.isPresent() != interval.isPresent()) {
            throw new IllegalArgumentException("estimate and interval must both be present or both empty");
        }
    }

    /** Whether the difference could be estimated. */
    public boolean estimable() {
        return estimate.isPresent();
    }
}

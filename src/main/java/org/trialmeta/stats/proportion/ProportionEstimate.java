package org.trialmeta.stats.proportion;

import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.stats.Interval;

/**
 * A single proportion {@code x/n} with its confidence interval and the settings it was computed with.
 * With {@code n = 0} the proportion is not estimable: {@code estimate} and {@code interval} are empty.
 *
 * @param x number of responders (events), 0 ≤ x ≤ n
 * @param n number of evaluable subjects, n ≥ 0
 * @param estimate x/n, empty when n = 0
 * @param level confidence level in (0, 1), e.g. 0.95
 * @param method the interval method
 * @param interval the confidence interval within [0, 1], empty when n = 0
 */
public record ProportionEstimate(
        int x, int n, OptionalDouble estimate, double level, ProportionCi method, Optional<Interval> interval) {
    public ProportionEstimate {
        Proportions.checkCounts("x", x, "n", n);
        Proportions.checkLevel(level);
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (estimate == null || interval == null) {
            throw new IllegalArgumentException("estimate and interval must not be null (use empty)");
        }
        if (estimate.isPresent() != interval.isPresent() || estimate.isPresent() != (n > 0)) {
            throw new IllegalArgumentException(
                    "estimate and interval must be present exactly when n > 0 (n = " + n + ")");
        }
    }

    /** Whether the proportion can be estimated (n &gt; 0). */
    public boolean estimable() {
        return n > 0;
    }
}

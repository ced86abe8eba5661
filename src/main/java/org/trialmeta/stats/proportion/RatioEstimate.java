package org.trialmeta.stats.proportion;

import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.stats.Interval;

/**
 * A ratio (risk ratio or odds ratio) of two proportions with its confidence interval, on the ratio
 * scale, and the settings it was computed with. Not estimable (empty estimate and interval) where the
 * ratio is 0/0 or a group has no subjects. The estimate may be 0 or +∞ only for
 * {@link RatioMethod#ODDS_RATIO_CONDITIONAL} (as R's fisher.test).
 *
 * @param method measure and interval method
 * @param level confidence level in (0, 1)
 * @param zeroCellCorrection whether 1/2 was added to every cell because one was 0
 * @param estimate the ratio
 * @param interval confidence interval of the ratio
 */
public record RatioEstimate(
        RatioMethod method,
        double level,
        boolean zeroCellCorrection,
        OptionalDouble estimate,
        Optional<Interval> interval) {
    public RatioEstimate {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        Proportions.checkLevel(level);
        if (estimate == null || interval == null || estimate.isPresent() != interval.isPresent()) {
            throw new IllegalArgumentException("estimate and interval must both be present or both empty");
        }
        if (estimate.isPresent() && !(estimate.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("ratio estimate = " + estimate.getAsDouble() + " must be >= 0");
        }
    }

    /** Whether the ratio could be estimated. */
    public boolean estimable() {
        return estimate.isPresent();
    }
}

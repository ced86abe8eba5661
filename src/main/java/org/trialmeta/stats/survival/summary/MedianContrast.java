package org.trialmeta.stats.survival.summary;

import java.util.Objects;
import java.util.Optional;
import org.trialmeta.stats.Interval;

/**
 * A contrast of two reported medians (treated vs control).
 *
 * @param measure which contrast
 * @param estimate point estimate
 * @param ci confidence interval at {@code level}, empty when an input median has no usable CI
 * @param level confidence level of {@code ci}
 * @param method how the estimate and CI were obtained, with the assumption they rest on
 */
public record MedianContrast(Measure measure, double estimate, Optional<Interval> ci, double level, String method) {

    /** The contrasts of {@link MedianComparison}. */
    public enum Measure {
        /** median_treated − median_control (time units). */
        DIFFERENCE,
        /** median_treated / median_control. */
        RATIO,
        /** (median_treated / median_control − 1) × 100, the "% increase in lifespan" of animal studies. */
        PERCENT_INCREASE_IN_LIFESPAN
    }

    public MedianContrast {
        Objects.requireNonNull(measure, "measure");
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException("median contrast estimate " + estimate + " must be finite");
        }
        Objects.requireNonNull(ci, "ci");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " must be in (0, 1)");
        }
        Objects.requireNonNull(method, "method");
    }
}

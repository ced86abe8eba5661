package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.survival.summary.MedianContrast;
import org.trialmeta.stats.survival.summary.SummaryResult;

/**
 * What {@code median-compare} reports (the published contract; null where not estimable): contrasts of two
 * published median survival times, treated vs control. There is no R function for these; the same numbers in R
 * are the hand formulas of src/test/r/cox.R.
 *
 * @param level     confidence level of the contrasts' CIs as a fraction
 * @param contrasts difference, ratio and percent increase in lifespan, in that order
 */
public record MedianComparisonSummary(double level, List<Contrast> contrasts) {

    /**
     * One contrast.
     *
     * @param measure   difference, ratio or percent_increase_in_lifespan
     * @param estimable whether an estimate exists
     * @param estimate  the estimate: median_treated − median_control, their ratio, or (ratio − 1) × 100
     * @param lower     CI lower end; null without a CI (a median without a usable CI)
     * @param upper     CI upper end; null without a CI
     * @param method    how the estimate and CI were obtained; null when not estimable
     * @param reason    why no estimate exists (e.g. "treated median not reached"); null when estimable
     */
    public record Contrast(String measure, boolean estimable, Double estimate, Double lower, Double upper,
            String method, String reason) {
    }

    /** The summary of the contrasts, in their {@link MedianContrast.Measure} order. */
    public static MedianComparisonSummary of(Map<MedianContrast.Measure, SummaryResult<MedianContrast>> contrasts,
            double level) {
        List<Contrast> rows = new ArrayList<>();
        contrasts.forEach((measure, r) -> {
            String name = measure.name().toLowerCase(Locale.ROOT);
            if (r instanceof SummaryResult.NotEstimable<MedianContrast> n) {
                rows.add(new Contrast(name, false, null, null, null, null, n.reason()));
            } else {
                MedianContrast c = r.value().orElseThrow();
                rows.add(new Contrast(name, true, c.estimate(), c.ci().map(Interval::lower).orElse(null),
                        c.ci().map(Interval::upper).orElse(null), c.method(), null));
            }
        });
        return new MedianComparisonSummary(level, rows);
    }
}

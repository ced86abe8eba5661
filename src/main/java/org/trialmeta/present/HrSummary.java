package org.trialmeta.present;

import org.trialmeta.stats.Interval;
import org.trialmeta.stats.survival.summary.LogHazardRatio;
import org.trialmeta.stats.survival.summary.SummaryResult;

/**
 * What {@code hr-from-summary} reports (the published contract; null where not estimable): a log hazard ratio
 * and its variance, ready for generic inverse-variance pooling ({@code pool --measure GEN}, metafor's
 * {@code rma(yi = log_hr, vi = variance)}), by Tierney et al. 2007 (Trials 8:16) or an exponential model on
 * medians.
 *
 * @param estimable whether an estimate exists
 * @param logHr     log hazard ratio, research vs control ({@code yi})
 * @param variance  its variance ({@code vi})
 * @param se        its standard error, sqrt(variance) ({@code sei})
 * @param hr        the hazard ratio, exp(log_hr)
 * @param hrLower   Wald CI lower end of the HR at {@code level}, exp(log_hr − z se)
 * @param hrUpper   upper end, exp(log_hr + z se)
 * @param level     the CI's confidence level as a fraction
 * @param method    the method used, with the assumption it rests on
 * @param reason    why no estimate exists (e.g. "treated median not reached"); null when estimable
 */
public record HrSummary(boolean estimable, Double logHr, Double variance, Double se, Double hr, Double hrLower,
        Double hrUpper, double level, String method, String reason) {

    /** The summary of {@code r} with the HR's CI at {@code level} (a fraction). */
    public static HrSummary of(SummaryResult<LogHazardRatio> r, double level) {
        if (r instanceof SummaryResult.NotEstimable<LogHazardRatio> n) {
            return new HrSummary(false, null, null, null, null, null, null, level, null, n.reason());
        }
        LogHazardRatio x = r.value().orElseThrow();
        Interval ci = x.hazardRatioCi(level);
        return new HrSummary(true, x.logHr(), x.variance(), x.standardError(), x.hazardRatio(), ci.lower(), ci.upper(),
                level, x.method(), null);
    }
}

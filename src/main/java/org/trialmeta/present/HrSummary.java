package org.trialmeta.present;

import org.trialmeta.check.PValueAgreement;
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
 * @param pCheck    when both a CI and a p-value were given (the CI is used): whether the p agrees with it; null
 *                  otherwise
 */
public record HrSummary(boolean estimable, Double logHr, Double variance, Double se, Double hr, Double hrLower,
        Double hrUpper, double level, String method, String reason, PCheck pCheck) {

    /**
     * A p-value given beside the CI, which the estimate does not use, against the p-value the CI implies (rule
     * {@code p-from-ci} of the reviewer check).
     *
     * @param given    the p-value given, as typed ("0.03", "<0.001")
     * @param fromCi   the two-sided p-value the HR and its CI imply (Wald; Altman and Bland, BMJ 2011;343:d2304)
     * @param agrees   whether the given p agrees at its printed rounding (within the difference between a log-rank
     *                 and a Wald test)
     * @param severity info when it agrees, else warning or error as the reviewer check grades it
     * @param message  the finding in one sentence
     */
    public record PCheck(String given, double fromCi, boolean agrees, String severity, String message) {

        /** The check of a p-value typed as {@code given} (a number) against the CI. */
        public static PCheck of(double given, PValueAgreement a) {
            return new PCheck(PValueAgreement.printed(given), a.pFromCi(),
                    a.agrees(), a.severity().label(), a.message());
        }
    }

    /** The summary of {@code r} with the HR's CI at {@code level} (a fraction). */
    public static HrSummary of(SummaryResult<LogHazardRatio> r, double level) {
        return of(r, level, null);
    }

    /** As {@link #of(SummaryResult, double)}, with the check of a p-value given beside the CI (or null). */
    public static HrSummary of(SummaryResult<LogHazardRatio> r, double level, PCheck pCheck) {
        if (r instanceof SummaryResult.NotEstimable<LogHazardRatio> n) {
            return new HrSummary(false, null, null, null, null, null, null, level, null, n.reason(), pCheck);
        }
        LogHazardRatio x = r.value().orElseThrow();
        Interval ci = x.hazardRatioCi(level);
        return new HrSummary(true, x.logHr(), x.variance(), x.standardError(), x.hazardRatio(), ci.lower(), ci.upper(),
                level, x.method(), null, pCheck);
    }
}

package org.trialmeta.analysis;

import java.util.List;

/**
 * A pooled mutant-vs-wild-type effect across trials (one cut per trial), by random effects
 * ({@code metafor::rma(measure, ai, n1i, ci, n2i, method = "REML")}) and by Mantel-Haenszel ({@code rma.mh}).
 * Estimates on the natural scale (OR, RR, RD). A part that could not be fitted is null, with the reason in
 * {@code note}.
 *
 * @param measure        OR, RR or RD
 * @param k              number of studies
 * @param studies        the comparisons pooled (trial ids), in order
 * @param randomEffects  the random-effects fit; null when not estimable (no study, or REML did not converge)
 * @param mantelHaenszel the Mantel-Haenszel fit; null when not estimable (no study, or no events)
 * @param level          confidence level of every interval, in (0, 1)
 * @param rule           the one-cut-per-trial rule
 * @param note           e.g. why a part is not estimable; empty when there is nothing to say
 */
public record PooledEffect(String measure, int k, List<String> studies, RandomEffectsFit randomEffects,
        MantelHaenszelFit mantelHaenszel, double level, String rule, String note) {

    /**
     * A Mantel-Haenszel fixed-effect estimate on the natural scale, as {@code predict(rma.mh(...), transf = exp)}.
     *
     * @param estimate the pooled estimate
     * @param ciLower  its confidence interval, lower end; null when not estimable
     * @param ciUpper  upper end
     * @param pval     p-value of its z test; null when not estimable
     */
    public record MantelHaenszelFit(double estimate, Double ciLower, Double ciUpper, Double pval) {
    }

    public PooledEffect {
        studies = List.copyOf(studies);
    }
}

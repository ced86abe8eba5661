package org.trialmeta.analysis;

import java.util.List;

/**
 * A pooled mutant-vs-wild-type effect across trials (one cut per trial), by random effects
 * ({@code metafor::rma(measure, ai, n1i, ci, n2i, method = "REML")}) and by Mantel-Haenszel
 * ({@code rma.mh}). Estimates on the natural scale (OR, RR, RD); null when not estimable.
 *
 * @param measure     OR, RR or RD
 * @param method      tau² estimator of the random-effects fit, e.g. REML
 * @param k           number of studies
 * @param studies     the comparisons pooled (trial ids), in order
 * @param weights     random-effects weights in percent, per study
 * @param estimate    random-effects pooled estimate
 * @param ciLower     its CI lower
 * @param ciUpper     its CI upper
 * @param piLower     prediction interval lower
 * @param piUpper     prediction interval upper
 * @param pval        p of the z test
 * @param tau2        tau²
 * @param i2          I² (%)
 * @param q           Cochran's Q
 * @param qDf         df of Q
 * @param qPval       p of Q
 * @param mhEstimate  Mantel-Haenszel estimate
 * @param mhLower     its CI lower
 * @param mhUpper     its CI upper
 * @param mhPval      p of its z test
 * @param level       confidence level in percent
 * @param rule        the one-cut-per-trial rule
 * @param note        e.g. why it is not estimable
 */
public record PooledEffect(String measure, String method, int k, List<String> studies, List<Double> weights,
        Double estimate, Double ciLower, Double ciUpper, Double piLower, Double piUpper, Double pval, Double tau2,
        Double i2, Double q, Integer qDf, Double qPval, Double mhEstimate, Double mhLower, Double mhUpper,
        Double mhPval, double level, String rule, String note) {
}

package org.trialmeta.analysis;

import java.util.List;

/**
 * A pooled response rate of one stratum across trials: logit-transformed proportions (PLO) with a
 * random-effects model, back-transformed, as {@code metafor::rma(measure = "PLO", xi, ni, method = "REML")}
 * with {@code predict(res, transf = transf.ilogit)}. Null fields: not estimable.
 *
 * @param stratum  mutant, wild-type or overall
 * @param k        number of studies
 * @param rows     the study rows pooled (one cut per trial)
 * @param weights  weights in percent per row
 * @param estimate pooled proportion
 * @param ciLower  CI lower
 * @param ciUpper  CI upper
 * @param piLower  prediction interval lower
 * @param piUpper  prediction interval upper
 * @param logit    pooled logit (for the subgroup test)
 * @param logitSe  its standard error
 * @param tau2     tau² on the logit scale
 * @param i2       I² (%)
 * @param q        Q
 * @param qDf      df of Q
 * @param qPval    p of Q
 * @param note     e.g. why it is not estimable
 */
public record PooledProportion(Stratum stratum, int k, List<ProportionRow> rows, List<Double> weights, Double estimate,
        Double ciLower, Double ciUpper, Double piLower, Double piUpper, Double logit, Double logitSe, Double tau2,
        Double i2, Double q, Integer qDf, Double qPval, String note) {
}

package org.trialmeta.analysis;

import java.util.List;

/**
 * A pooled response rate of one stratum across trials: logit-transformed proportions (PLO) with a
 * random-effects model, back-transformed, as {@code metafor::rma(measure = "PLO", xi, ni, method = "REML")}
 * with {@code predict(res, transf = transf.ilogit)}.
 *
 * @param stratum mutant, wild-type or overall
 * @param k       number of studies
 * @param rows    the study rows pooled (one cut per trial)
 * @param fit     the fit: pooled proportion and its intervals, the pooled logit ({@code b}) and its SE (for the
 *                subgroup test), weights per row and heterogeneity; null when not estimable
 * @param note    e.g. why it is not estimable; empty when there is nothing to say
 */
public record PooledProportion(Stratum stratum, int k, List<ProportionRow> rows, RandomEffectsFit fit, String note) {

    public PooledProportion {
        rows = List.copyOf(rows);
    }
}

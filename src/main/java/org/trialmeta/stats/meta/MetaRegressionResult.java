package org.trialmeta.stats.meta;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Mixed-effects meta-regression on one categorical moderator, as metafor's
 * {@code rma(yi, vi, mods = ~ factor(g), method =, test =)}: coefficients in R's treatment coding
 * (intercept = mean of the first level in sorted order, then each other level minus the first), the
 * omnibus test QM of all non-intercept coefficients, the residual tau² and the residual heterogeneity
 * test QE.
 *
 * @param measure       effect measure (echoed)
 * @param method        tau² estimator
 * @param test          z or Knapp-Hartung
 * @param level         confidence level as a fraction (e.g. 0.95)
 * @param k             number of studies
 * @param levels        moderator levels, sorted; the first is the reference
 * @param coefficients  intercept and level contrasts (length = number of levels)
 * @param se            their standard errors
 * @param statistic     z or t values
 * @param pval          two-sided p-values
 * @param qm            omnibus statistic: chi-square (z) or F (knha, QM/m as metafor)
 * @param qmDf1         levels − 1
 * @param qmDf2         k − levels for knha (F test); empty for z
 * @param qmPval        p-value of QM
 * @param tau2          residual tau²
 * @param tau2Se        its SE as metafor's {@code se.tau2}; empty for FE
 * @param residual      QE with k − levels df, and I², H² of the residual heterogeneity; empty if k = levels
 * @param iterations    iterations spent by an iterative estimator
 */
public record MetaRegressionResult(EffectMeasure measure, Tau2Estimator method, TestType test, double level, int k,
        List<String> levels, double[] coefficients, double[] se, double[] statistic, double[] pval, double qm,
        int qmDf1, OptionalInt qmDf2, double qmPval, double tau2, OptionalDouble tau2Se,
        Optional<Heterogeneity> residual, int iterations) implements MetaRegressionFit {

    public MetaRegressionResult {
        levels = List.copyOf(levels);
        if (coefficients.length != levels.size() || se.length != levels.size()) {
            throw new IllegalArgumentException("coefficients/se length must equal the number of levels " + levels.size());
        }
        coefficients = coefficients.clone();
        se = se.clone();
        statistic = statistic.clone();
        pval = pval.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double[] se() {
        return se.clone();
    }

    @Override
    public double[] statistic() {
        return statistic.clone();
    }

    @Override
    public double[] pval() {
        return pval.clone();
    }
}

package org.trialmeta.stats.meta;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A fitted meta-regression, as metafor's {@code rma(yi, vi, mods = ~ ..., method =, test =, level =)}, carrying
 * the settings it was fitted with.
 *
 * @param measure      effect measure (echoed)
 * @param method       tau² estimator (FE: no residual heterogeneity)
 * @param test         z, or Knapp-Hartung (t with k − p df, F for QM)
 * @param level        confidence level as a fraction
 * @param k            number of studies
 * @param coefficients intercept then one per design column, in design order ({@code res$beta, se, zval, pval,
 *                     ci.lb, ci.ub})
 * @param qm           omnibus Wald test of every coefficient but the intercept ({@code QM}); divided by their
 *                     number m for knha (then F(m, k − p)), as metafor
 * @param qmDf1        m = p − 1
 * @param qmDf2        k − p for knha; empty for z
 * @param qmPval       its p-value ({@code QMp})
 * @param tau2         residual tau² (0 for FE)
 * @param tau2Se       its standard error ({@code se.tau2}); empty for FE
 * @param residual     QE with k − p df, its p-value, I², H² ({@code QE, QEp, I2, H2})
 * @param r2           pseudo R² in percent ({@code R2}: max(0, 100·(tau²_RE − tau²)/tau²_RE) with tau²_RE from
 *                     the intercept-only fit by the same method, 0 when tau²_RE = 0; for FE the weighted adjusted
 *                     R² of {@code lm}); empty when the intercept-only fit fails or when not computed
 * @param iterations   iterations of an iterative tau² estimator
 */
public record RegressionResult(EffectMeasure measure, Tau2Estimator method, TestType test, double level, int k,
        List<Coefficient> coefficients, double qm, int qmDf1, OptionalInt qmDf2, double qmPval, double tau2,
        OptionalDouble tau2Se, Optional<Heterogeneity> residual, OptionalDouble r2, int iterations)
        implements RegressionFit {

    /** One coefficient: estimate, SE, z or t, two-sided p-value and CI. */
    public record Coefficient(String name, double estimate, double se, double statistic, double pval, double ciLower,
            double ciUpper) {
    }

    public RegressionResult {
        coefficients = List.copyOf(coefficients);
    }

    /** Number of coefficients p. */
    public int p() {
        return coefficients.size();
    }
}

package org.trialmeta.stats.meta;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.stats.Interval;

/**
 * A fitted intercept-only meta-analytic model, as metafor's {@code rma.uni} with {@code predict},
 * {@code confint} and {@code weights}, carrying the settings it was fitted with.
 *
 * @param measure        the effect measure (echoed)
 * @param method         the tau² estimator (FE = fixed/equal effects)
 * @param test           the test used; k = 1 always uses {@link TestType#Z}, as metafor
 * @param level          confidence level as a fraction (e.g. 0.95)
 * @param k              number of studies
 * @param estimate       pooled estimate μ̂ = Σ wi yi / Σ wi, wi = 1/(vi + tau²)
 * @param se             its standard error (×√(RSS/(k−1)) for Knapp-Hartung)
 * @param statistic      z or t value estimate/se
 * @param pval           two-sided p-value (normal, or t with k−1 df)
 * @param ci             confidence interval estimate ± crit·se
 * @param pi             prediction interval estimate ± crit·√(se² + tau²), as {@code predict(res)};
 *                       empty for FE (metafor gives none)
 * @param tau2           tau² (0 for FE and for k = 1)
 * @param tau2Se         metafor's {@code se.tau2}; empty for FE and k = 1 (metafor: NA)
 * @param heterogeneity  Q, I², H²; empty for k = 1 (metafor then prints Q = 0, p = 1, I² = 0, H² = 1)
 * @param tau2Ci         Q-profile CI as {@code confint(res)}; empty for FE, k = 1, or when not requested
 * @param weights        per-study weights in percent, as {@code weights(res)}
 * @param transformed    estimate, CI and PI back-transformed to the natural scale
 * @param iterations     Fisher scoring steps / root-finder evaluations (0 for closed forms)
 */
public record MetaAnalysisResult(EffectMeasure measure, Tau2Estimator method, TestType test, double level, int k,
        double estimate, double se, double statistic, double pval, Interval ci, Optional<Interval> pi, double tau2,
        OptionalDouble tau2Se, Optional<Heterogeneity> heterogeneity, Optional<Tau2ConfidenceInterval> tau2Ci,
        double[] weights, Transformed transformed, int iterations) implements FitResult {

    /**
     * Pooled values on the natural scale (e.g. odds ratio, proportion), as
     * {@code predict(res, transf = ...)}.
     */
    public record Transformed(double estimate, Interval ci, Optional<Interval> pi) {
    }

    public MetaAnalysisResult {
        if (k < 1) {
            throw new IllegalArgumentException("k " + k + " must be >= 1");
        }
        if (!(tau2 >= 0)) {
            throw new IllegalArgumentException("tau2 " + tau2 + " must be >= 0");
        }
        if (weights.length != k) {
            throw new IllegalArgumentException("weights length " + weights.length + " != k " + k);
        }
        weights = weights.clone();
    }

    /** tau = √tau². */
    public double tau() {
        return Math.sqrt(tau2);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Study {@code i}'s weight in percent, without copying the array. */
    public double weight(int i) {
        return weights[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetaAnalysisResult r && toString().equals(r.toString()) && Arrays.equals(weights, r.weights);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "MetaAnalysisResult[measure=" + measure + ", method=" + method + ", test=" + test + ", level=" + level
                + ", k=" + k + ", estimate=" + estimate + ", se=" + se + ", statistic=" + statistic + ", pval=" + pval
                + ", ci=" + ci + ", pi=" + pi + ", tau2=" + tau2 + ", tau2Se=" + tau2Se + ", heterogeneity="
                + heterogeneity + ", tau2Ci=" + tau2Ci + ", transformed=" + transformed + "]";
    }
}

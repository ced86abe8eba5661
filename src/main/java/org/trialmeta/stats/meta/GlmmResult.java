package org.trialmeta.stats.meta;

import org.trialmeta.stats.Interval;

/**
 * A fitted binomial-normal random-intercept model for single proportions ({@link BinomialNormalGlmm}), with the
 * fields of metafor's {@code rma.glmm(measure = "PLO", xi = xi, ni = ni)} object and {@code predict(res,
 * transf = transf.ilogit)}.
 *
 * @param options        the settings it was fitted with (level, quadrature points)
 * @param k              number of studies
 * @param estimate       μ̂, the pooled logit ({@code b})
 * @param se             its standard error from the observed information of (μ, τ) ({@code se})
 * @param zval           μ̂/se ({@code zval})
 * @param pval           two-sided normal p-value ({@code pval})
 * @param ci             μ̂ ∓ z₁₋α/₂·se ({@code ci.lb, ci.ub})
 * @param pi             prediction interval μ̂ ∓ z₁₋α/₂·√(se² + tau²) ({@code predict(res)$pi.lb, pi.ub})
 * @param tau2           τ̂², the between-study variance of the logits ({@code tau2}); exactly 0 at the boundary
 * @param tau2AtZero     whether the maximum is on the boundary tau² = 0 (the fit is then the fixed-effect
 *                       logistic regression {@code glm(cbind(xi, ni - xi) ~ 1, family = binomial)})
 * @param logLik         maximised log-likelihood (adaptive Gauss-Hermite), including the binomial coefficients:
 *                       Σ log dbinom(xᵢ, nᵢ, xᵢ/nᵢ) − d/2 with d lme4's objective ({@code res.ML@devcomp$cmp["dev"]}).
 *                       Not metafor's {@code fit.stats["ll", "ML"]}, which subtracts lme4's {@code deviance()} —
 *                       for a GLMM the conditional deviance at the random-effect modes — instead
 * @param evaluations    likelihood evaluations spent
 * @param heterogeneity  the heterogeneity tests and I², H²
 * @param transformed    estimate, CI and PI as proportions (inverse logit)
 */
public record GlmmResult(BinomialNormalGlmm.Options options, int k, double estimate, double se, double zval,
        double pval, Interval ci, Interval pi, double tau2, boolean tau2AtZero, double logLik, int evaluations,
        HeterogeneityTests heterogeneity, Transformed transformed) implements GlmmFit {

    public GlmmResult {
        if (k < 2) {
            throw new IllegalArgumentException("k " + k + " must be >= 2");
        }
        if (!(tau2 >= 0) || !Double.isFinite(tau2)) {
            throw new IllegalArgumentException("tau2 " + tau2 + " must be finite and >= 0");
        }
        if (!(se > 0) || !Double.isFinite(se) || !Double.isFinite(estimate)) {
            throw new IllegalArgumentException("estimate " + estimate + ", se " + se + " must be finite, se > 0");
        }
    }

    /** τ̂ = √tau². */
    public double tau() {
        return Math.sqrt(tau2);
    }

    /**
     * Heterogeneity as {@code rma.glmm} reports it, on k − 1 degrees of freedom.
     *
     * <p>{@code qeWald} ({@code QE.Wld}) is the Wald test of the k − 1 study effects in the saturated logistic
     * model {@code glm(cbind(xi, ni - xi) ~ factor(study))}, which equals Σ Wᵢ(ηᵢ − η̄)² with ηᵢ the saturated
     * logits, Wᵢ their IRLS weights and η̄ = Σ Wᵢηᵢ/Σ Wᵢ; computed by the same iteratively reweighted least
     * squares as R's {@code glm.fit} (start (xᵢ + ½)/(nᵢ + 1), relative deviance change &lt; 10⁻⁸, at most 25
     * steps), so that studies with 0 or nᵢ events contribute the same tiny amount as in R. {@code qeLrt}
     * ({@code QE.LRT}) is the likelihood-ratio test −2(ℓ_FE − ℓ_saturated). Both are set to 0 when negative.
     * I² = 100·τ²/(vt + τ²) and H² = τ²/vt + 1, with vt = (k − 1)/(Σwᵢ − Σwᵢ²/Σwᵢ), wᵢ = 1/vᵢ and vᵢ the
     * {@code escalc(measure = "PLO")} sampling variances (½ added to both cells of a study with 0 or nᵢ events)
     * — metafor's "typical" within-study variance, the same as for {@code rma.uni}.
     *
     * @param qeWald     Wald-type test statistic
     * @param qeWaldPval its chi-square p-value
     * @param qeLrt      likelihood-ratio test statistic
     * @param qeLrtPval  its chi-square p-value
     * @param df         k − 1
     * @param i2         I² in percent
     * @param h2         H²
     * @param vt         the typical within-study variance
     */
    public record HeterogeneityTests(double qeWald, double qeWaldPval, double qeLrt, double qeLrtPval, int df, double i2,
            double h2, double vt) {
    }

    /**
     * Back-transformed to proportions by the inverse logit ({@code predict(res, transf = transf.ilogit)}).
     *
     * @param estimate plogis(μ̂)
     * @param ci       the CI's ends transformed
     * @param pi       the PI's ends transformed
     */
    public record Transformed(double estimate, Interval ci, Interval pi) {
    }
}

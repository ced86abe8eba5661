package org.trialmeta.stats.meta;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.ConfidenceLevel;
import org.trialmeta.stats.Interval;

/**
 * Random-effects meta-analysis of single proportions by the binomial-normal generalised linear mixed model
 * (random-intercept logistic regression), fitted by maximum likelihood.
 *
 * <p><b>Model.</b> Study i has xᵢ events among nᵢ participants, xᵢ ~ Binomial(nᵢ, pᵢ) with logit(pᵢ) = μ + τ·uᵢ,
 * uᵢ ~ N(0, 1) independent (Stijnen, Hamza &amp; Özdemir, Stat Med 2010;29:3046–3067, the "binomial-normal"
 * model; Hamza, van Houwelingen &amp; Stijnen, J Clin Epidemiol 2008;61:41–51). μ is the pooled logit, τ² the
 * between-study variance on the logit scale.
 *
 * <p><b>Likelihood.</b> ℓ(μ, τ) = Σᵢ log ∫ φ(u) · C(nᵢ, xᵢ) pᵢ(u)^xᵢ (1 − pᵢ(u))^(nᵢ−xᵢ) du, pᵢ(u) = expit(μ + τu).
 * Each integral is approximated by <b>adaptive Gauss-Hermite quadrature</b> (Pinheiro &amp; Bates, J Comput Graph
 * Stat 1995;4:12–35; Liu &amp; Pierce, Biometrika 1994;81:624–629) with q points: with gᵢ(u) the log of the
 * integrand without φ's constant, ûᵢ its mode (Newton on gᵢ′(u) = τ(xᵢ − nᵢpᵢ(u)) − u = 0, safeguarded by the
 * bracket [τ(xᵢ − nᵢ), τxᵢ]) and σᵢ = (1 + τ²nᵢpᵢ(ûᵢ)(1 − pᵢ(ûᵢ)))^(−1/2) = (−gᵢ″(ûᵢ))^(−1/2),
 * ∫ φ(u)e^(gᵢ(u)+u²/2) du ≈ σᵢ Σⱼ wⱼ exp(zⱼ²/2 + gᵢ(ûᵢ + σᵢzⱼ)), with (zⱼ, wⱼ) the q-point
 * {@link GaussHermite} rule for N(0, 1). This is exactly lme4's {@code glmer(cbind(xi, ni - xi) ~ 1 + (1 | study),
 * family = binomial, nAGQ = q)} objective (its C++ {@code glmerAGQ}: nodes at the conditional modes scaled by
 * the inverse diagonal of the Cholesky factor), which metafor's {@code rma.glmm} calls with its default
 * {@code nAGQ = 7}; the default here is 7 too. At τ = 0 the approximation is exact (the fixed-effect logistic
 * likelihood), for every q.
 *
 * <p><b>Maximisation.</b> ℓ is even in τ, so (μ, τ) with τ ≥ 0 is used (not log τ, which cannot reach the
 * boundary). Newton's method from μ = logit(Σxᵢ/Σnᵢ) and τ = max(τ_DL, 0.05) (DerSimonian-Laird on the escalc
 * logits), with the analytic gradient (implicit derivatives of ûᵢ and σᵢ, see {@code Likelihood.value}) and the
 * Hessian from central differences of that gradient, step halving, and a Levenberg-Marquardt shift where the
 * Hessian is not negative definite; once the Newton decrement gᵀ(−H)⁻¹g ≤ 10⁻¹⁴·(1 + |ℓ|), full steps are taken
 * while the decrement keeps falling (there ℓ itself no longer changes by more than its rounding, so the gradient
 * decides). If Newton fails, a bracketing fallback: the profile ℓ_p(τ) = max_μ ℓ(μ, τ) (inner:
 * bracketed root of ∂ℓ/∂μ, decreasing in μ) is scanned on τ ∈ {0, 0.025·2^j} (extended by doubling up to
 * τ = 1000; beyond, "no maximum at a finite tau²"), maximised by Brent's method on the best bracket and polished by
 * Newton. The boundary τ̂ = 0 is reported when ℓ there, the fixed-effect logistic likelihood at μ = logit(Σxᵢ/Σnᵢ),
 * is at least as high as at the point reached (at τ = 0, ∂ℓ/∂τ² = ½Σ[(xᵢ − nᵢp̂)² − nᵢp̂(1 − p̂)], so the
 * boundary is a local maximum when that score is ≤ 0); μ̂ is then logit(Σxᵢ/Σnᵢ) exactly.
 *
 * <p><b>Standard error.</b> From the observed information of (μ, τ): se(μ̂)² = [(−H)⁻¹]_μμ, H the Hessian of ℓ at
 * the optimum (central differences of the analytic gradient at steps h and h/2 with Richardson extrapolation),
 * so the uncertainty of τ̂ is accounted for. lme4 ({@code vcov.merMod}, {@code use.hessian = TRUE})
 * reports the same quantity from a central-difference Hessian of its deviance in (θ = τ, β = μ) with step 10⁻⁴,
 * which is what {@code rma.glmm} returns; at τ̂ = 0 the cross derivative vanishes (ℓ is even in τ), so both give
 * the fixed-effect logistic SE 1/√(Σnᵢ·p̂(1 − p̂)). Then z = μ̂/se, two-sided normal p, CI μ̂ ∓ z₁₋α/₂·se and PI μ̂ ∓ z₁₋α/₂·√(se² + τ̂²)
 * ({@code predict.rma}); proportions by the inverse logit.
 *
 * <p><b>Heterogeneity</b> as {@code rma.glmm}: see {@link GlmmResult.HeterogeneityTests}.
 *
 * <p>Same numbers as R: {@code metafor::rma.glmm(measure = "PLO", xi = xi, ni = ni)} (metafor 3.8.1, lme4
 * {@code glmer}, nAGQ = 7, ML) and {@code predict(res, transf = transf.ilogit)}, up to lme4's optimiser tolerance
 * (Nelder-Mead, {@code FtolAbs = 1e-5} on the deviance: 1e-6 to 1e-4 relative in μ̂ and tau²) and its
 * step-10⁻⁴ finite-difference Hessian (about 1e-6 in se); against the converged maximum of lme4's own objective
 * they agree to 1e-6 (see {@code src/test/r/glmm.R} and {@code BinomialNormalGlmmReferenceTest}).
 */
public final class BinomialNormalGlmm {

    /** metafor's default {@code nAGQ} for {@code rma.glmm}. */
    public static final int DEFAULT_QUADRATURE_POINTS = 7;

    /** Profile scan: τ = 0 and τ = FIRST_TAU·2^j; extended by doubling up to MAX_TAU. */
    private static final double FIRST_TAU = 0.025;
    private static final int GRID_POINTS = 10;
    private static final double MAX_TAU = 1000;
    /**
     * Newton: at most this many steps; from a decrement ≤ DECREMENT_TOLERANCE·(1 + |ℓ|) on, full steps while the
     * decrement falls.
     */
    private static final int MAX_NEWTON_STEPS = 100;
    private static final double DECREMENT_TOLERANCE = 1e-14;
    /** A fit whose decrement stays above this (relative) is reported as not converged. */
    private static final double ACCEPT_DECREMENT = 1e-12;
    /** glm.fit's defaults: epsilon and maxit. */
    private static final double GLM_EPSILON = 1e-8;
    private static final int GLM_MAXIT = 25;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private BinomialNormalGlmm() {}

    /**
     * Fit settings.
     *
     * @param level            confidence level as a fraction, e.g. 0.95
     * @param quadraturePoints Gauss-Hermite points per study (metafor/lme4 {@code nAGQ}), 1 … 100; 1 is the Laplace
     *                         approximation
     */
    public record Options(double level, int quadraturePoints) {

        /** Level 0.95, 7 points (metafor's defaults). */
        public static final Options DEFAULTS = new Options(0.95, DEFAULT_QUADRATURE_POINTS);

        public Options {
            ConfidenceLevel.check(level);
            if (quadraturePoints < 1 || quadraturePoints > GaussHermite.MAX_POINTS) {
                throw new IllegalArgumentException("quadraturePoints " + quadraturePoints + " must be between 1 and "
                        + GaussHermite.MAX_POINTS);
            }
        }

        public Options withLevel(double newLevel) {
            return new Options(newLevel, quadraturePoints);
        }

        public Options withQuadraturePoints(int points) {
            return new Options(level, points);
        }
    }

    /**
     * Fits the model to xᵢ events among nᵢ participants.
     *
     * @return a {@link GlmmResult}, or {@link GlmmNotEstimable} with fewer than 2 studies, when no study has an
     *     event (or every participant of every study had one), when every study has 0 or all events (the exact
     *     likelihood then keeps rising with tau²; lme4's 7-point approximation stops at some huge tau², e.g. 29616),
     *     when no maximum is found below τ = 1000, or when the optimiser does not converge
     * @throws IllegalArgumentException on arrays of different length or a count out of range (ni ≥ 1,
     *     0 ≤ xi ≤ ni), naming the study (0-based)
     */
    public static GlmmFit fit(int[] xi, int[] ni, Options options) {
        return fit(xi, ni, options, false);
    }

    /** As {@link #fit(int[], int[], Options)}; {@code profileOnly} skips Newton's first attempt (tests the fallback). */
    static GlmmFit fit(int[] xi, int[] ni, Options options, boolean profileOnly) {
        validate(xi, ni);
        int k = xi.length;
        if (k < 2) {
            return new GlmmNotEstimable(k, options, "k = " + k
                    + ": the random-effects model has 2 parameters and needs at least 2 studies");
        }
        long events = 0;
        long total = 0;
        for (int i = 0; i < k; i++) {
            events += xi[i];
            total += ni[i];
        }
        if (events == 0 || events == total) {
            return new GlmmNotEstimable(k, options, (events == 0 ? "no study has an event"
                    : "every participant of every study had the event") + ": the pooled logit is "
                    + (events == 0 ? "-" : "+") + "infinite");
        }
        boolean interior = false;
        for (int i = 0; i < k && !interior; i++) {
            interior = xi[i] > 0 && xi[i] < ni[i];
        }
        if (!interior) {
            return new GlmmNotEstimable(k, options, "every study has 0 or all events: the likelihood has no maximum at"
                    + " a finite tau^2");
        }
        Likelihood lik = new Likelihood(xi, ni, GaussHermite.of(options.quadraturePoints()));
        double pooled = (double) events / total;
        double muFe = Math.log(pooled) - Math.log1p(-pooled);
        Optimum opt = maximise(lik, muFe, xi, ni, profileOnly);
        if (opt.failure != null) {
            return new GlmmNotEstimable(k, options, opt.failure);
        }
        OptionalDouble se;
        if (opt.boundary) {
            double info = 0;
            for (int i = 0; i < k; i++) {
                info += ni[i] * pooled * (1 - pooled);
            }
            se = OptionalDouble.of(1 / Math.sqrt(info));
        } else {
            se = interiorSe(lik.hessian(opt.mu, opt.tau, true));
        }
        double logLik = opt.value + lik.logChooseSum();
        return atMaximum(options, k, opt, se, logLik, lik.evaluations,
                heterogeneity(xi, ni, pooled, opt.tau * opt.tau), BinomialNormalGlmm::expit);
    }

    /**
     * The standard error of μ̂ from the observed information at an interior maximum: √(−[H⁻¹]₁₁) of the 2 × 2
     * Hessian in (μ, τ), i.e. −H₂₂/det H; empty when H is not negative definite there.
     */
    static OptionalDouble interiorSe(double[][] h) {
        double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        double v = -h[1][1] / det;
        return h[0][0] < 0 && det > 0 && v > 0 ? OptionalDouble.of(Math.sqrt(v)) : OptionalDouble.empty();
    }

    /**
     * The fit at the maximum {@code opt} of either GLMM (this one, and {@link OddsRatioGlmm}): Wald z-test, CI
     * μ̂ ± z·se, prediction interval μ̂ ± z·√(se² + τ̂²) (as {@code predict.rma}), and those back-transformed by
     * {@code back}; not estimable without a standard error.
     */
    static GlmmFit atMaximum(Options options, int k, Optimum opt, OptionalDouble se, double logLik, int evaluations,
            GlmmResult.HeterogeneityTests heterogeneity, DoubleUnaryOperator back) {
        if (se.isEmpty()) {
            return new GlmmNotEstimable(k, options,
                    "the observed information at the maximum is not positive definite; no standard error");
        }
        double mu = opt.mu;
        double s = se.getAsDouble();
        double tau2 = opt.tau * opt.tau;
        double zval = mu / s;
        double pval = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(zval));
        double crit = STANDARD_NORMAL.inverseSurvivalProbability(ConfidenceLevel.alpha(options.level()) / 2);
        Interval ci = new Interval(mu - crit * s, mu + crit * s);
        double piHalf = crit * Math.sqrt(s * s + tau2);
        Interval pi = new Interval(mu - piHalf, mu + piHalf);
        GlmmResult.Transformed transformed = new GlmmResult.Transformed(back.applyAsDouble(mu), ci.map(back),
                pi.map(back));
        return new GlmmResult(options, k, mu, s, zval, pval, ci, pi, tau2, opt.boundary, logLik, evaluations,
                heterogeneity, transformed);
    }

    /**
     * The adaptive Gauss-Hermite log-likelihood ℓ(μ, τ) with {@code quadraturePoints} points, binomial
     * coefficients included. lme4's {@code glmer(..., nAGQ = q, devFunOnly = TRUE)} deviance at (θ = τ, β = μ) is
     * 2·(ℓ_sat − ℓ(μ, τ)) with ℓ_sat = Σ log dbinom(xᵢ, nᵢ, xᵢ/nᵢ).
     */
    public static double logLikelihood(int[] xi, int[] ni, double mu, double tau, int quadraturePoints) {
        validate(xi, ni);
        if (!Double.isFinite(mu) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("mu " + mu + " and tau " + tau + " must be finite");
        }
        Likelihood lik = new Likelihood(xi, ni, GaussHermite.of(quadraturePoints));
        return lik.value(mu, tau, null) + lik.logChooseSum();
    }

    private static void validate(int[] xi, int[] ni) {
        if (xi.length != ni.length) {
            throw new IllegalArgumentException("xi, ni lengths differ: " + xi.length + ", " + ni.length);
        }
        if (xi.length == 0) {
            throw new IllegalArgumentException("no studies");
        }
        for (int i = 0; i < xi.length; i++) {
            if (ni[i] < 1) {
                throw new IllegalArgumentException("study " + i + ": ni " + ni[i] + " must be >= 1");
            }
            if (xi[i] < 0 || xi[i] > ni[i]) {
                throw new IllegalArgumentException("study " + i + ": xi " + xi[i] + " must be between 0 and ni " + ni[i]);
            }
        }
    }

    static double expit(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /** log(1 + e^η), without overflow for large |η|. */
    static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    // ------------------------------------------------------------------------------------------ optimisation

    /** The maximum, or a failure message. */
    record Optimum(double mu, double tau, double value, boolean boundary, String failure) {
        static Optimum failed(String why) {
            return new Optimum(Double.NaN, Double.NaN, Double.NaN, false, why);
        }
    }

    /**
     * Newton from a moment start (DerSimonian-Laird tau² of the escalc logits); if that does not converge, the
     * bracketing search on the profile likelihood of τ, polished by Newton.
     */
    private static Optimum maximise(Likelihood lik, double muFe, int[] xi, int[] ni, boolean profileOnly) {
        double boundaryValue = lik.value(muFe, 0, null);
        if (profileOnly) {
            return profileSearch(lik, muFe, boundaryValue);
        }
        double tau0 = Math.max(Math.sqrt(momentTau2(xi, ni)), 0.05);
        Optimum newton = newton(lik, muFe, tau0, boundaryValue, muFe);
        if (newton.failure == null) {
            return newton;
        }
        return profileSearch(lik, muFe, boundaryValue);
    }

    /** DerSimonian-Laird tau² of the escalc PLO logits (½ added to both cells of a study with 0 or nᵢ events). */
    private static double momentTau2(int[] xi, int[] ni) {
        EffectSizes es = EffectSizes.proportion(EffectMeasure.PLO, xi, ni);
        return dlMoments(es.yi(), es.vi())[1];
    }

    /**
     * Inverse-variance fixed-effect mean and DerSimonian-Laird τ² = max(0, (Q − (k − 1))/(Σw − Σw²/Σw)) of escalc
     * estimates, w = 1/v: the start values of both GLMMs' searches.
     */
    static double[] dlMoments(double[] y, double[] v) {
        double sw = 0;
        double sw2 = 0;
        double swy = 0;
        for (int i = 0; i < y.length; i++) {
            sw += 1 / v[i];
            sw2 += 1 / (v[i] * v[i]);
            swy += y[i] / v[i];
        }
        double mean = swy / sw;
        double q = 0;
        for (int i = 0; i < y.length; i++) {
            q += (y[i] - mean) * (y[i] - mean) / v[i];
        }
        return new double[] {mean, Math.max(0, (q - (y.length - 1)) / (sw - sw2 / sw))};
    }

    /** Profile scan over τ ∈ {0, FIRST_TAU·2^j}, Brent's method on the best bracket, then Newton. */
    static Optimum profileSearch(GlmmObjective lik, double muFe, double boundaryValue) {
        double[] taus = new double[64];
        double[] mus = new double[64];
        double[] values = new double[64];
        int m = 0;
        taus[m] = 0;
        mus[m] = muFe;
        values[m] = boundaryValue;
        m++;
        double mu = muFe;
        for (double t = FIRST_TAU; ; t *= 2) {
            mu = lik.profileMu(t, mu);
            if (Double.isNaN(mu)) {
                return Optimum.failed("the likelihood could not be maximised in the pooled logit at tau = " + t);
            }
            taus[m] = t;
            mus[m] = mu;
            values[m] = lik.value(mu, t, null);
            m++;
            if (m > GRID_POINTS && values[m - 1] <= values[m - 2]) {
                break;
            }
            if (t >= MAX_TAU) {
                return Optimum.failed("the likelihood has no maximum at a finite tau^2 (still increasing at tau = "
                        + (int) MAX_TAU + ")");
            }
        }
        int best = 0;
        for (int j = 1; j < m; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        double lo = best == 0 ? 0 : taus[best - 1];
        double hi = taus[best + 1];
        double[] muHolder = {mus[best]};
        UnivariatePointValuePair p;
        try {
            p = new BrentOptimizer(1e-10, 1e-14).optimize(new MaxEval(500), GoalType.MAXIMIZE,
                    new SearchInterval(lo, hi, taus[best]), new UnivariateObjectiveFunction(t -> {
                        double mt = lik.profileMu(t, muHolder[0]);
                        if (Double.isNaN(mt)) {
                            return Double.NEGATIVE_INFINITY;
                        }
                        muHolder[0] = mt;
                        return lik.value(mt, t, null);
                    }));
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            return Optimum.failed("the profile likelihood of tau could not be maximised (" + e.getMessage() + ")");
        }
        double tau = p.getPoint();
        if (values[best] >= p.getValue()) {
            tau = taus[best];
        }
        if (tau == 0) {
            return new Optimum(muFe, 0, boundaryValue, true, null);
        }
        mu = lik.profileMu(tau, muHolder[0]);
        if (Double.isNaN(mu)) {
            return Optimum.failed("the likelihood could not be maximised in the pooled logit");
        }
        return newton(lik, mu, tau, boundaryValue, muFe);
    }

    /** ∂ℓ/∂(τ²) at τ = 0: ½ Σ [(xᵢ − nᵢp)² − nᵢp(1 − p)], exact for every quadrature rule. */
    static double boundaryScore(int[] xi, int[] ni, double mu) {
        double p = expit(mu);
        double s = 0;
        for (int i = 0; i < xi.length; i++) {
            double r = xi[i] - ni[i] * p;
            s += r * r - ni[i] * p * (1 - p);
        }
        return s / 2;
    }

    /**
     * Newton's method on (μ, τ) with step halving; where the Hessian is not negative definite the step is
     * (−H + λI)⁻¹g with λ raised until it is (Levenberg-Marquardt). From a decrement gᵀ(−H)⁻¹g ≤
     * DECREMENT_TOLERANCE·(1 + |ℓ|) on, {@link #finalSteps}; the boundary is reported when it is at least as high
     * as the point reached.
     */
    static Optimum newton(GlmmObjective lik, double mu, double tau, double boundaryValue, double muFe) {
        double[] g = new double[2];
        double f = lik.value(mu, tau, g);
        double[] g2 = new double[2];
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            if (!Double.isFinite(f) || tau > MAX_TAU) {
                return Optimum.failed("Newton's method left the parameter space (tau = " + tau + ")");
            }
            double[][] h = lik.hessian(mu, tau, false);
            double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
            boolean definite = h[0][0] < 0 && det > 0;
            // (a is −H; b = a + λI the possibly shifted matrix the step solves with)
            double lambda = 0;
            double a00 = -h[0][0];
            double a11 = -h[1][1];
            double a01 = -h[0][1];
            if (definite) {
                double decrement = (a11 * g[0] * g[0] - 2 * a01 * g[0] * g[1] + a00 * g[1] * g[1]) / det;
                if (decrement <= DECREMENT_TOLERANCE * (1 + Math.abs(f))) {
                    return finalSteps(lik, mu, tau, f, g, decrement, boundaryValue, muFe);
                }
            } else {
                lambda = Math.max(1e-8, Math.abs(a00) + Math.abs(a11) + 2 * Math.abs(a01));
                while ((a00 + lambda) * (a11 + lambda) - a01 * a01 <= 0 || a00 + lambda <= 0) {
                    lambda *= 2;
                }
            }
            double b00 = a00 + lambda;
            double b11 = a11 + lambda;
            double d = b00 * b11 - a01 * a01;
            double dMu = (b11 * g[0] - a01 * g[1]) / d;
            double dTau = (-a01 * g[0] + b00 * g[1]) / d;
            double t = 1;
            double f2 = Double.NaN;
            for (int half = 0; half < 60; half++, t /= 2) {
                f2 = lik.value(mu + t * dMu, Math.abs(tau + t * dTau), g2);
                if (f2 >= f) {
                    break;
                }
            }
            if (!(f2 >= f)) {
                return definite ? accept(lik, mu, tau, f, g, boundaryValue, muFe)
                        : Optimum.failed("Newton's method found no ascent at mu = " + mu + ", tau = " + tau);
            }
            double newMu = mu + t * dMu;
            double newTau = Math.abs(tau + t * dTau);
            boolean stalled = newMu == mu && newTau == tau;
            mu = newMu;
            tau = newTau;
            f = f2;
            g[0] = g2[0];
            g[1] = tau == 0 ? 0 : g2[1];
            if (stalled) {
                return accept(lik, mu, tau, f, g, boundaryValue, muFe);
            }
        }
        return accept(lik, mu, tau, f, g, boundaryValue, muFe);
    }

    /**
     * Close to the maximum the change in ℓ per step (half the decrement) falls below the rounding of ℓ itself, so
     * steps can no longer be judged by ℓ: full Newton steps are taken while the decrement (from the analytic
     * gradient) keeps falling, and the point with the smallest decrement is kept.
     */
    static Optimum finalSteps(GlmmObjective lik, double mu, double tau, double f, double[] g, double decrement,
            double boundaryValue, double muFe) {
        double[] g2 = new double[2];
        g = g.clone();
        for (int step = 0; step < 20 && decrement > 0; step++) {
            double[][] h = lik.hessian(mu, tau, false);
            double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
            if (!(h[0][0] < 0 && det > 0)) {
                break;
            }
            double newMu = mu - (h[1][1] * g[0] - h[0][1] * g[1]) / det;
            double newTau = Math.abs(tau - (-h[1][0] * g[0] + h[0][0] * g[1]) / det);
            double f2 = lik.value(newMu, newTau, g2);
            double[][] h2 = lik.hessian(newMu, newTau, false);
            double det2 = h2[0][0] * h2[1][1] - h2[0][1] * h2[1][0];
            double dec2 = (h2[1][1] * g2[0] * g2[0] - 2 * h2[0][1] * g2[0] * g2[1] + h2[0][0] * g2[1] * g2[1]) / -det2;
            if (!(det2 > 0 && dec2 < decrement && f2 >= f - DECREMENT_TOLERANCE * (1 + Math.abs(f)))) {
                break;
            }
            mu = newMu;
            tau = newTau;
            f = f2;
            g[0] = g2[0];
            g[1] = g2[1];
            decrement = dec2;
        }
        return finish(lik, mu, tau, f, boundaryValue, muFe);
    }

    /** After Newton stopped early: accept when the decrement is already negligible. */
    static Optimum accept(GlmmObjective lik, double mu, double tau, double f, double[] g, double boundaryValue,
            double muFe) {
        double[][] h = lik.hessian(mu, tau, true);
        double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        double decrement = (h[1][1] * g[0] * g[0] - 2 * h[0][1] * g[0] * g[1] + h[0][0] * g[1] * g[1]) / -det;
        if (det > 0 && h[0][0] < 0 && decrement <= ACCEPT_DECREMENT * (1 + Math.abs(f))) {
            return finalSteps(lik, mu, tau, f, g, decrement, boundaryValue, muFe);
        }
        return Optimum.failed("the optimiser did not converge (mu = " + mu + ", tau = " + tau + ")");
    }

    static Optimum finish(GlmmObjective lik, double mu, double tau, double f, double boundaryValue, double muFe) {
        if (boundaryValue >= f) {
            return new Optimum(muFe, 0, boundaryValue, true, null);
        }
        return new Optimum(mu, tau, f, false, null);
    }

    // ------------------------------------------------------------------------------------------ heterogeneity

    private static GlmmResult.HeterogeneityTests heterogeneity(int[] xi, int[] ni, double pooled, double tau2) {
        int k = xi.length;
        // Saturated logistic model by glm.fit's IRLS: each study's logit is its own parameter, so the weighted
        // least-squares fit reproduces the working response and the studies iterate in lockstep.
        double[] y = new double[k];
        double[] eta = new double[k];
        double[] mu = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = (double) xi[i] / ni[i];
            double start = (ni[i] * y[i] + 0.5) / (ni[i] + 1);
            eta[i] = Math.log(start / (1 - start));
            mu[i] = rLogitInverse(eta[i]);
        }
        double devOld = deviance(y, mu, ni);
        for (int iter = 1; iter <= GLM_MAXIT; iter++) {
            for (int i = 0; i < k; i++) {
                double muEta = rLogitMuEta(eta[i]);
                double variance = mu[i] * (1 - mu[i]);
                double z = eta[i] + (y[i] - mu[i]) / muEta;
                w[i] = ni[i] * muEta * muEta / variance;
                eta[i] = z;
                mu[i] = rLogitInverse(z);
            }
            double dev = deviance(y, mu, ni);
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < GLM_EPSILON) {
                break;
            }
            devOld = dev;
        }
        double sw = 0;
        double swe = 0;
        for (int i = 0; i < k; i++) {
            sw += w[i];
            swe += w[i] * eta[i];
        }
        double etaBar = swe / sw;
        double wald = 0;
        double lrt = 0;
        double logPooled = Math.log(pooled);
        double log1mPooled = Math.log1p(-pooled);
        for (int i = 0; i < k; i++) {
            double d = eta[i] - etaBar;
            wald += w[i] * d * d;
            double x = xi[i];
            double fail = ni[i] - xi[i];
            lrt += (x > 0 ? x * (Math.log(mu[i]) - logPooled) : 0)
                    + (fail > 0 ? fail * (Math.log1p(-mu[i]) - log1mPooled) : 0);
        }
        wald = Math.max(wald, 0);
        lrt = Math.max(2 * lrt, 0);
        int df = k - 1;
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
        // I², H² from the escalc variances (1/2 added to both cells of a study with 0 or ni events).
        double[] vi = EffectSizes.proportion(EffectMeasure.PLO, xi, ni).vi();
        double s1 = 0;
        double s2 = 0;
        for (double v : vi) {
            s1 += 1 / v;
            s2 += 1 / (v * v);
        }
        double vt = df / (s1 - s2 / s1);
        double i2 = 100 * tau2 / (vt + tau2);
        double h2 = tau2 / vt + 1;
        return new GlmmResult.HeterogeneityTests(wald, chi.survivalProbability(wald), lrt, chi.survivalProbability(lrt),
                df, i2, h2, vt);
    }

    /** R's binomial deviance Σ 2nᵢ[y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))]. */
    static double deviance(double[] y, double[] mu, int[] ni) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += 2 * ni[i] * (yLogY(y[i], mu[i]) + yLogY(1 - y[i], 1 - mu[i]));
        }
        return d;
    }

    static double yLogY(double y, double mu) {
        return y != 0 ? y * Math.log(y / mu) : 0;
    }

    /** R's C logit_linkinv, with its clamps at |η| &gt; 30. */
    static double rLogitInverse(double eta) {
        double tmp = eta < -30 ? 0x1p-52 : eta > 30 ? 1 / 0x1p-52 : Math.exp(eta);
        return tmp / (1 + tmp);
    }

    /** R's C logit_mu_eta, with its clamp at |η| &gt; 30. */
    static double rLogitMuEta(double eta) {
        double opexp = 1 + Math.exp(eta);
        return eta > 30 || eta < -30 ? 0x1p-52 : Math.exp(eta) / (opexp * opexp);
    }

    // ------------------------------------------------------------------------------------------ likelihood

    /** ℓ(μ, τ) without the binomial coefficients, its gradient, the profile in μ and the Hessian. */
    static final class Likelihood implements GlmmObjective {
        final int k;
        final double[] x;
        final double[] n;
        final int[] xi;
        final int[] ni;
        final GaussHermite rule;
        /** Each study's last mode, the next Newton start; scratch arrays of the quadrature. */
        private final double[] modes;
        private final double[] work;
        private final double[] work2;
        int evaluations;

        Likelihood(int[] xi, int[] ni, GaussHermite rule) {
            this.k = xi.length;
            this.xi = xi;
            this.ni = ni;
            this.x = new double[k];
            this.n = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = xi[i];
                n[i] = ni[i];
            }
            this.rule = rule;
            this.modes = new double[k];
            this.work = new double[rule.size()];
            this.work2 = new double[rule.size()];
        }

        double logChooseSum() {
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += CombinatoricsUtils.binomialCoefficientLog(ni[i], xi[i]);
            }
            return s;
        }

        /**
         * ℓ(μ, τ); when {@code grad} is not null it receives (∂ℓ/∂μ, ∂ℓ/∂τ). ℓ is even in τ (the rule is
         * symmetric), so a negative τ is evaluated at |τ| with the τ-derivative's sign flipped.
         *
         * <p>Gradient, per study, with uⱼ = û + σzⱼ and πⱼ the normalised terms of the quadrature sum:
         * ∂ℓᵢ/∂θ = ∂log σ/∂θ + Σⱼ πⱼ [∂g/∂θ(uⱼ) + g′(uⱼ)(∂û/∂θ + zⱼ ∂σ/∂θ)], where ∂û/∂θ = −g′_θ(û)/g″(û) (implicit
         * function theorem at g′(û) = 0) and log σ = −½ log(1 + τ²n p̂(1 − p̂)) is differentiated through p̂ = expit(μ + τû).
         */
        @Override
        public double value(double mu, double tau, double[] grad) {
            evaluations++;
            double sign = tau < 0 ? -1 : 1;
            tau = Math.abs(tau);
            double total = 0;
            double gMu = 0;
            double gTau = 0;
            int q = rule.size();
            double[] t = work;
            double[] r = work2;
            for (int i = 0; i < k; i++) {
                double xs = x[i];
                double ns = n[i];
                if (tau == 0) {
                    total += xs * mu - ns * softplus(mu);
                    gMu += xs - ns * expit(mu);
                    continue;
                }
                double u = mode(i, mu, tau);
                double etaHat = mu + tau * u;
                double pHat = expit(etaHat);
                double vHat = pHat * (1 - pHat);
                double a = tau * tau * ns * vHat;
                double sigma = 1 / Math.sqrt(1 + a);
                double g0 = xs * etaHat - ns * softplus(etaHat) - u * u / 2;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < q; j++) {
                    double z = rule.node(j);
                    double uu = u + sigma * z;
                    double eta = mu + tau * uu;
                    double e = Math.exp(-Math.abs(eta));
                    double softplus = Math.max(eta, 0) + Math.log1p(e);
                    double p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
                    r[j] = xs - ns * p;
                    t[j] = z * z / 2 + xs * eta - ns * softplus - uu * uu / 2 - g0;
                    max = Math.max(max, t[j]);
                }
                double sum = 0;
                for (int j = 0; j < q; j++) {
                    t[j] = rule.weight(j) * Math.exp(t[j] - max);
                    sum += t[j];
                }
                total += Math.log(sigma) + g0 + max + Math.log(sum);
                if (grad != null) {
                    double onePlusA = 1 + a;
                    double duMu = -tau * ns * vHat / onePlusA;
                    double duTau = ((xs - ns * pHat) - tau * u * ns * vHat) / onePlusA;
                    double c3 = tau * tau * ns * vHat * (1 - 2 * pHat);
                    double daMu = c3 * (1 + tau * duMu);
                    double daTau = 2 * tau * ns * vHat + c3 * (u + tau * duTau);
                    double dLogSigmaMu = -0.5 * daMu / onePlusA;
                    double dLogSigmaTau = -0.5 * daTau / onePlusA;
                    double dSigmaMu = sigma * dLogSigmaMu;
                    double dSigmaTau = sigma * dLogSigmaTau;
                    double sMu = 0;
                    double sTau = 0;
                    for (int j = 0; j < q; j++) {
                        double z = rule.node(j);
                        double uu = u + sigma * z;
                        double gu = tau * r[j] - uu;
                        double pij = t[j] / sum;
                        sMu += pij * (r[j] + gu * (duMu + z * dSigmaMu));
                        sTau += pij * (uu * r[j] + gu * (duTau + z * dSigmaTau));
                    }
                    gMu += dLogSigmaMu + sMu;
                    gTau += dLogSigmaTau + sTau;
                }
            }
            if (grad != null) {
                grad[0] = gMu;
                grad[1] = sign * gTau;
            }
            return total;
        }

        /**
         * The mode û of g(u) = xη − n·log(1 + e^η) − u²/2, η = μ + τu, τ &gt; 0: Newton from the study's previous
         * mode, kept inside the bracket [τ(x − n), τx] that contains it (bisection when a step leaves it).
         */
        private double mode(int i, double mu, double tau) {
            double xs = x[i];
            double ns = n[i];
            double lo = tau * (xs - ns);
            double hi = tau * xs;
            double u = Math.min(Math.max(modes[i], lo), hi);
            for (int it = 0; it < 200; it++) {
                double p = expit(mu + tau * u);
                double h = tau * (xs - ns * p) - u;
                if (h > 0) {
                    lo = u;
                } else if (h < 0) {
                    hi = u;
                } else {
                    break;
                }
                double slope = -(1 + tau * tau * ns * p * (1 - p));
                double next = u - h / slope;
                if (!(next > lo && next < hi)) {
                    next = (lo + hi) / 2;
                }
                boolean done = Math.abs(next - u) <= 1e-14 * (1 + Math.abs(u));
                u = next;
                if (done) {
                    break;
                }
            }
            modes[i] = u;
            return u;
        }

    }
}

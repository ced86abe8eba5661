package org.trialmeta.stats.meta;

import java.util.OptionalDouble;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Random-effects meta-analysis of odds ratios from 2×2 tables by the unconditional logistic mixed model with fixed
 * study effects (metafor's {@code model = "UM.FS"}), fitted by maximum likelihood.
 *
 * <p><b>Model.</b> Study i has aᵢ events among n1ᵢ in the treatment arm and cᵢ among n2ᵢ in the control arm,
 * binomial with logit p_i1 = αᵢ + θ + ½·τuᵢ and logit p_i2 = αᵢ − ½·τuᵢ, uᵢ ~ N(0, 1): fixed study intercepts αᵢ,
 * the pooled log odds ratio θ and a study-specific log odds ratio θ + τuᵢ, so τ² is the between-study variance of
 * the log odds ratios (Stijnen, Hamza &amp; Özdemir, Stat Med 2010;29:3046–3067, model "UM.FS" in Jackson et al.,
 * Stat Med 2018;37:1059–1085; Turner et al., Stat Med 2000;19:3417–3432). This is
 * {@code lme4::glmer(cbind(x, n - x) ~ -1 + X.fit + study + (group - 1 | study), family = binomial, nAGQ = 7)} on
 * the 2k arms with X.fit = 1 for treatment and group = ±½ (metafor's default {@code coding = 1/2}). Studies with no
 * events or only events in both arms carry no information on θ and are dropped first (metafor's
 * {@code drop00 = TRUE}); k counts the studies kept.
 *
 * <p><b>Likelihood.</b> ℓ = Σᵢ log ∫ φ(u) Πₐ C(nₐ, xₐ) pₐ(u)^xₐ (1 − pₐ(u))^(nₐ−xₐ) du over the two arms a, each
 * study's integral by the same <b>adaptive Gauss-Hermite quadrature</b> as {@link BinomialNormalGlmm} (q = 7 points
 * by default, as lme4's {@code glmerAGQ} with metafor's {@code nAGQ = 7}: one scalar random effect per study, so lme4
 * does not fall back to the Laplace approximation here): with gᵢ(u) = Σₐ [xₐηₐ − nₐ log(1 + e^ηₐ)] − u²/2, mode ûᵢ
 * (Newton on gᵢ′(u) = τ Σₐ cₐ(xₐ − nₐpₐ) − u = 0, cₐ = ±½, inside the bracket that contains it) and
 * σᵢ = (1 + τ² Σₐ cₐ² nₐpₐ(1 − pₐ))^(−1/2) at ûᵢ, ∫ ≈ σᵢ Σⱼ wⱼ exp(zⱼ²/2 + gᵢ(ûᵢ + σᵢzⱼ)).
 *
 * <p><b>Maximisation over k + 2 parameters at a cost linear in k.</b> Each αᵢ enters only study i's term, so the
 * study intercepts are profiled out: for given (θ, τ), α̂ᵢ is the root of ∂ℓᵢ/∂αᵢ (decreasing: the integrand is
 * log-concave in (αᵢ, u), so ℓᵢ is concave in αᵢ, Prékopa), found per study by a safeguarded one-dimensional
 * Newton/secant iteration from the previous α̂ᵢ with the Laplace curvature −Σₐnₐvₐ + τ²(Σₐcₐnₐvₐ)²/(1 + τ²Σₐcₐ²nₐvₐ) as
 * the first slope. The profile likelihood ℓ_p(θ, τ) = Σᵢ ℓᵢ(α̂ᵢ, θ, τ) has the gradient (∂ℓ/∂θ, ∂ℓ/∂τ) at α̂
 * (envelope theorem) and is maximised by {@link BinomialNormalGlmm}'s optimiser (Newton with step halving and a
 * Levenberg-Marquardt shift, a profile scan of τ as fallback; see there), from θ = the fixed-effect (τ = 0) maximum
 * and τ = max(τ_DL, 0.05) of the escalc log odds ratios. The boundary τ̂ = 0 is reported when the fixed-effect
 * likelihood is at least as high as the point reached.
 *
 * <p><b>Standard error.</b> se(θ̂)² = [(−H)⁻¹]_θθ over all k + 2 parameters, which equals [(−H_p)⁻¹]_θθ with H_p the
 * 2 × 2 Hessian of the profile likelihood (the Schur complement of the α block); H_p from central differences of the
 * profile gradient at steps h and h/2 with Richardson extrapolation. lme4's {@code vcov} (what {@code rma.glmm}
 * reports) inverts a step-10⁻⁴ central-difference Hessian of its deviance in all k + 2 parameters: the same quantity.
 * At τ̂ = 0 (ℓ even in τ, no cross term) it is the fixed-effect logistic SE 1/√Σᵢ wᵢ₁wᵢ₂/(wᵢ₁ + wᵢ₂),
 * wᵢₐ = nₐp̂ₐ(1 − p̂ₐ). Then z, two-sided normal p, CI θ̂ ∓ z₁₋α/₂·se, PI θ̂ ∓ z₁₋α/₂·√(se² + τ̂²), odds ratios by exp.
 *
 * <p><b>Heterogeneity</b> as {@code rma.glmm}: {@code QE.Wld} is the Wald test of the k − 1 interaction terms
 * {@code study:group1} in the saturated logistic model (each arm its own logit), which equals Σ Wᵢ(Lᵢ − L̄)² with
 * Lᵢ = η̂ᵢ₁ − η̂ᵢ₂ the saturated log odds ratios, Wᵢ = 1/(1/wᵢ₁ + 1/wᵢ₂) from the IRLS weights and L̄ = ΣWᵢLᵢ/ΣWᵢ,
 * computed by the same iteratively reweighted least squares as R's {@code glm.fit} (so that arms with 0 or nₐ events
 * contribute what they contribute in R); {@code QE.LRT} = 2(ℓ_saturated − ℓ_FE) with ℓ_FE the fixed-effect (τ = 0)
 * maximum; I² = 100·τ²/(vt + τ²), H² = τ²/vt + 1 with vt from the {@code escalc(measure = "OR")} variances (½ added
 * to every cell of a study with a zero cell), as {@link GlmmResult.HeterogeneityTests}.
 *
 * <p>Same numbers as R: {@code metafor::rma.glmm(measure = "OR", ai, n1i, ci, n2i, model = "UM.FS")} (metafor 3.8.1,
 * lme4 1.1.31, nAGQ = 7) and {@code predict(res, transf = exp)}, up to where lme4's Nelder-Mead stops in k + 2
 * dimensions (it often stops short: on {@code dat.nielweise2007} lme4 warns "failed to converge"); against the
 * converged maximum of lme4's own objective they agree to 1e-6 (see {@code src/test/r/glmm_or.R} and
 * {@code OddsRatioGlmmReferenceTest}).
 */
public final class OddsRatioGlmm {

    /** The per-study intercept solve: at most this many steps, each at most this long (logit units). */
    private static final int MAX_ALPHA_STEPS = 200;
    private static final double MAX_ALPHA_STEP = 5;

    private OddsRatioGlmm() {}

    /**
     * The studies the model uses: all but those with no events in both arms or only events in both arms
     * (metafor's {@code drop00 = TRUE}), as indices into the arrays.
     */
    public static int[] kept(int[] ai, int[] n1i, int[] ci, int[] n2i) {
        validate(ai, n1i, ci, n2i);
        return java.util.stream.IntStream.range(0, ai.length)
                .filter(i -> !((ai[i] == 0 && ci[i] == 0) || (ai[i] == n1i[i] && ci[i] == n2i[i]))).toArray();
    }

    /**
     * Fits the model to the 2×2 tables (aᵢ events of n1ᵢ, cᵢ events of n2ᵢ).
     *
     * @return a {@link GlmmResult} (estimate = θ̂, the pooled log odds ratio; transformed = odds ratios), or
     *     {@link GlmmNotEstimable} when fewer than 2 studies are left after dropping double-zero studies, when the
     *     pooled log odds ratio is ±∞ (every study has no treatment events or only control events, or the
     *     reverse), when no maximum is found below τ = 1000, or when the optimiser does not converge
     * @throws IllegalArgumentException on arrays of different length or a count out of range (n ≥ 1,
     *     0 ≤ events ≤ n), naming the study (0-based)
     */
    public static GlmmFit fit(int[] ai, int[] n1i, int[] ci, int[] n2i, BinomialNormalGlmm.Options options) {
        return fit(ai, n1i, ci, n2i, options, false);
    }

    /** As {@link #fit}; {@code profileOnly} skips Newton's first attempt (tests the fallback). */
    static GlmmFit fit(int[] ai, int[] n1i, int[] ci, int[] n2i, BinomialNormalGlmm.Options options,
            boolean profileOnly) {
        int[] keep = kept(ai, n1i, ci, n2i);
        int k = keep.length;
        if (k < 2) {
            return new GlmmNotEstimable(k, options, "k = " + k + " after dropping studies with no events or only "
                    + "events in both groups: the random-effects model needs at least 2 studies");
        }
        int[] a = pick(ai, keep);
        int[] n1 = pick(n1i, keep);
        int[] c = pick(ci, keep);
        int[] n2 = pick(n2i, keep);
        boolean down = true;
        boolean up = true;
        for (int i = 0; i < k; i++) {
            down &= a[i] == 0 || c[i] == n2[i];
            up &= a[i] == n1[i] || c[i] == 0;
        }
        if (down || up) {
            return new GlmmNotEstimable(k, options, "every study has " + (down
                    ? "no events in the first group or only events in the second: the pooled log odds ratio is -infinite"
                    : "only events in the first group or no events in the second: the pooled log odds ratio is +infinite"));
        }
        Profile lik = new Profile(a, n1, c, n2, GaussHermite.of(options.quadraturePoints()));
        EffectSizes es = EffectSizes.twoGroup(EffectMeasure.OR, a, n1, c, n2);
        double[] moments = BinomialNormalGlmm.dlMoments(es.yi(), es.vi());
        double thetaFe = lik.profileMu(0, moments[0]);
        if (Double.isNaN(thetaFe)) {
            return new GlmmNotEstimable(k, options, "the fixed-effect likelihood could not be maximised in the log odds ratio");
        }
        double boundaryValue = lik.value(thetaFe, 0, null);
        BinomialNormalGlmm.Optimum opt = profileOnly ? BinomialNormalGlmm.profileSearch(lik, thetaFe, boundaryValue)
                : BinomialNormalGlmm.newton(lik, thetaFe, Math.max(Math.sqrt(moments[1]), 0.05), boundaryValue, thetaFe);
        if (opt.failure() != null && !profileOnly) {
            opt = BinomialNormalGlmm.profileSearch(lik, thetaFe, boundaryValue);
        }
        if (opt.failure() != null) {
            return new GlmmNotEstimable(k, options, opt.failure());
        }
        OptionalDouble se = opt.boundary() ? OptionalDouble.of(1 / Math.sqrt(lik.fixedEffectInformation(opt.mu())))
                : BinomialNormalGlmm.interiorSe(lik.hessian(opt.mu(), opt.tau(), true));
        double logChoose = lik.logChooseSum();
        return BinomialNormalGlmm.atMaximum(options, k, opt, se, opt.value() + logChoose, lik.evaluations,
                heterogeneity(a, n1, c, n2, boundaryValue + logChoose, opt.tau() * opt.tau(), es.vi()), Math::exp);
    }

    /**
     * The adaptive Gauss-Hermite log-likelihood ℓ(θ, τ, α) with {@code quadraturePoints} points, binomial
     * coefficients included, of the studies {@link #kept} (α has one intercept per kept study). lme4's
     * {@code glmer(..., nAGQ = q, devFunOnly = TRUE)} deviance at (τ, θ, α) is 2·(ℓ_sat − ℓ) with ℓ_sat the sum over
     * arms of log dbinom(x, n, x/n).
     */
    public static double logLikelihood(int[] ai, int[] n1i, int[] ci, int[] n2i, double theta, double tau, double[] alpha,
            int quadraturePoints) {
        int[] keep = kept(ai, n1i, ci, n2i);
        if (alpha.length != keep.length) {
            throw new IllegalArgumentException("alpha has " + alpha.length + " values for " + keep.length + " studies");
        }
        if (!Double.isFinite(theta) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("theta " + theta + " and tau " + tau + " must be finite");
        }
        Profile lik = new Profile(pick(ai, keep), pick(n1i, keep), pick(ci, keep), pick(n2i, keep),
                GaussHermite.of(quadraturePoints));
        double s = 0;
        double[] g = new double[3];
        for (int i = 0; i < keep.length; i++) {
            s += lik.study(i, alpha[i], theta, Math.abs(tau), g);
        }
        return s + lik.logChooseSum();
    }

    private static void validate(int[] ai, int[] n1i, int[] ci, int[] n2i) {
        int k = ai.length;
        if (n1i.length != k || ci.length != k || n2i.length != k) {
            throw new IllegalArgumentException("ai, n1i, ci, n2i lengths differ: " + k + ", " + n1i.length + ", "
                    + ci.length + ", " + n2i.length);
        }
        if (k == 0) {
            throw new IllegalArgumentException("no studies");
        }
        for (int i = 0; i < k; i++) {
            if (n1i[i] < 1 || n2i[i] < 1) {
                throw new IllegalArgumentException("study " + i + ": n1i " + n1i[i] + ", n2i " + n2i[i] + " must be >= 1");
            }
            if (ai[i] < 0 || ai[i] > n1i[i]) {
                throw new IllegalArgumentException("study " + i + ": ai " + ai[i] + " must be between 0 and n1i " + n1i[i]);
            }
            if (ci[i] < 0 || ci[i] > n2i[i]) {
                throw new IllegalArgumentException("study " + i + ": ci " + ci[i] + " must be between 0 and n2i " + n2i[i]);
            }
        }
    }

    private static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ heterogeneity

    private static GlmmResult.HeterogeneityTests heterogeneity(int[] a, int[] n1, int[] c, int[] n2, double llFe,
            double tau2, double[] vi) {
        int k = a.length;
        int arms = 2 * k;
        int[] x = new int[arms];
        int[] n = new int[arms];
        for (int i = 0; i < k; i++) {
            x[2 * i] = a[i];
            n[2 * i] = n1[i];
            x[2 * i + 1] = c[i];
            n[2 * i + 1] = n2[i];
        }
        // Saturated model by glm.fit's IRLS: every arm has its own logit, so the weighted least-squares fit reproduces
        // each arm's working response and the arms iterate in lockstep on the total deviance.
        double[] y = new double[arms];
        double[] eta = new double[arms];
        double[] mu = new double[arms];
        double[] w = new double[arms];
        for (int j = 0; j < arms; j++) {
            y[j] = (double) x[j] / n[j];
            double start = (n[j] * y[j] + 0.5) / (n[j] + 1);
            eta[j] = Math.log(start / (1 - start));
            mu[j] = BinomialNormalGlmm.rLogitInverse(eta[j]);
        }
        double devOld = BinomialNormalGlmm.deviance(y, mu, n);
        for (int iter = 1; iter <= 25; iter++) {
            for (int j = 0; j < arms; j++) {
                double muEta = BinomialNormalGlmm.rLogitMuEta(eta[j]);
                double z = eta[j] + (y[j] - mu[j]) / muEta;
                w[j] = n[j] * muEta * muEta / (mu[j] * (1 - mu[j]));
                eta[j] = z;
                mu[j] = BinomialNormalGlmm.rLogitInverse(z);
            }
            double dev = BinomialNormalGlmm.deviance(y, mu, n);
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) {
                break;
            }
            devOld = dev;
        }
        double sw = 0;
        double swl = 0;
        double[] lor = new double[k];
        double[] wi = new double[k];
        for (int i = 0; i < k; i++) {
            lor[i] = eta[2 * i] - eta[2 * i + 1];
            wi[i] = 1 / (1 / w[2 * i] + 1 / w[2 * i + 1]);
            sw += wi[i];
            swl += wi[i] * lor[i];
        }
        double mean = swl / sw;
        double wald = 0;
        for (int i = 0; i < k; i++) {
            wald += wi[i] * (lor[i] - mean) * (lor[i] - mean);
        }
        double llSat = 0;
        for (int j = 0; j < arms; j++) {
            llSat += CombinatoricsUtils.binomialCoefficientLog(n[j], x[j])
                    + (x[j] > 0 ? x[j] * Math.log(mu[j]) : 0) + (n[j] > x[j] ? (n[j] - x[j]) * Math.log1p(-mu[j]) : 0);
        }
        wald = Math.max(wald, 0);
        double lrt = Math.max(2 * (llSat - llFe), 0);
        int df = k - 1;
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
        double s1 = 0;
        double s2 = 0;
        for (double v : vi) {
            s1 += 1 / v;
            s2 += 1 / (v * v);
        }
        double vt = df / (s1 - s2 / s1);
        return new GlmmResult.HeterogeneityTests(wald, chi.survivalProbability(wald), lrt, chi.survivalProbability(lrt),
                df, 100 * tau2 / (vt + tau2), tau2 / vt + 1, vt);
    }

    // ------------------------------------------------------------------------------------------ likelihood

    /**
     * The profile log-likelihood ℓ_p(θ, τ) = max_α ℓ(θ, τ, α) without the binomial coefficients; the per-study
     * intercepts α̂ᵢ and random-effect modes are kept as the next call's starting points.
     */
    static final class Profile implements GlmmObjective {
        private static final double[] LOADING = {0.5, -0.5};
        final int k;
        private final double[] x1;
        private final double[] n1;
        private final double[] x2;
        private final double[] n2;
        private final int[][] counts;
        private final GaussHermite rule;
        private final double[] alpha;
        private final double[] modes;
        private final double[] t;
        private final double[] r1;
        private final double[] r2;
        /** The Laplace curvature ∂²ℓᵢ/∂αᵢ² of the last {@link #study} call. */
        private double curvature;
        int evaluations;

        Profile(int[] a, int[] m1, int[] c, int[] m2, GaussHermite rule) {
            this.k = a.length;
            this.x1 = new double[k];
            this.n1 = new double[k];
            this.x2 = new double[k];
            this.n2 = new double[k];
            this.alpha = new double[k];
            this.counts = new int[][] {a, m1, c, m2};
            for (int i = 0; i < k; i++) {
                x1[i] = a[i];
                n1[i] = m1[i];
                x2[i] = c[i];
                n2[i] = m2[i];
                alpha[i] = Math.log((c[i] + 0.5) / (m2[i] - c[i] + 0.5));
            }
            this.rule = rule;
            this.modes = new double[k];
            this.t = new double[rule.size()];
            this.r1 = new double[rule.size()];
            this.r2 = new double[rule.size()];
        }

        double logChooseSum() {
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += CombinatoricsUtils.binomialCoefficientLog(counts[1][i], counts[0][i])
                        + CombinatoricsUtils.binomialCoefficientLog(counts[3][i], counts[2][i]);
            }
            return s;
        }

        @Override
        public double value(double theta, double tau, double[] grad) {
            evaluations++;
            double sign = tau < 0 ? -1 : 1;
            tau = Math.abs(tau);
            double total = 0;
            double gTheta = 0;
            double gTau = 0;
            double[] g = new double[3];
            for (int i = 0; i < k; i++) {
                alpha[i] = solveAlpha(i, theta, tau, g);
                total += study(i, alpha[i], theta, tau, g);
                gTheta += g[1];
                gTau += g[2];
            }
            if (grad != null) {
                grad[0] = gTheta;
                grad[1] = sign * gTau;
            }
            return total;
        }

        /**
         * θ̂(τ) = argmax_θ ℓ_p(θ, τ): the root of ∂ℓ_p/∂θ (decreasing: ℓ is jointly concave in (θ, α) for fixed τ, so
         * is its profile), bracketed from {@code start} by steps doubling from ½, then the Illinois variant of regula
         * falsi. Not the interface's Brent solver: the profile score carries the inner solves' rounding (~1e-13), on
         * which that solver can give up next to the root; regula falsi keeps its bracket and stops when the iterate
         * or the bracket stops moving. NaN when no sign change is found within |θ| ≤ 1000.
         */
        @Override
        public double profileMu(double tau, double start) {
            double[] g = new double[2];
            double a = start;
            value(a, tau, g);
            double fa = g[0];
            if (fa == 0) {
                return a;
            }
            if (!Double.isFinite(fa)) {
                return Double.NaN;
            }
            double step = 0.5;
            double b = a;
            double fb = fa;
            for (int it = 0; it < 60 && Math.signum(fb) == Math.signum(fa); it++) {
                b = fa > 0 ? b + step : b - step;
                value(b, tau, g);
                fb = g[0];
                step *= 2;
                if (Math.abs(b) > 1e3 || !Double.isFinite(fb)) {
                    return Double.NaN;
                }
            }
            if (fb == 0) {
                return b;
            }
            if (Math.signum(fb) == Math.signum(fa)) {
                return Double.NaN;
            }
            double x = a;
            int side = 0;
            for (int it = 0; it < 200; it++) {
                double next = (a * fb - b * fa) / (fb - fa);
                if (!(next > Math.min(a, b) && next < Math.max(a, b))) {
                    next = (a + b) / 2;
                }
                boolean settled = Math.abs(next - x) <= 1e-14 * (1 + Math.abs(next));
                x = next;
                value(x, tau, g);
                double fx = g[0];
                if (fx == 0 || settled || Math.abs(b - a) <= 1e-13 * (1 + Math.abs(x))) {
                    return x;
                }
                if (Math.signum(fx) == Math.signum(fa)) {
                    a = x;
                    fa = fx;
                    if (side == -1) {
                        fb /= 2;
                    }
                    side = -1;
                } else {
                    b = x;
                    fb = fx;
                    if (side == 1) {
                        fa /= 2;
                    }
                    side = 1;
                }
            }
            return x;
        }

        /**
         * α̂ᵢ(θ, τ), the root of ∂ℓᵢ/∂αᵢ (decreasing): Newton with the Laplace curvature, then secant slopes, inside
         * the bracket the iterates establish (bisection when a step leaves it).
         */
        private double solveAlpha(int i, double theta, double tau, double[] g) {
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            double a = alpha[i];
            double prevA = Double.NaN;
            double prevS = Double.NaN;
            for (int it = 0; it < MAX_ALPHA_STEPS; it++) {
                study(i, a, theta, tau, g);
                double s = g[0];
                if (s > 0) {
                    lo = a;
                } else if (s < 0) {
                    hi = a;
                } else {
                    return a;
                }
                double slope = curvature;
                if (!Double.isNaN(prevA) && a != prevA) {
                    double secant = (s - prevS) / (a - prevA);
                    if (secant < 0) {
                        slope = secant;
                    }
                }
                double step = -s / slope;
                if (!(Math.abs(step) <= MAX_ALPHA_STEP)) {
                    step = Math.copySign(MAX_ALPHA_STEP, s);
                }
                double next = a + step;
                if (!(next > lo && next < hi)) {
                    next = Double.isInfinite(lo) || Double.isInfinite(hi) ? a + step / 2 : (lo + hi) / 2;
                }
                if (Math.abs(next - a) <= 1e-13 * (1 + Math.abs(a))) {
                    return next;
                }
                prevA = a;
                prevS = s;
                a = next;
            }
            return a;
        }

        /**
         * ℓᵢ(α, θ, τ) for τ ≥ 0 without the binomial coefficients; {@code grad} receives (∂/∂α, ∂/∂θ, ∂/∂τ), by the
         * implicit derivatives of ûᵢ and σᵢ as in {@link BinomialNormalGlmm}: ∂ℓᵢ/∂ψ = ∂log σ/∂ψ + Σⱼ πⱼ [∂g/∂ψ(uⱼ)
         * + g′(uⱼ)(∂û/∂ψ + zⱼ ∂σ/∂ψ)], ∂û/∂ψ = ∂g′/∂ψ(û)/D, D = 1 + τ²Σₐcₐ²nₐvₐ.
         */
        double study(int i, double alphaI, double theta, double tau, double[] grad) {
            double xa = x1[i];
            double na = n1[i];
            double xc = x2[i];
            double nc = n2[i];
            if (tau == 0) {
                double e1 = alphaI + theta;
                double p1 = BinomialNormalGlmm.expit(e1);
                double p2 = BinomialNormalGlmm.expit(alphaI);
                double ra = xa - na * p1;
                double rc = xc - nc * p2;
                grad[0] = ra + rc;
                grad[1] = ra;
                grad[2] = 0;
                curvature = -(na * p1 * (1 - p1) + nc * p2 * (1 - p2));
                return xa * e1 - na * BinomialNormalGlmm.softplus(e1) + xc * alphaI - nc * BinomialNormalGlmm.softplus(alphaI);
            }
            double c1 = LOADING[0];
            double c2 = LOADING[1];
            double u = mode(i, alphaI, theta, tau);
            double eta1 = alphaI + theta + c1 * tau * u;
            double eta2 = alphaI + c2 * tau * u;
            double p1 = BinomialNormalGlmm.expit(eta1);
            double p2 = BinomialNormalGlmm.expit(eta2);
            double v1 = na * p1 * (1 - p1);
            double v2 = nc * p2 * (1 - p2);
            double a = tau * tau * (c1 * c1 * v1 + c2 * c2 * v2);
            double d = 1 + a;
            double sigma = 1 / Math.sqrt(d);
            double cross = c1 * v1 + c2 * v2;
            curvature = -(v1 + v2) + tau * tau * cross * cross / d;
            double g0 = xa * eta1 - na * BinomialNormalGlmm.softplus(eta1) + xc * eta2 - nc * BinomialNormalGlmm.softplus(eta2) - u * u / 2;
            int q = rule.size();
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < q; j++) {
                double z = rule.node(j);
                double uu = u + sigma * z;
                double e1 = alphaI + theta + c1 * tau * uu;
                double e2 = alphaI + c2 * tau * uu;
                r1[j] = xa - na * BinomialNormalGlmm.expit(e1);
                r2[j] = xc - nc * BinomialNormalGlmm.expit(e2);
                t[j] = z * z / 2 + xa * e1 - na * BinomialNormalGlmm.softplus(e1) + xc * e2 - nc * BinomialNormalGlmm.softplus(e2) - uu * uu / 2 - g0;
                max = Math.max(max, t[j]);
            }
            double sum = 0;
            for (int j = 0; j < q; j++) {
                t[j] = rule.weight(j) * Math.exp(t[j] - max);
                sum += t[j];
            }
            double value = Math.log(sigma) + g0 + max + Math.log(sum);
            // implicit derivatives of the mode: ∂g′/∂ψ at û, divided by D
            double duAlpha = -tau * cross / d;
            double duTheta = -tau * c1 * v1 / d;
            double duTau = ((c1 * (xa - na * p1) + c2 * (xc - nc * p2)) - tau * u * (c1 * c1 * v1 + c2 * c2 * v2)) / d;
            // derivatives of A = τ²Σcₐ²nₐvₐ(η̂ₐ) through η̂ₐ
            double w1 = tau * tau * c1 * c1 * v1 * (1 - 2 * p1);
            double w2 = tau * tau * c2 * c2 * v2 * (1 - 2 * p2);
            double daAlpha = w1 * (1 + c1 * tau * duAlpha) + w2 * (1 + c2 * tau * duAlpha);
            double daTheta = w1 * (1 + c1 * tau * duTheta) + w2 * (c2 * tau * duTheta);
            double daTau = 2 * tau * (c1 * c1 * v1 + c2 * c2 * v2) + w1 * c1 * (u + tau * duTau)
                    + w2 * c2 * (u + tau * duTau);
            double dlsAlpha = -0.5 * daAlpha / d;
            double dlsTheta = -0.5 * daTheta / d;
            double dlsTau = -0.5 * daTau / d;
            double sAlpha = 0;
            double sTheta = 0;
            double sTau = 0;
            for (int j = 0; j < q; j++) {
                double z = rule.node(j);
                double uu = u + sigma * z;
                double gu = tau * (c1 * r1[j] + c2 * r2[j]) - uu;
                double pij = t[j] / sum;
                sAlpha += pij * (r1[j] + r2[j] + gu * (duAlpha + z * sigma * dlsAlpha));
                sTheta += pij * (r1[j] + gu * (duTheta + z * sigma * dlsTheta));
                sTau += pij * (uu * (c1 * r1[j] + c2 * r2[j]) + gu * (duTau + z * sigma * dlsTau));
            }
            grad[0] = dlsAlpha + sAlpha;
            grad[1] = dlsTheta + sTheta;
            grad[2] = dlsTau + sTau;
            return value;
        }

        /**
         * The mode û of g(u), τ &gt; 0: Newton from the study's previous mode inside the bracket
         * [τ(x₁ − n₁ − x₂)/2, τ(x₁ + n₂ − x₂)/2] that contains it (bisection when a step leaves it).
         */
        private double mode(int i, double alphaI, double theta, double tau) {
            double xa = x1[i];
            double na = n1[i];
            double xc = x2[i];
            double nc = n2[i];
            double lo = tau * (xa - na - xc) / 2;
            double hi = tau * (xa + nc - xc) / 2;
            double u = Math.min(Math.max(modes[i], lo), hi);
            for (int it = 0; it < 200; it++) {
                double p1 = BinomialNormalGlmm.expit(alphaI + theta + tau * u / 2);
                double p2 = BinomialNormalGlmm.expit(alphaI - tau * u / 2);
                double h = tau * ((xa - na * p1) - (xc - nc * p2)) / 2 - u;
                if (h > 0) {
                    lo = u;
                } else if (h < 0) {
                    hi = u;
                } else {
                    break;
                }
                double slope = -(1 + tau * tau * (na * p1 * (1 - p1) + nc * p2 * (1 - p2)) / 4);
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

        /** Σᵢ wᵢ₁wᵢ₂/(wᵢ₁ + wᵢ₂) at τ = 0, the information on θ with the intercepts profiled out. */
        double fixedEffectInformation(double theta) {
            value(theta, 0, null);
            double info = 0;
            for (int i = 0; i < k; i++) {
                double p1 = BinomialNormalGlmm.expit(alpha[i] + theta);
                double p2 = BinomialNormalGlmm.expit(alpha[i]);
                double w1 = n1[i] * p1 * (1 - p1);
                double w2 = n2[i] * p2 * (1 - p2);
                info += w1 * w2 / (w1 + w2);
            }
            return info;
        }

    }
}

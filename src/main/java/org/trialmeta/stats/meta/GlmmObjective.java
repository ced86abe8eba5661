package org.trialmeta.stats.meta;

import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * A log-likelihood ℓ(μ, τ) of a location μ and a random-effects SD τ, even in τ, with its analytic gradient: what
 * the GLMM optimiser of {@link BinomialNormalGlmm} maximises (the binomial-normal model for proportions, and the
 * profile likelihood of {@link OddsRatioGlmm} with the study intercepts maximised out). The Hessian and the profile
 * in μ are derived from the gradient.
 */
interface GlmmObjective {

    /**
     * ℓ(μ, τ); when {@code grad} is not null it receives (∂ℓ/∂μ, ∂ℓ/∂τ). A negative τ is evaluated at |τ| with the
     * τ-derivative's sign flipped.
     */
    double value(double mu, double tau, double[] grad);

    /** μ̂(τ) = argmax_μ ℓ(μ, τ): the root of ∂ℓ/∂μ (decreasing in μ), bracketed from {@code start}; NaN if none. */
    default double profileMu(double tau, double start) {
        double[] g = new double[2];
        java.util.function.DoubleUnaryOperator score = m -> {
            value(m, tau, g);
            return g[0];
        };
        double step = 0.5;
        double a = start;
        double fa = score.applyAsDouble(a);
        if (fa == 0) {
            return a;
        }
        double b = a;
        double fb = fa;
        for (int it = 0; it < 60 && Math.signum(fb) == Math.signum(fa); it++) {
            b = fa > 0 ? b + step : b - step;
            fb = score.applyAsDouble(b);
            step *= 2;
            if (Math.abs(b) > 1e3) {
                return Double.NaN;
            }
        }
        if (fb == 0) {
            return b;
        }
        if (Math.signum(fb) == Math.signum(fa)) {
            return Double.NaN;
        }
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        try {
            return new BracketingNthOrderBrentSolver(1e-13, 1e-14, 1e-300, 5)
                    .solve(400, score::applyAsDouble, lo, hi, (lo + hi) / 2);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /**
     * Hessian of ℓ at (μ, τ): central differences of the analytic gradient at step h = 10⁻³·max(0.1, |θⱼ|)
     * (error O(h²), for Newton steps), or at h and h/2 combined by Richardson extrapolation (error O(h⁴), for
     * the standard error); symmetrised.
     */
    default double[][] hessian(double mu, double tau, boolean richardson) {
        double[] at = {mu, tau};
        double[][] h = new double[2][2];
        double[] gp = new double[2];
        double[] gm = new double[2];
        for (int j = 0; j < 2; j++) {
            double step = 1e-3 * Math.max(0.1, Math.abs(at[j]));
            double[][] d = new double[2][2];
            for (int r = 0; r < (richardson ? 2 : 1); r++) {
                double s = r == 0 ? step : step / 2;
                double[] plus = at.clone();
                double[] minus = at.clone();
                plus[j] += s;
                minus[j] -= s;
                value(plus[0], plus[1], gp);
                value(minus[0], minus[1], gm);
                for (int c = 0; c < 2; c++) {
                    d[r][c] = (gp[c] - gm[c]) / (2 * s);
                }
            }
            for (int c = 0; c < 2; c++) {
                h[c][j] = richardson ? (4 * d[1][c] - d[0][c]) / 3 : d[0][c];
            }
        }
        double off = (h[0][1] + h[1][0]) / 2;
        h[0][1] = off;
        h[1][0] = off;
        return h;
    }
}

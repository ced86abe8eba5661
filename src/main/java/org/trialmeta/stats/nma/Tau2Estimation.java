package org.trialmeta.stats.nma;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * τ² of a network model. REML: the restricted log-likelihood profiled over τ² ≥ 0 is maximised with Brent's method on
 * [0, U] (U grown until the likelihood falls; relative tolerance 1e-8), then the root of its derivative is polished
 * with Brent's root finder,
 * so that τ² is exact to rounding rather than to the optimiser's tolerance; τ² = 0 when the likelihood is largest
 * there, and when there are no residual degrees of freedom (n contrasts = p parameters: the likelihood is flat).
 */
final class Tau2Estimation {

    /** Upper bound of τ², in units of the largest sampling variance (at least 1e8: the unit of the data is free). */
    private static final double MAX_TAU2 = 1e8;

    private Tau2Estimation() {}

    static Gls.Fit fit(Gls gls, Tau2Method method) {
        Gls.Fit f0 = gls.at(0);
        int df = gls.n() - gls.p();
        if (df <= 0) {
            // no residual degrees of freedom (one study per comparison, no loop): the restricted likelihood is the
            // same at every τ², so τ² is not estimable; the model is the common-effect one
            return f0;
        }
        // the moment estimator: netmeta's DL, and where the REML search starts
        double moment = f0.traceP() > 0 ? Math.max(0, (f0.q() - df) / f0.traceP()) : 0;
        if (method == Tau2Method.DL) {
            return moment == 0 ? f0 : gls.at(moment);
        }
        return reml(gls, f0, moment);
    }

    private static Gls.Fit reml(Gls gls, Gls.Fit f0, double start) {
        double cap = MAX_TAU2 * Math.max(1, gls.maxVariance());
        double hi = Math.max(1e-2, 4 * start);
        while (hi < cap && gls.at(hi).score() > 0) {
            hi *= 4;
        }
        UnivariateFunction ll = t -> gls.at(t).remlLogLik();
        UnivariatePointValuePair opt = new BrentOptimizer(1e-8, 1e-300).optimize(new MaxEval(10_000),
                new UnivariateObjectiveFunction(ll), GoalType.MAXIMIZE, new SearchInterval(0, hi, Math.min(start, hi)));
        Gls.Fit best = f0;
        Gls.Fit atOpt = gls.at(opt.getPoint());
        if (atOpt.remlLogLik() > best.remlLogLik()) {
            best = atOpt;
        }
        Gls.Fit polished = polish(gls, opt.getPoint(), cap);
        // the root of the score is the maximum; beside Brent's point their log-likelihoods agree to rounding, so a
        // strict comparison would keep Brent's point (τ² to ~1e-7 relative) as often as not
        double slack = 1e-10 * Math.max(1, Math.abs(best.remlLogLik()));
        if (polished != null && polished.remlLogLik() >= best.remlLogLik() - slack) {
            best = polished;
        }
        return best;
    }

    /** The root of the REML score next to {@code t}, or null when the score does not change sign there. */
    private static Gls.Fit polish(Gls gls, double t, double cap) {
        if (!(t > 0)) {
            return null;
        }
        double d = Math.max(t * 1e-6, 1e-300);
        double a = t;
        double b = t;
        double sa = gls.at(a).score();
        double sb = sa;
        for (int i = 0; i < 200 && sa <= 0 && a > 0; i++) {
            a = Math.max(0, a - d);
            sa = gls.at(a).score();
            d *= 2;
        }
        d = Math.max(t * 1e-6, 1e-300);
        for (int i = 0; i < 200 && sb >= 0 && b < cap; i++) {
            b += d;
            sb = gls.at(b).score();
            d *= 2;
        }
        if (!(sa > 0 && sb < 0)) {
            return null;
        }
        double root = new BrentSolver(1e-15, 1e-300, 1e-300).solve(1000, u -> gls.at(u).score(), a, b);
        return gls.at(root);
    }
}

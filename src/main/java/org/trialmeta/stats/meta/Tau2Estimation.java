package org.trialmeta.stats.meta;

import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * The tau² estimators of metafor 3.8 {@code rma.uni}, for any {@link ResidualModel} (O(k) per evaluation for
 * group-mean designs, O(k p²) for a general design).
 */
final class Tau2Estimation {

    /** metafor's {@code control$tol} (.Machine$double.eps^0.25), used by its ll0check. */
    private static final double METAFOR_TOL = Math.pow(Math.ulp(1.0), 0.25);
    /** metafor's default {@code control$threshold}, used by its ll0check. */
    private static final double METAFOR_THRESHOLD = 1e-5;
    private static final int MAX_HALVINGS = 60;

    private Tau2Estimation() {}

    /**
     * Outcome of the estimation.
     *
     * @param tau2       the estimate, truncated at 0
     * @param se         its standard error as metafor's {@code se.tau2}; empty for FE
     * @param converged  false when the iteration failed
     * @param iterations Fisher scoring steps or root-finder evaluations (0 for closed forms)
     * @param message    why it did not converge (empty when it did)
     */
    record Fit(double tau2, OptionalDouble se, boolean converged, int iterations, String message) {
    }

    static Fit estimate(ResidualModel m, Tau2Estimator method, IterationControl control) {
        int k = m.k();
        int p = m.p();
        double dfr = k - p;
        switch (method) {
            case FE -> {
                return new Fit(0, OptionalDouble.empty(), true, 0, "");
            }
            case HS, HSK -> {
                ResidualModel.Sums st = m.sums(0, false);
                double raw = method == Tau2Estimator.HS
                        ? (st.rss() - k) / st.sumW()
                        : ((double) k / dfr * st.rss() - k) / st.sumW();
                double t = Math.max(0, raw);
                double se = Math.sqrt(2 * dfr + 4 * t * st.trP() + 2 * t * t * st.sumPP()) / st.sumW();
                if (method == Tau2Estimator.HSK) {
                    se *= k / dfr;
                }
                return new Fit(t, OptionalDouble.of(se), true, 0, "");
            }
            case DL -> {
                ResidualModel.Sums st = m.sums(0, false);
                double t = Math.max(0, (st.rss() - dfr) / st.trP());
                double se = Math.sqrt(2 * dfr + 4 * t * st.trP() + 2 * t * t * st.sumPP()) / st.trP();
                return new Fit(t, OptionalDouble.of(se), true, 0, "");
            }
            case HE -> {
                double t = Math.max(0, he(m));
                ResidualModel.Sums st = m.sums(0, true);
                double se = Math.sqrt(2 * st.trPVPV() + 4 * t * st.trPV() + 2 * t * t * dfr) / dfr;
                return new Fit(t, OptionalDouble.of(se), true, 0, "");
            }
            case SJ -> {
                // two-pass mean as R's var() (cov.c): sum/k corrected by the mean residual, so identical
                // estimates give tau0² = 0 exactly, as metafor (a one-pass mean left tau² ~ 1e-63)
                double mean = 0;
                for (double yi : m.y()) {
                    mean += yi;
                }
                mean /= k;
                double residual = 0;
                for (double yi : m.y()) {
                    residual += yi - mean;
                }
                mean += residual / k;
                double t0 = 0;
                for (double yi : m.y()) {
                    t0 += (yi - mean) * (yi - mean);
                }
                t0 /= k;
                ResidualModel.Sums st = m.sums(t0, false);
                double t = Math.max(0, t0 * st.rss() / dfr);
                double se = t0 / dfr * Math.sqrt(2 * st.trPVPV() + 4 * t * st.sumPVP() + 2 * t * t * st.sumPP());
                return new Fit(t, OptionalDouble.of(se), true, 0, "");
            }
            case PM -> {
                return pauleMandel(m, control);
            }
            default -> {
                return fisherScoring(m, method, control);
            }
        }
    }

    /** Hedges' estimator before truncation: (RSS_unweighted − tr(PV)) / (k − p). */
    private static double he(ResidualModel m) {
        ResidualModel.Sums st = m.sums(0, true);
        return (st.rss() - st.trPV()) / (m.k() - m.p());
    }

    private static double step(ResidualModel m, Tau2Estimator method, ResidualModel.Sums st) {
        int k = m.k();
        double dfr = k - m.p();
        return switch (method) {
            case ML -> (st.yppy() - st.sumW()) / st.sumW2();
            case REML -> (st.yppy() - st.trP()) / st.sumPP();
            default -> (st.rss() * k / dfr - k) / st.sumW();
        };
    }

    /**
     * Fisher scoring as metafor (start at max(0, HE), step (score/information), halved while it would
     * make tau² negative), with two additional safeguards: a step back across the previous one is halved
     * until it is shorter than that one (no growing oscillation), and for ML/REML a step that lowers the
     * log-likelihood is halved (at most 60 times). Where metafor converges these reach the same root; where
     * its Fisher scoring oscillates without converging they still converge.
     */
    private static Fit fisherScoring(ResidualModel m, Tau2Estimator method, IterationControl control) {
        boolean likelihood = method != Tau2Estimator.EB;
        boolean reml = method == Tau2Estimator.REML;
        double t = Math.max(0, he(m));
        boolean converged = false;
        int iter = 0;
        double ll = likelihood ? m.logLik(t, reml) : 0;
        double previous = 0;
        while (iter < control.maxIterations()) {
            iter++;
            ResidualModel.Sums st = m.sums(t, false);
            double adj = step(m, method, st);
            if (!Double.isFinite(adj)) {
                return new Fit(t, OptionalDouble.empty(), false, iter, method.label()
                        + " Fisher scoring step not finite at tau2 = " + t);
            }
            while (t + adj < 0) {
                adj /= 2;
            }
            // A step back across the previous one that is not shorter overshoots the root by more than a
            // factor 2 (expected information far below the observed one): left alone, the iterates oscillate
            // around it with a growing amplitude, which near a maximum the log-likelihood test below cannot
            // see (metafor then stops with "Fisher scoring algorithm did not converge"). Halve it until it is
            // shorter: the iteration then contracts to the same root.
            if (adj * previous < 0) {
                while (Math.abs(adj) >= Math.abs(previous)) {
                    adj /= 2;
                }
            }
            double next = t + adj;
            if (likelihood) {
                double llNext = m.logLik(next, reml);
                int halvings = 0;
                while (llNext < ll - 1e-12 * Math.abs(ll) && halvings < MAX_HALVINGS) {
                    adj /= 2;
                    next = t + adj;
                    llNext = m.logLik(next, reml);
                    halvings++;
                }
                ll = llNext;
            }
            double change = Math.abs(next - t);
            previous = adj;
            t = next;
            if (change <= control.threshold() * Math.max(t, 1e-6)) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            return new Fit(t, OptionalDouble.empty(), false, iter, method.label()
                    + " Fisher scoring did not converge in " + control.maxIterations() + " iterations");
        }
        if (likelihood && t > METAFOR_THRESHOLD) {
            // metafor's ll0check: a local maximum worse than tau2 = 0 is replaced by 0
            if (m.logLik(0, reml) - m.logLik(t, reml) > METAFOR_TOL) {
                t = 0;
            }
        }
        t = Math.max(0, t);
        ResidualModel.Sums st = m.sums(t, false);
        double se = switch (method) {
            case ML -> Math.sqrt(2 / st.sumW2());
            case REML -> Math.sqrt(2 / st.sumPP());
            default -> ebPmSe(m, st);
        };
        return new Fit(t, OptionalDouble.of(se), true, iter, "");
    }

    private static double ebPmSe(ResidualModel m, ResidualModel.Sums st) {
        double k = m.k();
        return Math.sqrt(2 * k * k / (k - m.p())) / st.sumW();
    }

    /** Paule-Mandel: tau² with Q(tau²) = Σ w (y − ȳ)² = k − p, w = 1/(v + tau²); 0 when Q(0) &lt; k − p. */
    private static Fit pauleMandel(ResidualModel m, IterationControl control) {
        double target = m.k() - m.p();
        UnivariateFunction f = t -> m.rss(t) - target;
        if (f.value(0) < 0) {
            return new Fit(0, OptionalDouble.of(ebPmSe(m, m.sums(0, false))), true, 0, "");
        }
        Root r = root(f, 0, 100);
        if (!r.found()) {
            return new Fit(Double.NaN, OptionalDouble.empty(), false, r.evaluations(), "PM root finding failed: " + r.message());
        }
        double t = Math.max(0, r.value());
        return new Fit(t, OptionalDouble.of(ebPmSe(m, m.sums(t, false))), true, r.evaluations(), "");
    }

    /** Result of a root search. */
    record Root(boolean found, double value, int evaluations, String message) {
    }

    /**
     * Root of a decreasing function with f(lo) ≥ 0, searching [lo, hi] and doubling hi (up to 2^200·hi)
     * until f(hi) ≤ 0; Brent's method to near machine precision.
     */
    static Root root(UnivariateFunction f, double lo, double hi) {
        double fhi = f.value(hi);
        int doublings = 0;
        while (fhi > 0 && doublings < 200) {
            hi *= 2;
            fhi = f.value(hi);
            doublings++;
        }
        if (fhi > 0) {
            return new Root(false, Double.NaN, doublings, "no sign change up to tau2 = " + hi);
        }
        if (fhi == 0) {
            return new Root(true, hi, doublings, "");
        }
        BrentSolver solver = new BrentSolver(1e-15, 1e-300);
        try {
            double r = solver.solve(1000, f, lo, hi);
            return new Root(true, r, solver.getEvaluations() + doublings, "");
        } catch (MathIllegalStateException e) {
            return new Root(false, Double.NaN, 1000, String.valueOf(e.getMessage()));
        }
    }
}

package org.trialmeta.stats.meta;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialmeta.stats.ConfidenceLevel;
import org.trialmeta.stats.Interval;

/**
 * Fixed- and random-effects meta-analysis of k estimates, as metafor 3.8 {@code rma.uni(yi, vi,
 * method=, test=, level=)} with {@code predict}, {@code confint} (Q-profile) and {@code weights}.
 * Every step is O(k): no k×k matrix is formed (see {@link GroupedModel}).
 *
 * <p>Given tau², weights wi = 1/(vi + tau²), μ̂ = Σ wi yi / Σ wi, Var(μ̂) = 1/Σ wi; with Knapp-Hartung
 * Var(μ̂) is multiplied by s² = Σ wi (yi − μ̂)²/(k − 1) and the t(k − 1) distribution is used
 * (Hartung &amp; Knapp 2001, doi:10.1002/sim.1009). Prediction interval μ̂ ± crit·√(Var(μ̂) + tau²)
 * (Riley et al. 2011, doi:10.1136/bmj.d549, with metafor's choice of crit: z, or t(k−1) for knha).
 */
public final class MetaAnalysis {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private MetaAnalysis() {}

    /**
     * Settings of a fit.
     *
     * @param measure   effect measure (echoed in the result and used for nothing else)
     * @param method    tau² estimator; {@link Tau2Estimator#FE} for fixed/equal effects
     * @param test      z or Knapp-Hartung
     * @param level     confidence level as a fraction in (0, 1) ({@link org.trialmeta.stats.ConfidenceLevel})
     * @param transform back-transformation of estimate, CI and PI
     * @param tau2Ci    whether to compute the Q-profile CI of tau² (a few root searches)
     * @param control   convergence settings of the iterative estimators
     */
    public record Options(EffectMeasure measure, Tau2Estimator method, TestType test, double level,
            Transform transform, boolean tau2Ci, IterationControl control) {
        public Options {
            if (measure == null || method == null || test == null || transform == null || control == null) {
                throw new IllegalArgumentException("options must not contain null: measure " + measure + ", method "
                        + method + ", test " + test + ", transform " + transform + ", control " + control);
            }
            ConfidenceLevel.check(level);
        }

        /**
         * metafor's defaults: REML, z-test, 95%, Q-profile CI, and the back-transformation for
         * {@code measure}, except PFT, whose back-transformation needs the sample sizes: it is the identity
         * here; use {@link #defaults(EffectSizes)} or {@link #withTransform} for PFT.
         */
        public static Options defaults(EffectMeasure measure) {
            Transform t = measure == EffectMeasure.PFT ? Transform.identity() : Transform.forMeasure(measure, new int[0]);
            return new Options(measure, Tau2Estimator.REML, TestType.Z, 0.95, t, true, IterationControl.defaults());
        }

        /** Defaults for effect sizes from {@link EffectSizes} (PFT: harmonic mean of its ni). */
        public static Options defaults(EffectSizes es) {
            return defaults(es.measure()).withTransform(es.transform());
        }

        public Options withMethod(Tau2Estimator m) {
            return new Options(measure, m, test, level, transform, tau2Ci, control);
        }

        public Options withTest(TestType t) {
            return new Options(measure, method, t, level, transform, tau2Ci, control);
        }

        public Options withLevel(double l) {
            return new Options(measure, method, test, l, transform, tau2Ci, control);
        }

        public Options withTransform(Transform t) {
            return new Options(measure, method, test, level, t, tau2Ci, control);
        }

        public Options withTau2Ci(boolean ci) {
            return new Options(measure, method, test, level, transform, ci, control);
        }

        public Options withControl(IterationControl c) {
            return new Options(measure, method, test, level, transform, tau2Ci, c);
        }

        /** α = 1 − level ({@link ConfidenceLevel#alpha}). */
        double alpha() {
            return ConfidenceLevel.alpha(level);
        }
    }

    /** Fits the effect sizes with the measure and (for PFT) the transformation taken from {@code es}. */
    public static FitResult fit(EffectSizes es, Options options) {
        Options o = new Options(es.measure(), options.method(), options.test(), options.level(), es.transform(),
                options.tau2Ci(), options.control());
        return fit(es.sharedYi(), es.sharedVi(), o);
    }

    /**
     * Fits the model to estimates {@code yi} with sampling variances {@code vi} (finite, vi &gt; 0). The arrays are
     * read, never written, and nothing keeps them after the call.
     *
     * @throws IllegalArgumentException on empty, mismatched, non-finite or non-positive input
     */
    public static FitResult fit(double[] yi, double[] vi, Options options) {
        validate(yi, vi);
        return fit(GroupedModel.interceptOnly(yi, vi), options);
    }

    static void validate(double[] yi, double[] vi) {
        if (yi.length == 0) {
            throw new IllegalArgumentException("no studies: yi is empty");
        }
        EffectSizes.checkGiven(yi, vi);
    }

    static FitResult fit(GroupedModel m, Options o) {
        int k = m.k;
        Tau2Estimation.Fit tf;
        if (k == 1) {
            // metafor: k = 1 fits tau2 = 0 whatever the method, and switches test to "z"
            tf = new Tau2Estimation.Fit(0, OptionalDouble.empty(), true, 0, "");
        } else {
            tf = Tau2Estimation.estimate(m, o.method(), o.control());
        }
        if (!tf.converged()) {
            return new NotConverged(o.method(), k, tf.iterations(), tf.message());
        }
        double tau2 = tf.tau2();
        TestType test = k == 1 ? TestType.Z : o.test();
        GroupedModel.Sums st = m.sums(tau2, false);
        double est = st.mean()[0];
        double var = 1 / st.sumW();
        if (test == TestType.KNHA) {
            var *= knhaScale(st.rss(), k - 1);
        }
        double se = Math.sqrt(var);
        double stat = est / se;
        double pval;
        double crit;
        if (test == TestType.KNHA) {
            TDistribution t = TDistribution.of(k - 1);
            pval = 2 * t.survivalProbability(Math.abs(stat));
            crit = t.inverseSurvivalProbability(o.alpha() / 2);
        } else {
            pval = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(stat));
            crit = STANDARD_NORMAL.inverseSurvivalProbability(o.alpha() / 2);
        }
        Interval ci = new Interval(est - crit * se, est + crit * se);
        double piHalf = crit * Math.sqrt(var + tau2);
        Optional<Interval> pi = o.method().isFixedEffect() ? Optional.empty()
                : Optional.of(new Interval(est - piHalf, est + piHalf));
        double[] weights = new double[k];
        double[] w = st.w();
        for (int i = 0; i < k; i++) {
            // in metafor's order (weights.rma.uni: wi / sum(wi) * 100): a share of at most 1 times 100 is at most 100,
            // where 100 * wi / sum(wi) gave one study alone 100.00000000000001
            weights[i] = w[i] / st.sumW() * 100;
        }
        Optional<Heterogeneity> het = heterogeneity(m, o.method(), tau2);
        Optional<Tau2ConfidenceInterval> tau2Ci = Optional.empty();
        if (o.tau2Ci() && k > 1 && !o.method().isFixedEffect()) {
            tau2Ci = Optional.of(qProfile(m, tau2, o.level(), het.orElseThrow().vt()));
        }
        Transform tr = o.transform();
        MetaAnalysisResult.Transformed transformed = new MetaAnalysisResult.Transformed(tr.apply(est),
                sorted(tr.apply(ci.lower()), tr.apply(ci.upper())),
                pi.map(x -> sorted(tr.apply(x.lower()), tr.apply(x.upper()))));
        OptionalDouble tau2Se = k == 1 ? OptionalDouble.empty() : tf.se();
        return new MetaAnalysisResult(o.measure(), o.method(), test, o.level(), k, est, se, stat, pval, ci, pi, tau2,
                tau2Se, het, tau2Ci, weights, transformed, tf.iterations());
    }

    private static Interval sorted(double a, double b) {
        return new Interval(Math.min(a, b), Math.max(a, b));
    }

    /** Knapp-Hartung factor s² = RSS/(k − p); 0 when RSS ≤ machine epsilon, as metafor. */
    static double knhaScale(double rss, int dfr) {
        return rss <= Math.ulp(1.0) ? 0 : rss / dfr;
    }

    /** Q-test, I², H² as metafor; empty when k = p. */
    static Optional<Heterogeneity> heterogeneity(ResidualModel m, Tau2Estimator method, double tau2) {
        int df = m.k() - m.p();
        if (df < 1) {
            return Optional.empty();
        }
        ResidualModel.Sums fe = m.sums(0, false);
        double q = Math.max(0, fe.rss());
        double qp = ChiSquaredDistribution.of(df).survivalProbability(q);
        double vt = df / fe.trP();
        double i2;
        double h2;
        if (method.isFixedEffect()) {
            i2 = q == 0 ? 0 : Math.max(0, 100 * (q - df) / q);
            h2 = q / df;
        } else {
            i2 = 100 * tau2 / (vt + tau2);
            h2 = tau2 / vt + 1;
        }
        return Optional.of(new Heterogeneity(q, df, qp, i2, h2, vt));
    }

    /** Q-profile CI for tau², exactly metafor's {@code confint.rma.uni(type = "QP")} case analysis. */
    static Tau2ConfidenceInterval qProfile(GroupedModel m, double tau2, double level, double vt) {
        int df = m.k - m.p();
        double alpha = ConfidenceLevel.alpha(level);
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
        double critU = chi.inverseSurvivalProbability(alpha / 2);
        double critL = chi.inverseCumulativeProbability(alpha / 2);
        double min = 0;
        double max = Math.max(100, 10 * tau2);
        double qMin = m.rss(min);
        double qMax = m.rss(max);
        double lb;
        double ub;
        boolean nullSet = false;
        boolean lbLimit = false;
        boolean ubLimit = false;
        if (qMin < critL) {
            lb = min;
            ub = min;
            nullSet = true;
        } else if (qMax > critL) {
            ub = max;
            ubLimit = true;
            lb = Double.NaN;
        } else {
            ub = qRoot(m, critL, min, max);
            lb = Double.NaN;
        }
        if (qMax > critU) {
            lb = max;
            ub = max;
            lbLimit = true;
            ubLimit = true;
        } else if (qMin < critU) {
            lb = min;
        } else {
            lb = qRoot(m, critU, min, max);
        }
        Interval t = new Interval(lb, ub);
        // I² and H² are increasing in tau², but with extreme weights (vt near the rounding error of
        // sum(w) - sum(w²)/sum(w)) the rounded ends can cross by an ulp: keep them ordered.
        Interval i2 = sorted(100 * lb / (vt + lb), 100 * ub / (vt + ub));
        Interval h2 = sorted(lb / vt + 1, ub / vt + 1);
        return new Tau2ConfidenceInterval(t, i2, h2, nullSet, lbLimit, ubLimit);
    }

    private static double qRoot(GroupedModel m, double target, double min, double max) {
        Tau2Estimation.Root r = Tau2Estimation.root(t -> m.rss(t) - target, min, max);
        if (!r.found()) {
            throw new IllegalStateException("Q-profile root search failed: " + r.message());
        }
        return r.value();
    }
}

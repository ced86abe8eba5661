package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.Interval;

/** Shared arithmetic of Mantel-Haenszel and Peto pooling (package-private). */
final class TwoByTwoCommon {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoByTwoCommon() {
    }

    static OptionalDouble finite(double x) {
        return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    /**
     * Sum with Neumaier compensation: closer than naive summation to R's {@code sum()}, which accumulates
     * in extended precision.
     */
    static double sum(double[] x) {
        double s = 0;
        double c = 0;
        for (double v : x) {
            double t = s + v;
            if (Math.abs(s) >= Math.abs(v)) {
                c += (s - t) + v;
            } else {
                c += (v - t) + s;
            }
            s = t;
        }
        return s + c;
    }

    /** Upper tail of χ²(df) at {@code x}, as R's {@code pchisq(x, df, lower.tail = FALSE)}. */
    static double chiSquareUpper(double x, int df) {
        return ChiSquaredDistribution.of(df).survivalProbability(x);
    }

    /** Wald inference from an estimate and its variance (NaN: not estimable). */
    static final class Wald {
        OptionalDouble estimate = OptionalDouble.empty();
        OptionalDouble se = OptionalDouble.empty();
        OptionalDouble zval = OptionalDouble.empty();
        OptionalDouble pval = OptionalDouble.empty();
        Optional<Interval> ci = Optional.empty();

        /**
         * As metafor: {@code zval = beta/se}, {@code pval = 2·pnorm(|z|, lower = FALSE)},
         * {@code ci = beta ∓ qnorm(α/2, lower = FALSE)·se} with {@code α = 1 − level} ({@link org.trialmeta.stats.ConfidenceLevel#alpha}).
         * A zero variance gives se 0, a degenerate CI and no z test (metafor: NaN).
         */
        static Wald of(double beta, double variance, double level) {
            Wald w = new Wald();
            if (!Double.isFinite(beta)) {
                return w;
            }
            w.estimate = OptionalDouble.of(beta);
            double se = Math.sqrt(variance);
            if (!Double.isFinite(se)) {
                return w;
            }
            w.se = OptionalDouble.of(se);
            double crit = STANDARD_NORMAL.inverseSurvivalProbability(org.trialmeta.stats.ConfidenceLevel.alpha(level) / 2);
            w.ci = Optional.of(new Interval(beta - crit * se, beta + crit * se));
            if (se > 0) {
                double z = beta / se;
                w.zval = OptionalDouble.of(z);
                w.pval = OptionalDouble.of(2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
            }
            return w;
        }
    }

    /** Heterogeneity summary. */
    record Het(OptionalDouble q, int df, OptionalDouble qPval, OptionalDouble i2, OptionalDouble h2) {
        /** metafor's rule for {@code k.yi <= 1}: Q = 0, p = 1, I² = 0, H² = 1. */
        static Het single() {
            return new Het(OptionalDouble.of(0), 0, OptionalDouble.of(1), OptionalDouble.of(0), OptionalDouble.of(1));
        }

        static Het none(int df) {
            return new Het(OptionalDouble.empty(), df, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty());
        }

        /** From Q with df ≥ 1: p = pchisq(Q, df, lower = FALSE), I² = max(0, 100(Q − df)/Q), H² = Q/df. */
        static Het of(double q, int df) {
            if (!Double.isFinite(q)) {
                return none(df);
            }
            double i2 = q > 0 ? Math.max(0, 100 * (q - df) / q) : 0.0;
            return new Het(OptionalDouble.of(q), df, OptionalDouble.of(chiSquareUpper(q, df)),
                    OptionalDouble.of(i2), OptionalDouble.of(q / df));
        }
    }

    /** Number of studies with a yi/vi pair (escalc has recoded ±Inf to NA). */
    static int countYi(TwoByTwoEscalc e) {
        int n = 0;
        for (int i = 0; i < e.yi.length; i++) {
            if (!Double.isNaN(e.yi[i]) && !Double.isNaN(e.vi[i])) {
                n++;
            }
        }
        return n;
    }

    /** Inverse-variance Q around {@code beta}, as metafor's {@code max(0, sum(wi*(yi-beta)^2))}. */
    static double inverseVarianceQ(TwoByTwoEscalc e, double beta) {
        double[] terms = new double[e.yi.length];
        for (int i = 0; i < e.yi.length; i++) {
            if (!Double.isNaN(e.yi[i]) && !Double.isNaN(e.vi[i])) {
                double d = e.yi[i] - beta;
                terms[i] = (1 / e.vi[i]) * (d * d);
            }
        }
        double q = sum(terms);
        return Math.max(0, q); // NaN stays NaN, as R's max(0, NaN)
    }

    /** Rows with {@code weight = wi/sum(wi)·100} (empty if the sum is not positive). */
    static List<TwoByTwoPoolResult.Study> studies(TwoByTwoEscalc e, double[] wi) {
        double sum = sum(wi);
        List<TwoByTwoPoolResult.Study> rows = new ArrayList<>(wi.length);
        for (int i = 0; i < wi.length; i++) {
            OptionalDouble weight = sum > 0 ? finite(wi[i] / sum * 100) : OptionalDouble.empty();
            boolean has = !Double.isNaN(e.yi[i]) && !Double.isNaN(e.vi[i]);
            rows.add(new TwoByTwoPoolResult.Study(i, has ? finite(e.yi[i]) : OptionalDouble.empty(),
                    has ? finite(e.vi[i]) : OptionalDouble.empty(), weight));
        }
        return List.copyOf(rows);
    }

    static TwoByTwoPoolResult.Transformed transformed(Wald w, boolean exp) {
        if (!exp) {
            return new TwoByTwoPoolResult.Transformed(w.estimate, w.ci);
        }
        OptionalDouble est = w.estimate.isPresent() ? OptionalDouble.of(Math.exp(w.estimate.getAsDouble()))
                : OptionalDouble.empty();
        return new TwoByTwoPoolResult.Transformed(est, w.ci.map(ci -> ci.map(Math::exp)));
    }
}

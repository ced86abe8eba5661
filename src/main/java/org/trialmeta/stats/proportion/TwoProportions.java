package org.trialmeta.stats.proportion;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.trialmeta.stats.Interval;

/**
 * Two independent proportions x1/n1 (group 1, e.g. KRAS-mutant) and x2/n2 (group 2, e.g. wild-type):
 * the 2×2 table [[x1, n1 − x1], [x2, n2 − x2]]. Differences and ratios are group 1 versus group 2.
 *
 * @param x1 responders in group 1, 0 ≤ x1 ≤ n1
 * @param n1 subjects in group 1, n1 ≥ 0
 * @param x2 responders in group 2, 0 ≤ x2 ≤ n2
 * @param n2 subjects in group 2, n2 ≥ 0, with n1 + n2 ≤ 2³¹ − 1
 */
public record TwoProportions(int x1, int n1, int x2, int n2) {

    public TwoProportions {
        Proportions.checkCounts("x1", x1, "n1", n1);
        Proportions.checkCounts("x2", x2, "n2", n2);
        if ((long) n1 + n2 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n1 + n2 = " + ((long) n1 + n2) + " must not exceed " + Integer.MAX_VALUE);
        }
    }

    /** Every comparison at once (what {@code trialmeta orr-diff} prints); see {@link ProportionComparison}. */
    public ProportionComparison compare(double level) {
        Proportions.checkLevel(level);
        return new ProportionComparison(this, level,
                Proportions.confidenceInterval(x1, n1, ProportionCi.CLOPPER_PEARSON, level),
                Proportions.confidenceInterval(x2, n2, ProportionCi.CLOPPER_PEARSON, level),
                riskDifference(DifferenceCi.NEWCOMBE, level),
                riskDifference(DifferenceCi.MIETTINEN_NURMINEN, level),
                riskDifference(DifferenceCi.WALD, level),
                ratio(RatioMethod.RISK_RATIO_LOG, level),
                ratio(RatioMethod.ODDS_RATIO_WOOLF, level),
                ratio(RatioMethod.ODDS_RATIO_CONDITIONAL, level),
                fisherExactPValue(),
                chiSquare(false),
                chiSquare(true));
    }

    // ------------------------------------------------------------------------------ risk difference

    /** The risk difference x1/n1 − x2/n2 with its {@code level} interval by {@code method} (see {@link DifferenceCi}). */
    public RiskDifference riskDifference(DifferenceCi method, double level) {
        Proportions.checkLevel(level);
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (n1 == 0 || n2 == 0) {
            return new RiskDifference(method, level, OptionalDouble.empty(), Optional.empty());
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        Interval ci = switch (method) {
            case WALD -> {
                double half = Proportions.zQuantile(level) * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
                yield new Interval(Math.max(-1, d - half), Math.min(1, d + half));
            }
            case NEWCOMBE -> {
                Interval w1 = Proportions.wilsonPropTest(x1, n1, level, false);
                Interval w2 = Proportions.wilsonPropTest(x2, n2, level, false);
                double lower = d - Math.sqrt(sq(p1 - w1.lower()) + sq(w2.upper() - p2));
                double upper = d + Math.sqrt(sq(w1.upper() - p1) + sq(p2 - w2.lower()));
                yield new Interval(lower, upper);
            }
            case MIETTINEN_NURMINEN -> miettinenNurminen(d, level);
        };
        return new RiskDifference(method, level, OptionalDouble.of(d), Optional.of(ci));
    }

    private Interval miettinenNurminen(double d, double level) {
        double z = Proportions.zQuantile(level);
        double z2 = z * z;
        DoubleUnaryOperator f = delta -> Math.min(mnScoreSquared(delta), 1e300) - z2;
        double lower = d <= -1 || f.applyAsDouble(-1) <= 0 ? -1 : Proportions.bisect(f, -1, d);
        double upper = d >= 1 || f.applyAsDouble(1) <= 0 ? 1 : Proportions.bisect(f, d, 1);
        return new Interval(lower, upper);
    }

    /** The Miettinen-Nurminen squared score statistic at p1 − p2 = delta (+∞ where its variance is 0). */
    double mnScoreSquared(double delta) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double num = p1 - p2 - delta;
        if (num == 0) {
            return 0;
        }
        // restricted MLE (Farrington & Manning 1990, eq. for the cubic root)
        double theta = (double) n2 / n1;
        double a = 1 + theta;
        double b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
        double c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
        double dd = -p1 * delta * (1 + delta);
        double v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + dd / (2 * a);
        double s = Math.sqrt(Math.max(0, b * b / (9 * a * a) - c / (3 * a)));
        double u = v < 0 ? -s : s;
        double r = u == 0 ? 1 : v / (u * u * u);
        double w = (Math.PI + Math.acos(Math.max(-1, Math.min(1, r)))) / 3;
        double pt1 = Math.min(1, Math.max(0, 2 * u * Math.cos(w) - b / (3 * a)));
        double pt2 = Math.min(1, Math.max(0, pt1 - delta));
        double n = (double) n1 + n2;
        double var = (pt1 * (1 - pt1) / n1 + pt2 * (1 - pt2) / n2) * n / (n - 1);
        if (var <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return num * num / var;
    }

    // ------------------------------------------------------------------------------ ratios

    /** The risk ratio or odds ratio (group 1 / group 2) with its {@code level} interval by {@code method}. */
    public RatioEstimate ratio(RatioMethod method, double level) {
        Proportions.checkLevel(level);
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        boolean bothZero = x1 == 0 && x2 == 0;
        boolean bothFull = x1 == n1 && x2 == n2;
        boolean undefined = n1 == 0 || n2 == 0 || bothZero
                || (method != RatioMethod.RISK_RATIO_LOG && bothFull);
        boolean anyZeroCell = x1 == 0 || x1 == n1 || x2 == 0 || x2 == n2;
        boolean corrected = method != RatioMethod.ODDS_RATIO_CONDITIONAL && anyZeroCell;
        if (undefined) {
            return new RatioEstimate(method, level, false, OptionalDouble.empty(), Optional.empty());
        }
        if (method == RatioMethod.ODDS_RATIO_CONDITIONAL) {
            return ConditionalOddsRatio.estimate(x1, n1, x2, n2, level);
        }
        double add = corrected ? 0.5 : 0;
        double a = x1 + add;
        double b = n1 - x1 + add;
        double c = x2 + add;
        double d = n2 - x2 + add;
        double yi;
        double vi;
        if (method == RatioMethod.RISK_RATIO_LOG) {
            yi = Math.log(a / (a + b)) - Math.log(c / (c + d));
            vi = 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d);
        } else {
            yi = Math.log(a / b) - Math.log(c / d);
            vi = 1 / a + 1 / b + 1 / c + 1 / d;
        }
        double half = Proportions.zQuantile(level) * Math.sqrt(Math.max(0, vi));
        return new RatioEstimate(method, level, corrected, OptionalDouble.of(Math.exp(yi)),
                Optional.of(new Interval(Math.exp(yi - half), Math.exp(yi + half))));
    }

    // ------------------------------------------------------------------------------ tests

    /**
     * Fisher's exact test, two-sided, as R {@code fisher.test(table)$p.value}: the sum of the
     * hypergeometric probabilities not above the observed one (relative tolerance 1e-7), computed by
     * commons-statistics-inference {@code FisherExactTest}. Degenerate tables (a zero margin) give 1,
     * as R. Empty only when n1 + n2 = 0.
     */
    public OptionalDouble fisherExactPValue() {
        if (n1 + n2 == 0) {
            return OptionalDouble.empty();
        }
        int[][] table = {{x1, n1 - x1}, {x2, n2 - x2}};
        return OptionalDouble.of(FisherExactTest.withDefaults().test(table).getPValue());
    }

    /**
     * Pearson's chi-square test on the 2×2 table, as R {@code chisq.test(table, correct = yates)}:
     * E = row total × column total / N; X² = Σ (|O − E| − c)² / E with c = min(1/2, min |O − E|) when
     * {@code yates} (Yates 1934) and c = 0 otherwise; p from chi-square with 1 df. With Yates it equals
     * {@code prop.test(c(x1, x2), c(n1, n2))$p.value}. Not estimable when an expected count is 0.
     */
    public ChiSquareResult chiSquare(boolean yates) {
        double[] obs = {x1, x2, n1 - x1, n2 - x2};
        double[] rows = {n1, n2};
        double[] cols = {x1 + x2, (n1 - x1) + (n2 - x2)};
        double total = (double) n1 + n2;
        double[] expected = new double[4];
        double correction = 0.5;
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                double e = rows[i] * cols[j] / total;
                if (!(e > 0)) {
                    return new ChiSquareResult(yates, OptionalDouble.empty(), OptionalDouble.empty());
                }
                expected[2 * j + i] = e;
                correction = Math.min(correction, Math.abs(obs[2 * j + i] - e));
            }
        }
        double c = yates ? correction : 0;
        double stat = 0;
        for (int k = 0; k < 4; k++) {
            stat += sq(Math.abs(obs[k] - expected[k]) - c) / expected[k];
        }
        double p = ChiSquaredDistribution.of(1).survivalProbability(stat);
        return new ChiSquareResult(yates, OptionalDouble.of(stat), OptionalDouble.of(p));
    }

    private static double sq(double v) {
        return v * v;
    }

    /**
     * Conditional MLE odds ratio and exact interval (noncentral hypergeometric), with R fisher.test's
     * algorithm (mnhyper/pnhyper, the same branches for t and 1/t) but solved by bisection to machine
     * precision; the 1/t searches start at {@code Double.MIN_NORMAL} where R starts at machine epsilon
     * (R stops with an error there; this only widens the searchable range for extreme tables).
     *
     * <p>Each probability is exp(log density − its maximum) / their sum. Only a window around the mode is computed:
     * the density is log-concave, and outside the window, where the log density is more than {@value #WINDOW} below
     * its maximum, exp underflows to exactly 0, so leaving those terms out of the sums changes no bit of any result.
     * Time and memory are the window's (about 80 standard deviations of the distribution) instead of the whole
     * support's: with 10⁷ patients a group the estimate and its CI took 12 s, with an array of the 7 × 10⁶ values of
     * the support for each of the searches' evaluations; now 1.2 s. An instance keeps what it computed for the next
     * evaluation: one per estimate, not shared between threads.
     */
    static final class ConditionalOddsRatio {
        /** Below the maximum log density by more than this, exp(·) is 0 in double precision (exp(−745.2) = 0). */
        private static final double WINDOW = 800;

        /** Supports up to this many values keep every central log density computed (at most 32 MB). */
        private static final int CACHE_MAX = 1 << 22;

        private final int lo;
        private final int x;
        private final int hi;
        private final HypergeometricDistribution central;
        /** Central log densities over the support, NaN until computed; null for a larger support. */
        private final double[] cache;
        /** For a larger support, the last window's central log densities (from {@code segmentFrom}). */
        private int segmentFrom;
        private double[] segment = new double[0];

        private ConditionalOddsRatio(int x1, int n1, int x2, int n2) {
            int m = x1 + x2;
            int nn = n1 + n2 - m;
            int k = n1;
            this.x = x1;
            this.lo = Math.max(0, k - nn);
            this.hi = Math.min(k, m);
            central = HypergeometricDistribution.of(n1 + n2, m, k);
            int size = hi - lo + 1;
            cache = size <= CACHE_MAX ? new double[size] : null;
            if (cache != null) {
                java.util.Arrays.fill(cache, Double.NaN);
            }
        }

        /** log P(X = i) under odds ratio 1 (the central hypergeometric), each computed once where it can be kept. */
        private double logCentral(int i) {
            if (cache != null) {
                double v = cache[i - lo];
                if (Double.isNaN(v)) {
                    v = central.logProbability(i);
                    cache[i - lo] = v;
                }
                return v;
            }
            int j = i - segmentFrom;
            return j >= 0 && j < segment.length ? segment[j] : central.logProbability(i);
        }

        static RatioEstimate estimate(int x1, int n1, int x2, int n2, double level) {
            ConditionalOddsRatio c = new ConditionalOddsRatio(x1, n1, x2, n2);
            double alpha = (1 - level) / 2;
            double mle = c.mle();
            Interval ci = new Interval(c.lowerLimit(alpha), c.upperLimit(alpha));
            return new RatioEstimate(RatioMethod.ODDS_RATIO_CONDITIONAL, level, false, OptionalDouble.of(mle),
                    Optional.of(ci));
        }

        /**
         * The noncentral hypergeometric probabilities for odds ratio ncp (0 &lt; ncp &lt; ∞) that are not 0: {@code
         * p[j]} is P(X = from + j). Every value of the support outside them has probability exactly 0 in double
         * precision.
         */
        private record Density(int from, double[] p) {
        }

        private double logDensity(int i, double logNcp) {
            return logCentral(i) + logNcp * i;
        }

        private Density density(double ncp) {
            double logNcp = Math.log(ncp);
            // the mode of the log-concave density: the first i whose successor is lower (binary search)
            int a = lo;
            int b = hi;
            while (a < b) {
                int mid = (int) (((long) a + b) >>> 1);
                if (logDensity(mid + 1, logNcp) > logDensity(mid, logNcp)) {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            double top = logDensity(a, logNcp);
            // grow the window while the log density stays within WINDOW of the mode's (rounding near the mode may put
            // the true maximum an index away; the margin of WINDOW over exp's underflow at -745.2 covers it)
            int from = a;
            int to = a;
            while (from > lo && logDensity(from - 1, logNcp) >= top - WINDOW) {
                from--;
            }
            while (to < hi && logDensity(to + 1, logNcp) >= top - WINDOW) {
                to++;
            }
            double[] c = new double[to - from + 1];
            double[] d = new double[c.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.length; i++) {
                c[i] = logCentral(from + i);
                d[i] = c[i] + logNcp * (from + i);
                max = Math.max(max, d[i]);
            }
            if (cache == null) {
                // the searches' next evaluations are mostly near this one
                segmentFrom = from;
                segment = c;
            }
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.exp(d[i] - max);
                sum += d[i];
            }
            for (int i = 0; i < d.length; i++) {
                d[i] /= sum;
            }
            return new Density(from, d);
        }

        private double mean(double ncp) {
            if (ncp == 0) {
                return lo;
            }
            if (ncp == Double.POSITIVE_INFINITY) {
                return hi;
            }
            Density d = density(ncp);
            double s = 0;
            for (int i = 0; i < d.p().length; i++) {
                s += (d.from() + i) * d.p()[i];
            }
            return s;
        }

        /** P(X ≤ x) or P(X ≥ x) under odds ratio ncp. */
        private double tail(double ncp, boolean upper) {
            if (ncp == 0) {
                return (upper ? x <= lo : x >= lo) ? 1 : 0;
            }
            Density d = density(ncp);
            double s = 0;
            for (int i = 0; i < d.p().length; i++) {
                int v = d.from() + i;
                if (upper ? v >= x : v <= x) {
                    s += d.p()[i];
                }
            }
            return s;
        }

        double mle() {
            if (x == lo) {
                return 0;
            }
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            double mu = mean(1);
            if (mu > x) {
                return Proportions.bisect(t -> mean(t) - x, 0, 1);
            }
            if (mu < x) {
                return 1 / Proportions.bisect(t -> mean(1 / t) - x, Double.MIN_NORMAL, 1);
            }
            return 1;
        }

        double upperLimit(double alpha) {
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            double p = tail(1, false);
            if (p < alpha) {
                return Proportions.bisect(t -> tail(t, false) - alpha, 0, 1);
            }
            if (p > alpha) {
                return 1 / Proportions.bisect(t -> tail(1 / t, false) - alpha, Double.MIN_NORMAL, 1);
            }
            return 1;
        }

        double lowerLimit(double alpha) {
            if (x == lo) {
                return 0;
            }
            double p = tail(1, true);
            if (p > alpha) {
                return Proportions.bisect(t -> tail(t, true) - alpha, 0, 1);
            }
            if (p < alpha) {
                return 1 / Proportions.bisect(t -> tail(1 / t, true) - alpha, Double.MIN_NORMAL, 1);
            }
            return 1;
        }
    }
}

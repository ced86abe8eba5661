package org.trialmeta.stats.proportion;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.Interval;

/**
 * A single binomial proportion (e.g. an objective response rate): point estimate, confidence intervals
 * by the methods of {@link ProportionCi}, and the exact binomial test.
 */
public final class Proportions {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Proportions() {}

    /**
     * The proportion {@code x/n} with its {@code level} confidence interval by {@code method}
     * (formulas and the matching R calls: see {@link ProportionCi}). With {@code n = 0} the result is
     * "not estimable" (empty estimate and interval).
     *
     * @param x responders, 0 ≤ x ≤ n
     * @param n evaluable subjects, n ≥ 0
     * @param method interval method
     * @param level confidence level in (0, 1)
     * @throws IllegalArgumentException naming the argument if a count or the level is out of range
     */
    public static ProportionEstimate confidenceInterval(int x, int n, ProportionCi method, double level) {
        checkCounts("x", x, "n", n);
        checkLevel(level);
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (n == 0) {
            return new ProportionEstimate(x, n, OptionalDouble.empty(), level, method, Optional.empty());
        }
        Interval ci = switch (method) {
            case CLOPPER_PEARSON -> clopperPearson(x, n, level);
            case WILSON -> wilsonPropTest(x, n, level, false);
            case WILSON_CC -> wilsonPropTest(x, n, level, true);
            case AGRESTI_COULL -> agrestiCoull(x, n, level);
            case JEFFREYS -> jeffreys(x, n, level);
            case WALD -> wald(x, n, level);
        };
        return new ProportionEstimate(x, n, OptionalDouble.of((double) x / n), level, method, Optional.of(ci));
    }

    /** The default report: x/n with its 95% Clopper-Pearson interval ({@link ProportionCi#CLOPPER_PEARSON}). */
    public static ProportionEstimate clopperPearson(int x, int n) {
        return confidenceInterval(x, n, ProportionCi.CLOPPER_PEARSON, 0.95);
    }

    /**
     * Two-sided exact binomial test of H0: π = p0, as R {@code binom.test(x, n, p = p0)$p.value}: the sum
     * of the probabilities of all outcomes no more likely than the observed one (with R's relative
     * tolerance 1e-7), computed with R's algorithm: with m = n·p0 and d = P(X = x), if x = m then 1; if
     * x &lt; m, P(X ≤ x) + P(X &gt; n − y) with y = #{i ≥ ⌈m⌉ : P(X = i) ≤ d(1 + 1e-7)}; else
     * P(X ≤ y − 1) + P(X ≥ x) with y = #{i ≤ ⌊m⌋ : P(X = i) ≤ d(1 + 1e-7)}; capped at 1. (commons-statistics
     * {@code BinomialTest} 1.2 differs from R where outcomes are exactly as likely as the observed one,
     * e.g. 2/3 at p0 = 1/2 gives 0.625 instead of R's 1, so it is not used.) Empty when n = 0.
     *
     * @param p0 null proportion in [0, 1]
     */
    public static OptionalDouble binomialTestPValue(int x, int n, double p0) {
        checkCounts("x", x, "n", n);
        if (!(p0 >= 0 && p0 <= 1)) {
            throw new IllegalArgumentException("p0 = " + p0 + " must lie in [0, 1]");
        }
        if (n == 0) {
            return OptionalDouble.empty();
        }
        BinomialDistribution b = BinomialDistribution.of(n, p0);
        double relErr = 1 + 1e-7;
        double d = b.probability(x);
        double m = n * p0;
        double p;
        if (x == m) {
            p = 1;
        } else if (x < m) {
            int y = 0;
            for (int i = (int) Math.ceil(m); i <= n; i++) {
                if (b.probability(i) <= d * relErr) {
                    y++;
                }
            }
            p = b.cumulativeProbability(x) + b.survivalProbability(n - y);
        } else {
            int y = 0;
            for (int i = 0; i <= (int) Math.floor(m); i++) {
                if (b.probability(i) <= d * relErr) {
                    y++;
                }
            }
            p = b.cumulativeProbability(y - 1) + b.survivalProbability(x - 1);
        }
        return OptionalDouble.of(Math.max(0, Math.min(1, p)));
    }

    // ------------------------------------------------------------------------------------ methods

    static Interval clopperPearson(int x, int n, double level) {
        double alpha = (1 - level) / 2;
        double lower = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(alpha);
        double upper = x == n ? 1 : BetaDistribution.of(x + 1.0, n - x).inverseCumulativeProbability(1 - alpha);
        return new Interval(lower, upper);
    }

    /** R's prop.test(x, n, correct = cc)$conf.int for one sample with its default p = 1/2. */
    static Interval wilsonPropTest(int x, int n, double level, boolean cc) {
        double estimate = (double) x / n;
        double yates = cc ? Math.min(0.5, Math.abs(x - n * 0.5)) : 0;
        double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
        double z22n = z * z / (2.0 * n);
        double pc = estimate + yates / n;
        double upper = pc >= 1 ? 1
                : (pc + z22n + z * Math.sqrt(pc * (1 - pc) / n + z22n / (2.0 * n))) / (1 + 2 * z22n);
        pc = estimate - yates / n;
        double lower = pc <= 0 ? 0
                : (pc + z22n - z * Math.sqrt(pc * (1 - pc) / n + z22n / (2.0 * n))) / (1 + 2 * z22n);
        return new Interval(Math.max(lower, 0), Math.min(upper, 1));
    }

    static Interval agrestiCoull(int x, int n, double level) {
        double z = zQuantile(level);
        double nTilde = n + z * z;
        double pTilde = (x + z * z / 2) / nTilde;
        double half = z * Math.sqrt(pTilde * (1 - pTilde) / nTilde);
        return new Interval(Math.max(0, pTilde - half), Math.min(1, pTilde + half));
    }

    static Interval jeffreys(int x, int n, double level) {
        double alpha = (1 - level) / 2;
        BetaDistribution posterior = BetaDistribution.of(x + 0.5, n - x + 0.5);
        double lower = x == 0 ? 0 : posterior.inverseCumulativeProbability(alpha);
        double upper = x == n ? 1 : posterior.inverseCumulativeProbability(1 - alpha);
        return new Interval(lower, upper);
    }

    static Interval wald(int x, int n, double level) {
        double z = zQuantile(level);
        double p = (double) x / n;
        double half = z * Math.sqrt(p * (1 - p) / n);
        return new Interval(Math.max(0, p - half), Math.min(1, p + half));
    }

    // ------------------------------------------------------------------------------------ shared

    /** The standard normal quantile {@code z} at {@code 1 − (1 − level)/2}. */
    static double zQuantile(double level) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level = " + level + " must lie strictly between 0 and 1");
        }
    }

    static void checkCounts(String xName, int x, String nName, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(nName + " = " + n + " must not be negative");
        }
        if (x < 0) {
            throw new IllegalArgumentException(xName + " = " + x + " must not be negative");
        }
        if (x > n) {
            throw new IllegalArgumentException(xName + " = " + x + " must not exceed " + nName + " = " + n);
        }
    }

    /**
     * A root of {@code f} in [a, b] by bisection to machine precision, given f(a) and f(b) of opposite
     * signs (or zero). Deterministic and robust where f is only monotone and may be infinite at an end.
     */
    static double bisect(DoubleUnaryOperator f, double a, double b) {
        double fa = f.applyAsDouble(a);
        if (fa == 0) {
            return a;
        }
        double fb = f.applyAsDouble(b);
        if (fb == 0) {
            return b;
        }
        if ((fa > 0) == (fb > 0)) {
            throw new IllegalStateException("no sign change in [" + a + ", " + b + "]");
        }
        for (int i = 0; i < 5000; i++) {
            double m = a + (b - a) / 2;
            if (m <= a || m >= b) {
                break;
            }
            double fm = f.applyAsDouble(m);
            if (fm == 0) {
                return m;
            }
            if ((fm > 0) == (fa > 0)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return a + (b - a) / 2;
    }
}

package org.trialmeta.stats.ratio;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.Interval;

/**
 * What a reported ratio (hazard, odds or risk ratio) and its Wald confidence interval imply, and how far the
 * printed numbers can move under their rounding.
 *
 * <p>A Wald interval of a ratio is symmetric on the log scale: ln L = ln R − z·SE and ln U = ln R + z·SE, so
 * SE = (ln U − ln L)/(2z) and the point estimate is the geometric mean of the ends, R² = L·U. The two-sided
 * p-value of H0: ratio = 1 that the interval implies is p = 2(1 − Φ(|ln R|/SE)): Altman DG, Bland JM. How to
 * obtain the P value from a confidence interval. BMJ 2011;343:d2304 (the exact normal tail is used here, not
 * the note's approximation exp(−0.717z − 0.416z²)); the reverse, z from a p-value, is their d2090
 * (z = Φ⁻¹(1 − p/2), again exactly).
 *
 * <p>Printed numbers are rounded: a ratio printed 0.72 lies in [0.715, 0.725]. The {@code ...Bounds} methods
 * give the range of a quantity over every combination of true values that round to the printed ones (each
 * quantity is monotone in each input, so the range is reached at corners of that box).
 */
public final class LogRatioCi {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private LogRatioCi() {}

    /** The normal quantile z at 1 − (1 − level)/2, level a fraction in (0, 1): 1.959964 at 0.95. */
    public static double zOfLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " must lie strictly between 0 and 1");
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** SE of the log ratio from a Wald CI: (ln U − ln L)/(2z). */
    public static double logStandardError(double lower, double upper, double level) {
        positive("lower", lower);
        positive("upper", upper);
        if (!(upper > lower)) {
            throw new IllegalArgumentException("CI upper " + upper + " must exceed lower " + lower);
        }
        return (Math.log(upper) - Math.log(lower)) / (2 * zOfLevel(level));
    }

    /** The Wald statistic |ln R|/SE that the ratio and its CI imply. */
    public static double z(double ratio, double lower, double upper, double level) {
        positive("ratio", ratio);
        return Math.abs(Math.log(ratio)) / logStandardError(lower, upper, level);
    }

    /** Two-sided p-value 2(1 − Φ(|z|)). */
    public static double pOfZ(double z) {
        return 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
    }

    /** |z| of a two-sided p-value in (0, 1]: Φ⁻¹(1 − p/2); +∞ at p = 0. */
    public static double zOfP(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p " + p + " must lie in [0, 1]");
        }
        return p == 0 ? Double.POSITIVE_INFINITY : STANDARD_NORMAL.inverseSurvivalProbability(p / 2);
    }

    /** The two-sided p-value of H0: ratio = 1 implied by the ratio and its Wald CI (Altman and Bland, d2304). */
    public static double pValue(double ratio, double lower, double upper, double level) {
        return pOfZ(z(ratio, lower, upper, level));
    }

    /**
     * How far the point estimate sits from the log-scale centre of its CI, as a fraction of the log half-width:
     * (ln R − (ln L + ln U)/2) / ((ln U − ln L)/2). 0 for a Wald CI; −1 and +1 at the ends; positive when the
     * estimate is nearer the upper end.
     */
    public static double offCentre(double ratio, double lower, double upper) {
        positive("ratio", ratio);
        positive("lower", lower);
        positive("upper", upper);
        if (!(upper > lower)) {
            throw new IllegalArgumentException("CI upper " + upper + " must exceed lower " + lower);
        }
        double half = (Math.log(upper) - Math.log(lower)) / 2;
        return (Math.log(ratio) - (Math.log(lower) + Math.log(upper)) / 2) / half;
    }

    /**
     * The range of the Wald statistic |ln R|/SE over every true ratio in [r − hr, r + hr] and ends in [l − hl,
     * l + hl] and [u − hu, u + hu] (each clipped to positive values). The upper bound is +∞ when the ends may
     * coincide, the lower bound 0 when the ratio may be 1.
     */
    public static Interval zBounds(double r, double hr, double l, double hl, double u, double hu, double level) {
        double z = zOfLevel(level);
        double rLo = Math.max(r - hr, Double.MIN_NORMAL);
        double rHi = r + hr;
        double minAbsLog = rLo <= 1 && 1 <= rHi ? 0 : Math.min(Math.abs(Math.log(rLo)), Math.abs(Math.log(rHi)));
        double maxAbsLog = Math.max(Math.abs(Math.log(rLo)), Math.abs(Math.log(rHi)));
        double lLo = l - hl;
        double widest = Math.log(u + hu) - (lLo > 0 ? Math.log(lLo) : Double.NEGATIVE_INFINITY);
        double narrowest = Math.log(Math.max(u - hu, Double.MIN_NORMAL)) - Math.log(l + hl);
        double min = Double.isInfinite(widest) ? 0 : 2 * z * minAbsLog / widest;
        double max = narrowest <= 0 ? Double.POSITIVE_INFINITY : 2 * z * maxAbsLog / narrowest;
        return new Interval(min, Math.max(min, max));
    }

    /**
     * The smallest |{@link #offCentre}| over the rounding box of the three printed numbers (see
     * {@link #zBounds}): 0 when some true values that round to the printed ones make a log-symmetric interval.
     */
    public static double minOffCentre(double r, double hr, double l, double hl, double u, double hu) {
        // R² = L·U is reachable exactly when [(r−hr)², (r+hr)²] meets [(l−hl)(u−hu), (l+hl)(u+hu)]
        double r2Lo = Math.pow(Math.max(r - hr, 0), 2);
        double r2Hi = Math.pow(r + hr, 2);
        double luLo = Math.max(l - hl, 0) * Math.max(u - hu, 0);
        double luHi = (l + hl) * (u + hu);
        if (r2Hi >= luLo && luHi >= r2Lo) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (double rr : new double[] {r - hr, r + hr}) {
            for (double ll : new double[] {l - hl, l + hl}) {
                for (double uu : new double[] {u - hu, u + hu}) {
                    if (rr > 0 && ll > 0 && uu > ll) {
                        best = Math.min(best, Math.abs(offCentre(rr, ll, uu)));
                    }
                }
            }
        }
        return best;
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " " + v + " must be finite and > 0");
        }
    }
}

package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Kaplan-Meier estimator for right-censored data with Greenwood variance, as R's
 * {@code survival::survfit(Surv(time, status) ~ 1, conf.type = , conf.int = )} (survival 3.5-x).
 *
 * <p>At each distinct time t with n at risk (everyone with time ≥ t, so those censored at t are at
 * risk at t) and d events: S(t) = Π (n − d)/n and the Greenwood variance of the cumulative hazard
 * σ²(t) = Σ d/(n(n − d)) (survfit's {@code std.err} = σ; it becomes +∞ when the curve drops to 0).
 * Kaplan EL, Meier P. JASA 1958;53:457–481, doi:10.1080/01621459.1958.10501452. Greenwood M. Rep
 * Public Health Med Subj 1926;33.
 * The times are sorted once, by a radix sort ({@link GroupedTimes}): the fit is O(n).
 */
public final class KaplanMeier {

    private KaplanMeier() {}

    /**
     * Fits one curve with log-type 95% intervals (R's defaults).
     *
     * @see #fit(double[], int[], ConfType, double)
     */
    public static KaplanMeierCurve fit(double[] time, int[] status) {
        return fit(time, status, ConfType.LOG, 0.95);
    }

    /**
     * Fits one Kaplan-Meier curve.
     *
     * @param time non-negative finite times
     * @param status 1 = event, 0 = censored, same length as {@code time}, at least one observation
     * @param confType interval transformation
     * @param level confidence level in (0, 1), e.g. 0.95
     */
    public static KaplanMeierCurve fit(double[] time, int[] status, ConfType confType, double level) {
        return fitSorted(GroupedTimes.of(time, status, "all"), 0, confType, level);
    }

    /**
     * The curve of group {@code g}'s sorted event and censoring times; the estimate and the Greenwood sum as in the
     * class comment, row by row over the distinct times.
     */
    private static KaplanMeierCurve fitSorted(GroupedTimes times, int g, ConfType confType, double level) {
        long[] ev = times.events(g);
        long[] ce = times.censored(g);
        int n = ev.length + ce.length;
        if (n == 0) {
            throw new IllegalArgumentException("time: no observations (need at least 1)");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " not in (0, 1)");
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        int distinct = 0;
        for (Times m = new Times(ev, ce); m.next(); ) {
            distinct++;
        }
        KaplanMeierRows.Builder rows = new KaplanMeierRows.Builder(distinct, confType, z);
        int gone = 0;
        double km = 1.0;
        double v = 0.0;
        for (Times m = new Times(ev, ce); m.next(); ) {
            double t = m.t;
            int d = m.events;
            int c = m.censored;
            double nrisk = n - gone;
            if (d > 0) {
                km *= (nrisk - d) / nrisk;
                v += d / (nrisk * (nrisk - d));
            }
            rows.add(t, n - gone, d, c, km, Math.sqrt(v));   // σS and the limits are computed when read
            gone += d + c;
        }
        return new KaplanMeierCurve(n, ev.length, confType, level, rows.build());
    }

    /**
     * One curve per group, as {@code survfit(Surv(time, status) ~ group, conf.type = , conf.int = )}: the
     * observations of each level of {@code factor(group)} ({@link Factor#of}) in input order, the curves in the
     * factor's order.
     *
     * @param time non-negative finite times
     * @param status 1 = event, 0 = censored
     * @param group the group label of each observation, same length
     * @param confType interval transformation
     * @param level confidence level in (0, 1)
     */
    public static KaplanMeierGroups fitGroups(double[] time, int[] status, String[] group, ConfType confType,
            double level) {
        if (group.length != time.length) {
            throw new IllegalArgumentException("time has " + time.length + " values, group has " + group.length
                    + " (must be equal)");
        }
        return fitGroups(GroupedTimes.of(time, status, Factor.of(group)), confType, level);
    }

    /** One curve per group of {@code times}, in their order. */
    public static KaplanMeierGroups fitGroups(GroupedTimes times, ConfType confType, double level) {
        List<KaplanMeierCurve> curves = new ArrayList<>(times.size());
        for (int g = 0; g < times.size(); g++) {
            curves.add(fitSorted(times, g, confType, level));
        }
        return new KaplanMeierGroups(times.levels(), curves);
    }

    /**
     * The distinct times of sorted event and censoring times (as {@link RadixSort#key}s) in increasing order, with how
     * often each occurs in each. Times compare as doubles (−0.0 and 0.0 are one time, as in {@code Arrays.sort}'s
     * order followed by {@code ==}).
     */
    private static final class Times {
        private final long[] ev;
        private final long[] ce;
        private int i;
        private int j;
        double t;
        int events;
        int censored;

        Times(long[] ev, long[] ce) {
            this.ev = ev;
            this.ce = ce;
        }

        /** Moves to the next distinct time; false after the last. */
        boolean next() {
            if (i >= ev.length && j >= ce.length) {
                return false;
            }
            t = Math.min(i < ev.length ? RadixSort.value(ev[i]) : Double.POSITIVE_INFINITY,
                    j < ce.length ? RadixSort.value(ce[j]) : Double.POSITIVE_INFINITY);
            events = 0;
            while (i < ev.length && RadixSort.value(ev[i]) == t) {
                events++;
                i++;
            }
            censored = 0;
            while (j < ce.length && RadixSort.value(ce[j]) == t) {
                censored++;
                j++;
            }
            return true;
        }
    }

    static OptionalDouble opt(double x) {
        return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
    }

    /**
     * RMST difference first − second with SE sqrt(se₁² + se₂²) and a Wald interval at {@code level}
     * (as survRM2::rmst2's "RMST (arm=1)-(arm=0)" row; each RMST as {@code print(survfit, rmean = tau)}).
     */
    public static RmstDifference rmstDifference(KaplanMeierCurve first, KaplanMeierCurve second, double tau,
            double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " not in (0, 1)");
        }
        RmstResult r1 = first.rmst(tau);
        RmstResult r2 = second.rmst(tau);
        double diff = r1.rmean() - r2.rmean();
        double se = Math.sqrt(r1.se() * r1.se() + r2.se() * r2.se());
        double zq = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double zStat = se > 0 ? diff / se : 0.0;
        double p = se > 0 ? 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(zStat))
                : (diff == 0 ? 1.0 : 0.0);
        return new RmstDifference(r1, r2, diff, se, level,
                new org.trialmeta.stats.Interval(diff - zq * se, diff + zq * se), zStat, p);
    }

    /**
     * survival's default "common" upper limit of the restricted mean for several curves: the largest
     * last observed time over the curves ({@code print(survfit(... ~ group), rmean = "common")}).
     */
    public static double commonTau(List<KaplanMeierCurve> curves) {
        double tau = Double.NEGATIVE_INFINITY;
        for (KaplanMeierCurve c : curves) {
            tau = Math.max(tau, c.lastTime());
        }
        return tau;
    }
}

package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Sorting once makes the fit O(n log n).
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
        if (time.length != status.length) {
            throw new IllegalArgumentException("time has " + time.length + " values, status has "
                    + status.length + " (must be equal)");
        }
        return fit(time, status, null, 0, time.length, confType, level);
    }

    /**
     * The curve of observations {@code rows[from..to)} ({@code from..to} themselves when {@code rows} is null), read
     * in place: the event and censoring times are kept only as sort keys ({@link RadixSort#key}), so a fit needs one
     * array of 8 bytes per observation and its sort's scratch array, not a copy of the group's data as well.
     */
    private static KaplanMeierCurve fit(double[] time, int[] status, int[] rows, int from, int to, ConfType confType,
            double level) {
        if (from == to) {
            throw new IllegalArgumentException("time: no observations (need at least 1)");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " not in (0, 1)");
        }
        int n = to - from;
        int nEventsTotal = 0;
        for (int j = from; j < to; j++) {
            int i = rows == null ? j : rows[j];
            if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
                throw new IllegalArgumentException("time[" + i + "] = " + time[i] + " (must be finite and >= 0)");
            }
            if (status[i] != 0 && status[i] != 1) {
                throw new IllegalArgumentException("status[" + i + "] = " + status[i] + " (must be 0 or 1)");
            }
            nEventsTotal += status[i];
        }
        long[] ev = new long[nEventsTotal];
        long[] ce = new long[n - nEventsTotal];
        int a = 0;
        int b = 0;
        for (int j = from; j < to; j++) {
            int i = rows == null ? j : rows[j];
            if (status[i] == 1) {
                ev[a++] = RadixSort.key(time[i]);
            } else {
                ce[b++] = RadixSort.key(time[i]);
            }
        }
        RadixSort.sort(ev, null);   // the order of Arrays.sort on the times, bit for bit, in a fraction of its time here
        RadixSort.sort(ce, null);
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        int distinct = 0;
        for (Times m = new Times(ev, ce); m.next(); ) {
            distinct++;
        }
        KaplanMeierRows.Builder rowsOut = new KaplanMeierRows.Builder(distinct, confType, z);
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
            rowsOut.add(t, n - gone, d, c, km, Math.sqrt(v));   // σS and the limits are computed when read
            gone += d + c;
        }
        return new KaplanMeierCurve(n, nEventsTotal, confType, level, rowsOut.build());
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
        return fitGroups(time, status, Factor.of(group), confType, level);
    }

    /**
     * One curve per level of {@code group}, as {@link #fitGroups(double[], int[], String[], ConfType, double)}; the
     * observations are gathered per level by a stable counting sort, O(n + levels) whatever the number of levels.
     *
     * @param group the group of each observation, same length as {@code time}
     */
    public static KaplanMeierGroups fitGroups(double[] time, int[] status, Factor group, ConfType confType,
            double level) {
        int n = time.length;
        if (group.length() != n) {
            throw new IllegalArgumentException("time has " + n + " values, group has " + group.length()
                    + " (must be equal)");
        }
        if (status.length != n) {
            throw new IllegalArgumentException("time has " + n + " values, status has " + status.length
                    + " (must be equal)");
        }
        int k = group.size();
        int[] start = new int[k + 1];
        for (int r = 0; r < n; r++) {
            start[group.code(r) + 1]++;
        }
        for (int g = 0; g < k; g++) {
            start[g + 1] += start[g];
        }
        int[] rows = new int[n];
        int[] next = Arrays.copyOf(start, k);
        for (int r = 0; r < n; r++) {
            rows[next[group.code(r)]++] = r;
        }
        List<KaplanMeierCurve> curves = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            curves.add(fit(time, status, rows, start[g], start[g + 1], confType, level));
        }
        return new KaplanMeierGroups(group.levels(), curves);
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

package org.trialmeta.stats.survival;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A fitted Kaplan-Meier curve (see {@link KaplanMeier#fit}): one {@link KaplanMeierRow} per distinct
 * time with an event or censoring, plus the settings it was computed with.
 *
 * @param n number of observations
 * @param events number of events
 * @param confType interval transformation
 * @param level confidence level
 * @param rows rows in increasing time
 */
public record KaplanMeierCurve(int n, int events, ConfType confType, double level, List<KaplanMeierRow> rows) {

    /** Tolerance of survival's quantile rules, sqrt(.Machine$double.eps). */
    public static final double QUANTILE_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    public KaplanMeierCurve {
        rows = rows instanceof KaplanMeierRows fitted ? fitted : List.copyOf(rows);   // a fit's rows: already immutable
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows: a Kaplan-Meier curve needs at least one row");
        }
        if (events < 0 || events > n) {
            throw new IllegalArgumentException("events " + events + " not in [0, n = " + n + "]");
        }
    }

    /** The last observed time (event or censoring). */
    public double lastTime() {
        return rowTime(rows.size() - 1);
    }

    /** Index of the first row with time >= t (rows.size() if none); O(log n). */
    private int firstRowAtOrAfter(double t) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rowTime(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** S(t): 1 before the first event, right-continuous steps; O(log n). */
    public double survivalAt(double t) {
        int i = firstRowAtOrAfter(t);
        if (i < rows.size() && rowTime(i) == t) {
            return rowSurv(i);
        }
        return i == 0 ? 1.0 : rowSurv(i - 1);
    }

    /** Number at risk at time t (observations with time ≥ t), as a numbers-at-risk table shows; O(log n). */
    public int nRiskAt(double t) {
        int i = firstRowAtOrAfter(t);
        return i < rows.size() ? rowNRisk(i) : 0;
    }

    /**
     * The median and its interval exactly as {@code print(survfit)} / {@code summary(survfit)$table}
     * (survival's internal {@code survmean}): the first time t with S(t) &lt; 0.5 + tol; if S there equals
     * 0.5 (within tol) and the curve drops lower later, the average of that time and the time of the next
     * drop. The limits apply the same rule to the lower and upper confidence curves. tol =
     * sqrt(machine epsilon). Note: when the curve ends flat at exactly 0.5, print gives that time while
     * {@link #quantile(double)} (quantile.survfit) averages it with the last time.
     */
    public SurvivalQuantile median() {
        int m = rows.size();
        double[] x = new double[m];
        double[] s = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = rowTime(i);
            s[i] = rowSurv(i);
            lo[i] = rowLower(i);
            hi[i] = rowUpper(i);
        }
        boolean ci = confType != ConfType.NONE;
        return new SurvivalQuantile(0.5, minmin(s, x), ci ? minmin(lo, x) : OptionalDouble.empty(),
                ci ? minmin(hi, x) : OptionalDouble.empty());
    }

    private static OptionalDouble minmin(double[] y, double[] x) {
        double tol = QUANTILE_TOLERANCE;
        int first = -1;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && y[i] < 0.5 + tol) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return OptionalDouble.empty();
        }
        if (Math.abs(y[first] - 0.5) < tol) {
            for (int i = first + 1; i < y.length; i++) {
                if (!Double.isNaN(y[i]) && y[i] < 0.5 + tol && y[i] < y[first]) {
                    return OptionalDouble.of((x[first] + x[i]) / 2);
                }
            }
        }
        return OptionalDouble.of(x[first]);
    }

    /**
     * The quantile for probability p exactly as {@code quantile(survfit, probs = p)} (survival 3.5):
     * on the curve F = 1 − S prefixed by (0, 0), the smallest time with F ≥ p; when F equals p
     * (within sqrt(machine epsilon)) on a flat segment, the midpoint of that segment (the last time
     * of the curve if the segment is the last one). The lower limit is read the same way off the lower
     * confidence curve, the upper limit off the upper curve. "Not reached" is empty.
     */
    public SurvivalQuantile quantile(double p) {
        return quantiles(p)[0];
    }

    /**
     * {@link #quantile(double)} for each of {@code ps} ({@code quantile(survfit, probs = ps)}), reading the curve and
     * dropping its repeated values once for all of them.
     */
    public SurvivalQuantile[] quantiles(double... ps) {
        for (double p : ps) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("quantile probability " + p + " not in [0, 1]");
            }
        }
        int m = rows.size();
        double[] x = new double[m + 1];
        double[] f = new double[m + 1];
        double[] flo = new double[m + 1];
        double[] fhi = new double[m + 1];
        x[0] = 0.0;
        for (int i = 0; i < m; i++) {
            x[i + 1] = rowTime(i);
            f[i + 1] = 1 - rowSurv(i);
            flo[i + 1] = 1 - rowLower(i);
            fhi[i + 1] = 1 - rowUpper(i);
        }
        boolean ci = confType != ConfType.NONE;
        Distinct est = new Distinct(x, f);
        Distinct lo = ci ? new Distinct(x, flo) : null;
        Distinct hi = ci ? new Distinct(x, fhi) : null;
        SurvivalQuantile[] out = new SurvivalQuantile[ps.length];
        for (int j = 0; j < ps.length; j++) {
            double p = ps[j];
            out[j] = new SurvivalQuantile(p, est.findq(p), ci ? lo.findq(p) : OptionalDouble.empty(),
                    ci ? hi.findq(p) : OptionalDouble.empty());
        }
        return out;
    }

    /**
     * A curve (x0, y0) for survival:::findq(x, y, p, tol); y non-decreasing with possible NaN (NA) values: its
     * largest value, its last time, and its points without repeated y values (R's {@code duplicated()}: NA duplicates
     * NA), keeping the first occurrence, as findq drops them before it reads any p.
     */
    static final class Distinct {
        private final double max;
        private final double xmax;
        private final double[] x;
        private final double[] y;
        private final int n;

        Distinct(double[] x0, double[] y0) {
            double top = Double.NEGATIVE_INFINITY;
            for (double v : y0) {
                if (!Double.isNaN(v)) {
                    top = Math.max(top, v);
                }
            }
            max = top;
            xmax = x0[x0.length - 1];
            x = new double[x0.length];
            y = new double[x0.length];
            n = inKeyOrder(y0) ? firstOfRuns(x0, y0, x, y) : firstOccurrences(x0, y0, x, y);
        }

        /**
         * The points (x0, y0) whose y0 value occurs for the first time, copied to (x, y); their number. Values are
         * compared as {@link Double#equals} compares them (R's {@code duplicated()}: NA duplicates NA).
         */
        static int firstOccurrences(double[] x0, double[] y0, double[] x, double[] y) {
            FirstOccurrence seen = new FirstOccurrence(x0.length);
            int k = 0;
            for (int i = 0; i < x0.length; i++) {
                if (seen.add(y0[i])) {
                    x[k] = x0[i];
                    y[k] = y0[i];
                    k++;
                }
            }
            return k;
        }

        /** {@link #firstOccurrences} for y0 {@link #inKeyOrder}: equal values are neighbours, no set is needed. */
        static int firstOfRuns(double[] x0, double[] y0, double[] x, double[] y) {
            int k = 0;
            for (int i = 0; i < x0.length; i++) {
                if (i == 0 || Double.doubleToLongBits(y0[i]) != Double.doubleToLongBits(y0[i - 1])) {
                    x[k] = x0[i];
                    y[k] = y0[i];
                    k++;
                }
            }
            return k;
        }

        /**
         * Whether {@code y}'s values are in the order of {@link RadixSort#key} (increasing numbers, −0.0 before 0.0, NaN
         * last), so that values equal as {@link FirstOccurrence} compares them are next to each other: the estimate's
         * 1 − S always, a confidence curve usually.
         */
        static boolean inKeyOrder(double[] y) {
            for (int i = 1; i < y.length; i++) {
                if (Long.compareUnsigned(RadixSort.key(y[i - 1]), RadixSort.key(y[i])) > 0) {
                    return false;
                }
            }
            return true;
        }

        /** survival:::findq for one p. */
        OptionalDouble findq(double p) {
            double tol = QUANTILE_TOLERANCE;
            if (max < p) {
                return OptionalDouble.empty();
            }
            if (p == 0) {
                return OptionalDouble.of(x[0]);
            }
            int i1 = approxConstantRight(y, n, tol, p);
            int i2 = approxConstantRight(y, n, -tol, p);
            double q = (i1 < 0 || i2 < 0) ? Double.NaN : (x[i1] + x[i2]) / 2;
            if (!Double.isNaN(y[n - 1]) && Math.abs(p - y[n - 1]) < tol) {
                q = i1 < 0 ? Double.NaN : (x[i1] + xmax) / 2;
            }
            return KaplanMeier.opt(q);
        }
    }

    /**
     * The index R's {@code approx(y + shift, 1:n, p, method = "constant", f = 1)} returns (NA pairs
     * removed; -1 for NA, i.e. p outside the range of y + shift).
     */
    private static int approxConstantRight(double[] y, int n, double shift, double p) {
        // approx() sorts the (x, y) pairs by x = y + shift (the confidence curves need not be monotone)
        // and, for method "constant", f = 1, returns the value of the smallest x >= p when p is in range
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            double v = y[i] + shift;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v >= p && (best < 0 || v < y[best] + shift)) {
                best = i;
            }
        }
        if (best < 0 || p < min || p > max) {
            return -1;
        }
        return best;
    }

    /**
     * Restricted mean survival time up to {@code tau} with its standard error, exactly as
     * {@code print(survfit, rmean = tau)} (survival's internal {@code survmean}): the area under S from
     * 0 to tau, and var = Σ over times tᵢ ≤ tau of A(tᵢ)² · d/(n(n − d)) where A(tᵢ) is the area under S
     * between tᵢ and tau (terms with n = d are 0). Beyond the last time the curve is extended flat.
     * Klein JP, Moeschberger ML. Survival Analysis, 2nd ed., section 4.5.
     */
    public RmstResult rmst(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("RMST tau " + tau + " (must be finite and > 0)");
        }
        int keep = 0;
        while (keep < rows.size() && rowTime(keep) <= tau) {
            keep++;
        }
        int n = keep + 1;
        double[] tt = new double[n];
        double[] ss = new double[n];
        double[] hh = new double[n];
        for (int i = 0; i < keep; i++) {
            tt[i] = rowTime(i);
            ss[i] = rowSurv(i);
            int risk = rowNRisk(i);
            int event = rowNEvent(i);
            double nd = risk - event;
            hh[i] = nd == 0 ? 0.0 : event / ((double) risk * nd);
        }
        tt[n - 1] = tau;
        ss[n - 1] = keep == 0 ? 1.0 : ss[keep - 1];
        hh[n - 1] = 0.0;
        double[] rect = new double[n];
        double prev = 0.0;
        double mean = 0.0;
        for (int i = 0; i < n; i++) {
            rect[i] = (tt[i] - prev) * (i == 0 ? 1.0 : ss[i - 1]);
            prev = tt[i];
            mean += rect[i];
        }
        double cum = 0.0;
        double var = 0.0;
        for (int k = n - 1; k >= 1; k--) {
            cum += rect[k];
            var += cum * cum * hh[k - 1];
        }
        return new RmstResult(tau, mean, Math.sqrt(var));
    }

    /** Row i's time, read from a fit's columns without making the row (a curve of 10⁶ rows is read several times). */
    double rowTime(int i) {
        return rows instanceof KaplanMeierRows k ? k.time(i) : rows.get(i).time();
    }

    double rowSurv(int i) {
        return rows instanceof KaplanMeierRows k ? k.surv(i) : rows.get(i).surv();
    }

    int rowNRisk(int i) {
        return rows instanceof KaplanMeierRows k ? k.nRisk(i) : rows.get(i).nRisk();
    }

    int rowNEvent(int i) {
        return rows instanceof KaplanMeierRows k ? k.nEvent(i) : rows.get(i).nEvent();
    }

    int rowNCensor(int i) {
        return rows instanceof KaplanMeierRows k ? k.nCensor(i) : rows.get(i).nCensor();
    }

    /** Row i's lower confidence limit, NaN when there is none. */
    private double rowLower(int i) {
        return rows instanceof KaplanMeierRows k ? k.lower(i) : rows.get(i).lower().orElse(Double.NaN);
    }

    /** Row i's upper confidence limit, NaN when there is none. */
    private double rowUpper(int i) {
        return rows instanceof KaplanMeierRows k ? k.upper(i) : rows.get(i).upper().orElse(Double.NaN);
    }

    /** RMST with survival's default upper limit for a single curve: its last observed time. */
    public RmstResult rmst() {
        return rmst(lastTime());
    }

    /**
     * The values seen so far, compared as {@link Double#equals} compares them (bit patterns, every NaN one value:
     * R's {@code duplicated()} on a numeric vector, where NA duplicates NA): an open-addressing set of
     * {@code doubleToLongBits} keys, so that a curve of 10⁶ times is deduplicated without boxing a value.
     */
    private static final class FirstOccurrence {
        private final long[] keys;
        private final boolean[] used;
        private final int mask;

        FirstOccurrence(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            used = new boolean[capacity];
            mask = capacity - 1;
        }

        /** Adds {@code v}; true when it was not there yet. */
        boolean add(double v) {
            long key = Double.doubleToLongBits(v);
            long h = key * 0x9E3779B97F4A7C15L;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (used[i]) {
                if (keys[i] == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = key;
            return true;
        }
    }
}

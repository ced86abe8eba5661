package org.trialmeta.stats.survival;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The G-rho family of k-sample tests for right-censored data (Harrington DP, Fleming TR. Biometrika
 * 1982;69:553–566, doi:10.1093/biomet/69.3.553), exactly as R's {@code survdiff(Surv(time, status) ~ group [+ strata(s)], rho = )}
 * (survival 3.5, C routine survdiff2).
 *
 * <p>At each event time t of a stratum with n at risk, d events and nⱼ at risk in group j, the weight is
 * w = Ŝ(t−)^rho where Ŝ is the Kaplan-Meier estimate of the pooled data of the stratum (left-continuous);
 * rho = 0 is the log-rank test (Mantel 1966), rho = 1 the Peto-Peto modification of the Gehan-Wilcoxon
 * test as survdiff defines it. Oⱼ = Σ w dⱼ, Eⱼ = Σ w d nⱼ/n, Vⱼₖ = Σ w² d (n − d)/(n(n − 1)) · nⱼ(δⱼₖ − nₖ/n)
 * (no variance term when n = 1). Strata add up O, E and V. Groups with E = 0 are dropped;
 * χ² = (O − E)ᵀ V⁻¹ (O − E) on the remaining groups without the first, df = (groups with E &gt; 0) − 1.
 * When that variance matrix is singular (e.g. every event at one time, or each group in a stratum of its own),
 * exactly or to machine precision (reciprocal condition number below machine epsilon, R's {@code solve}), survdiff
 * stops with "system is exactly / computationally singular"; here χ² and p are not estimable
 * ({@link LogRankResult#singular()}). Times that differ by floating-point noise are merged first, as survdiff's
 * default {@code timefix = TRUE} ({@link TimeFix}).
 */
public final class LogRank {

    /**
     * Most groups the test compares. Its work is k² per event time and k³ for the solve, and its variance matrix has
     * k² entries (survdiff's too): a CSV of 20,000 rows grouped by a column of 10,000 labels (a patient id chosen by
     * mistake) would run for hours. A comparison of more than a hundred groups is not a question the test answers.
     */
    public static final int MAX_GROUPS = 100;

    private LogRank() {}

    /**
     * The same test as {@link #test(double[], int[], int[], int[], double) test(time, status, group, null, rho)}
     * on the observations the curves were fitted to (curve j = group j), computed from the curves' rows: their
     * times merged in order (at most {@link #MAX_GROUPS} curves), the number at risk in each group counted back from
     * the last time. No sort and no copy of the observations; the same sums in the same order as the test on the
     * observations, so the same doubles, bit for bit ({@code LogRankFromCurvesTest}).
     *
     * @param curves one curve per group, each with every observation in its rows (as {@link KaplanMeier#fit} makes
     *               it: the first row's number at risk is the number of events and censorings in all rows)
     * @param rho    the rho of the weights S(t−)^rho, finite
     */
    public static LogRankResult test(List<KaplanMeierCurve> curves, double rho) {
        int k = curves.size();
        checkGroups(k);
        if (!Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho " + rho + " must be finite");
        }
        int[] at = new int[k];   // per curve, the row the backward merge is at
        long n = 0;
        for (int a = 0; a < k; a++) {
            KaplanMeierCurve c = curves.get(a);
            int rows = c.rows().size();
            long total = 0;
            for (int i = 0; i < rows; i++) {
                total += c.rowNEvent(i) + c.rowNCensor(i);
            }
            if (total != c.rowNRisk(0)) {
                throw new IllegalArgumentException("curve " + (a + 1) + ": its rows hold " + total
                        + " events and censorings but " + c.rowNRisk(0) + " at risk at the first time (must be equal)");
            }
            at[a] = rows - 1;
            n += total;
        }
        // the pooled curve S(t-) at each distinct time, in increasing order (only for rho != 0)
        double[] kaplan = rho == 0 ? null : pooledBefore(curves, n);
        double[] obs = new double[k];
        double[] exp = new double[k];
        double[][] var = new double[k][k];
        double[] risk = new double[k];
        int m = kaplan == null ? 0 : kaplan.length;
        long atRisk = 0;
        while (true) {
            double t = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                if (at[a] >= 0) {
                    t = Math.max(t, curves.get(a).rowTime(at[a]));
                }
            }
            if (t == Double.NEGATIVE_INFINITY) {
                break;
            }
            double wt = kaplan == null ? 1 : Math.pow(kaplan[--m], rho);
            double deaths = 0;
            for (int a = 0; a < k; a++) {
                KaplanMeierCurve c = curves.get(a);
                if (at[a] >= 0 && c.rowTime(at[a]) == t) {
                    int d = c.rowNEvent(at[a]);
                    int here = d + c.rowNCensor(at[a]);
                    deaths += d;
                    risk[a] += here;
                    atRisk += here;
                    for (int e = 0; e < d; e++) {
                        obs[a] += wt;
                    }
                    at[a]--;
                }
            }
            double nrisk = atRisk;
            accumulate(k, wt, deaths, nrisk, risk, exp, var);
        }
        return result(rho, false, obs, exp, var);
    }

    /** The pooled Kaplan-Meier estimate just before each distinct time of the curves' rows, in increasing order. */
    private static double[] pooledBefore(List<KaplanMeierCurve> curves, long n) {
        int k = curves.size();
        int[] at = new int[k];
        int distinct = 0;
        double[] before = new double[16];
        double km = 1;
        long gone = 0;
        while (true) {
            double t = Double.POSITIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                KaplanMeierCurve c = curves.get(a);
                if (at[a] < c.rows().size()) {
                    t = Math.min(t, c.rowTime(at[a]));
                }
            }
            if (t == Double.POSITIVE_INFINITY) {
                return Arrays.copyOf(before, distinct);
            }
            if (distinct == before.length) {
                before = Arrays.copyOf(before, 2 * distinct);
            }
            before[distinct++] = km;
            double nrisk = n - gone;
            double deaths = 0;
            for (int a = 0; a < k; a++) {
                KaplanMeierCurve c = curves.get(a);
                if (at[a] < c.rows().size() && c.rowTime(at[a]) == t) {
                    deaths += c.rowNEvent(at[a]);
                    gone += c.rowNEvent(at[a]) + c.rowNCensor(at[a]);
                    at[a]++;
                }
            }
            km = km * (nrisk - deaths) / nrisk;
        }
    }

    private static void checkGroups(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("group: there is only 1 group (need at least 2)");
        }
        if (k > MAX_GROUPS) {
            throw new IllegalArgumentException("group: " + k + " groups (the log-rank test compares at most "
                    + MAX_GROUPS + ")");
        }
    }

    /** Unstratified log-rank test (rho = 0). */
    public static LogRankResult test(double[] time, int[] status, int[] group) {
        return test(time, status, group, null, 0.0);
    }

    /**
     * G-rho test, as {@code survdiff(Surv(time, status) ~ group + strata(strata), rho = )} with the groups and strata
     * given as codes (e.g. {@link Factor#codes()}): observed and expected are in the order of the group codes.
     *
     * @param time finite times
     * @param status 1 = event, 0 = censored
     * @param group group index 0..k−1 of each observation (k = max + 1; every index should occur)
     * @param strata stratum index of each observation, or null for no strata
     * @param rho the rho of the weights S(t−)^rho, finite
     */
    public static LogRankResult test(double[] time, int[] status, int[] group, int[] strata, double rho) {
        int n = time.length;
        if (status.length != n || group.length != n || (strata != null && strata.length != n)) {
            throw new IllegalArgumentException("time, status, group and strata must have the same length ("
                    + n + ")");
        }
        if (!Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho " + rho + " must be finite");
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(time[i])) {
                throw new IllegalArgumentException("time[" + i + "] = " + time[i] + " (must be finite)");
            }
            if (status[i] != 0 && status[i] != 1) {
                throw new IllegalArgumentException("status[" + i + "] = " + status[i] + " (must be 0 or 1)");
            }
            if (group[i] < 0) {
                throw new IllegalArgumentException("group[" + i + "] = " + group[i] + " (must be >= 0)");
            }
            k = Math.max(k, group[i] + 1);
        }
        checkGroups(k);
        // order by (stratum, time), as survdiff.fit; the order within a tie block does not matter, since every sum
        // below runs over whole blocks of equal time (integer counts, and one weight per block). The times merged
        // as survdiff's timefix = TRUE merges them (as the curves', GroupedTimes), on their sorted keys
        double[] fixed = new double[n];
        int[] ord = order(time, strata, fixed);
        double[] t = new double[n];
        int[] st = new int[n];
        int[] g = new int[n];
        int[] s = strata == null ? null : new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = fixed[ord[i]];
            st[i] = status[ord[i]];
            g[i] = group[ord[i]];
            if (s != null) {
                s[i] = strata[ord[i]];
            }
        }
        double[] obs = new double[k];
        double[] exp = new double[k];
        double[][] var = new double[k][k];
        double[] risk = new double[k];
        double[] kaplan = rho == 0 ? null : new double[n];
        int istart = 0;
        while (istart < n) {
            Arrays.fill(risk, 0.0);
            int end = s == null ? n - 1 : istart;
            while (s != null && end + 1 < n && s[end + 1] == s[istart]) {
                end++;
            }
            int nn = end + 1;
            if (kaplan != null) {
                double km = 1;
                for (int i = istart; i < nn; ) {
                    kaplan[i] = km;
                    double nrisk = nn - i;
                    double deaths = st[i];
                    int j;
                    for (j = i + 1; j < nn && t[j] == t[i]; j++) {
                        kaplan[j] = km;
                        deaths += st[j];
                    }
                    km = km * (nrisk - deaths) / nrisk;
                    i = j;
                }
            }
            for (int i = nn - 1; i >= istart; i--) {
                double wt = kaplan == null ? 1 : Math.pow(kaplan[i], rho);
                double deaths = 0;
                int j;
                for (j = i; j >= istart && t[j] == t[i]; j--) {
                    int kk = g[j];
                    deaths += st[j];
                    risk[kk] += 1;
                    obs[kk] += st[j] * wt;
                }
                i = j + 1;
                accumulate(k, wt, deaths, nn - i, risk, exp, var);
            }
            istart = nn;
        }
        return result(rho, strata != null, obs, exp, var);
    }

    /**
     * Adds one distinct time's terms: {@code deaths} events among {@code nrisk} at risk, {@code risk[a]} of them in
     * group a, weight {@code wt} (none without events; no variance term when one is at risk).
     */
    private static void accumulate(int k, double wt, double deaths, double nrisk, double[] risk, double[] exp,
            double[][] var) {
        if (deaths > 0) {
            for (int a = 0; a < k; a++) {
                exp[a] += wt * deaths * risk[a] / nrisk;
            }
            if (nrisk == 1) {
                return;
            }
            double w2 = wt * wt;
            for (int a = 0; a < k; a++) {
                double tmp = w2 * deaths * risk[a] * (nrisk - deaths) / (nrisk * (nrisk - 1));
                var[a][a] += tmp;
                for (int b = 0; b < k; b++) {
                    var[a][b] -= tmp * risk[b] / nrisk;
                }
            }
        }
    }

    /** χ² on the groups with E &gt; 0 without the first, its df and p. */
    private static LogRankResult result(double rho, boolean stratified, double[] obs, double[] exp, double[][] var) {
        int k = obs.length;
        int[] keep = new int[k];
        int m = 0;
        for (int a = 0; a < k; a++) {
            if (exp[a] > 0) {
                keep[m++] = a;
            }
        }
        double chisq = 0;
        if (m >= 2) {
            int q = m - 1;
            Array2DRowRealMatrix vv = new Array2DRowRealMatrix(q, q);
            RealVector diff = new ArrayRealVector(q);
            for (int a = 0; a < q; a++) {
                diff.setEntry(a, obs[keep[a + 1]] - exp[keep[a + 1]]);
                for (int b = 0; b < q; b++) {
                    vv.setEntry(a, b, var[keep[a + 1]][keep[b + 1]]);
                }
            }
            try {
                // a zero pivot (the threshold 0 lets it through) gives an infinite or NaN statistic: R's
                // solve() stops there with "system is exactly singular"; it also stops, "computationally
                // singular", when the reciprocal condition number in the 1-norm is below machine epsilon (there
                // estimated by LAPACK's dgecon, here computed from the inverse: at most 100 x 100)
                DecompositionSolver solver = new LUDecomposition(vv, 0.0).getSolver();
                RealVector sol = solver.solve(diff);
                chisq = sol.dotProduct(diff);
                double rcond = 1 / (norm1(vv) * norm1(solver.getInverse()));
                if (!(rcond >= Math.ulp(1.0))) {
                    chisq = Double.NaN;
                }
            } catch (SingularMatrixException e) {
                chisq = Double.NaN;
            }
            if (!Double.isFinite(chisq)) {
                // survdiff stops here; the curves are still estimable, the test is not
                return new LogRankResult(rho, stratified, obs, exp, var, OptionalDouble.empty(), m - 1,
                        OptionalDouble.empty());
            }
        }
        int df = m - 1;
        OptionalDouble p = df > 0
                ? OptionalDouble.of(ChiSquaredDistribution.of(df).survivalProbability(chisq))
                : OptionalDouble.empty();
        return new LogRankResult(rho, stratified, obs, exp, var, OptionalDouble.of(Math.max(chisq, 0.0)),
                Math.max(df, 0), p);
    }

    /** The 1-norm of {@code m}: the largest sum of absolute values of a column (LAPACK's dlange("1")). */
    private static double norm1(RealMatrix m) {
        double max = 0;
        for (int c = 0; c < m.getColumnDimension(); c++) {
            double sum = 0;
            for (int r = 0; r < m.getRowDimension(); r++) {
                sum += Math.abs(m.getEntry(r, c));
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /**
     * The rows ordered by (stratum, time), ties in row order: a stable least-significant-digit radix sort of the
     * times' order-preserving bit patterns ({@link RadixSort}), then a stable counting sort by stratum rank. O(n)
     * passes over contiguous arrays: on 10⁶ rows several times faster than a comparison sort of indices, whose every
     * comparison reads three arrays at random. The order of
     * {@link Double#compare} (−0.0 before 0.0).
     */
    static int[] order(double[] time, int[] strata) {
        return order(time, strata, null);
    }

    /**
     * {@link #order(double[], int[])}; when {@code fixed} is not null, it receives each row's time merged as
     * {@link TimeFix} merges them (the order is also that of the merged times: the merge is monotone).
     */
    private static int[] order(double[] time, int[] strata, double[] fixed) {
        int n = time.length;
        long[] key = new long[n];
        int[] ord = identity(n);
        for (int i = 0; i < n; i++) {
            key[i] = RadixSort.key(time[i]);
        }
        RadixSort.sort(key, ord);
        if (fixed != null) {
            TimeFix.mergeSorted(new long[][] {key});
            for (int i = 0; i < n; i++) {
                fixed[ord[i]] = RadixSort.value(key[i]);
            }
        }
        if (strata != null) {
            int[] su = strata.clone();
            Arrays.sort(su);
            int sm = distinct(su);
            int[] srank = new int[n];
            for (int i = 0; i < n; i++) {
                srank[i] = Arrays.binarySearch(su, 0, sm, strata[i]);
            }
            ord = countingSort(ord, srank, sm);
        }
        return ord;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Compacts a sorted array to its distinct values; their count. */
    private static int distinct(int[] sorted) {
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (m == 0 || sorted[m - 1] != sorted[i]) {
                sorted[m++] = sorted[i];
            }
        }
        return m;
    }

    /** The entries of {@code ord} stably reordered by {@code key[ord[i]]}, keys in [0, m). */
    private static int[] countingSort(int[] ord, int[] key, int m) {
        int[] start = new int[m + 1];
        for (int i : ord) {
            start[key[i] + 1]++;
        }
        for (int r = 0; r < m; r++) {
            start[r + 1] += start[r];
        }
        int[] out = new int[ord.length];
        for (int i : ord) {
            out[start[key[i]]++] = i;
        }
        return out;
    }
}

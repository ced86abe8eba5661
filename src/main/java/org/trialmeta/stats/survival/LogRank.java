package org.trialmeta.stats.survival;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
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
 */
public final class LogRank {

    private LogRank() {}

    /** Unstratified log-rank test (rho = 0). */
    public static LogRankResult test(double[] time, int[] status, int[] group) {
        return test(time, status, group, null, 0.0);
    }

    /**
     * G-rho test between the levels of {@code factor(group)}, stratified by the levels of {@code factor(strata)}
     * ({@link Factor#of}), as {@code survdiff(Surv(time, status) ~ group + strata(strata), rho = )}: observed and
     * expected are in the group factor's order.
     *
     * @param strata stratum label of each observation, or null for no strata
     */
    public static LogRankResult test(double[] time, int[] status, String[] group, String[] strata, double rho) {
        return test(time, status, Factor.of(group).codes(), strata == null ? null : Factor.of(strata).codes(), rho);
    }

    /**
     * G-rho test.
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
        if (k < 2) {
            throw new IllegalArgumentException("group: there is only 1 group (need at least 2)");
        }
        // order by (stratum, time), as survdiff.fit; the order within a tie block does not matter, since every sum
        // below runs over whole blocks of equal time (integer counts, and one weight per block)
        int[] ord = order(time, strata);
        double[] t = new double[n];
        int[] st = new int[n];
        int[] g = new int[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = time[ord[i]];
            st[i] = status[ord[i]];
            g[i] = group[ord[i]];
            s[i] = strata == null ? 0 : strata[ord[i]];
        }
        double[] obs = new double[k];
        double[] exp = new double[k];
        double[][] var = new double[k][k];
        double[] risk = new double[k];
        double[] kaplan = new double[n];
        int istart = 0;
        while (istart < n) {
            Arrays.fill(risk, 0.0);
            int end = istart;
            while (end + 1 < n && s[end + 1] == s[istart]) {
                end++;
            }
            int nn = end + 1;
            if (rho != 0) {
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
                double wt = rho == 0 ? 1 : Math.pow(kaplan[i], rho);
                double deaths = 0;
                int j;
                for (j = i; j >= istart && t[j] == t[i]; j--) {
                    int kk = g[j];
                    deaths += st[j];
                    risk[kk] += 1;
                    obs[kk] += st[j] * wt;
                }
                i = j + 1;
                double nrisk = nn - i;
                if (deaths > 0) {
                    for (int a = 0; a < k; a++) {
                        exp[a] += wt * deaths * risk[a] / nrisk;
                    }
                    if (nrisk == 1) {
                        continue;
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
            istart = nn;
        }
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
                // solve() stops there with "system is exactly singular"
                RealVector sol = new LUDecomposition(vv, 0.0).getSolver().solve(diff);
                chisq = sol.dotProduct(diff);
            } catch (SingularMatrixException e) {
                chisq = Double.NaN;
            }
            if (!Double.isFinite(chisq)) {
                throw new IllegalArgumentException("log-rank variance matrix is singular (no information"
                        + " to compare the groups)");
            }
        }
        int df = m - 1;
        OptionalDouble p = df > 0
                ? OptionalDouble.of(ChiSquaredDistribution.of(df).survivalProbability(chisq))
                : OptionalDouble.empty();
        return new LogRankResult(rho, strata != null, obs, exp, var, Math.max(chisq, 0.0), Math.max(df, 0), p);
    }

    /**
     * The rows ordered by (stratum, time), ties in row order: a stable least-significant-digit radix sort of the
     * times' order-preserving bit patterns ({@link RadixSort}), then a stable counting sort by stratum rank. O(n)
     * passes over contiguous arrays: on 10⁶ rows several times faster than a comparison sort of indices, whose every
     * comparison reads three arrays at random. The order of
     * {@link Double#compare} (−0.0 before 0.0).
     */
    static int[] order(double[] time, int[] strata) {
        int n = time.length;
        long[] key = new long[n];
        int[] ord = identity(n);
        for (int i = 0; i < n; i++) {
            key[i] = RadixSort.key(time[i]);
        }
        RadixSort.sort(key, ord);
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

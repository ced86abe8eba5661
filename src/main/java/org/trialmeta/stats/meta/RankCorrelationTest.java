package org.trialmeta.stats.meta;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Rank correlation test for funnel plot asymmetry (Begg CB, Mazumdar M. Biometrics 1994;50:1088–1101), as metafor
 * 3.8 {@code ranktest(res)}: Kendall's tau between the standardised deviates y*_i = (y_i − θ̂)/√(v_i − v̂),
 * θ̂ = Σ y_i/v_i / Σ 1/v_i (computed about y_1, exact for equal estimates), v̂ = 1/Σ 1/v_i, and the variances v_i, tested as R's
 * {@code cor.test(y*, v, method = "kendall", exact = TRUE)}: without ties the exact p-value from the null
 * distribution of the number of concordant pairs (all k! orders equally likely), with ties tau-b and the normal
 * approximation with the tie-corrected variance of S (Kendall 1970, ch. 4).
 *
 * <p>One deliberate difference: R computes the exact distribution as counts divided by k!, which overflows for
 * k ≥ 171 (metafor then gives p = NaN); here it is computed as probabilities (the number of inversions of a random
 * permutation is a sum of independent uniforms on {0..j−1}, j = 1..k), exact up to k = {@value #EXACT_MAX_K}; above
 * that the normal approximation is used.
 */
public final class RankCorrelationTest {

    /** Largest k for the exact p-value (O(k³) time); R's own computation fails from k = 171 on. */
    public static final int EXACT_MAX_K = 1000;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private RankCorrelationTest() {}

    /**
     * The test.
     *
     * @param tau   Kendall's tau (tau-b when there are ties)
     * @param pval  two-sided p-value
     * @param exact whether the exact null distribution was used (no ties and k ≤ {@link #EXACT_MAX_K})
     */
    public record Result(double tau, double pval, boolean exact) {
    }

    /**
     * Runs the test on estimates {@code yi} with sampling variances {@code vi}.
     *
     * @throws IllegalArgumentException on invalid input or k &lt; 2
     */
    public static Result run(double[] yi, double[] vi) {
        MetaAnalysis.validate(yi, vi);
        int k = yi.length;
        if (k < 2) {
            throw new IllegalArgumentException("the rank correlation test needs k >= 2 studies, got " + k);
        }
        // θ̂ as y_0 + Σ (y_i − y_0)/v_i / Σ 1/v_i: the same weighted mean, but exactly y when every y_i is y, so that
        // equal estimates give deviates of exactly 0 (tau not estimable, as R's "standard deviation is zero") and
        // not rounding noise ranked as a perfect correlation
        double y0 = yi[0];
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            sw += 1 / vi[i];
            swy += (yi[i] - y0) / vi[i];
        }
        double theta = y0 + swy / sw;
        double vb = 1 / sw;
        double[] ys = new double[k];
        for (int i = 0; i < k; i++) {
            ys[i] = (yi[i] - theta) / Math.sqrt(vi[i] - vb);
        }
        return kendall(ys, vi.clone());
    }

    /** R's {@code cor.test(x, y, method = "kendall", exact = TRUE)}: tau and its two-sided p-value. */
    static Result kendall(double[] x, double[] y) {
        int n = x.length;
        Counts c = counts(x, y);
        double n0 = n * (n - 1.0) / 2;
        double tau = c.s() / Math.sqrt((n0 - c.xTiedPairs()) * (n0 - c.yTiedPairs()));
        boolean ties = c.xTiedPairs() > 0 || c.yTiedPairs() > 0;
        if (!ties && n <= EXACT_MAX_K) {
            long concordant = Math.round((tau + 1) * n * (n - 1) / 4);
            long total = (long) n * (n - 1) / 2;
            double p = inversionsAtMost(n, Math.min(concordant, total - concordant));
            return new Result(tau, Math.min(2 * p, 1), true);
        }
        double s = tau * Math.sqrt((n0 - c.xTiedPairs()) * (n0 - c.yTiedPairs()));
        double varS = varianceOfS(n, x, y);
        double z = s / Math.sqrt(varS);
        double p = 2 * Math.min(STANDARD_NORMAL.cumulativeProbability(z), STANDARD_NORMAL.survivalProbability(z));
        return new Result(tau, p, false);
    }

    /** Var(S) under independence with ties, as cor.test: (v0 − vt − vu)/18 + v1/(2n(n−1)) + v2/(9n(n−1)(n−2)). */
    private static double varianceOfS(int n, double[] x, double[] y) {
        double[] tx = tieSums(x);
        double[] ty = tieSums(y);
        double nn = n;
        double v0 = nn * (nn - 1) * (2 * nn + 5);
        return (v0 - tx[2] - ty[2]) / 18 + tx[0] * ty[0] / (2 * nn * (nn - 1))
                + tx[1] * ty[1] / (9 * nn * (nn - 1) * (nn - 2));
    }

    /** Σ t(t−1), Σ t(t−1)(t−2), Σ t(t−1)(2t+5) over the tie groups (sizes t ≥ 2) of {@code v}. */
    private static double[] tieSums(double[] v) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double d : v) {
            counts.merge(d == 0 ? 0.0 : d, 1, Integer::sum);
        }
        double[] s = new double[3];
        for (int t : counts.values()) {
            if (t > 1) {
                double td = t;
                s[0] += td * (td - 1);
                s[1] += td * (td - 1) * (td - 2);
                s[2] += td * (td - 1) * (2 * td + 5);
            }
        }
        return s;
    }

    /**
     * Pair counts in O(n log n) (Knight WR. JASA 1966;61:436–439): S = concordant − discordant pairs, and the number
     * of pairs tied in x and in y.
     */
    record Counts(double s, double xTiedPairs, double yTiedPairs) {
    }

    static Counts counts(double[] x, double[] y) {
        int n = x.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(x[a], x[b]);
            return c != 0 ? c : Double.compare(y[a], y[b]);
        });
        double xTies = 0;
        double jointTies = 0;
        int runX = 1;
        int runXy = 1;
        for (int i = 1; i <= n; i++) {
            boolean sameX = i < n && x[idx[i]] == x[idx[i - 1]];
            boolean sameXy = sameX && y[idx[i]] == y[idx[i - 1]];
            if (sameX) {
                runX++;
            } else {
                xTies += runX * (runX - 1.0) / 2;
                runX = 1;
            }
            if (sameXy) {
                runXy++;
            } else {
                jointTies += runXy * (runXy - 1.0) / 2;
                runXy = 1;
            }
        }
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = y[idx[i]];
        }
        double swaps = mergeSortSwaps(ys, new double[n], 0, n);
        double yTies = 0;
        int run = 1;
        for (int i = 1; i <= n; i++) {
            if (i < n && ys[i] == ys[i - 1]) {
                run++;
            } else {
                yTies += run * (run - 1.0) / 2;
                run = 1;
            }
        }
        double n0 = n * (n - 1.0) / 2;
        double s = n0 - xTies - yTies + jointTies - 2 * swaps;
        return new Counts(s, xTies, yTies);
    }

    /** Sorts a[lo, hi) and returns the number of pairs i &lt; j with a[i] &gt; a[j]. */
    private static double mergeSortSwaps(double[] a, double[] buf, int lo, int hi) {
        if (hi - lo < 2) {
            return 0;
        }
        int mid = (lo + hi) >>> 1;
        double swaps = mergeSortSwaps(a, buf, lo, mid) + mergeSortSwaps(a, buf, mid, hi);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            if (a[j] < a[i]) {
                swaps += mid - i;
                buf[o++] = a[j++];
            } else {
                buf[o++] = a[i++];
            }
        }
        while (i < mid) {
            buf[o++] = a[i++];
        }
        while (j < hi) {
            buf[o++] = a[j++];
        }
        System.arraycopy(buf, lo, a, lo, hi - lo);
        return swaps;
    }

    /**
     * P(T ≤ q) for T the number of inversions (equivalently of concordant pairs) of a uniformly random permutation
     * of n items, q ≤ n(n−1)/4: T = Σ_{j=1..n} U_j, U_j uniform on {0..j−1}, convolved as probabilities on [0, q]
     * only. Window sums are differences of prefix sums only on the rising half of each partial distribution (where
     * they lose no precision); the falling half is filled by symmetry, so tail probabilities keep their relative
     * precision.
     */
    static double inversionsAtMost(int n, long q) {
        if (q < 0) {
            return 0;
        }
        int m = (int) q;
        double[] f = new double[m + 1];
        double[] prefix = new double[m + 2];
        f[0] = 1;
        for (int j = 2; j <= n; j++) {
            long top = (long) j * (j - 1) / 2;
            prefix[0] = 0;
            for (int t = 0; t <= m; t++) {
                prefix[t + 1] = prefix[t] + f[t];
            }
            for (int t = 0; t <= m; t++) {
                if (t > top) {
                    f[t] = 0;
                } else if (2L * t <= top) {
                    int from = Math.max(0, t - j + 1);
                    f[t] = (prefix[t + 1] - prefix[from]) / j;
                } else {
                    f[t] = f[(int) (top - t)];
                }
            }
        }
        double p = 0;
        for (int t = 0; t <= m; t++) {
            p += f[t];
        }
        return Math.min(1, p);
    }
}

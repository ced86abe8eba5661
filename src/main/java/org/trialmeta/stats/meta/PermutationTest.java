package org.trialmeta.stats.meta;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Permutation p-values of a meta-regression, as metafor 3.8 {@code permutest(res, iter = n)} with its defaults
 * (two-sided, based on the test statistics): the rows of the design are permuted over the studies, the model is
 * refitted, and p_j = share of refits with |z_j*| ≥ |z_j| − √ε (QM: QM* ≥ QM − √ε). When the number of distinct
 * permutations of the design rows, k!/Π n_c! (n_c rows alike), is at most n, every distinct permutation is fitted
 * once (the exact test, identical to metafor's); otherwise the observed order and n − 1 random permutations
 * (Fisher-Yates with {@link Random} seeded by {@code seed}, so reproducible here but not the permutations R draws:
 * the p-values agree with metafor's only in distribution). Refits that do not converge are skipped (exact) or
 * redrawn (random), as metafor.
 * Good PI, Permutation Tests, 2nd ed., Springer 2000; Higgins JPT, Thompson SG. Stat Med 2004;23:1663–1682.
 */
public final class PermutationTest {

    /** metafor's {@code comptol}: √ε. */
    static final double COMPARISON_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private PermutationTest() {}

    /**
     * The permutation p-values.
     *
     * @param permutations number of permutations used (exact: all distinct ones, including the observed)
     * @param exact        whether every distinct permutation was used
     * @param pval         per coefficient, in design order
     * @param qmPval       for the omnibus test QM
     */
    public record Result(long permutations, boolean exact, double[] pval, double qmPval) {
        public Result {
            pval = pval.clone();
        }

        @Override
        public double[] pval() {
            return pval.clone();
        }
    }

    /**
     * Runs the test for the model {@code observed} fitted to {@code yi, vi, design} with options {@code o}.
     *
     * @param n    the number of permutations asked for (≥ 2)
     * @param seed seed of the random permutations
     * @throws IllegalArgumentException for n &lt; 2 or when 10·n random refits in a row fail
     */
    public static Result run(double[] yi, double[] vi, Design design, MetaAnalysis.Options o, RegressionResult observed,
            int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("permutations " + n + " must be >= 2");
        }
        LinearMetaRegression.check(yi, vi, design, o);
        int k = yi.length;
        int[] cls = rowClasses(design);
        BigInteger distinct = distinctPermutations(cls);
        double[] z = new double[observed.p()];
        for (int j = 0; j < z.length; j++) {
            z[j] = observed.coefficients().get(j).statistic();
        }
        long[] hits = new long[z.length];
        long qmHits = 0;
        long used = 0;
        boolean exact = distinct.compareTo(BigInteger.valueOf(n)) <= 0;
        if (exact) {
            int[] arrangement = cls.clone();
            Arrays.sort(arrangement);
            int[][] byClass = rowsByClass(cls);
            do {
                int[] order = rowsFor(arrangement, byClass);
                RegressionFit f = LinearMetaRegression.fit(yi, vi, design.permuted(order), o, false);
                if (f instanceof RegressionResult r) {
                    used++;
                    qmHits += count(r, observed, z, hits);
                }
            } while (nextPermutation(arrangement));
            return result(used, true, hits, qmHits);
        }
        int[] identity = new int[k];
        for (int i = 0; i < k; i++) {
            identity[i] = i;
        }
        used = 1;
        qmHits += count(observed, observed, z, hits);
        Random random = new Random(seed);
        int failures = 0;
        while (used < n) {
            int[] order = identity.clone();
            for (int i = k - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            RegressionFit f = LinearMetaRegression.fit(yi, vi, design.permuted(order), o, false);
            if (f instanceof RegressionResult r) {
                used++;
                failures = 0;
                qmHits += count(r, observed, z, hits);
            } else if (++failures > 10L * n) {
                throw new IllegalArgumentException("permutation refits failed " + failures + " times in a row");
            }
        }
        return result(used, false, hits, qmHits);
    }

    private static Result result(long used, boolean exact, long[] hits, long qmHits) {
        double[] p = new double[hits.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = used == 0 ? Double.NaN : Math.min(1, (double) hits[j] / used);
        }
        return new Result(used, exact, p, used == 0 ? Double.NaN : (double) qmHits / used);
    }

    /** Adds the coefficients whose |z*| ≥ |z| − tol to {@code hits}; returns 1 when QM* ≥ QM − tol. */
    private static int count(RegressionResult r, RegressionResult observed, double[] z, long[] hits) {
        for (int j = 0; j < z.length; j++) {
            if (Math.abs(r.coefficients().get(j).statistic()) >= Math.abs(z[j]) - COMPARISON_TOLERANCE) {
                hits[j]++;
            }
        }
        return r.qm() >= observed.qm() - COMPARISON_TOLERANCE ? 1 : 0;
    }

    /** Class of each row: rows with equal values share a class (numbered in sorted row order). */
    static int[] rowClasses(Design d) {
        int k = d.k();
        Integer[] idx = new Integer[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        Comparator<Integer> byRow = (a, b) -> Arrays.compare(d.row(a), d.row(b));
        Arrays.sort(idx, byRow);
        int[] cls = new int[k];
        int c = 0;
        for (int i = 0; i < k; i++) {
            if (i > 0 && byRow.compare(idx[i - 1], idx[i]) != 0) {
                c++;
            }
            cls[idx[i]] = c;
        }
        return cls;
    }

    /** k! / Π n_c!. */
    static BigInteger distinctPermutations(int[] cls) {
        int classes = Arrays.stream(cls).max().orElse(-1) + 1;
        int[] counts = new int[classes];
        for (int c : cls) {
            counts[c]++;
        }
        BigInteger r = factorial(cls.length);
        for (int n : counts) {
            r = r.divide(factorial(n));
        }
        return r;
    }

    private static BigInteger factorial(int n) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }

    private static int[][] rowsByClass(int[] cls) {
        int classes = Arrays.stream(cls).max().orElse(-1) + 1;
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < cls.length; i++) {
            rows.get(cls[i]).add(i);
        }
        int[][] out = new int[classes][];
        for (int c = 0; c < classes; c++) {
            out[c] = rows.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** Study i gets a row of class arrangement[i] (any row of that class: they are equal). */
    private static int[] rowsFor(int[] arrangement, int[][] byClass) {
        int[] order = new int[arrangement.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = byClass[arrangement[i]][0];
        }
        return order;
    }

    /** The next arrangement of a multiset in lexicographic order; false after the last. */
    static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }
}

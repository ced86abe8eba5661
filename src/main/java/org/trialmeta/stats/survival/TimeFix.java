package org.trialmeta.stats.survival;

import java.util.Arrays;

/**
 * survival's {@code aeqSurv}, which {@code survfit}, {@code survdiff} and {@code coxph} apply by default
 * ({@code timefix = TRUE}) so that floating-point noise does not break ties (0.1 + 0.2 is not 0.3): with y the
 * sorted distinct finite times, a time is tied to its predecessor when dy ≤ tol or dy / mean(|y|) ≤ tol,
 * tol = sqrt(machine eps) ≈ 1.49e-8; every time of a run of tied times becomes the first (smallest) time of the run,
 * the value {@code survfit} then reports (R's {@code cuts[findInterval(time, cuts)]}). Non-finite times are left
 * as they are. The one implementation of the rule: Kaplan-Meier ({@link GroupedTimes}), the G-rho test
 * ({@link LogRank}) and Cox regression ({@link CoxRegression#timefix}) all merge through it, so {@code km} and
 * {@code cox} see the same times.
 */
public final class TimeFix {

    /** sqrt(.Machine$double.eps), aeqSurv's default tolerance. */
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private TimeFix() {}

    /**
     * The times merged as aeqSurv merges them; a new array (a copy when nothing is merged). O(n): one radix sort
     * ({@link RadixSort}) and linear passes.
     */
    public static double[] apply(double[] time) {
        int n = time.length;
        int finite = 0;
        for (double t : time) {
            if (Double.isFinite(t)) {
                finite++;
            }
        }
        long[] key = new long[finite];
        int[] ord = new int[finite];
        for (int i = 0, j = 0; i < n; i++) {
            if (Double.isFinite(time[i])) {
                key[j] = RadixSort.key(time[i]);
                ord[j++] = i;
            }
        }
        RadixSort.sort(key, ord);
        double[] out = time.clone();
        if (mergeSorted(new long[][] {key})) {
            for (int j = 0; j < finite; j++) {
                out[ord[j]] = RadixSort.value(key[j]);
            }
        }
        return out;
    }

    /**
     * Merges, in place, finite times held as sorted {@link RadixSort#key}s in several arrays (e.g. the event and the
     * censoring times of each group), the rule applied to the distinct times of all of them together. Each array stays
     * sorted (the map is monotone). Linear in the number of keys (times log of the number of arrays): one pass over
     * the distinct times finds the smallest gap, which decides whether anything is tied; only then a second pass
     * finds the runs and a third rewrites the tied keys.
     *
     * @return whether any time changed
     */
    static boolean mergeSorted(long[][] sorted) {
        Union u = new Union(sorted);
        long distinct = 0;
        double sumAbs = 0;
        double minGap = Double.POSITIVE_INFINITY;
        double prev = Double.NaN;
        for (double v = u.next(); !Double.isNaN(v); v = u.next()) {
            if (distinct > 0) {
                minGap = Math.min(minGap, v - prev);
            }
            sumAbs += Math.abs(v);
            distinct++;
            prev = v;
        }
        if (distinct < 2) {
            return false;
        }
        double meanAbs = sumAbs / distinct;
        if (!tied(minGap, meanAbs)) {
            return false;   // the usual case: nothing within tolerance
        }
        // the tied times, ascending, and the first time of the run each belongs to
        double[] tiedTime = new double[16];
        double[] cut = new double[16];
        int m = 0;
        u = new Union(sorted);
        prev = Double.NaN;
        double first = Double.NaN;
        for (double v = u.next(); !Double.isNaN(v); v = u.next()) {
            if (!Double.isNaN(prev) && tied(v - prev, meanAbs)) {
                if (m == tiedTime.length) {
                    tiedTime = Arrays.copyOf(tiedTime, 2 * m);
                    cut = Arrays.copyOf(cut, 2 * m);
                }
                tiedTime[m] = v;
                cut[m++] = first;
            } else {
                first = v;
            }
            prev = v;
        }
        for (long[] a : sorted) {
            int p = 0;
            for (int i = 0; i < a.length && p < m; i++) {
                double v = RadixSort.value(a[i]);
                while (p < m && tiedTime[p] < v) {
                    p++;
                }
                if (p < m && tiedTime[p] == v) {
                    a[i] = RadixSort.key(cut[p]);
                }
            }
        }
        return true;
    }

    /** aeqSurv's test of one gap between consecutive distinct times. */
    private static boolean tied(double gap, double meanAbs) {
        return gap <= TOLERANCE || gap / meanAbs <= TOLERANCE;
    }

    /**
     * The distinct values of several arrays of sorted keys of finite times, in increasing order (values equal as
     * doubles, −0.0 and 0.0, are one): a k-way merge of the arrays by their current value, the smallest found by a
     * scan of the heads for a few arrays (one curve: its event and censoring times), by a binary heap for more.
     */
    private static final class Union {
        private static final int SCAN = 8;
        private final long[][] a;
        private final int[] pos;
        private final double[] head;   // each array's current value, +inf when it is used up
        private final int[] heap;
        private int size;

        Union(long[][] a) {
            this.a = a;
            this.pos = new int[a.length];
            this.head = new double[a.length];
            this.heap = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                head[i] = a[i].length > 0 ? RadixSort.value(a[i][0]) : Double.POSITIVE_INFINITY;
                if (a[i].length > 0) {
                    heap[size++] = i;
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                down(i);
            }
        }

        /** Moves array {@code i} past the value {@code v}. */
        private void skip(int i, double v) {
            long[] x = a[i];
            int p = pos[i];
            double h;
            do {
                p++;
                h = p < x.length ? RadixSort.value(x[p]) : Double.POSITIVE_INFINITY;
            } while (h == v);
            pos[i] = p;
            head[i] = h;
        }

        /** The next distinct value, or NaN after the last. */
        double next() {
            if (a.length <= SCAN) {
                double v = Double.POSITIVE_INFINITY;
                for (double h : head) {
                    v = Math.min(v, h);
                }
                if (v == Double.POSITIVE_INFINITY) {
                    return Double.NaN;
                }
                for (int i = 0; i < head.length; i++) {
                    if (head[i] == v) {
                        skip(i, v);
                    }
                }
                return v;
            }
            if (size == 0) {
                return Double.NaN;
            }
            double v = head[heap[0]];
            while (size > 0 && head[heap[0]] == v) {
                skip(heap[0], v);
                if (head[heap[0]] == Double.POSITIVE_INFINITY) {
                    heap[0] = heap[--size];
                }
                if (size > 0) {
                    down(0);
                }
            }
            return v;
        }

        private void down(int i) {
            int h = heap[i];
            double hv = head[h];
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && head[heap[c + 1]] < head[heap[c]]) {
                    c++;
                }
                if (!(head[heap[c]] < hv)) {
                    break;
                }
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = h;
        }
    }
}

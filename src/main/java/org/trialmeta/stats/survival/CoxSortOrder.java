package org.trialmeta.stats.survival;

/**
 * Stable sort orders on primitive arrays (no boxing), O(n log n): the permutation that R's
 * {@code order(strata, time)} returns (0-based). Stability keeps input order within ties, as R does.
 */
final class CoxSortOrder {

    private CoxSortOrder() {}

    /** Indices ordered by stratum code (if {@code strata} is not null) and then time, ascending. */
    static int[] byStrataThenTime(double[] time, int[] strata) {
        int n = time.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(idx, tmp, 0, n, time, strata);
        return idx;
    }

    private static boolean lessOrEqual(int a, int b, double[] time, int[] strata) {
        if (strata != null && strata[a] != strata[b]) {
            return strata[a] < strata[b];
        }
        return Double.compare(time[a], time[b]) <= 0;
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, double[] time, int[] strata) {
        if (hi - lo <= 24) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && !lessOrEqual(a[j], v, time, strata)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, time, strata);
        mergeSort(a, tmp, mid, hi, time, strata);
        if (lessOrEqual(a[mid - 1], a[mid], time, strata)) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (i < mid && (j >= hi || lessOrEqual(tmp[i], tmp[j], time, strata))) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}

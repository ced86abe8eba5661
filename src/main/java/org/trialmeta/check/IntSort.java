package org.trialmeta.check;

import java.util.function.IntBinaryOperator;

/**
 * A stable sort of {@code int}s (row numbers) by a comparator, without boxing them: the JDK sorts primitives only in
 * their natural order and objects only boxed, and {@code scan} sorts its findings and marks by row (tens of
 * thousands in a long document). Top-down merge sort, ping-ponging between the array and one copy.
 */
final class IntSort {

    /** Below this length a run is sorted by insertion. */
    private static final int INSERTION = 16;

    private IntSort() {}

    /** Sorts {@code a} in place by {@code order} (negative, zero, positive as for a {@code Comparator}); stable. */
    static void sort(int[] a, IntBinaryOperator order) {
        if (a.length < 2) {
            return;
        }
        int[] copy = a.clone();
        mergeSort(copy, a, 0, a.length, order);
    }

    /** Sorts {@code src[from, to)} into {@code dst[from, to)}; both hold the same elements on entry. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, IntBinaryOperator order) {
        if (to - from <= INSERTION) {
            for (int i = from + 1; i < to; i++) {
                int x = dst[i];
                int j = i - 1;
                while (j >= from && order.applyAsInt(dst[j], x) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, order);
        mergeSort(dst, src, mid, to, order);
        if (order.applyAsInt(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, to - from);
            return;
        }
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || i < mid && order.applyAsInt(src[i], src[j]) <= 0) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
        }
    }
}

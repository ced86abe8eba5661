package org.trialmeta.stats.survival;

/**
 * Stable least-significant-digit radix sort of doubles by their order-preserving bit patterns ({@link #key}): eight
 * byte passes over contiguous arrays, a pass skipped when every key has the same byte there (times with a few distinct
 * exponents skip most). The order of {@link Double#compare} for every non-NaN value (−0.0 before 0.0), so the sorted
 * keys read back ({@link #value}) are the array {@link java.util.Arrays#sort(double[])} gives, bit for bit. On 10⁶
 * survival times several times faster than the comparison sort with this launcher's compiler (C1).
 */
final class RadixSort {

    private RadixSort() {}

    /** The key of {@code v} whose unsigned order is the numeric order of the values. */
    static long key(double v) {
        long b = Double.doubleToLongBits(v);
        return b ^ ((b >> 63) | Long.MIN_VALUE);
    }

    /** The value whose {@link #key} is {@code k}. */
    static double value(long k) {
        return Double.longBitsToDouble(k < 0 ? k ^ Long.MIN_VALUE : ~k);
    }

    /**
     * Sorts {@code key} in unsigned order, stably, moving {@code ord[i]} with {@code key[i]} when {@code ord} is not
     * null (e.g. row numbers, to get the order of the rows).
     */
    static void sort(long[] key, int[] ord) {
        int n = key.length;
        long[] k = key;
        int[] o = ord;
        long[] k2 = new long[n];
        int[] o2 = ord == null ? null : new int[n];
        int[] count = new int[256];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (k[i] >>> shift) & 0xFF]++;
            }
            if (n == 0 || count[(int) (k[0] >>> shift) & 0xFF] == n) {
                continue;   // every key has this byte: the pass would not move anything
            }
            for (int d = 0, start = 0; d < 256; d++) {
                int c = count[d];
                count[d] = start;
                start += c;
            }
            for (int i = 0; i < n; i++) {
                int p = count[(int) (k[i] >>> shift) & 0xFF]++;
                k2[p] = k[i];
                if (o != null) {
                    o2[p] = o[i];
                }
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] to = o;
            o = o2;
            o2 = to;
        }
        if (k != key) {   // an odd number of passes: the result is in the scratch arrays
            System.arraycopy(k, 0, key, 0, n);
            if (ord != null) {
                System.arraycopy(o, 0, ord, 0, n);
            }
        }
    }
}

package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.trialmeta.stats.Labels;

/**
 * A categorical variable as R's {@code factor(x)} makes it: its distinct values (the levels) in R's order and,
 * per observation, the index of its level. The order is numeric when every value is a number (as a column that
 * {@code read.csv} reads as numeric: "2" before "10"), else the text order of the values (R sorts character
 * levels with the locale's collation; this is Java's {@link String#compareTo}, the same for ASCII letters of one
 * case). Values that are equal as numbers but spelled differently ("1", "1.0") stay distinct levels, in text
 * order. The order decides which curve is first in {@code survfit} and {@code survdiff} output and the sign of a
 * difference between two groups. Immutable; a class rather than a record so that {@link #of} keeps the codes it made
 * instead of a copy (4 MB more at once on 10⁶ observations).
 */
public final class Factor {

    private final List<String> levels;
    private final int[] codes;

    private Factor(List<String> levels, int[] codes) {
        this.levels = List.copyOf(levels);
        this.codes = codes;
    }

    /**
     * The factor of {@code values} (any strings; none may be null). The distinct values are found first (a run of
     * the same {@code String}, as a CSV reader shares one per repeated label, is looked up once), then sorted: the
     * levels a sorted set of all the values would hold, in its order, for one hash lookup per run instead of a
     * sorted-set insertion per value.
     */
    public static Factor of(String[] values) {
        Labels labels = Labels.of(values);
        List<String> distinct = labels.values();
        boolean numeric = true;
        for (String v : distinct) {
            if (!isNumber(v)) {
                numeric = false;
                break;
            }
        }
        Comparator<String> order = numeric
                ? (a, b) -> {
                    int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
                    return c != 0 ? c : a.compareTo(b);
                }
                : Comparator.naturalOrder();
        // the distinct values' ids (in order of first appearance) sorted by their values: level i is the value of
        // id sorted[i], and id sorted[i] has rank i
        Integer[] sorted = new Integer[distinct.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, (a, b) -> order.compare(distinct.get(a), distinct.get(b)));
        List<String> levels = new ArrayList<>(sorted.length);
        int[] rank = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            levels.add(distinct.get(sorted[i]));
            rank[sorted[i]] = i;
        }
        int[] codes = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            codes[r] = rank[labels.id(r)];
        }
        return new Factor(levels, codes);
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The distinct values in R's order. */
    public List<String> levels() {
        return levels;
    }

    /** For each observation, the index of its value in {@link #levels()} (a copy). */
    public int[] codes() {
        return codes.clone();
    }

    /** Observation {@code i}'s level index, without copying the codes. */
    int code(int i) {
        return codes[i];
    }

    /** Number of observations. */
    int length() {
        return codes.length;
    }

    /** Number of levels ({@code nlevels}). */
    public int size() {
        return levels.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Factor f && levels.equals(f.levels) && java.util.Arrays.equals(codes, f.codes);
    }

    @Override
    public int hashCode() {
        return 31 * levels.hashCode() + java.util.Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "Factor[levels=" + levels + ", length=" + codes.length + "]";
    }
}

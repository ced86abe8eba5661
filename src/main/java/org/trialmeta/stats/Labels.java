package org.trialmeta.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels (a group or stratum column) as the distinct values in order of first appearance and, per observation, the
 * index of its value: R's {@code unique(x)} and {@code match(x, unique(x))}. A run of the same {@code String} (a CSV
 * reader shares one per repeated label) is looked up once, so a column of 10⁶ labels in runs costs one hash lookup per
 * run. Immutable; a class rather than a record so that {@link #of} keeps the index array it made instead of a copy
 * (a record's constructor copies it: 4 MB more at once on 10⁶ labels).
 */
public final class Labels {

    private final List<String> values;
    private final int[] ids;

    private Labels(List<String> values, int[] ids) {
        this.values = List.copyOf(values);
        this.ids = ids;
    }

    /** The labels of {@code x} (none may be null). */
    public static Labels of(String[] x) {
        Map<String, Integer> index = new HashMap<>();
        List<String> distinct = new ArrayList<>();
        int[] ids = new int[x.length];
        String previous = null;
        int previousId = -1;
        for (int r = 0; r < x.length; r++) {
            String v = x[r];
            if (v != previous || previousId < 0) {
                if (v == null) {
                    throw new NullPointerException("label " + r + " is null");
                }
                Integer known = index.get(v);
                if (known == null) {
                    known = distinct.size();
                    index.put(v, known);
                    distinct.add(v);
                }
                previous = v;
                previousId = known;
            }
            ids[r] = previousId;
        }
        return new Labels(distinct, ids);
    }

    /** The distinct values, in order of first appearance. */
    public List<String> values() {
        return values;
    }

    /** For each observation, the index of its value in {@link #values()} (a copy). */
    public int[] ids() {
        return ids.clone();
    }

    /** Observation {@code r}'s id, without copying {@link #ids()}. */
    public int id(int r) {
        return ids[r];
    }

    /** Number of observations. */
    public int size() {
        return ids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels l && values.equals(l.values) && java.util.Arrays.equals(ids, l.ids);
    }

    @Override
    public int hashCode() {
        return 31 * values.hashCode() + java.util.Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Labels[values=" + values + ", size=" + ids.length + "]";
    }
}

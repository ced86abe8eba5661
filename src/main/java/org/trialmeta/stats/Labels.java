package org.trialmeta.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels (a group or stratum column) as the distinct values in order of first appearance and, per observation, the
 * index of its value: R's {@code unique(x)} and {@code match(x, unique(x))}. A run of the same {@code String} (a CSV
 * reader shares one per repeated label) is looked up once, so a column of 10⁶ labels in runs costs one hash lookup per
 * run.
 *
 * @param values the distinct values, in order of first appearance
 * @param ids    for each observation, the index of its value in {@code values}
 */
public record Labels(List<String> values, int[] ids) {

    public Labels {
        values = List.copyOf(values);
        ids = ids.clone();
        for (int r = 0; r < ids.length; r++) {
            if (ids[r] < 0 || ids[r] >= values.size()) {
                throw new IllegalArgumentException("ids[" + r + "] = " + ids[r] + " (must be in [0, " + values.size()
                        + "))");
            }
        }
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

    @Override
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
}

package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mantel-Haenszel or Peto pooling per subgroup of 2×2 tables, and the test for subgroup differences: the
 * fixed-effect Q-between of the subgroup estimates ({@link SubgroupAnalysis#differenceTest}) over the subgroups
 * that have an estimate and an SE &gt; 0, as RevMan 5 and R {@code rma(yi = est, sei = se, method = "FE")}.
 * Subgroups are in sorted order of their labels (R's factor levels), as {@link SubgroupAnalysis}.
 *
 * @param subgroups one pooled result per subgroup
 * @param test      the test for subgroup differences; empty with fewer than 2 usable subgroups
 */
public record TwoByTwoSubgroupAnalysis(List<Subgroup> subgroups, Optional<SubgroupAnalysis.SubgroupTest> test) {

    /**
     * One subgroup.
     *
     * @param name    the subgroup label
     * @param studies input indices of its tables
     * @param result  the pooled result
     */
    public record Subgroup(String name, List<Integer> studies, TwoByTwoPoolResult result) {
        public Subgroup {
            studies = List.copyOf(studies);
        }
    }

    public TwoByTwoSubgroupAnalysis {
        subgroups = List.copyOf(subgroups);
    }

    /**
     * Pools the tables of each subgroup with {@code method}.
     *
     * @param groups the subgroup label of each table (not null)
     */
    public static TwoByTwoSubgroupAnalysis of(TwoByTwoPoolResult.Method method, EffectMeasure measure, int[] ai,
            int[] n1i, int[] ci, int[] n2i, String[] groups, TwoByTwoPoolOptions options) {
        if (groups.length != ai.length) {
            throw new IllegalArgumentException("groups length " + groups.length + " != k " + ai.length);
        }
        TreeMap<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            members.computeIfAbsent(groups[i], x -> new ArrayList<>()).add(i);
        }
        List<Subgroup> out = new ArrayList<>();
        for (var e : members.entrySet()) {
            int[] rows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            out.add(new Subgroup(e.getKey(), e.getValue(), pool(method, measure, pick(ai, rows), pick(n1i, rows),
                    pick(ci, rows), pick(n2i, rows), options)));
        }
        List<TwoByTwoPoolResult> usable = out.stream().map(Subgroup::result)
                .filter(f -> f.estimate().isPresent() && f.se().isPresent() && f.se().getAsDouble() > 0).toList();
        double[] est = usable.stream().mapToDouble(f -> f.estimate().getAsDouble()).toArray();
        double[] se = usable.stream().mapToDouble(f -> f.se().getAsDouble()).toArray();
        return new TwoByTwoSubgroupAnalysis(out, SubgroupAnalysis.differenceTest(est, se));
    }

    /** {@link MantelHaenszel#pool} or {@link Peto#pool} (which ignores {@code measure}: always the Peto OR). */
    public static TwoByTwoPoolResult pool(TwoByTwoPoolResult.Method method, EffectMeasure measure, int[] ai, int[] n1i,
            int[] ci, int[] n2i, TwoByTwoPoolOptions options) {
        return method == TwoByTwoPoolResult.Method.MH ? MantelHaenszel.pool(measure, ai, n1i, ci, n2i, options)
                : Peto.pool(ai, n1i, ci, n2i, options);
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}

package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Subgroup analysis with the binomial-normal GLMM: a separate {@link BinomialNormalGlmm} fit per subgroup (each
 * with its own tau²), and the test for subgroup differences from the subgroup estimates and standard errors, as
 * for the other methods ({@link SubgroupAnalysis#differenceTest}): Q_between = Σ (μ̂_g − μ̄)²/se_g² on G − 1 df,
 * R {@code rma(yi = est, sei = se, method = "FE")$QE} with {@code est, se} from {@code rma.glmm} per subgroup.
 *
 * @param subgroups per-subgroup fits, levels in sorted (String) order
 * @param test      the test for subgroup differences; empty with fewer than 2 subgroups or when a subgroup has no
 *                  estimate (e.g. a subgroup of one study)
 */
public record GlmmSubgroupAnalysis(List<Subgroup> subgroups, Optional<SubgroupAnalysis.SubgroupTest> test) {

    /**
     * One subgroup.
     *
     * @param name    the level
     * @param studies indices (0-based, input order) of its studies
     * @param fit     its own fit, or why there is none
     */
    public record Subgroup(String name, List<Integer> studies, GlmmFit fit) {
        public Subgroup {
            studies = List.copyOf(studies);
        }
    }

    public GlmmSubgroupAnalysis {
        subgroups = List.copyOf(subgroups);
    }

    /**
     * Fits each subgroup of {@code groups} (one label per study).
     *
     * @throws IllegalArgumentException when the lengths differ or a label is null, and as
     *     {@link BinomialNormalGlmm#fit} for bad counts
     */
    public static GlmmSubgroupAnalysis of(int[] xi, int[] ni, String[] groups, BinomialNormalGlmm.Options options) {
        if (groups.length != xi.length || ni.length != xi.length) {
            throw new IllegalArgumentException("xi, ni, groups lengths differ: " + xi.length + ", " + ni.length + ", "
                    + groups.length);
        }
        TreeMap<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                throw new IllegalArgumentException("study " + i + ": group label must not be null");
            }
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        List<Subgroup> out = new ArrayList<>();
        boolean all = true;
        for (var e : members.entrySet()) {
            List<Integer> idx = e.getValue();
            int[] x = new int[idx.size()];
            int[] n = new int[idx.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = xi[idx.get(j)];
                n[j] = ni[idx.get(j)];
            }
            GlmmFit fit = BinomialNormalGlmm.fit(x, n, options);
            all &= fit instanceof GlmmResult;
            out.add(new Subgroup(e.getKey(), idx, fit));
        }
        Optional<SubgroupAnalysis.SubgroupTest> test = Optional.empty();
        if (out.size() >= 2 && all) {
            double[] est = new double[out.size()];
            double[] se = new double[out.size()];
            for (int g = 0; g < est.length; g++) {
                GlmmResult r = (GlmmResult) out.get(g).fit();
                est[g] = r.estimate();
                se[g] = r.se();
            }
            test = SubgroupAnalysis.differenceTest(est, se);
        }
        return new GlmmSubgroupAnalysis(out, test);
    }
}

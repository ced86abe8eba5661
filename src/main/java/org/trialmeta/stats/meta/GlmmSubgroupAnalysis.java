package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Subgroup analysis with a GLMM: a separate {@link BinomialNormalGlmm} (proportions) or {@link OddsRatioGlmm} (odds
 * ratios) fit per subgroup (each with its own tau²), and the test for subgroup differences from the subgroup estimates and standard errors, as
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
        return of(groups, idx -> BinomialNormalGlmm.fit(pick(xi, idx), pick(ni, idx), options));
    }

    /**
     * Fits each subgroup of {@code groups} (one label per study) with the odds-ratio GLMM ({@link OddsRatioGlmm},
     * {@code rma.glmm(measure = "OR", model = "UM.FS")} per subgroup); a subgroup's studies are listed before
     * double-zero studies are dropped.
     *
     * @throws IllegalArgumentException when the lengths differ or a label is null, and as {@link OddsRatioGlmm#fit}
     *     for bad counts
     */
    public static GlmmSubgroupAnalysis ofOddsRatio(int[] ai, int[] n1i, int[] ci, int[] n2i, String[] groups,
            BinomialNormalGlmm.Options options) {
        if (groups.length != ai.length || n1i.length != ai.length || ci.length != ai.length || n2i.length != ai.length) {
            throw new IllegalArgumentException("ai, n1i, ci, n2i, groups lengths differ: " + ai.length + ", "
                    + n1i.length + ", " + ci.length + ", " + n2i.length + ", " + groups.length);
        }
        return of(groups, idx -> OddsRatioGlmm.fit(pick(ai, idx), pick(n1i, idx), pick(ci, idx), pick(n2i, idx), options));
    }

    private static GlmmSubgroupAnalysis of(String[] groups, java.util.function.Function<List<Integer>, GlmmFit> fitter) {
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
            GlmmFit fit = fitter.apply(e.getValue());
            all &= fit instanceof GlmmResult;
            out.add(new Subgroup(e.getKey(), e.getValue(), fit));
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

    private static int[] pick(int[] v, List<Integer> idx) {
        int[] out = new int[idx.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = v[idx.get(j)];
        }
        return out;
    }
}

package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Subgroup analysis as separate metafor fits per subgroup (each with its own tau²) and the test for
 * subgroup differences: a fixed-effect meta-analysis of the subgroup estimates with their standard
 * errors, Q_between = Σ (μ̂_g − μ̄)²/se_g² on G − 1 df, as {@code rma(yi = est, sei = se, method = "FE")$QE}
 * (the RevMan / {@code meta::update(..., subgroup=)} approach; Borenstein et al. 2009, ch. 19).
 *
 * @param subgroups per-subgroup fits, levels in sorted (String) order
 * @param test      the test for subgroup differences; empty with fewer than 2 subgroups or when a
 *                  subgroup fit did not converge
 */
public record SubgroupAnalysis(List<Subgroup> subgroups, Optional<SubgroupTest> test) {

    /**
     * One subgroup.
     *
     * @param name    the level
     * @param studies indices (0-based, input order) of its studies
     * @param fit     its own fit
     */
    public record Subgroup(String name, List<Integer> studies, FitResult fit) {
        public Subgroup {
            studies = List.copyOf(studies);
        }
    }

    /**
     * Test for subgroup differences.
     *
     * @param q    Q_between
     * @param df   number of subgroups − 1
     * @param pval upper-tail chi-square probability
     */
    public record SubgroupTest(double q, int df, double pval) {
    }

    public SubgroupAnalysis {
        subgroups = List.copyOf(subgroups);
    }

    /** Subgroups of effect sizes (PFT: each subgroup back-transformed with its own harmonic mean of ni). */
    public static SubgroupAnalysis of(EffectSizes es, String[] groups, MetaAnalysis.Options options) {
        return run(es.yi(), es.vi(), es.ni(), es.measure(), groups, options);
    }

    /** Subgroups of generic estimates, all with {@code options.transform()}. */
    public static SubgroupAnalysis of(double[] yi, double[] vi, String[] groups, MetaAnalysis.Options options) {
        return run(yi, vi, null, null, groups, options);
    }

    private static SubgroupAnalysis run(double[] yi, double[] vi, int[] ni, EffectMeasure measure, String[] groups,
            MetaAnalysis.Options options) {
        MetaAnalysis.validate(yi, vi);
        if (groups.length != yi.length) {
            throw new IllegalArgumentException("groups length " + groups.length + " != k " + yi.length);
        }
        TreeMap<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                throw new IllegalArgumentException("study " + i + ": group label must not be null");
            }
            members.computeIfAbsent(groups[i], x -> new ArrayList<>()).add(i);
        }
        List<Subgroup> out = new ArrayList<>();
        boolean allConverged = true;
        for (var e : members.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] y = new double[idx.size()];
            double[] v = new double[idx.size()];
            int[] n = new int[idx.size()];
            for (int j = 0; j < idx.size(); j++) {
                y[j] = yi[idx.get(j)];
                v[j] = vi[idx.get(j)];
                if (ni != null && ni.length > 0) {
                    n[j] = ni[idx.get(j)];
                }
            }
            MetaAnalysis.Options o = options;
            if (measure != null) {
                o = new MetaAnalysis.Options(measure, options.method(), options.test(), options.level(),
                        ni.length > 0 ? Transform.forMeasure(measure, n) : Transform.forMeasure(measure, new int[0]),
                        options.tau2Ci(), options.control());
            }
            FitResult fit = MetaAnalysis.fit(y, v, o);
            allConverged &= fit.converged();
            out.add(new Subgroup(e.getKey(), idx, fit));
        }
        Optional<SubgroupTest> test = Optional.empty();
        if (out.size() >= 2 && allConverged) {
            double sw = 0;
            double swy = 0;
            for (Subgroup s : out) {
                MetaAnalysisResult r = (MetaAnalysisResult) s.fit();
                double w = 1 / (r.se() * r.se());
                sw += w;
                swy += w * r.estimate();
            }
            double mean = swy / sw;
            double q = 0;
            for (Subgroup s : out) {
                MetaAnalysisResult r = (MetaAnalysisResult) s.fit();
                q += (r.estimate() - mean) * (r.estimate() - mean) / (r.se() * r.se());
            }
            int df = out.size() - 1;
            test = Optional.of(new SubgroupTest(q, df, ChiSquaredDistribution.of(df).survivalProbability(q)));
        }
        return new SubgroupAnalysis(out, test);
    }
}

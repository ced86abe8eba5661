package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

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

    /**
     * Test for subgroup differences from the subgroup estimates and their standard errors: the Q of a
     * fixed-effect meta-analysis of the estimates, {@link MetaAnalysis#fit(double[], double[], MetaAnalysis.Options)}
     * with {@link Tau2Estimator#FE}, Q_between = Σ (μ̂_g − μ̄)²/se_g² on G − 1 df; the same numbers as R
     * {@code rma(yi = est, sei = se, method = "FE")[c("QE", "QEp")]}.
     *
     * @param estimates subgroup estimates, finite
     * @param se        their standard errors
     * @return empty ("not estimable") with fewer than 2 subgroups, or when an estimate is not finite or a
     *     standard error is not finite and &gt; 0 (e.g. a Knapp-Hartung SE of 0)
     */
    public static Optional<SubgroupTest> differenceTest(double[] estimates, double[] se) {
        if (estimates.length != se.length) {
            throw new IllegalArgumentException("estimates, se lengths differ: " + estimates.length + ", " + se.length);
        }
        if (estimates.length < 2) {
            return Optional.empty();
        }
        double[] vi = new double[se.length];
        for (int g = 0; g < se.length; g++) {
            vi[g] = se[g] * se[g];
            if (!Double.isFinite(estimates[g]) || !(Double.isFinite(vi[g]) && vi[g] > 0)) {
                return Optional.empty();
            }
        }
        MetaAnalysis.Options fe = MetaAnalysis.Options.defaults(EffectMeasure.GEN).withMethod(Tau2Estimator.FE)
                .withTau2Ci(false);
        Heterogeneity h = MetaAnalysis.fit(estimates, vi, fe).orElseThrow().heterogeneity().orElseThrow();
        return Optional.of(new SubgroupTest(h.q(), h.df(), h.pval()));
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
            double[] est = new double[out.size()];
            double[] se = new double[out.size()];
            for (int g = 0; g < est.length; g++) {
                MetaAnalysisResult r = (MetaAnalysisResult) out.get(g).fit();
                est[g] = r.estimate();
                se[g] = r.se();
            }
            test = differenceTest(est, se);
        }
        return new SubgroupAnalysis(out, test);
    }
}

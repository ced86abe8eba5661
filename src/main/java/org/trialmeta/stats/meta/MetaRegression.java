package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Meta-regression on one categorical moderator, as metafor's {@code rma(yi, vi, mods = ~ factor(g))}.
 * The model has one mean per level; tau² is estimated with the residual P of that design (O(k), see
 * {@link GroupedModel}). QM is the Wald test that all level means are equal,
 * QM = Σ_g s_g (μ̂_g − μ̄)² / s² with s_g = Σ_{i∈g} wi, μ̄ = Σ s_g μ̂_g / Σ s_g (s² = 1, or the
 * Knapp-Hartung factor, then QM/(G − 1) ~ F(G − 1, k − G)).
 */
public final class MetaRegression {

    private MetaRegression() {}

    /**
     * Fits {@code yi ~ factor(groups)}.
     *
     * @param groups the moderator level of each study; levels are sorted (String order), the first is
     *               the reference, as R's {@code factor()}
     * @throws IllegalArgumentException for fewer than 2 levels, or too few studies for the parameters
     */
    public static MetaRegressionFit categorical(double[] yi, double[] vi, String[] groups, MetaAnalysis.Options o) {
        MetaAnalysis.validate(yi, vi);
        if (groups.length != yi.length) {
            throw new IllegalArgumentException("groups length " + groups.length + " != k " + yi.length);
        }
        TreeMap<String, Integer> index = new TreeMap<>();
        for (String g : groups) {
            if (g == null) {
                throw new IllegalArgumentException("group labels must not be null");
            }
            index.putIfAbsent(g, 0);
        }
        List<String> levels = new ArrayList<>(index.keySet());
        for (int j = 0; j < levels.size(); j++) {
            index.put(levels.get(j), j);
        }
        int gn = levels.size();
        int k = yi.length;
        if (gn < 2) {
            throw new IllegalArgumentException("moderator has " + gn + " level; at least 2 are needed");
        }
        int needed = o.method().isFixedEffect() ? gn : gn + 1;
        if (k < needed) {
            throw new IllegalArgumentException("k " + k + " studies for " + gn + " levels"
                    + (o.method().isFixedEffect() ? "" : " plus tau2") + ": at least " + needed + " needed");
        }
        int[] g = new int[k];
        for (int i = 0; i < k; i++) {
            g[i] = index.get(groups[i]);
        }
        GroupedModel m = new GroupedModel(yi.clone(), vi.clone(), g, gn);
        Tau2Estimation.Fit tf = Tau2Estimation.estimate(m, o.method(), o.control());
        if (!tf.converged()) {
            return new NotConverged(o.method(), k, tf.iterations(), tf.message());
        }
        double tau2 = tf.tau2();
        int dfr = k - gn;
        GroupedModel.Sums st = m.sums(tau2, false);
        double s2w = o.test() == TestType.KNHA ? MetaAnalysis.knhaScale(st.rss(), dfr) : 1;
        double[] mu = st.mean();
        double[] s = st.s();
        double[] b = new double[gn];
        double[] se = new double[gn];
        b[0] = mu[0];
        se[0] = Math.sqrt(s2w / s[0]);
        for (int j = 1; j < gn; j++) {
            b[j] = mu[j] - mu[0];
            se[j] = Math.sqrt(s2w * (1 / s[j] + 1 / s[0]));
        }
        double mbar = 0;
        for (int j = 0; j < gn; j++) {
            mbar += s[j] * mu[j];
        }
        mbar /= st.sumW();
        double qm = 0;
        for (int j = 0; j < gn; j++) {
            qm += s[j] * (mu[j] - mbar) * (mu[j] - mbar);
        }
        qm /= s2w;
        double[] stat = new double[gn];
        double[] pval = new double[gn];
        double qmp;
        OptionalInt df2;
        if (o.test() == TestType.KNHA) {
            qm /= gn - 1;
            df2 = OptionalInt.of(dfr);
            qmp = FDistribution.of(gn - 1, dfr).survivalProbability(qm);
            TDistribution t = TDistribution.of(dfr);
            for (int j = 0; j < gn; j++) {
                stat[j] = b[j] / se[j];
                pval[j] = 2 * t.survivalProbability(Math.abs(stat[j]));
            }
        } else {
            df2 = OptionalInt.empty();
            qmp = ChiSquaredDistribution.of(gn - 1).survivalProbability(qm);
            NormalDistribution z = NormalDistribution.of(0, 1);
            for (int j = 0; j < gn; j++) {
                stat[j] = b[j] / se[j];
                pval[j] = 2 * z.survivalProbability(Math.abs(stat[j]));
            }
        }
        Optional<Heterogeneity> het = MetaAnalysis.heterogeneity(m, o.method(), tau2);
        OptionalDouble tau2Se = tf.se();
        return new MetaRegressionResult(o.measure(), o.method(), o.test(), o.level(), k, levels, b, se, stat, pval, qm,
                gn - 1, df2, qmp, tau2, tau2Se, het, tf.iterations());
    }
}

package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.analysis.PoolFit;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.GlmmResult;
import org.trialmeta.stats.meta.GlmmSubgroupAnalysis;
import org.trialmeta.stats.meta.Heterogeneity;
import org.trialmeta.stats.meta.MetaAnalysisResult;
import org.trialmeta.stats.meta.SubgroupAnalysis;
import org.trialmeta.stats.meta.Tau2ConfidenceInterval;
import org.trialmeta.stats.meta.TwoByTwoPoolResult;
import org.trialmeta.stats.meta.TwoByTwoSubgroupAnalysis;
import org.trialmeta.stats.meta.Transform;

/**
 * What {@code pool} reports, whatever the method: the one summary from which its text, its JSON (the published
 * {@code pool} contract; keys in snake_case, {@code null} where a value is not estimable) and its figures are made.
 * Inverse-variance fits fill every field (metafor's {@code rma} names: {@code b → estimate}, {@code zval →
 * statistic}, {@code QE → q}); Mantel-Haenszel and Peto fits have no tau² and no prediction interval. GLMM fits
 * ({@code rma.glmm}) have no SE or CI of tau² and no study weights (null), {@code q} is the Wald-type test
 * {@code QE.Wld}, and {@code glmm} adds the likelihood-ratio test {@code QE.LRT} and the fit's settings; for OR ({@code model = "UM.FS"}) the studies with no events or only
 * events in both groups are not fitted (k leaves them out) and their study rows have no estimate.
 *
 * @param measure      effect measure, e.g. OR
 * @param method       e.g. REML, MH, PETO
 * @param test         z or knha
 * @param level        confidence level in percent (metafor's {@code level = 95})
 * @param k            number of studies
 * @param estimate     pooled estimate on the analysis scale (log OR, logit, …)
 * @param se           its standard error
 * @param statistic    z or t statistic
 * @param pval         its two-sided p-value
 * @param ciLower      CI lower end
 * @param ciUpper      CI upper end
 * @param piLower      prediction interval lower end (random effects)
 * @param piUpper      prediction interval upper end
 * @param tau2         between-study variance
 * @param tau2Se       its standard error (ML, REML, EB)
 * @param tau2CiLower  Q-profile CI of tau², lower end
 * @param tau2CiUpper  upper end
 * @param tau          √tau²
 * @param i2           I² in percent
 * @param h2           H²
 * @param q            Cochran's Q
 * @param qDf          its degrees of freedom
 * @param qPval        its p-value
 * @param i2CiLower    Q-profile CI of I² (percent), lower end, as {@code confint(res)}
 * @param i2CiUpper    upper end
 * @param h2CiLower    Q-profile CI of H², lower end
 * @param h2CiUpper    upper end
 * @param transformed  pooled values back-transformed (OR, proportion, …)
 * @param studies      per-study rows in input order
 * @param subgroups    per-subgroup fits (with {@code --subgroup}; omitted from JSON otherwise)
 * @param subgroupTest the test for subgroup differences (with {@code --subgroup})
 * @param glmm         what only the GLMM reports (omitted from JSON for other methods)
 * @param notes        text-only facts about the fit (zero-cell corrections, CI search limits)
 */
public record PoolSummary(String measure, String method, String test, double level, int k, Double estimate, Double se,
        Double statistic, Double pval, Double ciLower, Double ciUpper, Double piLower, Double piUpper, Double tau2,
        Double tau2Se, Double tau2CiLower, Double tau2CiUpper, Double tau, Double i2, Double h2, Double q, Integer qDf,
        Double qPval, Double i2CiLower, Double i2CiUpper, Double h2CiLower, Double h2CiUpper, Transformed transformed, List<Study> studies,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Subgroup> subgroups,
        @JsonInclude(JsonInclude.Include.NON_NULL) SubgroupTest subgroupTest,
        @JsonInclude(JsonInclude.Include.NON_NULL) Glmm glmm,
        @JsonIgnore Notes notes) {

    /** Pooled values on the natural scale. */
    public record Transformed(Double estimate, Double ciLower, Double ciUpper, Double piLower, Double piUpper) {
    }

    /**
     * One study.
     *
     * @param study       its label
     * @param yi          its estimate on the analysis scale
     * @param vi          its sampling variance
     * @param weight      its weight in percent
     * @param transformed its estimate and own Wald CI at the fit's level on the natural scale (OR, proportion, …;
     *                    as {@code summary(escalc(...), transf = )}); the analysis scale for RD, MD, SMD, PR, GEN
     * @param ciLower     its own Wald CI on the analysis scale (text only)
     * @param ciUpper     upper end
     * @param corrected   whether a zero-cell correction was added to its cells
     */
    public record Study(String study, Double yi, Double vi, Double weight, StudyTransformed transformed,
            @JsonIgnore Double ciLower, @JsonIgnore Double ciUpper, @JsonIgnore boolean corrected) {
    }

    /** A study's estimate and CI on the natural scale; null fields when it has no estimate. */
    public record StudyTransformed(Double estimate, Double ciLower, Double ciUpper) {
    }

    /**
     * One subgroup's pooled result; null fields when it could not be fitted.
     *
     * @param statistic   z (or t) of its pooled estimate
     * @param pval        its p-value
     * @param q           Cochran's Q within the subgroup
     * @param qDf         its degrees of freedom
     * @param qPval       its p-value
     * @param transformed the pooled values on the natural scale
     */
    public record Subgroup(String name, int k, Double estimate, Double se, Double ciLower, Double ciUpper, Double tau2,
            Double i2, Double statistic, Double pval, Double q, Integer qDf, Double qPval, Transformed transformed) {
    }

    /**
     * What a GLMM fit reports beyond the common fields.
     *
     * @param qWald            Wald-type heterogeneity test (metafor {@code QE.Wld}; also {@code q})
     * @param qWaldPval        its p-value ({@code QEp.Wld})
     * @param qLrt             likelihood-ratio heterogeneity test ({@code QE.LRT})
     * @param qLrtPval         its p-value ({@code QEp.LRT})
     * @param logLik           maximised log-likelihood (adaptive Gauss-Hermite)
     * @param quadraturePoints Gauss-Hermite points per study (metafor's {@code nAGQ})
     * @param tau2AtZero       whether the maximum is on the boundary tau² = 0
     */
    public record Glmm(double qWald, double qWaldPval, double qLrt, double qLrtPval, double logLik, int quadraturePoints,
            boolean tau2AtZero) {
    }

    /** Test for subgroup differences (Q-between); null fields when not estimable. */
    public record SubgroupTest(Double q, Integer df, Double pval) {
    }

    /**
     * Facts the text shows beside the numbers.
     *
     * @param zeroCellAdd       the correction added to zero cells
     * @param tau2CiNullSet     the Q-profile CI of tau² is the null set
     * @param tau2CiAtLimit     its upper end is at the search limit
     * @param estimable         false when no pooled estimate exists (e.g. no events in any table)
     */
    public record Notes(double zeroCellAdd, boolean tau2CiNullSet, boolean tau2CiAtLimit, boolean estimable) {
    }

    private static final StudyTransformed NO_ESTIMATE = new StudyTransformed(null, null, null);

    /** Whether the fit is a fixed-effect one (no tau² line in the text). */
    @JsonIgnore
    public boolean fixedEffect() {
        return tau2 == null || method.equals("FE");
    }

    /** The summary of a {@code pool} fit. */
    public static PoolSummary of(PoolFit fit) {
        if (fit instanceof PoolFit.Glmm g) {
            return of(g);
        }
        return fit instanceof PoolFit.InverseVariance iv ? of(iv) : of((PoolFit.TwoByTwo) fit);
    }

    private static PoolSummary of(PoolFit.InverseVariance f) {
        MetaAnalysisResult r = f.fit();
        EffectSizes es = f.es();
        List<String> names = f.input().names();
        List<Study> studies = new IvStudies(names, es, r, f.used(), EffectSizes.criticalValue(r.level()));
        Optional<Heterogeneity> h = r.heterogeneity();
        Optional<Tau2ConfidenceInterval> tci = r.tau2Ci();
        MetaAnalysisResult.Transformed t = r.transformed();
        List<Subgroup> subgroups = null;
        SubgroupTest test = null;
        if (f.subgroups().isPresent()) {
            SubgroupAnalysis sa = f.subgroups().get();
            subgroups = new ArrayList<>();
            for (SubgroupAnalysis.Subgroup s : sa.subgroups()) {
                MetaAnalysisResult x = s.fit() instanceof MetaAnalysisResult m ? m : null;
                if (x == null) {
                    subgroups.add(new Subgroup(s.name(), s.studies().size(), null, null, null, null, null, null, null, null,
                            null, null, null, new Transformed(null, null, null, null, null)));
                    continue;
                }
                Optional<Heterogeneity> sh = x.heterogeneity();
                MetaAnalysisResult.Transformed xt = x.transformed();
                subgroups.add(new Subgroup(s.name(), s.studies().size(), x.estimate(), x.se(), x.ci().lower(),
                        x.ci().upper(), x.tau2(), sh.map(Heterogeneity::i2).orElse(null), x.statistic(), x.pval(),
                        sh.map(Heterogeneity::q).orElse(null), sh.map(Heterogeneity::df).orElse(null),
                        sh.map(Heterogeneity::pval).orElse(null), new Transformed(xt.estimate(), xt.ci().lower(),
                                xt.ci().upper(), lower(xt.pi()), upper(xt.pi()))));
            }
            test = test(sa.test());
        }
        return new PoolSummary(r.measure().name(), r.method().label(), r.test().label(), percent(r.level()), r.k(),
                r.estimate(), r.se(), r.statistic(), r.pval(), r.ci().lower(), r.ci().upper(), lower(r.pi()), upper(r.pi()),
                r.tau2(), d(r.tau2Se()), tci.map(c -> c.tau2().lower()).orElse(null),
                tci.map(c -> c.tau2().upper()).orElse(null), r.tau(), h.map(Heterogeneity::i2).orElse(null),
                h.map(Heterogeneity::h2).orElse(null), h.map(Heterogeneity::q).orElse(null),
                h.map(Heterogeneity::df).orElse(null), h.map(Heterogeneity::pval).orElse(null),
                tci.map(c -> c.i2().lower()).orElse(null), tci.map(c -> c.i2().upper()).orElse(null),
                tci.map(c -> c.h2().lower()).orElse(null), tci.map(c -> c.h2().upper()).orElse(null),
                new Transformed(t.estimate(), t.ci().lower(), t.ci().upper(), lower(t.pi()), upper(t.pi())), studies,
                subgroups, test, null, new Notes(es.correction().add(), tci.map(Tau2ConfidenceInterval::nullSet).orElse(false),
                        tci.map(Tau2ConfidenceInterval::upperAtSearchLimit).orElse(false), true));
    }

    private static PoolSummary of(PoolFit.TwoByTwo f) {
        TwoByTwoPoolResult r = f.fit();
        List<String> names = f.input().names();
        List<Study> studies = new ArrayList<>();
        double crit = EffectSizes.criticalValue(r.options().level());
        Transform t0 = Transform.forMeasure(r.measure(), new int[0]);
        for (TwoByTwoPoolResult.Study s : r.studies()) {
            if (s.yi().isPresent() && s.vi().isPresent() && s.vi().getAsDouble() > 0) {
                Interval ci = EffectSizes.waldCi(s.yi().getAsDouble(), s.vi().getAsDouble(), crit);
                studies.add(new Study(names.get(s.index()), d(s.yi()), d(s.vi()), d(s.weight()), new StudyTransformed(
                        t0.apply(s.yi().getAsDouble()), t0.apply(ci.lower()), t0.apply(ci.upper())), ci.lower(),
                        ci.upper(), false));
            } else {
                studies.add(new Study(names.get(s.index()), d(s.yi()), d(s.vi()), d(s.weight()), NO_ESTIMATE, null, null,
                        false));
            }
        }
        List<Subgroup> subgroups = null;
        SubgroupTest test = null;
        if (f.subgroups().isPresent()) {
            TwoByTwoSubgroupAnalysis sa = f.subgroups().get();
            subgroups = new ArrayList<>();
            for (TwoByTwoSubgroupAnalysis.Subgroup s : sa.subgroups()) {
                TwoByTwoPoolResult x = s.result();
                TwoByTwoPoolResult.Transformed xt = x.transformed();
                subgroups.add(new Subgroup(s.name(), x.k(), d(x.estimate()), d(x.se()), lower(x.ci()), upper(x.ci()), null,
                        d(x.i2()), d(x.zval()), d(x.pval()), d(x.q()), x.qDf(), d(x.qPval()),
                        new Transformed(d(xt.estimate()), lower(xt.ci()), upper(xt.ci()), null, null)));
            }
            test = test(sa.test());
        }
        TwoByTwoPoolResult.Transformed t = r.transformed();
        return new PoolSummary(r.measure().name(), r.method().name(), "z", percent(r.options().level()), r.k(),
                d(r.estimate()), d(r.se()), d(r.zval()), d(r.pval()), lower(r.ci()), upper(r.ci()), null, null, null, null,
                null, null, null, d(r.i2()), d(r.h2()), d(r.q()), r.qDf(), d(r.qPval()), null, null, null, null,
                new Transformed(d(t.estimate()), lower(t.ci()), upper(t.ci()), null, null), studies, subgroups, test,
                null, new Notes(0, false, false, r.estimate().isPresent()));
    }

    private static PoolSummary of(PoolFit.Glmm f) {
        GlmmResult r = f.fit();
        EffectSizes es = f.es();
        List<String> names = f.input().names();
        List<Study> studies = new ArrayList<>(names.size());
        double[] yi = es.yi();
        double[] vi = es.vi();
        boolean[] corrected = es.corrected();
        Interval[] cis = es.cis(r.options().level());
        Transform natural = es.transform();
        int[] used = f.used();
        for (int i = 0, j = 0; i < names.size(); i++) {
            if (j < used.length && used[j] == i) {
                Interval ci = cis[j];
                studies.add(new Study(names.get(i), yi[j], vi[j], null, new StudyTransformed(natural.apply(yi[j]),
                        natural.apply(ci.lower()), natural.apply(ci.upper())), ci.lower(), ci.upper(), corrected[j]));
                j++;
            } else {
                studies.add(new Study(names.get(i), null, null, null, NO_ESTIMATE, null, null, false));
            }
        }
        List<Subgroup> subgroups = null;
        SubgroupTest test = null;
        if (f.subgroups().isPresent()) {
            GlmmSubgroupAnalysis sa = f.subgroups().get();
            subgroups = new ArrayList<>();
            for (GlmmSubgroupAnalysis.Subgroup s : sa.subgroups()) {
                if (s.fit() instanceof GlmmResult x) {
                    GlmmResult.HeterogeneityTests xh = x.heterogeneity();
                    GlmmResult.Transformed xt = x.transformed();
                    subgroups.add(new Subgroup(s.name(), s.studies().size(), x.estimate(), x.se(), x.ci().lower(),
                            x.ci().upper(), x.tau2(), xh.i2(), x.zval(), x.pval(), xh.qeWald(), xh.df(), xh.qeWaldPval(),
                            new Transformed(xt.estimate(), xt.ci().lower(), xt.ci().upper(), xt.pi().lower(),
                                    xt.pi().upper())));
                } else {
                    subgroups.add(new Subgroup(s.name(), s.studies().size(), null, null, null, null, null, null, null, null,
                            null, null, null, new Transformed(null, null, null, null, null)));
                }
            }
            test = test(sa.test());
        }
        GlmmResult.HeterogeneityTests h = r.heterogeneity();
        GlmmResult.Transformed t = r.transformed();
        return new PoolSummary(es.measure().name(), "GLMM", "z", percent(r.options().level()), r.k(), r.estimate(),
                r.se(), r.zval(), r.pval(), r.ci().lower(), r.ci().upper(), r.pi().lower(), r.pi().upper(), r.tau2(), null,
                null, null, r.tau(), h.i2(), h.h2(), h.qeWald(), h.df(), h.qeWaldPval(), null, null, null, null,
                new Transformed(t.estimate(), t.ci().lower(), t.ci().upper(), t.pi().lower(), t.pi().upper()), studies,
                subgroups, test, new Glmm(h.qeWald(), h.qeWaldPval(), h.qeLrt(), h.qeLrtPval(), r.logLik(),
                        r.options().quadraturePoints(), r.tau2AtZero()),
                new Notes(es.correction().add(), false, false, true));
    }

    /**
     * The study rows of an inverse-variance fit, each made when it is read from the fit's arrays (as the loop that
     * built them all did, so the same values): a fit of 10⁶ studies holds no 10⁶ row objects and their boxed numbers
     * (about 250 bytes a study), and JSON and text stream them one at a time. Unmodifiable.
     */
    private static final class IvStudies extends java.util.AbstractList<Study> implements java.util.RandomAccess {
        private final List<String> names;
        private final EffectSizes es;
        private final MetaAnalysisResult fit;
        /** The Wald critical value of the studies' CIs, each computed when its row is written (no 10⁶ intervals kept). */
        private final double crit;
        private final Transform common;
        /** For each input row, its index among the studies used in the fit, or −1. */
        private final int[] position;

        IvStudies(List<String> names, EffectSizes es, MetaAnalysisResult fit, int[] used, double crit) {
            this.names = names;
            this.es = es;
            this.fit = fit;
            this.crit = crit;
            this.common = es.transform();
            this.position = new int[names.size()];
            java.util.Arrays.fill(position, -1);
            for (int i = 0, j = 0; i < names.size(); i++) {
                if (j < used.length && used[j] == i) {
                    position[i] = j++;
                }
            }
        }

        @Override
        public int size() {
            return names.size();
        }

        @Override
        public Study get(int i) {
            int j = position[i];
            if (j < 0) {
                return new Study(names.get(i), null, null, null, NO_ESTIMATE, null, null, false);
            }
            double yi = es.yi(j);
            double vi = es.vi(j);
            Interval ci = EffectSizes.waldCi(yi, vi, crit);
            Transform t = es.measure() == EffectMeasure.PFT
                    ? Transform.forMeasure(EffectMeasure.PFT, new int[] {es.ni(j)}) : common;
            return new Study(names.get(i), yi, vi, fit.weight(j), new StudyTransformed(t.apply(yi), t.apply(ci.lower()),
                    t.apply(ci.upper())), ci.lower(), ci.upper(), es.corrected(j));
        }
    }

    private static SubgroupTest test(Optional<SubgroupAnalysis.SubgroupTest> t) {
        return new SubgroupTest(t.map(SubgroupAnalysis.SubgroupTest::q).orElse(null),
                t.map(SubgroupAnalysis.SubgroupTest::df).orElse(null), t.map(SubgroupAnalysis.SubgroupTest::pval).orElse(null));
    }

    /** A level fraction as the percentage metafor prints (0.95 → 95.0, exactly). */
    static double percent(double fraction) {
        return Math.round(fraction * 1e10) / 1e8;
    }

    static Double d(OptionalDouble o) {
        return o.isPresent() ? o.getAsDouble() : null;
    }

    static Double lower(Optional<Interval> i) {
        return i.map(Interval::lower).orElse(null);
    }

    static Double upper(Optional<Interval> i) {
        return i.map(Interval::upper).orElse(null);
    }
}

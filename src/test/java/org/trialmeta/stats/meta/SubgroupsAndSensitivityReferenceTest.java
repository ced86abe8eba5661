package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.stats.meta.MetaAnalysisReferenceTest.close;
import static org.trialmeta.stats.meta.MetaAnalysisReferenceTest.options;
import static org.trialmeta.stats.meta.MetaAnalysisReferenceTest.tolerance;
import static org.trialmeta.stats.meta.MetaforReference.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Subgroups, meta-regression and leave-one-out against metafor 3.8.1 (src/test/r/meta.R). */
class SubgroupsAndSensitivityReferenceTest {

    private static final List<String> BCG = List.of("bcg_OR", "bcg_RR", "bcg_RD");

    @TestFactory
    Stream<DynamicTest> subgroupFitsAndTestForSubgroupDifferencesMatchMetaforOnBcgByAllocation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : BCG) {
            JsonNode ref = MetaforReference.load(file);
            EffectSizes es = MetaforReference.effectSizes(ref);
            String[] groups = MetaforReference.strings(ref.get("groups"));
            for (JsonNode f : ref.get("fits")) {
                String id = file + " " + f.get("method").asText() + " " + f.get("test").asText();
                tests.add(DynamicTest.dynamicTest(id + " subgroups by alloc", () -> {
                    MetaAnalysis.Options o = options(ref, es, f);
                    SubgroupAnalysis sa = SubgroupAnalysis.of(es, groups, o);
                    double tol = tolerance(o.method());
                    JsonNode subs = f.get("subgroups");
                    assertThat(sa.subgroups()).hasSize(subs.size());
                    for (int j = 0; j < subs.size(); j++) {
                        SubgroupAnalysis.Subgroup s = sa.subgroups().get(j);
                        assertThat(s.name()).isEqualTo(subs.get(j).get("name").asText());
                        MetaAnalysisResult r = s.fit().orElseThrow();
                        MetaAnalysisReferenceTest.compareFit(id + " " + s.name(), r, subs.get(j), tol);
                        MetaAnalysisReferenceTest.compareTau2Ci(id + " " + s.name(), r, subs.get(j));
                    }
                    SubgroupAnalysis.SubgroupTest t = sa.test().orElseThrow();
                    JsonNode rt = f.get("subgroup_test");
                    close(id + " Q between", t.q(), num(rt, "q"), tol);
                    assertThat(t.df()).isEqualTo(rt.get("df").asInt());
                    close(id + " Q between p", t.pval(), num(rt, "pval"), tol);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> metaRegressionOnFactorMatchesMetaforRmaModsOnBcgByAllocation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : BCG) {
            JsonNode ref = MetaforReference.load(file);
            EffectSizes es = MetaforReference.effectSizes(ref);
            String[] groups = MetaforReference.strings(ref.get("groups"));
            for (JsonNode f : ref.get("fits")) {
                String id = file + " " + f.get("method").asText() + " " + f.get("test").asText();
                tests.add(DynamicTest.dynamicTest(id + " mods = ~ factor(alloc)", () -> {
                    MetaAnalysis.Options o = options(ref, es, f);
                    MetaRegressionResult r = MetaRegression.categorical(es.yi(), es.vi(), groups, o).regressionOrThrow();
                    JsonNode mr = f.get("metareg");
                    double tol = tolerance(o.method());
                    assertThat(r.levels()).containsExactly(MetaforReference.strings(mr.get("levels")));
                    double[] b = MetaforReference.doubles(mr.get("beta"));
                    double[] se = MetaforReference.doubles(mr.get("se"));
                    for (int j = 0; j < b.length; j++) {
                        close(id + " beta[" + j + "]", r.coefficients()[j], b[j], tol);
                        close(id + " se[" + j + "]", r.se()[j], se[j], tol);
                    }
                    close(id + " QM", r.qm(), num(mr, "qm"), tol);
                    assertThat(r.qmDf1()).isEqualTo(mr.get("qm_df1").asInt());
                    close(id + " QM df2", r.qmDf2().isPresent() ? r.qmDf2().getAsInt() : Double.NaN, num(mr, "qm_df2"), 0);
                    close(id + " QMp", r.qmPval(), num(mr, "qm_pval"), tol);
                    close(id + " tau2", r.tau2(), num(mr, "tau2"), tol);
                    close(id + " tau2 se", r.tau2Se().orElse(Double.NaN), num(mr, "tau2_se"), tol);
                    Heterogeneity h = r.residual().orElseThrow();
                    close(id + " QE", h.q(), num(mr, "qe"), MetaAnalysisReferenceTest.CLOSED_FORM_TOLERANCE);
                    assertThat(h.df()).isEqualTo(mr.get("qe_df").asInt());
                    close(id + " QEp", h.pval(), num(mr, "qe_pval"), MetaAnalysisReferenceTest.CLOSED_FORM_TOLERANCE);
                    close(id + " I2", h.i2(), num(mr, "i2"), tol);
                    close(id + " H2", h.h2(), num(mr, "h2"), tol);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> leaveOneOutMatchesMetaforLeave1out() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : MetaforReference.FILES) {
            JsonNode ref = MetaforReference.load(file);
            EffectSizes es = MetaforReference.effectSizes(ref);
            for (JsonNode f : ref.get("fits")) {
                if (!f.has("leave1out")) {
                    continue;
                }
                String id = file + " " + f.get("method").asText() + " " + f.get("test").asText();
                tests.add(DynamicTest.dynamicTest(id + " leave1out", () -> {
                    MetaAnalysis.Options o = options(ref, es, f);
                    List<FitResult> fits = LeaveOneOut.run(es.yi(), es.vi(), o);
                    JsonNode l = f.get("leave1out");
                    double tol = tolerance(o.method());
                    for (int i = 0; i < fits.size(); i++) {
                        MetaAnalysisResult r = fits.get(i).orElseThrow();
                        String at = id + " without " + i;
                        close(at + " estimate", r.estimate(), l.get("estimate").get(i).asDouble(), tol);
                        close(at + " se", r.se(), l.get("se").get(i).asDouble(), tol);
                        close(at + " statistic", r.statistic(), l.get("statistic").get(i).asDouble(), tol);
                        close(at + " pval", r.pval(), l.get("pval").get(i).asDouble(), tol);
                        close(at + " ci_lower", r.ci().lower(), l.get("ci_lower").get(i).asDouble(), tol);
                        close(at + " ci_upper", r.ci().upper(), l.get("ci_upper").get(i).asDouble(), tol);
                        if (l.get("tau2").size() > 0) {
                            close(at + " tau2", r.tau2(), l.get("tau2").get(i).asDouble(), tol);
                        } else {
                            assertThat(r.tau2()).as(at + " FE tau2").isZero();
                        }
                        if (r.k() > 1) {
                            Heterogeneity h = r.heterogeneity().orElseThrow();
                            close(at + " Q", h.q(), l.get("q").get(i).asDouble(), tol);
                            close(at + " Qp", h.pval(), l.get("q_pval").get(i).asDouble(), tol);
                            close(at + " I2", h.i2(), l.get("i2").get(i).asDouble(), tol);
                            close(at + " H2", h.h2(), l.get("h2").get(i).asDouble(), tol);
                        } else {
                            assertThat(r.heterogeneity()).isEmpty();
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }
}

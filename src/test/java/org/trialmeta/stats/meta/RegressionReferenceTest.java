package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.stats.meta.MethodsReference.doubles;
import static org.trialmeta.stats.meta.MethodsReference.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link LinearMetaRegression} on general designs (covariates, factors, both) for every estimator and test, and
 * {@link PermutationTest}, against metafor 3.8.1 {@code rma(mods = )} and {@code permutest} (src/test/r/methods.R).
 */
class RegressionReferenceTest {

    static final List<String> FILES = List.of("bcg_ablat", "bcg_ablat_year", "bcg_alloc", "bcg_ablat_alloc",
            "molloy2014_meanage_design_controls", "bangertdrowns2004_year_grade_imag");

    private static final MethodsReference REF = new MethodsReference();

    @AfterAll
    static void printSummary() {
        System.out.print(REF.summary("LinearMetaRegression vs rma(mods = )"));
    }

    /** The design of a reference file: text moderators are factors, numbers covariates, in the file's order. */
    static Design design(JsonNode ref) {
        JsonNode mods = ref.get("mods");
        int k = ref.get("yi").size();
        Design.Builder b = Design.builder(k);
        for (Iterator<Map.Entry<String, JsonNode>> it = mods.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().get(0).isTextual()) {
                b.factor(e.getKey(), MetaforReference.strings(e.getValue()));
            } else {
                b.covariate(e.getKey(), doubles(e.getValue()));
            }
        }
        return b.build();
    }

    static MetaAnalysis.Options options(JsonNode fit) {
        return MetaAnalysis.Options.defaults(EffectMeasure.GEN).withMethod(Tau2Estimator.parse(fit.get("method").asText()))
                .withTest(fit.get("test").asText().equals("knha") ? TestType.KNHA : TestType.Z)
                .withControl(LinearMetaRegression.CONTROL);
    }

    @TestFactory
    Stream<DynamicTest> everyEstimatorAndTestMatchesRmaWithModerators() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            JsonNode ref = MethodsReference.load("regress_" + file);
            double[] yi = doubles(ref.get("yi"));
            double[] vi = doubles(ref.get("vi"));
            Design d = design(ref);
            for (JsonNode f : ref.get("fits")) {
                String id = file + " " + f.get("method").asText() + " " + f.get("test").asText();
                tests.add(DynamicTest.dynamicTest(id, () -> {
                    assertThat(f.has("error")).as(id + " metafor error").isFalse();
                    MetaAnalysis.Options o = options(f);
                    RegressionResult r = LinearMetaRegression.fit(yi, vi, d, o).resultOrThrow();
                    double tol = MethodsReference.tolerance(o.method());
                    double[][] expected = {doubles(f.get("beta")), doubles(f.get("se")), doubles(f.get("zval")),
                        doubles(f.get("pval")), doubles(f.get("ci_lower")), doubles(f.get("ci_upper"))};
                    assertThat(r.p()).isEqualTo(expected[0].length);
                    for (int j = 0; j < r.p(); j++) {
                        RegressionResult.Coefficient c = r.coefficients().get(j);
                        double[] actual = {c.estimate(), c.se(), c.statistic(), c.pval(), c.ciLower(), c.ciUpper()};
                        String[] names = {"coefficient", "se", "statistic", "pval", "ci_lower", "ci_upper"};
                        for (int q = 0; q < actual.length; q++) {
                            REF.close(names[q], id + " [" + c.name() + "]", actual[q], expected[q][j], tol);
                        }
                    }
                    REF.close("qm", id, r.qm(), num(f, "qm"), tol);
                    assertThat(r.qmDf1()).isEqualTo(f.get("qm_df1").asInt());
                    assertThat(r.qmDf2().isPresent()).isEqualTo(!f.get("qm_df2").isNull());
                    if (r.qmDf2().isPresent()) {
                        assertThat(r.qmDf2().getAsInt()).isEqualTo(f.get("qm_df2").asInt());
                    }
                    REF.close("qm_pval", id, r.qmPval(), num(f, "qm_pval"), tol);
                    Heterogeneity h = r.residual().orElseThrow();
                    REF.close("qe", id, h.q(), num(f, "qe"), MethodsReference.CLOSED_FORM_TOLERANCE);
                    assertThat(h.df()).isEqualTo(f.get("qe_df").asInt());
                    REF.close("qe_pval", id, h.pval(), num(f, "qe_pval"), MethodsReference.CLOSED_FORM_TOLERANCE);
                    REF.close("tau2", id, r.tau2(), num(f, "tau2"), tol);
                    REF.close("tau2_se", id, r.tau2Se().orElse(Double.NaN), num(f, "tau2_se"), tol);
                    REF.close("i2", id, h.i2(), num(f, "i2"), tol);
                    REF.close("h2", id, h.h2(), num(f, "h2"), tol);
                    REF.close("r2", id, r.r2().orElse(Double.NaN), num(f, "r2"), tol);
                }));
            }
        }
        return tests.stream();
    }

    private static JsonNode permutest(String name) {
        for (JsonNode t : MethodsReference.load("permutest").get("tests")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static PermutationTest.Result permutations(String name, JsonNode t, int n, long seed) {
        JsonNode ref = MethodsReference.load("permutest");
        double[] yi = doubles(ref.get("yi"));
        double[] vi = doubles(ref.get("vi"));
        Design d = name.equals("bcg_alloc")
                ? Design.builder(yi.length).factor("alloc", MetaforReference.strings(ref.get("alloc"))).build()
                : Design.builder(yi.length).covariate("ablat", doubles(ref.get("ablat"))).build();
        MetaAnalysis.Options o = options(t);
        RegressionResult r = LinearMetaRegression.fit(yi, vi, d, o).resultOrThrow();
        return PermutationTest.run(yi, vi, d, o, r, n, seed);
    }

    @Test
    void exactPermutationTestOnAFactorIsMetaforsExactTest() {
        // 13!/(2! 7! 4!) = 25740 distinct permutations <= 30000: every one is fitted, by metafor and here
        JsonNode t = permutest("bcg_alloc");
        PermutationTest.Result p = permutations("bcg_alloc", t, 30000, 1);
        assertThat(p.exact()).isTrue();
        assertThat(p.permutations()).isEqualTo(t.get("exact_iter").asLong()).isEqualTo(25740);
        double[] expected = doubles(t.get("pval"));
        for (int j = 0; j < expected.length; j++) {
            REF.close("permutation pval (exact)", "bcg alloc [" + j + "]", p.pval()[j], expected[j], 1e-12);
        }
        REF.close("permutation qm_pval (exact)", "bcg alloc", p.qmPval(), num(t, "qm_pval"), 1e-12);
    }

    /**
     * Random permutations are ours, so the p-values agree with metafor's only in distribution: with n
     * permutations each, |p − p_R| is within 4 standard errors of the difference of two binomial proportions
     * (against metafor's exact test: of one).
     */
    @Test
    void randomPermutationPValuesAreWithinMonteCarloErrorOfMetafors() {
        JsonNode alloc = permutest("bcg_alloc");
        int n = 5000;
        PermutationTest.Result p = permutations("bcg_alloc", alloc, n, 20240617L);
        assertThat(p.exact()).isFalse();
        assertThat(p.permutations()).isEqualTo(n);
        withinMonteCarloError(p.pval(), p.qmPval(), alloc, n, 0);

        JsonNode ablat = permutest("bcg_ablat");
        int m = 20000;
        PermutationTest.Result q = permutations("bcg_ablat", ablat, m, 7L);
        assertThat(q.exact()).isFalse();
        withinMonteCarloError(q.pval(), q.qmPval(), ablat, m, ablat.get("iter").asInt());
    }

    private static void withinMonteCarloError(double[] p, double qm, JsonNode t, int n, int nR) {
        double[] expected = doubles(t.get("pval"));
        for (int j = 0; j <= expected.length; j++) {
            double e = j < expected.length ? expected[j] : num(t, "qm_pval");
            double a = j < expected.length ? p[j] : qm;
            double var = e * (1 - e) * (1.0 / n + (nR == 0 ? 0 : 1.0 / nR));
            double bound = 4 * Math.sqrt(Math.max(var, 1.0 / (n * (double) n)));
            assertThat(Math.abs(a - e)).as("%s [%d]: java %.5f vs metafor %.5f (4 SE = %.5f)", t.get("name").asText(), j,
                    a, e, bound).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void sameSeedSamePValuesOtherSeedOtherPermutations() {
        JsonNode t = permutest("bcg_ablat");
        PermutationTest.Result a = permutations("bcg_ablat", t, 999, 42);
        PermutationTest.Result b = permutations("bcg_ablat", t, 999, 42);
        PermutationTest.Result c = permutations("bcg_ablat", t, 999, 43);
        assertThat(a.pval()).containsExactly(b.pval());
        assertThat(a.qmPval()).isEqualTo(b.qmPval());
        assertThat(c.pval()).isNotEqualTo(a.pval());
    }

    @Test
    void rankDeficientDesignsAndTooFewStudiesAreRefused() {
        double[] yi = {0.1, 0.3, 0.2, 0.5, 0.4};
        double[] vi = {0.1, 0.2, 0.1, 0.3, 0.2};
        double[] x = {1, 2, 3, 4, 5};
        double[] twice = {2, 4, 6, 8, 10};
        Design collinear = Design.builder(5).covariate("x", x).covariate("x2", twice).build();
        assertThat(collinear.rankDeficient()).isTrue();
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinearMetaRegression.fit(yi, vi, collinear, o))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not of full rank");
        Design constant = Design.builder(5).covariate("c", new double[] {3, 3, 3, 3, 3}).build();
        assertThat(constant.rankDeficient()).isTrue();
        double[] w = {0.3, -1, 2, 0.7, 0.1};
        Design five = Design.builder(5).covariate("x", x).covariate("y", vi).covariate("z", yi).covariate("w", w)
                .build();
        assertThat(five.rankDeficient()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinearMetaRegression.fit(yi, vi, five, o))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 6 needed");
    }

    @Test
    void factorCodingIsTreatmentContrastsWithTheFirstSortedLevelAsReference() {
        Design d = Design.builder(4).factor("arm", new String[] {"b", "a", "c", "a"}).build();
        assertThat(d.names()).containsExactly("intrcpt", "arm=b", "arm=c");
        assertThat(d.x()[0]).containsExactly(1, 1, 0);
        assertThat(d.x()[1]).containsExactly(1, 0, 0);
        assertThat(d.x()[2]).containsExactly(1, 0, 1);
    }
}

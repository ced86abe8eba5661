package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.stats.meta.MethodsReference.doubles;
import static org.trialmeta.stats.meta.MethodsReference.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Small-study effects against metafor 3.8.1 (src/test/r/methods.R): {@code regtest(res, model = "rma", predictor =
 * "sei")}, {@code ranktest(res)} (with R's Kendall distribution), {@code trimfill(res)} and {@code fsn(yi, vi)} for
 * every estimator on four datasets (bcg with a copied study has ties: ranktest's normal approximation).
 */
class BiasReferenceTest {

    static final List<String> FILES = List.of("bcg_RR", "hackshaw1998", "molloy2014_ZCOR", "bcg_ties");

    private static final MethodsReference REF = new MethodsReference();

    @AfterAll
    static void printSummary() {
        System.out.print(REF.summary("regtest/ranktest/trimfill/fsn"));
    }

    @TestFactory
    Stream<DynamicTest> everyEstimatorMatchesMetaforsSmallStudyMethods() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            JsonNode ref = MethodsReference.load("bias_" + file);
            double[] yi = doubles(ref.get("yi"));
            double[] vi = doubles(ref.get("vi"));
            for (JsonNode f : ref.get("fits")) {
                String id = file + " " + f.get("method").asText();
                tests.add(DynamicTest.dynamicTest(id, () -> {
                    Tau2Estimator m = Tau2Estimator.parse(f.get("method").asText());
                    MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN).withMethod(m);
                    double tol = MethodsReference.tolerance(m);

                    FunnelAsymmetryTest.Result rt = FunnelAsymmetryTest.run(yi, vi, o);
                    JsonNode r = f.get("regtest");
                    REF.close("regtest z", id, rt.statistic(), num(r, "z"), tol);
                    REF.close("regtest pval", id, rt.pval(), num(r, "pval"), tol);
                    REF.close("regtest limit_estimate", id, rt.limitEstimate(), num(r, "limit_estimate"), tol);
                    REF.close("regtest limit_ci_lower", id, rt.limitCiLower(), num(r, "limit_ci_lower"), tol);
                    REF.close("regtest limit_ci_upper", id, rt.limitCiUpper(), num(r, "limit_ci_upper"), tol);

                    RankCorrelationTest.Result rk = RankCorrelationTest.run(yi, vi);
                    JsonNode k = f.get("ranktest");
                    REF.close("ranktest tau", id, rk.tau(), num(k, "tau"), MethodsReference.CLOSED_FORM_TOLERANCE);
                    REF.close("ranktest pval", id, rk.pval(), num(k, "pval"), MethodsReference.CLOSED_FORM_TOLERANCE);
                    // exact p without ties in the deviates and in vi: molloy2014 (vi = 1/(n - 3)) has tied vi
                    assertThat(rk.exact()).as(id + " exact").isEqualTo(file.equals("bcg_RR") || file.equals("hackshaw1998"));

                    TrimAndFill.Result tf = TrimAndFill.run(yi, vi, o);
                    JsonNode t = f.get("trimfill");
                    assertThat(tf.k0()).as(id + " k0").isEqualTo(t.get("k0").asInt());
                    assertThat(tf.side().label()).as(id + " side").isEqualTo(t.get("side").asText());
                    MetaAnalysisResult fit = tf.fit();
                    REF.close("trimfill estimate", id, fit.estimate(), num(t, "estimate"), tol);
                    REF.close("trimfill se", id, fit.se(), num(t, "se"), tol);
                    REF.close("trimfill ci_lower", id, fit.ci().lower(), num(t, "ci_lower"), tol);
                    REF.close("trimfill ci_upper", id, fit.ci().upper(), num(t, "ci_upper"), tol);
                    REF.close("trimfill tau2", id, fit.tau2(), num(t, "tau2"), tol);
                    double[] fy = doubles(t.get("filled_yi"));
                    double[] fv = doubles(t.get("filled_vi"));
                    assertThat(tf.filledYi()).hasSize(fy.length);
                    for (int i = 0; i < fy.length; i++) {
                        REF.close("trimfill filled yi", id, tf.filledYi()[i], fy[i], tol);
                        REF.close("trimfill filled vi", id, tf.filledVi()[i], fv[i], 0);
                    }

                    FailSafeN.Result fs = FailSafeN.rosenthal(yi, vi);
                    JsonNode n = f.get("fsn");
                    assertThat(fs.n()).as(id + " fsn").isEqualTo(num(n, "n"));
                    REF.close("fsn pval", id, fs.pval(), num(n, "pval"), MethodsReference.CLOSED_FORM_TOLERANCE);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void kendallNullDistributionMatchesRsPkendall() {
        for (JsonNode c : MethodsReference.load("kendall").get("pkendall")) {
            int n = c.get("n").asInt();
            long q = c.get("q").asLong();
            REF.close("pkendall", "n = " + n + ", q = " + q, RankCorrelationTest.inversionsAtMost(n, q), num(c, "p"),
                    1e-10);
        }
    }

    /**
     * R's exact p-value in the upper tail is 1 − P(T ≤ q − 1): for p ~ 1e-9 that difference of numbers near 1 keeps
     * only ~5 digits (n = 120: R 1.87517e-9, exact 1.8750842468646880e-9 from the integer counts, checked with
     * {@link #exactKendallMatchesIntegerCounts}). Here p is the lower tail of the symmetric distribution, so the
     * comparison allows R's cancellation error, about 1e-13/p relative.
     */
    @Test
    void kendallTestMatchesCorTestWithAndWithoutTies() {
        for (JsonNode c : MethodsReference.load("kendall").get("cor_test")) {
            double[] x = doubles(c.get("x"));
            RankCorrelationTest.Result r = RankCorrelationTest.kendall(x, doubles(c.get("y")));
            String id = "n = " + x.length + (c.get("exact").asBoolean() ? "" : " with ties");
            assertThat(r.exact()).as(id).isEqualTo(c.get("exact").asBoolean());
            REF.close("cor.test tau", id, r.tau(), num(c, "tau"), 1e-12);
            double p = num(c, "pval");
            REF.close("cor.test pval", id, r.pval(), p, Math.max(1e-10, 1e-13 / p));
            if (x.length == 120 && r.exact()) {
                assertThat(Math.abs(r.pval() - 1.875084246864688e-09) / 1.875084246864688e-09).isLessThan(1e-12);
            }
        }
    }

    /** The double-precision distribution against exact integer counts (Mahonian numbers), also where R overflows. */
    @Test
    void equalEstimatesGiveNoRankCorrelation() {
        // R: ranktest on yi = 0.3 with these vi gives tau = NA ("the standard deviation is zero"); Σ (0.3/v_i) / Σ 1/v_i
        // is not exactly 0.3 here, and its rounding noise was ranked as tau = -1, p = 0.083
        for (double y : new double[] {0.3, 0.7, -1.1, 1e-8}) {
            RankCorrelationTest.Result r = RankCorrelationTest.run(new double[] {y, y, y, y},
                    new double[] {0.1, 0.2, 0.05, 0.3});
            assertThat(r.tau()).as("y = %s", y).isNaN();
        }
    }

    @Test
    void exactKendallMatchesIntegerCounts() {
        for (int n : new int[] {120, 200}) {
            long total = (long) n * (n - 1) / 2;
            java.math.BigInteger[] counts = mahonian(n);
            java.math.BigInteger factorial = java.math.BigInteger.ONE;
            for (int i = 2; i <= n; i++) {
                factorial = factorial.multiply(java.math.BigInteger.valueOf(i));
            }
            double sd = Math.sqrt(n * (n - 1.0) * (2 * n + 5) / 72);
            for (double z : new double[] {-6, -4, -2, -0.5, 0}) {
                long q = Math.min(total / 2, Math.round(total / 2.0 + z * sd));
                java.math.BigInteger sum = java.math.BigInteger.ZERO;
                for (int t = 0; t <= q; t++) {
                    sum = sum.add(counts[t]);
                }
                double exact = new java.math.BigDecimal(sum).divide(new java.math.BigDecimal(factorial),
                        java.math.MathContext.DECIMAL128).doubleValue();
                REF.close("Kendall distribution vs integer counts", "n = " + n + ", q = " + q,
                        RankCorrelationTest.inversionsAtMost(n, q), exact, 1e-11);
            }
        }
    }

    /** Number of permutations of n items with t inversions, t = 0..n(n−1)/2. */
    private static java.math.BigInteger[] mahonian(int n) {
        java.math.BigInteger[] f = {java.math.BigInteger.ONE};
        for (int j = 2; j <= n; j++) {
            java.math.BigInteger[] g = new java.math.BigInteger[f.length + j - 1];
            java.math.BigInteger window = java.math.BigInteger.ZERO;
            for (int t = 0; t < g.length; t++) {
                if (t < f.length) {
                    window = window.add(f[t]);
                }
                if (t - j >= 0 && t - j < f.length) {
                    window = window.subtract(f[t - j]);
                }
                g[t] = window;
            }
            f = g;
        }
        return f;
    }
}

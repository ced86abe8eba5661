package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.stats.meta.MethodsReference.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link LeaveOneOut}, {@link Influence} and {@link Cumulative} against metafor 3.8.1 {@code leave1out},
 * {@code influence} and {@code cumul} (src/test/r/methods.R) for every estimator × z/knha on bcg RR and
 * hackshaw1998. Where a fit has one study metafor reports Q = 0, I² = 0; here they are not estimable (empty).
 */
class SensitivityReferenceTest {

    static final List<String> FILES = List.of("bcg_RR", "hackshaw1998");

    private static final MethodsReference REF = new MethodsReference();

    @AfterAll
    static void printSummary() {
        System.out.print(REF.summary("leave1out/influence/cumul"));
    }

    @TestFactory
    Stream<DynamicTest> everyEstimatorAndTestMatchesMetafor() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            JsonNode ref = MethodsReference.load("sensitivity_" + file);
            double[] yi = doubles(ref.get("yi"));
            double[] vi = doubles(ref.get("vi"));
            for (JsonNode f : ref.get("fits")) {
                String id = file + " " + f.get("method").asText() + " " + f.get("test").asText();
                tests.add(DynamicTest.dynamicTest(id, () -> {
                    MetaAnalysis.Options o = RegressionReferenceTest.options(f);
                    double tol = MethodsReference.tolerance(o.method());
                    compareFits("leave1out", id, LeaveOneOut.run(yi, vi, o), f.get("leave1out"), tol, o);
                    compareFits("cumul", id, Cumulative.run(yi, vi, o), f.get("cumul"), tol, o);
                    compareInfluence(id, Influence.run(yi, vi, o), f.get("influence"), tol);
                }));
            }
        }
        return tests.stream();
    }

    private static void compareFits(String what, String id, List<FitResult> fits, JsonNode e, double tol,
            MetaAnalysis.Options o) {
        for (int i = 0; i < fits.size(); i++) {
            String at = id + " [" + i + "]";
            MetaAnalysisResult r = fits.get(i).orElseThrow();
            REF.close(what + " estimate", at, r.estimate(), doubles(e.get("estimate"))[i], tol);
            REF.close(what + " se", at, r.se(), doubles(e.get("se"))[i], tol);
            REF.close(what + " ci_lower", at, r.ci().lower(), doubles(e.get("ci_lower"))[i], tol);
            REF.close(what + " ci_upper", at, r.ci().upper(), doubles(e.get("ci_upper"))[i], tol);
            double tau2 = doubles(e.get("tau2"))[i];
            if (o.method().isFixedEffect()) {
                assertThat(tau2).as(at + " metafor drops tau2 for FE").isNaN();
            } else {
                REF.close(what + " tau2", at, r.tau2(), tau2, tol);
            }
            double q = doubles(e.get("q"))[i];
            double i2 = doubles(e.get("i2"))[i];
            if (r.k() == 1) {
                assertThat(r.heterogeneity()).as(at + " k = 1").isEmpty();
                assertThat(q).isZero();
                assertThat(i2).isZero();
            } else {
                Heterogeneity h = r.heterogeneity().orElseThrow();
                REF.close(what + " q", at, h.q(), q, MethodsReference.CLOSED_FORM_TOLERANCE);
                REF.close(what + " i2", at, h.i2(), i2, tol);
            }
        }
    }

    private static void compareInfluence(String id, List<Influence.Row> rows, JsonNode e, double tol) {
        for (int i = 0; i < rows.size(); i++) {
            Influence.Row r = rows.get(i);
            String at = id + " [" + i + "]";
            REF.close("influence rstudent", at, get(r.rstudent()), doubles(e.get("rstudent"))[i], tol);
            REF.close("influence dffits", at, get(r.dffits()), doubles(e.get("dffits"))[i], tol);
            REF.close("influence cook_d", at, get(r.cookD()), doubles(e.get("cook_d"))[i], tol);
            REF.close("influence cov_r", at, get(r.covR()), doubles(e.get("cov_r"))[i], tol);
            REF.close("influence tau2_del", at, get(r.tau2Deleted()), doubles(e.get("tau2_del"))[i], tol);
            REF.close("influence q_del", at, get(r.qDeleted()), doubles(e.get("q_del"))[i],
                    MethodsReference.CLOSED_FORM_TOLERANCE);
            REF.close("influence hat", at, r.hat(), doubles(e.get("hat"))[i], tol);
            REF.close("influence weight", at, r.weight(), doubles(e.get("weight"))[i], tol);
            REF.close("influence dfbetas", at, get(r.dfbetas()), doubles(e.get("dfbetas"))[i], tol);
            assertThat(r.influential()).as(at + " inf").isEqualTo(e.get("inf").get(i).asBoolean());
        }
    }

    private static double get(OptionalDouble d) {
        return d.orElse(Double.NaN);
    }

    @Test
    void someStudiesAreFlaggedInfluentialAndTheFlagRuleIsMetafors() {
        JsonNode ref = MethodsReference.load("sensitivity_hackshaw1998");
        long flagged = 0;
        for (JsonNode f : ref.get("fits")) {
            for (JsonNode b : f.get("influence").get("inf")) {
                flagged += b.asBoolean() ? 1 : 0;
            }
        }
        assertThat(flagged).as("the reference data exercise the flag").isPositive();
    }
}

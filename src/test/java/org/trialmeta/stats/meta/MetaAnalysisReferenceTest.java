package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.stats.meta.MetaforReference.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.trialmeta.stats.Interval;

/**
 * Every dataset × measure × estimator × test of src/test/r/meta.R against metafor 3.8.1
 * ({@code escalc}, {@code rma}, {@code predict}, {@code confint}, {@code weights}, {@code leave1out}).
 */
class MetaAnalysisReferenceTest {

    /** Closed-form estimators (FE, DL, HE, HS, HSk, SJ) and everything not depending on tau². */
    static final double CLOSED_FORM_TOLERANCE = 1e-8;
    /** Iterative estimators (ML, REML, EB, PM) and the Q-profile CI. */
    static final double ITERATIVE_TOLERANCE = 1e-6;
    /** escalc effect sizes and variances. */
    static final double ESCALC_TOLERANCE = 1e-12;
    /** Values whose magnitude is below this are compared absolutely (e.g. an estimate of 1e-17). */
    static final double ABSOLUTE_FLOOR = 1e-10;

    /**
     * tau² below this is compared absolutely: with threshold 1e-13 metafor's Fisher scoring stops a few
     * 1e-14 above a boundary estimate of 0.
     */
    static final double TAU2_ABSOLUTE_FLOOR = 1e-7;

    /** I² (percent) below this is compared absolutely, for the same reason as tau². */
    static final double I2_ABSOLUTE_FLOOR = 0.1;

    static double maxDeviation = 0;
    static String maxDeviationAt = "";
    static double maxDefaultControlDeviation = 0;

    static void close(String what, double actual, double expected, double tol) {
        if (Double.isNaN(expected)) {
            assertThat(Double.isFinite(actual)).as(what + ": metafor gives NA, we give " + actual).isFalse();
            return;
        }
        double floor = what.endsWith("tau2") ? TAU2_ABSOLUTE_FLOOR
                : what.toLowerCase(Locale.ROOT).endsWith("i2") ? I2_ABSOLUTE_FLOOR : ABSOLUTE_FLOOR;
        double scale = Math.max(Math.abs(expected), floor);
        double dev = Math.abs(actual - expected) / scale;
        if (dev > maxDeviation) {
            maxDeviation = dev;
            maxDeviationAt = what;
        }
        assertThat(dev).as("%s: java %.17g vs metafor %.17g", what, actual, expected).isLessThanOrEqualTo(tol);
    }

    static MetaAnalysis.Options options(JsonNode ref, EffectSizes es, JsonNode fit) {
        return MetaAnalysis.Options.defaults(es)
                .withMethod(Tau2Estimator.parse(fit.get("method").asText()))
                .withTest(fit.get("test").asText().equals("knha") ? TestType.KNHA : TestType.Z);
    }

    static double tolerance(Tau2Estimator m) {
        return m.iterative() ? ITERATIVE_TOLERANCE : CLOSED_FORM_TOLERANCE;
    }

    /** Compares a fit with a metafor summary object (the fields written by summarise() in meta.R). */
    static void compareFit(String id, MetaAnalysisResult r, JsonNode f, double tol) {
        assertThat(r.k()).as(id + " k").isEqualTo(f.get("k").asInt());
        close(id + " estimate", r.estimate(), num(f, "estimate"), tol);
        close(id + " se", r.se(), num(f, "se"), tol);
        close(id + " statistic", r.statistic(), num(f, "statistic"), tol);
        close(id + " pval", r.pval(), num(f, "pval"), tol);
        close(id + " ci_lower", r.ci().lower(), num(f, "ci_lower"), tol);
        close(id + " ci_upper", r.ci().upper(), num(f, "ci_upper"), tol);
        close(id + " tau2", r.tau2(), num(f, "tau2"), tol);
        close(id + " tau2_se", r.tau2Se().orElse(Double.NaN), num(f, "tau2_se"), tol);
        close(id + " pi_lower", r.pi().map(Interval::lower).orElse(Double.NaN), num(f, "pi_lower"), tol);
        close(id + " pi_upper", r.pi().map(Interval::upper).orElse(Double.NaN), num(f, "pi_upper"), tol);
        close(id + " t_estimate", r.transformed().estimate(), num(f, "t_estimate"), tol);
        close(id + " t_ci_lower", r.transformed().ci().lower(), num(f, "t_ci_lower"), tol);
        close(id + " t_ci_upper", r.transformed().ci().upper(), num(f, "t_ci_upper"), tol);
        close(id + " t_pi_lower", r.transformed().pi().map(Interval::lower).orElse(Double.NaN), num(f, "t_pi_lower"), tol);
        close(id + " t_pi_upper", r.transformed().pi().map(Interval::upper).orElse(Double.NaN), num(f, "t_pi_upper"), tol);
        double[] w = r.weights();
        double[] we = MetaforReference.doubles(f.get("weights"));
        for (int i = 0; i < w.length; i++) {
            close(id + " weight[" + i + "]", w[i], we[i], tol);
        }
        if (r.k() == 1) {
            // metafor reports QE = 0, QEp = 1, I2 = 0, H2 = 1 for k = 1; we report no heterogeneity
            assertThat(r.heterogeneity()).as(id + " heterogeneity for k = 1").isEmpty();
            assertThat(num(f, "q")).isZero();
        } else {
            Heterogeneity h = r.heterogeneity().orElseThrow();
            close(id + " q", h.q(), num(f, "q"), CLOSED_FORM_TOLERANCE);
            close(id + " q_pval", h.pval(), num(f, "q_pval"), CLOSED_FORM_TOLERANCE);
            close(id + " i2", h.i2(), num(f, "i2"), tol);
            close(id + " h2", h.h2(), num(f, "h2"), tol);
        }
    }

    static void compareTau2Ci(String id, MetaAnalysisResult r, JsonNode f) {
        if (Double.isNaN(num(f, "tau2_ci_lower"))) {
            assertThat(r.tau2Ci()).as(id + " tau2 CI (metafor: none)").isEmpty();
            return;
        }
        Tau2ConfidenceInterval ci = r.tau2Ci().orElseThrow();
        double tol = ITERATIVE_TOLERANCE;
        close(id + " tau2_ci_lower", ci.tau2().lower(), num(f, "tau2_ci_lower"), tol);
        close(id + " tau2_ci_upper", ci.tau2().upper(), num(f, "tau2_ci_upper"), tol);
        close(id + " i2_ci_lower", ci.i2().lower(), num(f, "i2_ci_lower"), tol);
        close(id + " i2_ci_upper", ci.i2().upper(), num(f, "i2_ci_upper"), tol);
        close(id + " h2_ci_lower", ci.h2().lower(), num(f, "h2_ci_lower"), tol);
        close(id + " h2_ci_upper", ci.h2().upper(), num(f, "h2_ci_upper"), tol);
        assertThat(ci.nullSet()).as(id + " ci.null").isEqualTo(f.get("tau2_ci_null").asBoolean());
        assertThat(ci.upperAtSearchLimit()).as(id + " ub.sign").isEqualTo(f.get("tau2_ci_ub_sign").asText().equals(">"));
    }

    @TestFactory
    Stream<DynamicTest> everyEstimatorMeasureAndTestMatchesMetafor() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : MetaforReference.FILES) {
            JsonNode ref = MetaforReference.load(file);
            EffectSizes es = MetaforReference.effectSizes(ref);
            for (JsonNode f : ref.get("fits")) {
                String id = String.format(Locale.ROOT, "%s %s %s", file, f.get("method").asText(), f.get("test").asText());
                tests.add(DynamicTest.dynamicTest(id + " matches metafor rma/predict/confint", () -> {
                    assertThat(f.has("error")).as(id + " metafor error").isFalse();
                    MetaAnalysis.Options o = options(ref, es, f);
                    MetaAnalysisResult r = MetaAnalysis.fit(es, o).orElseThrow();
                    compareFit(id, r, f, tolerance(o.method()));
                    compareTau2Ci(id, r, f);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> escalcMatchesMetaforForEveryDatasetAndMeasure() {
        return MetaforReference.FILES.stream().map(file -> DynamicTest.dynamicTest(file + " escalc", () -> {
            JsonNode ref = MetaforReference.load(file);
            EffectSizes es = MetaforReference.effectSizes(ref);
            double[] y = MetaforReference.doubles(ref.get("yi"));
            double[] v = MetaforReference.doubles(ref.get("vi"));
            for (int i = 0; i < y.length; i++) {
                close(file + " yi[" + i + "]", es.yi()[i], y[i], ESCALC_TOLERANCE);
                close(file + " vi[" + i + "]", es.vi()[i], v[i], ESCALC_TOLERANCE);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> confidenceLevels90And99MatchMetaforOnBcg() {
        JsonNode ref = MetaforReference.load("bcg_levels_RR");
        EffectSizes es = MetaforReference.effectSizes(MetaforReference.load("bcg_RR"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : ref.get("fits")) {
            String id = "bcg RR level " + f.get("level").asInt() + " " + f.get("method").asText() + " " + f.get("test").asText();
            tests.add(DynamicTest.dynamicTest(id, () -> {
                MetaAnalysis.Options o = options(ref, es, f).withLevel(f.get("level").asDouble() / 100);
                MetaAnalysisResult r = MetaAnalysis.fit(es, o).orElseThrow();
                compareFit(id, r, f, tolerance(o.method()));
                compareTau2Ci(id, r, f);
            }));
        }
        return tests.stream();
    }

    @Test
    void remlMatchesMetaforOnBcg() {
        JsonNode ref = MetaforReference.load("bcg_RR");
        JsonNode f = fit(ref, "REML", "z");
        EffectSizes es = MetaforReference.effectSizes(ref);
        MetaAnalysisResult r = MetaAnalysis.fit(es, MetaAnalysis.Options.defaults(es)).orElseThrow();
        assertThat(r.method()).isEqualTo(Tau2Estimator.REML);
        compareFit("bcg RR REML", r, f, ITERATIVE_TOLERANCE);
        compareTau2Ci("bcg RR REML", r, f);
        // the textbook value (Viechtbauer 2010, J Stat Softw 36(3)): tau2 = 0.3132
        assertThat(r.tau2()).isCloseTo(0.3132, org.assertj.core.data.Offset.offset(5e-5));
    }

    @Test
    void metaforDefaultStoppingPointIsWithinItsOwnThresholdOfTheConvergedEstimate() {
        // metafor stops Fisher scoring when the change is below 1e-5 and uniroot at tol eps^0.25;
        // our converged tau2 must lie within those tolerances of metafor's default-control values
        for (String file : MetaforReference.FILES) {
            JsonNode ref = MetaforReference.load(file);
            EffectSizes es = MetaforReference.effectSizes(ref);
            for (JsonNode f : ref.get("fits")) {
                if (!f.has("tau2_default")) {
                    continue;
                }
                MetaAnalysis.Options o = options(ref, es, f).withTau2Ci(false);
                MetaAnalysisResult r = MetaAnalysis.fit(es, o).orElseThrow();
                maxDefaultControlDeviation = Math.max(maxDefaultControlDeviation, Math.abs(r.tau2() - num(f, "tau2_default")));
                assertThat(Math.abs(r.tau2() - num(f, "tau2_default")))
                        .as(file + " " + f.get("method").asText() + " default-control tau2")
                        .isLessThanOrEqualTo(2e-4);
            }
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void reportMaxDeviation() {
        System.out.printf(Locale.ROOT, "max relative deviation from metafor (tight control): %.3g at %s%n", maxDeviation,
                maxDeviationAt);
        System.out.printf(Locale.ROOT, "max absolute tau2 deviation from metafor's default control: %.3g%n",
                maxDefaultControlDeviation);
    }

    static JsonNode fit(JsonNode ref, String method, String test) {
        for (JsonNode f : ref.get("fits")) {
            if (f.get("method").asText().equals(method) && f.get("test").asText().equals(test)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no fit " + method + " " + test);
    }

    static Interval interval(JsonNode f, String lo, String hi) {
        return new Interval(num(f, lo), num(f, hi));
    }
}

package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Cox fits against survival 3.5.3 (values: src/test/r/cox.R). */
class CoxRegressionTest {

    /** Relative tolerance for coefficients, SEs, HRs, tests, log-likelihoods and concordance. */
    private static final double COX_RELATIVE_TOLERANCE = 1e-6;
    /** Relative tolerance for p-values (they inherit the statistic's error, amplified in the tail). */
    private static final double PVALUE_RELATIVE_TOLERANCE = 1e-5;
    /** Relative tolerance for cox.zph chi-squares and p-values. */
    private static final double ZPH_RELATIVE_TOLERANCE = 1e-6;

    private static final Map<String, Map<String, Double>> R = RReference.values("fits.csv");

    record Case(String fit, String dataset, List<String> covariates, String strata, Ties ties) {
        @Override
        public String toString() {
            return fit;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(Ties.EFRON, Ties.BRESLOW).flatMap(t -> {
            String s = t.name().toLowerCase(java.util.Locale.ROOT);
            return Stream.of(
                    new Case("lung_" + s, "lung", List.of("age", "sex", "ph_ecog"), null, t),
                    new Case("lung_age_" + s, "lung", List.of("age"), null, t),
                    new Case("ovarian_" + s, "ovarian", List.of("age", "resid_ds", "rx", "ecog_ps"), null, t),
                    new Case("veteran_strata_" + s, "veteran", List.of("karno", "age", "trt", "prior"), "celltype", t),
                    new Case("aml_" + s, "aml", List.of("maintained"), null, t),
                    new Case("aml_jitter_" + s, "aml_jitter", List.of("maintained"), null, t),
                    new Case("ovarian_strata_noevents_" + s, "ovarian", List.of("age", "rx"), "grp", t));
        }).map(Arguments::of);
    }

    static CoxModel fit(Case c) {
        var data = RReference.dataset(c.dataset());
        double[][] cols = c.covariates().stream().map(v -> RReference.doubles(data, v)).toArray(double[][]::new);
        int[] strata = c.strata() == null ? null : RReference.codes(data, c.strata());
        return CoxRegression.fit(RReference.doubles(data, "time"), RReference.ints(data, "status"), cols,
                c.covariates(), strata, c.ties(), 0.95);
    }

    private static void close(double actual, String fit, String key, double tol) {
        double expected = R.get(fit).get(key);
        assertThat(actual).as(fit + " " + key).isCloseTo(expected, withinPercentage(tol * 100));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coxphMatchesSurvival(Case c) {
        CoxModel m = fit(c);
        String f = c.fit();
        assertThat(m.convergence()).isEqualTo(CoxConvergence.CONVERGED);
        assertThat(m.n()).isEqualTo(R.get(f).get("n").intValue());
        assertThat(m.events()).isEqualTo(R.get(f).get("events").intValue());
        assertThat(m.iterations()).as("iterations").isEqualTo(R.get(f).get("iter").intValue());
        close(m.logLikNull(), f, "loglik_null", COX_RELATIVE_TOLERANCE);
        close(m.logLik(), f, "loglik", COX_RELATIVE_TOLERANCE);
        close(m.likelihoodRatioTest().statistic(), f, "lr_statistic", COX_RELATIVE_TOLERANCE);
        close(m.likelihoodRatioTest().df(), f, "lr_df", 0);
        close(m.likelihoodRatioTest().pValue(), f, "lr_pval", PVALUE_RELATIVE_TOLERANCE);
        close(m.waldTest().statistic(), f, "wald_statistic", COX_RELATIVE_TOLERANCE);
        close(m.waldTest().df(), f, "wald_df", 0);
        close(m.waldTest().pValue(), f, "wald_pval", PVALUE_RELATIVE_TOLERANCE);
        close(m.scoreTest().statistic(), f, "score_statistic", COX_RELATIVE_TOLERANCE);
        close(m.scoreTest().df(), f, "score_df", 0);
        close(m.scoreTest().pValue(), f, "score_pval", PVALUE_RELATIVE_TOLERANCE);
        close(m.concordance().orElseThrow().value(), f, "concordance", COX_RELATIVE_TOLERANCE);
        close(m.concordance().orElseThrow().standardError(), f, "concordance_se", COX_RELATIVE_TOLERANCE);
        for (CoxCoefficient cf : m.coefficients()) {
            var e = cf.estimate().orElseThrow();
            String v = cf.name() + ".";
            close(e.coef(), f, v + "coef", COX_RELATIVE_TOLERANCE);
            close(e.se(), f, v + "se", COX_RELATIVE_TOLERANCE);
            close(e.hazardRatio(), f, v + "hr", COX_RELATIVE_TOLERANCE);
            close(e.hazardRatioCi().lower(), f, v + "hr_lower", COX_RELATIVE_TOLERANCE);
            close(e.hazardRatioCi().upper(), f, v + "hr_upper", COX_RELATIVE_TOLERANCE);
            close(e.z(), f, v + "z", COX_RELATIVE_TOLERANCE);
            close(e.pValue(), f, v + "pval", PVALUE_RELATIVE_TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coxZphMatchesSurvival(Case c) {
        CoxModel m = fit(c);
        var data = RReference.dataset(c.dataset());
        double[][] cols = c.covariates().stream().map(v -> RReference.doubles(data, v)).toArray(double[][]::new);
        int[] strata = c.strata() == null ? null : RReference.codes(data, c.strata());
        var z = ProportionalHazardsTest.zph(m, RReference.doubles(data, "time"), RReference.ints(data, "status"),
                cols, strata);
        String f = c.fit();
        assertThat(z.terms()).hasSize(c.covariates().size());
        for (var row : z.terms()) {
            CoxTest t = row.test().orElseThrow();
            close(t.statistic(), f, "zph." + row.term() + ".chisq", ZPH_RELATIVE_TOLERANCE);
            close(t.df(), f, "zph." + row.term() + ".df", 0);
            close(t.pValue(), f, "zph." + row.term() + ".p", ZPH_RELATIVE_TOLERANCE);
        }
        CoxTest g = z.global().test().orElseThrow();
        close(g.statistic(), f, "zph.GLOBAL.chisq", ZPH_RELATIVE_TOLERANCE);
        close(g.df(), f, "zph.GLOBAL.df", 0);
        close(g.pValue(), f, "zph.GLOBAL.p", ZPH_RELATIVE_TOLERANCE);
    }

    @Test
    void monotoneLikelihoodIsReportedAsNotConvergedLikeCoxph() {
        var data = RReference.dataset("mono");
        CoxModel m = CoxRegression.fit(RReference.doubles(data, "time"), RReference.ints(data, "status"),
                new double[][] {RReference.doubles(data, "x"), RReference.doubles(data, "z")}, List.of("x", "z"));
        assertThat(m.convergence()).isEqualTo(CoxConvergence.NOT_CONVERGED);
        assertThat(m.converged()).isFalse();
        assertThat(m.iterations()).isEqualTo(R.get("mono_efron").get("iter").intValue());
        assertThat(m.coefficients().get(0).estimate().orElseThrow().coef()).isGreaterThan(10);
    }

    @Test
    void coefficientThatMayBeInfiniteIsFlaggedLikeCoxphWarning() {
        var data = RReference.dataset("inf");
        CoxModel m = CoxRegression.fit(RReference.doubles(data, "time"), RReference.ints(data, "status"),
                new double[][] {RReference.doubles(data, "x"), RReference.doubles(data, "z")}, List.of("x", "z"));
        assertThat(m.convergence()).isEqualTo(CoxConvergence.INFINITE_COEFFICIENT);
        assertThat(m.iterations()).isEqualTo(R.get("inf_efron").get("iter").intValue());
        assertThat(m.coefficients().get(0).possiblyInfinite()).isTrue();
        assertThat(m.coefficients().get(1).possiblyInfinite()).isFalse();
        close(m.logLik(), "inf_efron", "loglik", COX_RELATIVE_TOLERANCE);
        close(m.coefficients().get(1).estimate().orElseThrow().coef(), "inf_efron", "z.coef", COX_RELATIVE_TOLERANCE);
        close(m.coefficients().get(1).estimate().orElseThrow().se(), "inf_efron", "z.se", COX_RELATIVE_TOLERANCE);
    }

    @Test
    void timefixMergesFloatingPointNoiseAsAeqSurv() {
        double[] fixed = CoxRegression.timefix(new double[] {3, 1 + 1e-12, 1, 2, 2 * (1 + 1e-13)});
        assertThat(fixed).containsExactly(3, 1, 1, 2, 2);
        assertThat(CoxRegression.timefix(new double[] {1, 2, 3})).containsExactly(1, 2, 3);
    }

    @Test
    void aliasedCovariateHasNoEstimate() {
        var data = RReference.dataset("lung");
        double[] age = RReference.doubles(data, "age");
        double[] twice = java.util.Arrays.stream(age).map(a -> 2 * a).toArray();
        CoxModel m = CoxRegression.fit(RReference.doubles(data, "time"), RReference.ints(data, "status"),
                new double[][] {age, twice}, List.of("age", "age2"));
        assertThat(m.coefficients().get(0).estimate()).isPresent();
        assertThat(m.coefficients().get(1).estimate()).isEmpty();
        assertThat(m.likelihoodRatioTest().df()).isEqualTo(1);
        close(m.coefficients().get(0).estimate().orElseThrow().coef(), "lung_age_efron", "age.coef",
                COX_RELATIVE_TOLERANCE);
    }

    @Test
    void invalidInputNamesTheField() {
        assertThatThrownBy(() -> CoxRegression.fit(new double[] {1, 2}, new int[] {1, 2},
                new double[][] {{0, 1}}, List.of("x"))).hasMessageContaining("status[1] = 2");
        assertThatThrownBy(() -> CoxRegression.fit(new double[] {1, 2}, new int[] {0, 0},
                new double[][] {{0, 1}}, List.of("x"))).hasMessageContaining("no events");
    }
}

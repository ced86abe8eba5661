package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A fixed-effects meta-regression with as many studies as coefficients (k = p), against metafor 3.8.1
 * {@code rma(yi, vi, mods = X, method = "FE")} (src/test/r/saturated.R): the coefficients, their SEs, z, p and CI and
 * QM as metafor; residual heterogeneity (0 df) and R² not estimable (metafor: QE = 0, p = 1, R² NA); every τ²
 * estimator refused, as metafor refuses it, and so is the Knapp-Hartung test (metafor warns and fails to print).
 */
class SaturatedRegressionTest {

    private static Map<String, Map<String, String>> cases() throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/saturated/fits.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.computeIfAbsent(f[0], c -> new TreeMap<>()).put(f[1], f[2]);
        }
        return out;
    }

    private static double num(Map<String, String> c, String key) {
        return Double.parseDouble(c.get(key));
    }

    private static double[] vector(Map<String, String> c, String prefix, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = num(c, prefix + (i + 1));
        }
        return v;
    }

    private static Design design(Map<String, String> c, int k, int p) {
        Design.Builder b = Design.builder(k);
        for (int j = 1; j < p; j++) {
            b.covariate("x" + j, vector(c, "x" + j + "_", k));
        }
        return b.build();
    }

    @Test
    void aFixedEffectsFitWithAsManyStudiesAsCoefficientsIsMetafors() throws IOException {
        Map<String, Map<String, String>> cases = cases();
        assertThat(cases).hasSize(2);
        for (Map.Entry<String, Map<String, String>> e : cases.entrySet()) {
            Map<String, String> c = e.getValue();
            int k = (int) num(c, "k");
            int p = (int) num(c, "p");
            assertThat(k).as(e.getKey()).isEqualTo(p);
            double[] yi = vector(c, "yi", k);
            double[] vi = vector(c, "vi", k);
            Design d = design(c, k, p);
            MetaAnalysis.Options fe = MetaAnalysis.Options.defaults(EffectMeasure.GEN).withMethod(Tau2Estimator.FE);
            RegressionResult r = LinearMetaRegression.fit(yi, vi, d, fe).resultOrThrow();
            for (int j = 0; j < p; j++) {
                RegressionResult.Coefficient co = r.coefficients().get(j);
                String at = e.getKey() + " coefficient " + (j + 1);
                double scale = Math.max(1, Math.abs(num(c, "beta" + (j + 1))));
                assertThat(co.estimate()).as(at).isCloseTo(num(c, "beta" + (j + 1)), within(1e-9 * scale));
                assertThat(co.se()).as(at).isCloseTo(num(c, "se" + (j + 1)), within(1e-9 * scale));
                assertThat(co.statistic()).as(at).isCloseTo(num(c, "zval" + (j + 1)), within(1e-9));
                assertThat(co.pval()).as(at).isCloseTo(num(c, "pval" + (j + 1)), within(1e-10));
                assertThat(co.ciLower()).as(at).isCloseTo(num(c, "ci_lower" + (j + 1)), within(1e-9 * scale));
                assertThat(co.ciUpper()).as(at).isCloseTo(num(c, "ci_upper" + (j + 1)), within(1e-9 * scale));
            }
            assertThat(r.qm()).as(e.getKey()).isCloseTo(num(c, "qm"), within(1e-8));
            assertThat(r.qmPval()).as(e.getKey()).isCloseTo(num(c, "qm_pval"), within(1e-10));
            // metafor prints QE(df = 0) = 0, p = 1 and R² NA: a test on 0 df is not estimable here
            assertThat(c.get("qe")).isEqualTo("0");
            assertThat(r.residual()).as(e.getKey()).isEmpty();
            assertThat(c.get("r2")).isEqualTo("NA");
            assertThat(r.r2()).as(e.getKey()).isEmpty();
            // metafor refuses REML ("Number of parameters to be estimated is larger than the number of observations")
            assertThat(num(c, "reml_refused")).isEqualTo(1);
            assertThatThrownBy(() -> LinearMetaRegression.fit(yi, vi, d, fe.withMethod(Tau2Estimator.REML)))
                    .hasMessage(k + " studies for " + p + " coefficients: at least " + (p + 1) + " needed");
            assertThatThrownBy(() -> LinearMetaRegression.fit(yi, vi, d, fe.withTest(TestType.KNHA)))
                    .hasMessage(k + " studies for " + p + " coefficients: at least " + (p + 1) + " needed");
        }
    }
}

package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ML, REML and EB on data where metafor 3.8.1's Fisher scoring oscillates ("Fisher scoring algorithm did not
 * converge"): the estimators must still converge, to the maximum of metafor's own (restricted) likelihood
 * (ML, REML) or the root of EB's estimating equation (= Paule-Mandel), src/test/r/fisher_oscillation.R.
 * Rows where metafor converges are controls.
 */
class FisherScoringOscillationReferenceTest {

    /** Relative tolerance of tau² (R's optimize() to ~1e-8 relative; Java threshold 1e-10). */
    private static final double TAU2_RELATIVE_TOLERANCE = 1e-6;
    /** Relative tolerance of the estimate and SE at that tau². */
    private static final double ESTIMATE_RELATIVE_TOLERANCE = 1e-7;

    private static double[] numbers(String s) {
        return Arrays.stream(s.split(";")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void fisherScoringConvergesWhereMetaforOscillatesToTheLikelihoodMaximumOrEstimatingEquationRoot()
            throws IOException {
        List<String> rows;
        try (InputStream in = getClass().getResourceAsStream("/r/fisher_oscillation/fisher_oscillation.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("case,")).toList();
        }
        assertThat(rows).hasSize(12);
        int metaforFailed = 0;
        for (String row : rows) {
            String[] f = row.split(",");
            String what = f[0] + " " + f[1];
            metaforFailed += f[4].equals("error") ? 1 : 0;
            FitResult fit = MetaAnalysis.fit(numbers(f[2]), numbers(f[3]), MetaAnalysis.Options
                    .defaults(EffectMeasure.GEN).withMethod(Tau2Estimator.parse(f[1])));
            assertThat(fit.converged()).as(what + " converged: " + fit).isTrue();
            MetaAnalysisResult r = fit.orElseThrow();
            double tau2 = Double.parseDouble(f[5]);
            double est = Double.parseDouble(f[6]);
            double se = Double.parseDouble(f[7]);
            assertThat(r.tau2()).as(what + " tau2").isCloseTo(tau2, within(TAU2_RELATIVE_TOLERANCE * tau2));
            assertThat(r.estimate()).as(what + " estimate")
                    .isCloseTo(est, within(ESTIMATE_RELATIVE_TOLERANCE * Math.abs(est)));
            assertThat(r.se()).as(what + " se").isCloseTo(se, within(ESTIMATE_RELATIVE_TOLERANCE * se));
        }
        assertThat(metaforFailed).as("rows on which metafor's own Fisher scoring fails").isEqualTo(4);
    }
}

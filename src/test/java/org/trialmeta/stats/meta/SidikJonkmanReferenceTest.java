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
 * Sidik-Jonkman with identical estimates against metafor 3.8.1 (src/test/r/sj_identical.R): tau² is exactly 0,
 * as R's two-pass mean in {@code var(yi)} gives (a one-pass mean left a positive tau² of ~1e-33).
 */
class SidikJonkmanReferenceTest {

    /** Estimate and SE against metafor (closed forms, sums in another order). */
    private static final double ESTIMATE_TOLERANCE = 1e-12;

    @Test
    void sjIsExactlyZeroForIdenticalEstimatesAsMetafor() throws IOException {
        List<String> rows;
        try (InputStream in = getClass().getResourceAsStream("/r/sj_identical/sj_identical.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("y,")).toList();
        }
        assertThat(rows).hasSize(8);
        for (String row : rows) {
            String[] f = row.split(",");
            double y = Double.parseDouble(f[0]);
            int k = Integer.parseInt(f[1]);
            double[] vi = Arrays.stream(f[2].split(";")).mapToDouble(Double::parseDouble).toArray();
            double[] yi = new double[k];
            Arrays.fill(yi, y);
            MetaAnalysisResult r = MetaAnalysis.fit(yi, vi, MetaAnalysis.Options.defaults(EffectMeasure.GEN)
                    .withMethod(Tau2Estimator.SJ)).orElseThrow();
            assertThat(r.tau2()).as("SJ tau2, y %s k %d", y, k).isEqualTo(Double.parseDouble(f[3]));
            assertThat(r.estimate()).as("estimate").isCloseTo(Double.parseDouble(f[4]), within(ESTIMATE_TOLERANCE));
            assertThat(r.se()).as("se").isCloseTo(Double.parseDouble(f[5]), within(ESTIMATE_TOLERANCE));
        }
    }
}

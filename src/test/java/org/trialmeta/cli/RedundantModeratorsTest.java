package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regress} drops a redundant moderator as metafor does ("Redundant predictors dropped from the model") and fits
 * the rest: x3 = 2 x1 + 1, with REML, FE and DL, z and Knapp-Hartung, against rma(mods = ~ x1 + x3) in
 * src/test/r/redundant.R. It was refused ("collinear or constant ... as metafor").
 */
class RedundantModeratorsTest {

    @TempDir
    Path dir;

    @Test
    void aModeratorThatIsALinearCombinationIsDroppedAndTheRestMatchesMetafor() throws Exception {
        double[] yi = {0.0774, 0.4132, -0.2119, 0.8741, 0.3318, 0.6206, -0.0413, 0.5117};
        double[] vi = {0.22108, 0.1012, 0.3311, 0.0899, 0.2016, 0.1478, 0.2534, 0.0711};
        double[] x1 = {-0.482, 0.311, -1.204, 1.027, 0.118, 0.733, -0.651, 0.442};
        StringBuilder csv = new StringBuilder("study,yi,vi,x1,x3\n");
        for (int i = 0; i < yi.length; i++) {
            csv.append("S").append(i + 1).append(',').append(yi[i]).append(',').append(vi[i]).append(',').append(x1[i])
                    .append(',').append(2 * x1[i] + 1).append('\n');
        }
        Path in = dir.resolve("in.csv");
        Files.writeString(in, csv);
        Map<String, Map<String, Double>> ref = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/r/redundant/fits.csv")).subList(1, 55)) {
            String[] f = line.split(",");
            ref.computeIfAbsent(f[0], c -> new HashMap<>()).put(f[1], Double.parseDouble(f[2]));
        }
        assertThat(ref).hasSize(6);
        for (String method : List.of("REML", "FE", "DL")) {
            for (String test : List.of("z", "knha")) {
                Map<String, Double> r = ref.get(method.toLowerCase(java.util.Locale.ROOT) + "_" + test);
                Run run = Run.run("regress", "--input", in.toString(), "--measure", "GEN", "--mods", "x1,x3", "--method",
                        method, "--test", test, "--format", "json");
                assertThat(run.code()).as(run.err()).isZero();
                JsonNode j = new ObjectMapper().readTree(run.out());
                String id = method + " " + test;
                assertThat(j.get("dropped").toString()).as(id).isEqualTo("[\"x3\"]");
                assertThat(r.get("p")).isEqualTo(2.0);
                JsonNode c = j.get("coefficients");
                assertThat(c.size()).isEqualTo(2);
                close(id + " b0", c.get(0).get("estimate").asDouble(), r.get("b0"));
                close(id + " b1", c.get(1).get("estimate").asDouble(), r.get("b1"));
                close(id + " se0", c.get(0).get("se").asDouble(), r.get("se0"));
                close(id + " se1", c.get(1).get("se").asDouble(), r.get("se1"));
                close(id + " qm", j.get("qm").asDouble(), r.get("qm"));
                close(id + " qmp", j.get("qm_pval").asDouble(), r.get("qmp"));
                close(id + " qe", j.get("qe").asDouble(), r.get("qe"));
                close(id + " tau2", j.get("tau2").asDouble(), r.get("tau2"));
            }
        }
        Run text = Run.run("regress", "--input", in.toString(), "--measure", "GEN", "--mods", "x1,x3");
        assertThat(text.out()).contains("Redundant moderator columns dropped from the model").contains(": x3\n")
                .doesNotContain("\nx3 ");
    }

    /** k = p: metafor fits FE with a z-test (src/test/r/saturated.R: -0.3, 0.4, QM 5.3333, p 0.0209); not REML. */
    @Test
    void asManyStudiesAsCoefficientsFitFixedEffectsOnly() throws Exception {
        Path in = dir.resolve("two.csv");
        Files.writeString(in, "study,yi,vi,x\nA,0.1,0.01,1\nB,0.5,0.02,2\n");
        Run fe = Run.run("regress", "--input", in.toString(), "--measure", "GEN", "--mods", "x", "--method", "FE");
        assertThat(fe.code()).isEqualTo(ExitCodes.OK);
        assertThat(fe.out()).contains("x              0.4000  0.1732   2.3094  0.0209", "QM(1) = 5.3333, p = 0.0209",
                "Residual heterogeneity: not estimable (as many studies as coefficients: QE, I^2 and R^2 on 0 df)");
        Run reml = Run.run("regress", "--input", in.toString(), "--measure", "GEN", "--mods", "x");
        assertThat(reml.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(reml.err().strip()).isEqualTo("trialmeta: " + in + ": 2 studies for 2 coefficients (intrcpt, x): at"
                + " least 3 needed (a fixed-effects model with a z-test fits 2: --method FE)");
    }

    @Test
    void aConstantModeratorAloneIsRefusedNamingIt() throws Exception {
        Path in = dir.resolve("c.csv");
        Files.writeString(in, "study,yi,vi,dose\nA,0.1,0.05,1\nB,0.3,0.1,1\nC,0.2,0.08,1\nD,0.5,0.2,1\n");
        Run r = Run.run("regress", "--input", in.toString(), "--measure", "GEN", "--mods", "dose");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip()).isEqualTo("trialmeta: " + in + ": dose is constant over the studies; no moderator is"
                + " left (metafor would fit the intercept alone: use pool)");
    }

    private static void close(String what, double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs metafor %s", what, actual, expected)
                .isLessThanOrEqualTo(1e-7 * Math.max(1, Math.abs(expected)));
    }
}

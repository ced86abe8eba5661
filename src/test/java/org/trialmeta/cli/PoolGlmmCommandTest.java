package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pool --measure PLO --method GLMM} (metafor {@code rma.glmm}) through the command line: the JSON contract,
 * the text, the refusals, and the numbers against src/test/resources/r/glmm/ (src/test/r/glmm.R).
 */
class PoolGlmmCommandTest {

    /** The CLI prints what stats computes; compared with the converged R maximum as the stats tests do. */
    private static final double CLI_TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        Run r = Run.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = PoolGlmmCommandTest.class.getResourceAsStream("/r/glmm/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The reference data set as a pool CSV (study,xi,ni[,group]). */
    private Path csv(JsonNode ref) throws IOException {
        JsonNode d = ref.get("data");
        boolean groups = ref.has("groups");
        StringBuilder sb = new StringBuilder("study,xi,ni" + (groups ? ",group" : "") + "\n");
        for (int i = 0; i < d.get("xi").size(); i++) {
            sb.append('"').append(d.get("study").get(i).asText()).append("\",").append(d.get("xi").get(i).asInt())
                    .append(',').append(d.get("ni").get(i).asInt());
            if (groups) {
                sb.append(',').append(ref.get("groups").get(i).asText());
            }
            sb.append('\n');
        }
        return write(ref.get("dataset").asText() + ".csv", sb.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static void close(JsonNode j, String key, double expected) {
        assertThat(j.get(key).asDouble()).as(key).isCloseTo(expected, within(Math.abs(expected) * CLI_TOLERANCE));
    }

    @Test
    void jsonHasThePoolKeysAndMatchesRmaGlmmOnPritz1997() throws IOException {
        JsonNode ref = reference("pritz1997");
        assertThat(run("pool", "--input", csv(ref).toString(), "--measure", "PLO", "--method", "glmm", "--format", "json"))
                .as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        assertThat(j.fieldNames()).toIterable().containsExactly("measure", "method", "test", "level", "k", "estimate", "se",
                "statistic", "pval", "ci_lower", "ci_upper", "pi_lower", "pi_upper", "tau2", "tau2_se", "tau2_ci_lower",
                "tau2_ci_upper", "tau", "i2", "h2", "q", "q_df", "q_pval", "i2_ci_lower", "i2_ci_upper", "h2_ci_lower",
                "h2_ci_upper", "transformed", "studies", "glmm");
        assertThat(j.get("glmm").fieldNames()).toIterable().containsExactly("q_wald", "q_wald_pval", "q_lrt", "q_lrt_pval",
                "log_lik", "quadrature_points", "tau2_at_zero");
        assertThat(j.get("method").asText()).isEqualTo("GLMM");
        assertThat(j.get("measure").asText()).isEqualTo("PLO");
        assertThat(j.get("test").asText()).isEqualTo("z");
        assertThat(j.get("k").asInt()).isEqualTo(14);
        for (String n : new String[] {"tau2_se", "tau2_ci_lower", "tau2_ci_upper"}) {
            assertThat(j.get(n).isNull()).as(n).isTrue();
        }
        assertThat(j.get("studies").get(0).get("weight").isNull()).isTrue();
        JsonNode c = ref.get("converged");
        JsonNode m = ref.get("metafor");
        close(j, "estimate", c.get("estimate").asDouble());
        close(j, "se", c.get("se").asDouble());
        close(j, "statistic", c.get("zval").asDouble());
        close(j, "pval", c.get("pval").asDouble());
        close(j, "ci_lower", c.get("ci_lower").asDouble());
        close(j, "ci_upper", c.get("ci_upper").asDouble());
        close(j, "pi_lower", c.get("pi_lower").asDouble());
        close(j, "pi_upper", c.get("pi_upper").asDouble());
        close(j, "tau2", c.get("tau2").asDouble());
        close(j, "i2", c.get("i2").asDouble());
        close(j, "h2", c.get("h2").asDouble());
        close(j, "q", m.get("qe_wald").asDouble());
        close(j, "q_pval", m.get("qe_wald_pval").asDouble());
        assertThat(j.get("q_df").asInt()).isEqualTo(13);
        close(j.get("glmm"), "q_lrt", m.get("qe_lrt").asDouble());
        close(j.get("glmm"), "q_lrt_pval", m.get("qe_lrt_pval").asDouble());
        assertThat(j.get("glmm").get("quadrature_points").asInt()).isEqualTo(7);
        assertThat(j.get("glmm").get("tau2_at_zero").asBoolean()).isFalse();
        close(j.get("transformed"), "estimate", c.get("t_estimate").asDouble());
        close(j.get("transformed"), "ci_lower", c.get("t_ci_lower").asDouble());
        close(j.get("transformed"), "ci_upper", c.get("t_ci_upper").asDouble());
        close(j.get("transformed"), "pi_lower", c.get("t_pi_lower").asDouble());
        close(j.get("transformed"), "pi_upper", c.get("t_pi_upper").asDouble());
    }

    @Test
    void levelNinetyAndTheBoundaryFitMatchR() throws IOException {
        JsonNode ref = reference("lgsoc");
        assertThat(run("pool", "--input", csv(ref).toString(), "--measure", "PLO", "--method", "GLMM", "--level", "90",
                "--format", "json")).as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        JsonNode c = ref.get("level90").get("converged");
        assertThat(j.get("level").asDouble()).isEqualTo(90.0);
        close(j, "ci_lower", c.get("ci_lower").asDouble());
        close(j, "pi_upper", c.get("pi_upper").asDouble());
        close(j.get("transformed"), "ci_upper", c.get("t_ci_upper").asDouble());

        JsonNode zero = reference("tau2_zero");
        assertThat(run("pool", "--input", csv(zero).toString(), "--measure", "PLO", "--method", "GLMM", "--format", "json"))
                .as(err).isZero();
        j = new ObjectMapper().readTree(out);
        assertThat(j.get("tau2").asDouble()).isZero();
        assertThat(j.get("i2").asDouble()).isZero();
        assertThat(j.get("glmm").get("tau2_at_zero").asBoolean()).isTrue();
        close(j, "estimate", zero.get("converged").get("estimate").asDouble());
        close(j, "se", zero.get("converged").get("se").asDouble());
    }

    @Test
    void tableNamesTheModelAndShowsBothHeterogeneityTests() throws IOException {
        assertThat(run("pool", "--input", csv(reference("pritz1997")).toString(), "--measure", "PLO", "--method", "GLMM"))
                .as(err).isZero();
        assertThat(out).contains("Random-effects (binomial-normal GLMM, ML, 7-point adaptive Gauss-Hermite) meta-analysis, "
                        + "logit proportion, z-test, k = 14")
                .contains("Tanabe et al. *")
                .contains("Pooled logit proportion: 1.3766  SE 0.2884  95% CI [0.8114, 1.9418]  z = 4.7735  p < 0.0001")
                .contains("Pooled proportion: 0.7984  95% CI [0.6924, 0.8746]  95% PI [0.4426, 0.9518]")
                .contains("Heterogeneity: tau^2 = 0.5893, tau = 0.7677, I^2 = 67.79%, H^2 = 3.10, Q(13) = 25.10, "
                        + "p = 0.0224 (Wald), LRT(13) = 42.23, p < 0.0001")
                .doesNotContain("weight");
    }

    @Test
    void subgroupsAreFittedSeparatelyWithTheTestForDifferences() throws IOException {
        JsonNode ref = reference("pagliaro1992");
        assertThat(run("pool", "--input", csv(ref).toString(), "--measure", "PLO", "--method", "GLMM", "--subgroup", "group",
                "--format", "json")).as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        for (int g = 0; g < 3; g++) {
            JsonNode rg = ref.get("subgroups").get(g);
            JsonNode jg = j.get("subgroups").get(g);
            assertThat(jg.get("name").asText()).isEqualTo(rg.get("name").asText());
            assertThat(jg.get("k").asInt()).isEqualTo(rg.get("k").asInt());
            close(jg, "estimate", rg.get("converged").get("estimate").asDouble());
            close(jg, "se", rg.get("converged").get("se").asDouble());
            close(jg, "tau2", rg.get("converged").get("tau2").asDouble());
        }
        close(j.get("subgroup_test"), "q", ref.get("subgroup_test").get("q").asDouble());
        close(j.get("subgroup_test"), "pval", ref.get("subgroup_test").get("pval").asDouble());
        assertThat(j.get("subgroup_test").get("df").asInt()).isEqualTo(2);

        Path one = write("one.csv", "study,xi,ni,g\nA,3,20,a\nB,5,30,b\nC,9,25,b\n");
        assertThat(run("pool", "--input", one.toString(), "--measure", "PLO", "--method", "GLMM", "--subgroup", "g"))
                .as(err).isZero();
        assertThat(out).contains("not estimable").contains("Test for subgroup differences: not available");
    }

    @Test
    void refusalsAndNotEstimableFitsAreOneLineExitTwo() throws IOException {
        Path plo = csv(reference("lgsoc"));
        Path twoByTwo = write("or.csv", "study,ai,n1i,ci,n2i\nA,4,123,11,139\nB,6,306,29,303\n");
        String[][] runs = {
            {"pool", "--input", twoByTwo.toString(), "--measure", "RR", "--method", "GLMM"},
            {"pool", "--input", plo.toString(), "--measure", "PFT", "--method", "GLMM"},
            {"pool", "--input", plo.toString(), "--measure", "PLO", "--method", "GLMM", "--test", "knha"},
            {"pool", "--input", write("k1.csv", "study,xi,ni\nA,3,20\n").toString(), "--measure", "PLO", "--method", "GLMM"},
            {"pool", "--input", write("none.csv", "study,xi,ni\nA,0,20\nB,0,10\n").toString(), "--measure", "PLO",
                "--method", "GLMM"},
            {"pool", "--input", write("edge.csv", "study,xi,ni\nA,0,10\nB,10,10\nC,0,10\n").toString(), "--measure", "PLO",
                "--method", "GLMM", "--format", "json"},
        };
        String[] expected = {"--method GLMM applies to --measure PLO or OR, not RR",
            "--method GLMM applies to --measure PLO or OR, not PFT",
            "--test knha: applies to inverse-variance fits only (GLMM uses the z-test)", "GLMM not estimable: k = 1",
            "GLMM not estimable: no study has an event", "GLMM not estimable: every study has 0 or all events"};
        for (int i = 0; i < runs.length; i++) {
            assertThat(run(runs[i])).as(String.join(" ", runs[i])).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(err.strip().lines()).as(err).hasSize(1);
            assertThat(err).startsWith("trialmeta: ").contains(expected[i]).doesNotContain("Exception");
            assertThat(out).isEmpty();
        }
    }
}

package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pool --measure OR --method GLMM} (metafor {@code rma.glmm(measure = "OR", model = "UM.FS")}) and
 * {@code forest} through the command line: the JSON contract, the dropped double-zero study, the text, subgroups, and
 * the numbers against src/test/resources/r/glmm_or/ (src/test/r/glmm_or.R).
 */
class PoolGlmmOddsRatioCommandTest {

    private static final double CLI_TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = TrialMetaCommand.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = PoolGlmmOddsRatioCommandTest.class.getResourceAsStream("/r/glmm_or/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The reference data set as a pool CSV (study,ai,n1i,ci,n2i). */
    private Path csv(JsonNode ref) throws IOException {
        JsonNode d = ref.get("data");
        StringBuilder sb = new StringBuilder("study,ai,n1i,ci,n2i\n");
        for (int i = 0; i < d.get("ai").size(); i++) {
            sb.append('"').append(d.get("study").get(i).asText()).append('"');
            for (String c : new String[] {"ai", "n1i", "ci", "n2i"}) {
                sb.append(',').append(d.get(c).get(i).asInt());
            }
            sb.append('\n');
        }
        Path p = dir.resolve(ref.get("dataset").asText() + ".csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static void close(JsonNode j, String key, double expected) {
        assertThat(j.get(key).asDouble()).as(key).isCloseTo(expected, within(Math.abs(expected) * CLI_TOLERANCE));
    }

    @Test
    void jsonHasThePoolKeysAndMatchesRmaGlmmOnNielweise2007() throws IOException {
        JsonNode ref = reference("nielweise2007");
        assertThat(run("pool", "--input", csv(ref).toString(), "--measure", "OR", "--method", "GLMM", "--format", "json"))
                .as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        assertThat(j.fieldNames()).toIterable().containsExactly("measure", "method", "test", "level", "k", "estimate", "se",
                "statistic", "pval", "ci_lower", "ci_upper", "pi_lower", "pi_upper", "tau2", "tau2_se", "tau2_ci_lower",
                "tau2_ci_upper", "tau", "i2", "h2", "q", "q_df", "q_pval", "i2_ci_lower", "i2_ci_upper", "h2_ci_lower",
                "h2_ci_upper", "transformed", "studies", "glmm");
        assertThat(j.get("glmm").fieldNames()).toIterable().containsExactly("q_wald", "q_wald_pval", "q_lrt", "q_lrt_pval",
                "log_lik", "quadrature_points", "tau2_at_zero");
        assertThat(j.get("measure").asText()).isEqualTo("OR");
        assertThat(j.get("method").asText()).isEqualTo("GLMM");
        // Yucel 2004 (0/118 vs 0/105) is dropped as rma.glmm's drop00 does: k = 17 of 18 rows, its row has no estimate
        assertThat(j.get("k").asInt()).isEqualTo(17).isEqualTo(ref.get("metafor").get("k").asInt());
        assertThat(j.get("studies")).hasSize(18);
        JsonNode yucel = j.get("studies").get(14);
        assertThat(yucel.get("study").asText()).startsWith("Yucel");
        assertThat(yucel.get("yi").isNull()).isTrue();
        assertThat(yucel.get("transformed").get("estimate").isNull()).isTrue();
        // a study with a zero cell: escalc's OR with 1/2 added, as the study rows of metafor's forest
        JsonNode bach = j.get("studies").get(0);
        assertThat(bach.get("yi").asDouble()).isCloseTo(Math.log((0.5 / 116.5) / (3.5 / 114.5)), within(1e-12));
        assertThat(bach.get("transformed").get("estimate").asDouble()).isCloseTo((0.5 / 116.5) / (3.5 / 114.5),
                within(1e-12));
        assertThat(bach.get("weight").isNull()).isTrue();
        JsonNode c = ref.get("converged");
        JsonNode m = ref.get("metafor");
        close(j, "estimate", c.get("estimate").asDouble());
        close(j, "se", c.get("se").asDouble());
        close(j, "statistic", c.get("zval").asDouble());
        close(j, "pval", c.get("pval").asDouble());
        close(j, "ci_lower", c.get("ci_lower").asDouble());
        close(j, "ci_upper", c.get("ci_upper").asDouble());
        close(j, "tau2", c.get("tau2").asDouble());
        close(j, "i2", c.get("i2").asDouble());
        close(j, "h2", c.get("h2").asDouble());
        close(j, "q", m.get("qe_wald").asDouble());
        close(j, "q_pval", m.get("qe_wald_pval").asDouble());
        assertThat(j.get("q_df").asInt()).isEqualTo(16);
        close(j.get("glmm"), "q_lrt", m.get("qe_lrt").asDouble());
        close(j.get("glmm"), "q_lrt_pval", m.get("qe_lrt_pval").asDouble());
        close(j.get("transformed"), "estimate", c.get("t_estimate").asDouble());
        close(j.get("transformed"), "ci_lower", c.get("t_ci_lower").asDouble());
        close(j.get("transformed"), "ci_upper", c.get("t_ci_upper").asDouble());
        close(j.get("transformed"), "pi_lower", c.get("t_pi_lower").asDouble());
        close(j.get("transformed"), "pi_upper", c.get("t_pi_upper").asDouble());
    }

    @Test
    void boundaryFitAndTheTableText() throws IOException {
        JsonNode zero = reference("tau2_zero");
        assertThat(run("pool", "--input", csv(zero).toString(), "--measure", "OR", "--method", "GLMM", "--format", "json"))
                .as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        assertThat(j.get("tau2").asDouble()).isZero();
        assertThat(j.get("glmm").get("tau2_at_zero").asBoolean()).isTrue();
        close(j, "estimate", zero.get("converged").get("estimate").asDouble());
        close(j, "se", zero.get("converged").get("se").asDouble());

        assertThat(run("pool", "--input", csv(reference("bcg")).toString(), "--measure", "OR", "--method", "GLMM")).as(err)
                .isZero();
        assertThat(out).contains("Random-effects (GLMM, unconditional model with fixed study effects, ML, 7-point adaptive "
                + "Gauss-Hermite) meta-analysis, log odds ratio, z-test, k = 13").doesNotContain("weight");
    }

    @Test
    void subgroupsAreFittedSeparately() throws IOException {
        Path f = dir.resolve("sub.csv");
        JsonNode ref = reference("bcg");
        JsonNode d = ref.get("data");
        StringBuilder sb = new StringBuilder("study,ai,n1i,ci,n2i,g\n");
        for (int i = 0; i < d.get("ai").size(); i++) {
            sb.append('"').append(d.get("study").get(i).asText()).append('"');
            for (String c : new String[] {"ai", "n1i", "ci", "n2i"}) {
                sb.append(',').append(d.get(c).get(i).asInt());
            }
            sb.append(i < 3 ? ",first3\n" : ",rest\n");
        }
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        assertThat(run("pool", "--input", f.toString(), "--measure", "OR", "--method", "GLMM", "--subgroup", "g",
                "--format", "json")).as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        // "first3" is the three_studies reference data set (the first three BCG trials)
        JsonNode first = j.get("subgroups").get(0);
        assertThat(first.get("name").asText()).isEqualTo("first3");
        JsonNode three = reference("three_studies").get("converged");
        close(first, "estimate", three.get("estimate").asDouble());
        close(first, "se", three.get("se").asDouble());
        assertThat(j.get("subgroup_test").get("df").asInt()).isEqualTo(1);
    }

    @Test
    void forestDrawsThePooledGlmmEstimate() throws IOException {
        JsonNode ref = reference("nielweise2007");
        Path svg = dir.resolve("f.svg");
        assertThat(run("forest", "--input", csv(ref).toString(), "--measure", "OR", "--method", "GLMM", "--style", "meta",
                "--out", svg.toString())).as(err).isZero();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        JsonNode c = ref.get("converged");
        assertThat(text).contains(String.format(Locale.ROOT, "%.2f", c.get("t_estimate").asDouble()))
                .contains(String.format(Locale.ROOT, "%.2f", c.get("t_ci_upper").asDouble()));
    }
}

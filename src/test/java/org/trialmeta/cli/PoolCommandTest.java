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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolCommandTest {

    /** The CLI prints what stats computes; full-precision JSON must round-trip exactly to metafor's digits. */
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

    private Path bcgCsv() throws IOException {
        JsonNode ref = reference("bcg_OR");
        JsonNode d = ref.get("data");
        StringBuilder sb = new StringBuilder("study,ai,n1i,ci,n2i,alloc\n");
        for (int i = 0; i < d.get("ai").size(); i++) {
            sb.append('"').append(d.get("study").get(i).asText()).append("\",").append(d.get("ai").get(i).asInt()).append(',')
                    .append(d.get("n1i").get(i).asInt()).append(',').append(d.get("ci").get(i).asInt()).append(',')
                    .append(d.get("n2i").get(i).asInt()).append(',').append(ref.get("groups").get(i).asText()).append('\n');
        }
        return write("bcg.csv", sb.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static JsonNode reference(String name) {
        return RReference.load("meta/" + name);
    }

    private static JsonNode fit(JsonNode ref, String method, String test) {
        return RReference.fit(ref, method, test);
    }

    @Test
    void jsonOutputFollowsTheContractAndMatchesMetaforOnBcg() throws IOException {
        int code = run("pool", "--input", bcgCsv().toString(), "--measure", "OR", "--method", "PM", "--test", "knha",
                "--subgroup", "alloc", "--format", "json");
        assertThat(code).as(err).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(out);
        assertThat(j.fieldNames()).toIterable().containsExactly("measure", "method", "test", "level", "k", "estimate", "se",
                "statistic", "pval", "ci_lower", "ci_upper", "pi_lower", "pi_upper", "tau2", "tau2_se", "tau2_ci_lower",
                "tau2_ci_upper", "tau", "i2", "h2", "q", "q_df", "q_pval", "i2_ci_lower", "i2_ci_upper", "h2_ci_lower",
                "h2_ci_upper", "transformed", "studies", "subgroups", "subgroup_test");
        assertThat(j.get("transformed").fieldNames()).toIterable()
                .containsExactly("estimate", "ci_lower", "ci_upper", "pi_lower", "pi_upper");
        assertThat(j.get("studies").get(0).fieldNames()).toIterable().containsExactly("study", "yi", "vi", "weight",
                "transformed");
        assertThat(j.get("studies").get(0).get("transformed").fieldNames()).toIterable()
                .containsExactly("estimate", "ci_lower", "ci_upper");
        assertThat(j.get("subgroups").get(0).fieldNames()).toIterable()
                .containsExactly("name", "k", "estimate", "se", "ci_lower", "ci_upper", "tau2", "i2", "statistic", "pval",
                        "q", "q_df", "q_pval", "transformed");
        assertThat(j.get("subgroup_test").fieldNames()).toIterable().containsExactly("q", "df", "pval");
        JsonNode f = fit(reference("bcg_OR"), "PM", "knha");
        assertThat(j.get("method").asText()).isEqualTo("PM");
        assertThat(j.get("test").asText()).isEqualTo("knha");
        for (String[] pair : new String[][] {{"estimate", "estimate"}, {"se", "se"}, {"statistic", "statistic"},
                {"pval", "pval"}, {"ci_lower", "ci_lower"}, {"pi_upper", "pi_upper"}, {"tau2", "tau2"},
                {"tau2_se", "tau2_se"}, {"tau2_ci_upper", "tau2_ci_upper"}, {"i2", "i2"}, {"h2", "h2"}, {"q", "q"},
                {"q_pval", "q_pval"}, {"i2_ci_lower", "i2_ci_lower"}, {"i2_ci_upper", "i2_ci_upper"},
                {"h2_ci_lower", "h2_ci_lower"}, {"h2_ci_upper", "h2_ci_upper"}}) {
            double e = f.get(pair[1]).asDouble();
            assertThat(j.get(pair[0]).asDouble()).as(pair[0]).isCloseTo(e, within(Math.abs(e) * CLI_TOLERANCE));
        }
        assertThat(j.get("q_df").asInt()).isEqualTo(12);
        assertThat(j.get("transformed").get("estimate").asDouble()).isCloseTo(f.get("t_estimate").asDouble(), within(1e-9));
        assertThat(j.get("studies").get(7).get("weight").asDouble())
                .isCloseTo(f.get("weights").get(7).asDouble(), within(1e-6));
        assertThat(j.get("subgroups").get(0).get("name").asText()).isEqualTo("alternate");
        assertThat(j.get("subgroup_test").get("q").asDouble())
                .isCloseTo(f.get("subgroup_test").get("q").asDouble(), within(1e-6));
    }

    @Test
    void fixedEffectAndSingleStudyGiveNullWhereMetaforHasNoValue() throws IOException {
        Path one = write("one.csv", "study,xi,ni\nA,3,20\n");
        assertThat(run("pool", "--input", one.toString(), "--measure", "PLO", "--format", "json")).as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        assertThat(j.get("k").asInt()).isEqualTo(1);
        assertThat(j.get("tau2").asDouble()).isZero();
        for (String n : new String[] {"tau2_se", "tau2_ci_lower", "tau2_ci_upper", "i2", "h2", "q", "q_df", "q_pval"}) {
            assertThat(j.get(n).isNull()).as(n).isTrue();
        }
        assertThat(run("pool", "--input", bcgCsv().toString(), "--measure", "RR", "--method", "fe", "--format", "json")).isZero();
        JsonNode fe = new ObjectMapper().readTree(out);
        assertThat(fe.get("pi_lower").isNull()).isTrue();
        assertThat(fe.get("transformed").get("pi_upper").isNull()).isTrue();
        assertThat(fe.get("tau2_ci_lower").isNull()).isTrue();
        assertThat(fe.get("method").asText()).isEqualTo("FE");
    }

    @Test
    void tableShowsStudiesPooledSummaryHeterogeneityAndSubgroups() throws IOException {
        assertThat(run("pool", "--input", bcgCsv().toString(), "--measure", "OR", "--subgroup", "alloc")).as(err).isZero();
        assertThat(out).contains("Random-effects (tau^2: REML) meta-analysis, log odds ratio, z-test, k = 13")
                .contains("Aronson 1948")
                .contains("Pooled log odds ratio: -0.7452  SE 0.1860  95% CI [-1.1098, -0.3806]  z = -4.0057  p < 0.0001")
                .contains("Pooled odds ratio: 0.4746  95% CI [0.3296, 0.6835]  95% PI [0.1435, 1.5696]")
                .contains("Heterogeneity: tau^2 = 0.3378 (SE 0.1784, 95% CI [0.1301, 1.1812]), tau = 0.5812, I^2 = 92.07%")
                .contains("Test for subgroup differences: Q(2) = 1.64, p = 0.4404");
    }

    @Test
    void eventsAboveTotalNameFileLineColumnValueAndRule() throws IOException {
        Path bad = write("bad.csv", "study,ai,n1i,ci,n2i\nA,1,10,2,10\nB,12,10,2,10\n");
        assertThat(run("pool", "--input", bad.toString(), "--measure", "OR")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.strip()).isEqualTo("trialmeta: " + bad + ": line 3, column ai: '12' (events must not exceed n1i = 10)");
        Path badProp = write("p.csv", "study,xi,ni\nA,1,0\n");
        assertThat(run("pool", "--input", badProp.toString(), "--measure", "PR")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.strip()).endsWith("line 2, column ni: '0' (a group must have at least 1 participant)");
        Path gen = write("g.csv", "study,yi,vi\nA,0.1,0\n");
        assertThat(run("pool", "--input", gen.toString(), "--measure", "GEN")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.strip()).endsWith("line 2, column vi: '0' (a sampling variance must be greater than 0)");
    }

    @Test
    void aStudyNotEstimableWithoutACorrectionIsNamedByItsLineAndLabel() throws IOException {
        // Gamma (line 3) is double-zero, Beta (line 4) has a zero cell: with --to none neither has a log odds ratio
        Path csv = write("z.csv", "study,ai,n1i,ci,n2i,g\nAlpha,5,10,3,12,x\nGamma,0,10,0,12,y\nBeta,0,10,3,12,y\n"
                + "Zeta,3,10,4,10,y\n");
        assertThat(run("pool", "--input", csv.toString(), "--measure", "OR", "--to", "none"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.strip()).isEqualTo("trialmeta: " + csv + ": line 3 (study 'Gamma'): OR not estimable (yi NaN,"
                + " vi Infinity); a zero or full cell needs a zero-cell correction");
        // with Gamma dropped the third study fitted is still named by its own line
        assertThat(run("pool", "--input", csv.toString(), "--measure", "OR", "--to", "none", "--drop00"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.strip()).startsWith("trialmeta: " + csv + ": line 4 (study 'Beta'): OR not estimable");
        // and within a --by group
        assertThat(run("pool", "--input", csv.toString(), "--measure", "OR", "--add", "0", "--by", "g", "--format",
                "csv")).as(err).isZero();
        assertThat(out).contains("\"line 3 (study 'Gamma'): OR not estimable");
    }

    @Test
    void aMissingValueInALabelColumnIsRefusedNotMadeALevel() throws IOException {
        // R reads NA as missing and rma drops the row; made a label it was a subgroup, a --by group or a factor level
        Path csv = write("na.csv", "study,yi,vi,g\nA,0.1,0.05,x\nB,0.3,0.1,NA\nC,0.2,0.08,y\nD,0.5,0.2,x\nE,0.4,0.1,y\n");
        String expected = "trialmeta: " + csv + ": line 3, column g: 'NA' (a missing value: rows with a missing value are"
                + " refused)";
        // --compat revman5 read the subgroups on a path of its own, which took NA for a subgroup
        for (String[] args : new String[][] {{"pool", "--subgroup", "g"}, {"pool", "--by", "g"},
            {"regress", "--mods", "g"}, {"pool", "--subgroup", "g", "--compat", "revman5"},
            {"forest", "--subgroup", "g", "--out", dir.resolve("f.svg").toString()}}) {
            List<String> line = new ArrayList<>(List.of(args[0], "--input", csv.toString(), "--measure", "GEN"));
            line.addAll(List.of(args).subList(1, args.length));
            assertThat(run(line.toArray(String[]::new)))
                    .as(String.join(" ", args)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(err.strip()).isEqualTo(expected);
        }
    }

    @Test
    void unknownMethodExitsTwoWithTheAllowedList() throws IOException {
        assertThat(run("pool", "--input", bcgCsv().toString(), "--measure", "OR", "--method", "BAYES"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.strip()).isEqualTo("trialmeta: --method: unknown method 'BAYES' "
                + "(allowed: FE, DL, HE, HS, HSk, SJ, ML, REML, EB, PM, MH, PETO, GLMM)");
        assertThat(run("pool", "--input", bcgCsv().toString(), "--measure", "OR", "--test", "t")).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("trialmeta: --test: unknown test 't' (allowed: z, knha)");
    }

    /** metafor rma.mh / rma.peto on dat.bcg: src/test/r/mh_peto.R and src/test/r/pool_mh_subgroups.R. */
    private static java.util.Map<String, Double> csvReference(String resource, String key) throws IOException {
        java.util.Map<String, Double> m = new java.util.HashMap<>();
        try (InputStream in = PoolCommandTest.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].replace("\"", "").split(",");
                if (f[0].equals(key)) {
                    m.put(f[1], Double.parseDouble(f[2]));
                }
            }
        }
        return m;
    }

    @Test
    void mantelHaenszelAndPetoMatchMetaforOnBcgWithSubgroupTest() throws IOException {
        for (String method : new String[] {"MH", "PETO"}) {
            assertThat(run("pool", "--input", bcgCsv().toString(), "--measure", "OR", "--method", method,
                    "--subgroup", "alloc", "--format", "json")).isEqualTo(ExitCodes.OK);
            JsonNode j = new ObjectMapper().readTree(out);
            java.util.Map<String, Double> ref = csvReference("/r/mhpeto/results.csv", "bcg_" + method + "_OR");
            assertThat(j.get("method").asText()).isEqualTo(method);
            assertThat(j.get("estimate").asDouble()).isCloseTo(ref.get("estimate"), within(CLI_TOLERANCE));
            assertThat(j.get("se").asDouble()).isCloseTo(ref.get("se"), within(CLI_TOLERANCE));
            assertThat(j.get("ci_lower").asDouble()).isCloseTo(ref.get("ci_lb"), within(CLI_TOLERANCE));
            assertThat(j.get("q").asDouble()).isCloseTo(ref.get("QE"), within(CLI_TOLERANCE));
            assertThat(j.get("transformed").get("estimate").asDouble()).isCloseTo(ref.get("exp_estimate"), within(CLI_TOLERANCE));
            assertThat(j.get("tau2").isNull()).isTrue();
            assertThat(j.get("studies")).hasSize(13);
            java.util.Map<String, Double> sub = csvReference("/r/pool/mh_peto_subgroups.csv", method);
            for (JsonNode g : j.get("subgroups")) {
                String name = g.get("name").asText();
                assertThat(g.get("estimate").asDouble()).as(method + " " + name)
                        .isCloseTo(sub.get("estimate_" + name), within(CLI_TOLERANCE));
                assertThat(g.get("se").asDouble()).isCloseTo(sub.get("se_" + name), within(CLI_TOLERANCE));
            }
            assertThat(j.get("subgroup_test").get("q").asDouble()).isCloseTo(sub.get("qb"), within(CLI_TOLERANCE));
            assertThat(j.get("subgroup_test").get("pval").asDouble()).isCloseTo(sub.get("qb_pval"), within(1e-10));
        }
    }

    @Test
    void petoNeedsOddsRatioAndTwoByTwoMethodsRefuseKnha() throws IOException {
        assertThat(run("pool", "--input", bcgCsv().toString(), "--measure", "RR", "--method", "peto")).isEqualTo(2);
        assertThat(err).contains("--method PETO applies to --measure OR, not RR");
        assertThat(run("pool", "--input", bcgCsv().toString(), "--measure", "OR", "--method", "MH", "--test", "knha"))
                .isEqualTo(2);
        assertThat(err).contains("--test knha: applies to inverse-variance fits only");
        assertThat(run("pool", "--input", bcgCsv().toString(), "--measure", "RD", "--method", "MH")).isEqualTo(0);
        assertThat(out).contains("Mantel-Haenszel fixed-effect meta-analysis, risk difference");
    }

    @Test
    void missingColumnAndMissingFileAreOneLineErrors() throws IOException {
        Path p = write("x.csv", "study,xi\nA,1\n");
        assertThat(run("pool", "--input", p.toString(), "--measure", "PLO")).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("trialmeta: " + p + ": missing column ni (columns present: study, xi)");
        assertThat(run("pool", "--input", dir.resolve("none.csv").toString(), "--measure", "PLO")).isEqualTo(2);
        assertThat(err).doesNotContain("Exception");
    }

    @Test
    void helpShowsDefaults() {
        assertThat(run("pool", "--help")).isZero();
        assertThat(out).contains("Default: REML").contains("Default: z").contains("Default: 95").contains("Default: table");
    }
}

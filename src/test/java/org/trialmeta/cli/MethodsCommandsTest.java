package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bias}, {@code regress} and {@code sensitivity} end to end on the BCG trials (CSV → JSON/text), against the
 * metafor values of src/test/r/methods.R, and their exit-2 contract for inputs the models cannot take.
 */
class MethodsCommandsTest {

    /** The CLI prints what stats computes at full precision; iterative fits agree with metafor to 1e-6. */
    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    private static JsonNode reference(String name) {
        return RReference.load("methods/" + name);
    }

    private static JsonNode fit(JsonNode ref, String method, String test) {
        return RReference.fit(ref, method, test);
    }

    /** examples/bcg.csv: the 13 BCG trials with ablat, year and alloc. */
    private static Path bcg() {
        return Path.of("examples/bcg.csv");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static JsonNode json(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("NaN", "Infinity");
        return new ObjectMapper().readTree(r.out());
    }

    private static void close(String what, JsonNode actual, double expected) {
        assertThat(actual.isNumber()).as(what + " = " + actual).isTrue();
        double a = actual.asDouble();
        assertThat(Math.abs(a - expected) / Math.max(Math.abs(expected), 1e-10)).as("%s: %s vs %s", what, a, expected)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    private static void oneLine(Run r, String... mentions) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("trialmeta: ").contains(mentions);
        assertThat(r.out()).isEmpty();
    }

    // ------------------------------------------------------------------ bias

    @Test
    void biasJsonIsMetaforsRegtestRanktestTrimfillAndFsnOnBcg() throws IOException {
        JsonNode j = json(Run.run("bias", "--input", bcg().toString(), "--measure", "RR", "--format", "json"));
        JsonNode f = fit(reference("bias_bcg_RR"), "REML", null);
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("measure", "method", "k", "estimate", "regtest", "ranktest", "trimfill", "fsn");
        for (String k : List.of("z", "pval", "limit_estimate", "limit_ci_lower", "limit_ci_upper")) {
            close("regtest " + k, j.get("regtest").get(k), f.get("regtest").get(k).asDouble());
        }
        close("ranktest tau", j.get("ranktest").get("tau"), f.get("ranktest").get("tau").asDouble());
        close("ranktest pval", j.get("ranktest").get("pval"), f.get("ranktest").get("pval").asDouble());
        assertThat(j.get("trimfill").get("k0").asInt()).isEqualTo(1);
        assertThat(j.get("trimfill").get("side").asText()).isEqualTo("right");
        for (String k : List.of("estimate", "se", "ci_lower", "ci_upper", "tau2")) {
            close("trimfill " + k, j.get("trimfill").get(k), f.get("trimfill").get(k).asDouble());
        }
        assertThat(j.get("fsn").get("n").isIntegralNumber()).isTrue();
        assertThat(j.get("fsn").get("n").asLong()).isEqualTo(f.get("fsn").get("n").asLong()).isEqualTo(598);
    }

    @Test
    void biasTextNamesEachMethodAndItsResult() {
        Run r = Run.run("bias", "--input", bcg().toString(), "--measure", "RR", "--method", "DL");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Small-study effects, log risk ratio, random-effects model (tau^2: DL), k = 13",
                "Regression test for funnel plot asymmetry", "Limit estimate", "Kendall's tau", "(exact)",
                "Trim and fill (L0): 1 study filled on the right", "Adjusted risk ratio", "Fail-safe N (Rosenthal");
    }

    @Test
    void biasPlotWritesTheFunnelPlotWithTheSameBytesEveryTime() throws IOException {
        for (String ext : List.of("png", "svg", "pdf")) {
            Path a = dir.resolve("a." + ext);
            Path b = dir.resolve("b." + ext);
            Run ra = Run.run("bias", "--input", bcg().toString(), "--measure", "RR", "--plot", a.toString());
            Run rb = Run.run("bias", "--input", bcg().toString(), "--measure", "RR", "--plot", b.toString());
            assertThat(ra.code()).as(ra.err()).isZero();
            assertThat(ra.err()).isEqualTo("trialmeta: wrote " + a + "\n");
            assertThat(rb.code()).isZero();
            assertThat(Files.readAllBytes(a)).as(ext).isEqualTo(Files.readAllBytes(b));
        }
        assertThat(Files.readString(dir.resolve("a.svg"))).contains("Log risk ratio", "Standard error",
                "Filled studies (trim and fill)");
    }

    @Test
    void biasRefusesWhatItCannotFitWithOneLine() throws IOException {
        Path two = write("two.csv", "study,yi,vi\nA,0.1,0.2\nB,0.3,0.1\n");
        oneLine(Run.run("bias", "--input", two.toString(), "--measure", "GEN"), two.toString(), "2 studies", "at least 3");
        oneLine(Run.run("bias", "--input", bcg().toString(), "--measure", "RR", "--method", "MH"), "--method", "pool only");
        oneLine(Run.run("bias", "--input", bcg().toString(), "--measure", "RR", "--plot", dir.resolve("f.gif").toString()),
                "--plot", ".png, .svg, .pdf or .pptx");
        assertThat(Files.exists(dir.resolve("f.gif"))).isFalse();
    }

    /**
     * Every study of the same sampling variance: metafor's regtest, ranktest and trimfill fail or give NA, fsn is
     * computed (src/test/r/bias_equal_variances.R); so here, with the three null and the reason given (the command
     * refused the whole input before).
     */
    @Test
    void biasOfStudiesOfOnePrecisionGivesTheFailSafeNAndSaysWhyTheRestIsNotEstimable() throws IOException {
        Path ref = Path.of("src/test/resources/r/bias_equal_variances");
        java.util.Map<String, String> r = new java.util.HashMap<>();
        for (String line : Files.readAllLines(ref.resolve("results.csv")).subList(1, 6)) {
            r.put(line.split(",")[0], line.split(",")[1]);
        }
        assertThat(r).containsEntry("regtest_fails", "1").containsEntry("ranktest_tau_na", "1")
                .containsEntry("trimfill_fails", "1");
        Path in = ref.resolve("studies.csv");
        JsonNode j = json(Run.run("bias", "--input", in.toString(), "--measure", "GEN", "--format", "json"));
        assertThat(j.get("estimate").asDouble()).isCloseTo(Double.parseDouble(r.get("estimate")), within(1e-8));
        assertThat(j.get("fsn").get("n").asInt()).isEqualTo(Integer.parseInt(r.get("fsn")));
        assertThat(j.get("regtest").isNull()).isTrue();
        assertThat(j.get("ranktest").isNull()).isTrue();
        assertThat(j.get("trimfill").isNull()).isTrue();
        assertThat(j.get("not_estimable").asText()).isEqualTo("every study has the same sampling variance, 0.02");
        Run text = Run.run("bias", "--input", in.toString(), "--measure", "GEN", "--plot", dir.resolve("f.svg").toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Regression test, rank correlation test, trim and fill: not estimable (every study"
                + " has the same sampling variance, 0.02; they need studies of different precision)",
                "Fail-safe N (Rosenthal, alpha = 0.05): 157");
        assertThat(Files.readString(dir.resolve("f.svg"))).contains("Trim and fill: not estimable");
    }

    // ------------------------------------------------------------------ regress

    @Test
    void regressJsonIsMetaforsRmaWithACovariateAndAFactor() throws IOException {
        JsonNode j = json(Run.run("regress", "--input", bcg().toString(), "--measure", "RR", "--mods", "ablat,alloc",
                "--test", "knha", "--format", "json"));
        JsonNode f = fit(reference("regress_bcg_ablat_alloc"), "REML", "knha");
        JsonNode cs = j.get("coefficients");
        assertThat(cs).hasSize(4);
        List<String> names = new ArrayList<>();
        cs.forEach(c -> names.add(c.get("name").asText()));
        assertThat(names).containsExactly("intrcpt", "ablat", "alloc=random", "alloc=systematic");
        String[][] fields = {{"estimate", "beta"}, {"se", "se"}, {"statistic", "zval"}, {"pval", "pval"},
            {"ci_lower", "ci_lower"}, {"ci_upper", "ci_upper"}};
        for (int i = 0; i < 4; i++) {
            for (String[] k : fields) {
                close(names.get(i) + " " + k[0], cs.get(i).get(k[0]), f.get(k[1]).get(i).asDouble());
            }
            assertThat(cs.get(i).has("perm_pval")).isFalse();
        }
        for (String k : List.of("qm", "qm_pval", "qe", "qe_pval", "tau2", "i2", "r2")) {
            close(k, j.get(k), f.get(k).asDouble());
        }
        assertThat(j.get("qm_df").asInt()).isEqualTo(3);
        assertThat(j.get("qm_df2").asInt()).isEqualTo(9);
        assertThat(j.get("qe_df").asInt()).isEqualTo(9);
        assertThat(j.has("permutations")).isFalse();
    }

    @Test
    void regressPermutationsGiveMetaforsExactPermutest() throws IOException {
        JsonNode j = json(Run.run("regress", "--input", bcg().toString(), "--measure", "RR", "--mods", "alloc",
                "--permutations", "30000", "--seed", "1", "--format", "json"));
        JsonNode t = reference("permutest").get("tests").get(0);
        assertThat(j.get("permutations").get("exact").asBoolean()).isTrue();
        assertThat(j.get("permutations").get("n").asInt()).isEqualTo(25740);
        for (int i = 0; i < 3; i++) {
            close("perm_pval " + i, j.get("coefficients").get(i).get("perm_pval"), t.get("pval").get(i).asDouble());
        }
        close("qm perm p", j.get("permutations").get("qm_pval"), t.get("qm_pval").asDouble());
        Run text = Run.run("regress", "--input", bcg().toString(), "--measure", "RR", "--mods", "alloc",
                "--permutations", "500", "--seed", "9");
        assertThat(text.out()).contains("perm. p", "Permutation test: 500 random permutations (seed 9)");
    }

    @Test
    void regressRefusesSingularModeratorsAndTooFewStudiesWithOneLine() throws IOException {
        String in = bcg().toString();
        Path twice = write("twice.csv", Files.readString(bcg()).replace("study,ai,n1i,ci,n2i,ablat,year,alloc",
                "study,ai,n1i,ci,n2i,ablat,year,alloc").lines().map(l -> l + "," + l.split(",")[5])
                .reduce("", (a, b) -> a + b + "\n").replaceFirst(",ablat\n", ",ablat2\n"));
        // a duplicate column is dropped as metafor drops it; the fit is that of the first
        Run dup = Run.run("regress", "--input", twice.toString(), "--measure", "RR", "--mods", "ablat,ablat2", "--format",
                "json");
        Run single = Run.run("regress", "--input", twice.toString(), "--measure", "RR", "--mods", "ablat", "--format",
                "json");
        assertThat(dup.code()).as(dup.err()).isZero();
        assertThat(dup.out().replaceAll("\\s+", " ")).contains("\"dropped\" : [ \"ablat2\" ]");
        assertThat(dup.out().replaceAll(",\\s*\"dropped\" : \\[\\s*\"ablat2\"\\s*\\]", "")).isEqualTo(single.out());
        // nearly collinear, but not below lm's tolerance: refused as metafor refuses it
        Path near = write("near.csv", "study,yi,vi,x,y\nA,0.1,0.2,1,1.00001\nB,0.3,0.1,2,2\nC,0.5,0.3,3,3.00002\n"
                + "D,0.2,0.2,4,4\nE,0.4,0.1,5,5.00001\n");
        oneLine(Run.run("regress", "--input", near.toString(), "--measure", "GEN", "--mods", "x,y"), near.toString(),
                "nearly collinear", "Model matrix not of full rank");
        Path constant = write("constant.csv", "study,yi,vi,x\nA,0.1,0.2,3\nB,0.3,0.1,3\nC,0.5,0.3,3\nD,0.2,0.2,3\n");
        oneLine(Run.run("regress", "--input", constant.toString(), "--measure", "GEN", "--mods", "x"), "x is constant");
        Path one = write("onelevel.csv", "study,yi,vi,g\nA,0.1,0.2,a\nB,0.3,0.1,a\nC,0.5,0.3,a\n");
        oneLine(Run.run("regress", "--input", one.toString(), "--measure", "GEN", "--mods", "g"), "column g",
                "at least 2 levels");
        Path few = write("few.csv", "study,yi,vi,x\nA,0.1,0.2,1\nB,0.3,0.1,2\n");
        oneLine(Run.run("regress", "--input", few.toString(), "--measure", "GEN", "--mods", "x"), "2 studies for 2 coefficients",
                "at least 3");
        Path mixed = write("mixed.csv", "study,yi,vi,x\nA,0.1,0.2,1\nB,0.3,0.1,two\nC,0.5,0.3,3\nD,0.2,0.2,4\n");
        oneLine(Run.run("regress", "--input", mixed.toString(), "--measure", "GEN", "--mods", "x"), "line 3", "column x",
                "'two'");
        oneLine(Run.run("regress", "--input", in, "--measure", "RR", "--mods", "nope"), "missing column", "nope");
        oneLine(Run.run("regress", "--input", in, "--measure", "RR", "--mods", "ablat,,year"), "--mods");
        oneLine(Run.run("regress", "--input", in, "--measure", "RR", "--mods", "ablat,ablat"), "--mods", "twice");
        oneLine(Run.run("regress", "--input", in, "--measure", "RR", "--mods", "ablat", "--permutations", "100"),
                "--permutations and --seed");
        oneLine(Run.run("regress", "--input", in, "--measure", "RR", "--mods", "ablat", "--permutations", "1",
                "--seed", "3"), "--permutations", ">= 2");
        oneLine(Run.run("regress", "--input", in, "--measure", "RR", "--mods", "ablat", "--test", "t"), "--test");
        oneLine(Run.run("regress", "--input", in, "--measure", "RR", "--mods", "ablat", "--method", "PETO"), "--method");
    }

    @Test
    void aLongListOfCoefficientsIsCutInTheOneLine() throws IOException {
        // a moderator of 13 distinct 2,000-character study names: the line listed every coefficient (60 KB)
        StringBuilder csv = new StringBuilder("study,yi,vi\n");
        for (int i = 0; i < 13; i++) {
            csv.append("Study ").append(i).append(' ').append("x".repeat(2000)).append(',').append(0.1 * i).append(",0.04\n");
        }
        Run r = Run.run("regress", "--input", write("long.csv", csv.toString()).toString(), "--measure", "GEN",
                "--mods", "study");
        oneLine(r, "13 studies for 13 coefficients", " characters), ", "\u2026 and 8 more");
        assertThat(r.err().length()).isLessThan(1000);
    }

    // ------------------------------------------------------------------ sensitivity

    @Test
    void sensitivityJsonIsMetaforsLeave1outInfluenceAndCumul() throws IOException {
        JsonNode f = fit(reference("sensitivity_bcg_RR"), "REML", "z");
        String in = bcg().toString();
        JsonNode l = json(Run.run("sensitivity", "--input", in, "--measure", "RR", "--leave-one-out", "--format", "json"));
        assertThat(l.has("influence")).isFalse();
        JsonNode rows = l.get("leave_one_out");
        assertThat(rows).hasSize(13);
        assertThat(rows.get(0).get("study").asText()).isEqualTo("Aronson 1948");
        for (int i = 0; i < 13; i++) {
            for (String k : List.of("estimate", "se", "ci_lower", "ci_upper", "tau2", "i2", "q")) {
                close("leave1out " + k + " " + i, rows.get(i).get(k), f.get("leave1out").get(k).get(i).asDouble());
            }
        }
        JsonNode inf = json(Run.run("sensitivity", "--input", in, "--measure", "RR", "--influence", "--format", "json"))
                .get("influence");
        String[][] fields = {{"rstudent", "rstudent"}, {"dffits", "dffits"}, {"cook_d", "cook_d"}, {"cov_r", "cov_r"},
            {"tau2_del", "tau2_del"}, {"q_del", "q_del"}, {"hat", "hat"}, {"weight", "weight"}};
        for (int i = 0; i < 13; i++) {
            for (String[] k : fields) {
                close("influence " + k[0] + " " + i, inf.get(i).get(k[0]), f.get("influence").get(k[1]).get(i).asDouble());
            }
            assertThat(inf.get(i).get("inf").asBoolean()).isEqualTo(f.get("influence").get("inf").get(i).asBoolean());
        }
        JsonNode cu = json(Run.run("sensitivity", "--input", in, "--measure", "RR", "--cumulative", "--format", "json"))
                .get("cumulative");
        for (int i = 0; i < 13; i++) {
            for (String k : List.of("estimate", "ci_lower", "ci_upper", "tau2")) {
                close("cumul " + k + " " + i, cu.get(i).get(k), f.get("cumul").get(k).get(i).asDouble());
            }
        }
        assertThat(cu.get(0).get("i2").isNull()).as("I² of one study is not estimable").isTrue();
        assertThat(cu.get(0).get("tau2").asDouble()).isZero();
    }

    @Test
    void sensitivityTextAndFixedEffectAndModeChoice() throws IOException {
        String in = bcg().toString();
        Run t = Run.run("sensitivity", "--input", in, "--measure", "RR", "--influence");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("Influence diagnostics, log risk ratio", "rstudent", "cook.d", "* influential");
        JsonNode fe = json(Run.run("sensitivity", "--input", in, "--measure", "RR", "--method", "FE", "--leave-one-out",
                "--format", "json"));
        assertThat(fe.get("leave_one_out").get(0).get("tau2").isNull()).as("FE has no tau²").isTrue();
        oneLine(Run.run("sensitivity", "--input", in, "--measure", "RR"), "--leave-one-out");
        oneLine(Run.run("sensitivity", "--input", in, "--measure", "RR", "--influence", "--cumulative"), "mutually exclusive");
        Path single = write("single.csv", "study,yi,vi\nA,0.1,0.2\n");
        oneLine(Run.run("sensitivity", "--input", single.toString(), "--measure", "GEN", "--leave-one-out"),
                single.toString(), "at least 2");
        Run cum = Run.run("sensitivity", "--input", single.toString(), "--measure", "GEN", "--cumulative");
        assertThat(cum.code()).as(cum.err()).isZero();
    }

    @Test
    void sensitivityTextOfManyStudiesIsCutAfterFiftyRowsWithWhatTheWholeTableShows() throws IOException {
        StringBuilder csv = new StringBuilder("study,yi,vi\n");
        java.util.Random random = new java.util.Random(80);
        for (int i = 0; i < 80; i++) {
            csv.append("s").append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.4f,%.4f",
                    random.nextGaussian() * 0.4 - 0.3, 0.02 + random.nextDouble() * 0.2)).append('\n');
        }
        String in = write("eighty.csv", csv.toString()).toString();

        Run loo = Run.run("sensitivity", "--input", in, "--measure", "GEN", "--leave-one-out");
        assertThat(loo.code()).as(loo.err()).isZero();
        assertThat(loo.out()).contains("s49 ", "\u2026 30 more rows; --rows all to print them").doesNotContain("s50 ");
        JsonNode rows = json(Run.run("sensitivity", "--input", in, "--measure", "GEN", "--leave-one-out", "--format",
                "json")).get("leave_one_out");
        assertThat(rows).as("JSON is always complete").hasSize(80);
        JsonNode lo = rows.get(0);
        JsonNode hi = rows.get(0);
        for (JsonNode r : rows) {
            lo = r.get("estimate").asDouble() < lo.get("estimate").asDouble() ? r : lo;
            hi = r.get("estimate").asDouble() > hi.get("estimate").asDouble() ? r : hi;
        }
        assertThat(loo.out()).contains(String.format(java.util.Locale.ROOT,
                "Estimate without one study: %.4f (without %s) to %.4f (without %s)", lo.get("estimate").asDouble(),
                lo.get("study").asText(), hi.get("estimate").asDouble(), hi.get("study").asText()));
        Run all = Run.run("sensitivity", "--input", in, "--measure", "GEN", "--leave-one-out", "--rows", "all");
        assertThat(all.out()).contains("s79 ").doesNotContain("more rows", "Estimate without one study");
        Run none = Run.run("sensitivity", "--input", in, "--measure", "GEN", "--leave-one-out", "--rows", "none");
        assertThat(none.out()).contains("80 rows not printed").doesNotContain("s0 ");

        Run inf = Run.run("sensitivity", "--input", in, "--measure", "GEN", "--influence", "--rows", "10");
        long flagged = 0;
        for (JsonNode r : json(Run.run("sensitivity", "--input", in, "--measure", "GEN", "--influence", "--format",
                "json")).get("influence")) {
            flagged += r.get("inf").asBoolean() ? 1 : 0;
        }
        assertThat(inf.out()).contains("Influential studies (*): " + flagged + " of 80", "\u2026 70 more rows");

        Run cum = Run.run("sensitivity", "--input", in, "--measure", "GEN", "--cumulative", "--method", "FE");
        JsonNode last = json(Run.run("sensitivity", "--input", in, "--measure", "GEN", "--cumulative", "--method", "FE",
                "--format", "json")).get("cumulative").get(79);
        assertThat(cum.out()).contains(String.format(java.util.Locale.ROOT,
                "With all 80 studies: %.4f [%.4f, %.4f], I^2 = ", last.get("estimate").asDouble(),
                last.get("ci_lower").asDouble(), last.get("ci_upper").asDouble()))
                .doesNotContain("tau^2 =");
        oneLine(Run.run("sensitivity", "--input", in, "--measure", "GEN", "--cumulative", "--rows", "-1"), "--rows");
    }
}

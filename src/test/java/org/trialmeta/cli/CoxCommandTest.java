package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.repository.Json;

/** {@code trialmeta cox} against survival 3.5.3 (values: src/test/r/cox.R). */
class CoxCommandTest {

    /** Relative tolerance for every number of the JSON output. */
    private static final double COX_RELATIVE_TOLERANCE = 1e-6;
    private static final Path DATA = Path.of("src/test/resources/r/cox");


    private static Run run(String... args) {
        return Run.run(args);
    }

    private static Map<String, Double> r(String fit) throws IOException {
        Map<String, Double> m = new HashMap<>();
        for (String line : Files.readAllLines(DATA.resolve("fits.csv"))) {
            String[] c = line.split(",");
            if (c[0].equals(fit)) {
                m.put(c[1], Double.parseDouble(c[2]));
            }
        }
        return m;
    }

    private static void close(JsonNode node, double expected) {
        assertThat(node.asDouble()).isCloseTo(expected, withinPercentage(COX_RELATIVE_TOLERANCE * 100));
    }

    @Test
    void jsonOnVeteranWithStrataAndBreslowMatchesCoxph() throws IOException {
        Run run = run("cox", "--input", DATA.resolve("veteran.csv").toString(), "--time", "time", "--event", "status",
                "--covariate", "karno", "--covariate", "age", "--covariate", "trt", "--covariate", "prior",
                "--strata", "celltype", "--ties", "breslow", "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(run.out());
        Map<String, Double> r = r("veteran_strata_breslow");
        assertThat(j.get("n").asInt()).isEqualTo(137);
        assertThat(j.get("events").asInt()).isEqualTo(128);
        close(j.get("loglik_null"), r.get("loglik_null"));
        close(j.get("loglik"), r.get("loglik"));
        close(j.get("concordance"), r.get("concordance"));
        for (String t : List.of("lr", "wald", "score")) {
            close(j.get(t + "_test").get("statistic"), r.get(t + "_statistic"));
            assertThat(j.get(t + "_test").get("df").asInt()).isEqualTo(4);
            close(j.get(t + "_test").get("pval"), r.get(t + "_pval"));
        }
        JsonNode karno = j.get("coefficients").get(0);
        assertThat(karno.get("name").asText()).isEqualTo("karno");
        for (String k : List.of("coef", "se", "hr", "hr_lower", "hr_upper", "z", "pval")) {
            close(karno.get(k), r.get("karno." + k));
        }
        assertThat(j.get("converged").asBoolean()).isTrue();
        close(j.get("zph").get("global").get("chisq"), r.get("zph.GLOBAL.chisq"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void tableOnLungShowsCoefficientsTestsAndZph() {
        Run run = run("cox", "--input", DATA.resolve("lung.csv").toString(), "--time", "time", "--event", "status",
                "--covariate", "age", "--covariate", "sex", "--covariate", "ph_ecog");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("ties: efron").contains("n = 227, events = 164").contains("sex")
                .contains("-0.55261").contains("Concordance = 0.6371").contains("GLOBAL");
    }

    @Test
    void monotoneLikelihoodWarnsAndReportsNotConverged() throws IOException {
        Run run = run("cox", "--input", DATA.resolve("mono.csv").toString(), "--time", "time", "--event", "status",
                "--covariate", "x", "--format", "json");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(run.out());
        assertThat(j.get("converged").asBoolean()).isFalse();
        assertThat(j.get("convergence").asText()).isEqualTo("not_converged");
        assertThat(run.err()).contains("warning").contains("did not converge");
    }

    @Test
    void tableSaysNotEstimableForTheInfiniteHazardRatioBoundOfASeparatingCovariate() {
        // mono.csv: x separates the events (monotone likelihood); exp(coef + z se) overflows to +Infinity
        Run run = run("cox", "--input", DATA.resolve("mono.csv").toString(), "--time", "time", "--event", "status",
                "--covariate", "x");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        String row = run.out().lines().filter(l -> l.startsWith("x ")).findFirst().orElseThrow();
        assertThat(row.split("\\s+")[3]).isEqualTo("NE");
        assertThat(run.out()).doesNotContain("Infinity").doesNotContain("NaN").contains("NE = not estimable");
    }

    @Test
    void missingStratumIsInputErrorNamingTheLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        // "NA" was a stratum of its own; the help says rows with a missing value are refused
        java.nio.file.Path f = dir.resolve("d.csv");
        java.nio.file.Files.writeString(f, "time,event,x,s\n1,1,0,a\n2,1,1,NA\n3,0,1,a\n4,1,1,b\n5,0,0,a\n6,1,0,b\n");
        Run run = run("cox", "--input", f.toString(), "--time", "time", "--event", "event", "--covariate", "x",
                "--strata", "s");
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("trialmeta: " + f
                + ": line 3, column s: 'NA' (a missing value: rows with a missing value are refused)");
    }

    @Test
    void jsonKeysAndTheirOrderAreTheCoxContract() throws IOException {
        Run run = run("cox", "--input", DATA.resolve("veteran.csv").toString(), "--time", "time", "--event", "status",
                "--covariate", "karno", "--covariate", "age", "--strata", "celltype", "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(run.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("n", "events", "loglik_null", "loglik", "concordance",
                "concordance_se", "lr_test", "wald_test", "score_test", "coefficients", "converged", "convergence",
                "possibly_infinite", "warning", "iterations", "ties", "level", "strata", "zph");
        assertThat(j.get("lr_test").fieldNames()).toIterable().containsExactly("statistic", "df", "pval");
        assertThat(j.get("coefficients").get(0).fieldNames()).toIterable().containsExactly("name", "coef", "se", "hr",
                "hr_lower", "hr_upper", "z", "pval");
        assertThat(j.get("zph").fieldNames()).toIterable().containsExactly("transform", "terms", "global");
        assertThat(j.get("zph").get("global").fieldNames()).toIterable().containsExactly("term", "chisq", "df", "pval");
        assertThat(j.get("zph").get("transform").asText()).isEqualTo("km");
        assertThat(j.get("level").asDouble()).isEqualTo(0.95);
        assertThat(j.get("warning").isNull()).isTrue();
        assertThat(j.get("ties").asText()).isEqualTo("efron");
    }

    @Test
    void aliasedCovariateIsNullInJsonAndNotEstimableInTheTable(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "t,e,x,x2\n1,1,0.5,1\n2,0,1.5,3\n3,1,-0.2,-0.4\n4,1,2.0,4\n5,0,0.1,0.2\n6,1,1.1,2.2\n");
        Run json = run("cox", "--input", f.toString(), "--time", "t", "--event", "e", "--covariate", "x", "--covariate",
                "x2", "--format", "json");
        assertThat(json.code()).as(json.err()).isEqualTo(ExitCodes.OK);
        JsonNode x2 = Json.mapper().readTree(json.out()).get("coefficients").get(1);
        assertThat(x2.get("name").asText()).isEqualTo("x2");
        assertThat(x2.get("coef").isNull()).isTrue();
        Run table = run("cox", "--input", f.toString(), "--time", "t", "--event", "e", "--covariate", "x", "--covariate",
                "x2");
        assertThat(table.out()).containsPattern("x2( +NE){6}\\n").contains("aliased (a linear combination of the other"
                + " covariates): x2").doesNotContain("NA");
    }

    @Test
    void possiblyInfiniteCoefficientIsNamedInJsonAndWarning() throws IOException {
        Run run = run("cox", "--input", DATA.resolve("inf.csv").toString(), "--time", "time", "--event", "status",
                "--covariate", "x", "--covariate", "z", "--format", "json");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(run.out());
        assertThat(j.get("convergence").asText()).isEqualTo("infinite_coefficient");
        assertThat(j.get("possibly_infinite").get(0).asText()).isEqualTo("x");
        assertThat(run.err()).contains("coefficient of x");
    }

    @Test
    void badEventValueIsOneLineWithFileLineColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "t,e,x\n1,1,0\n2,2,1\n3,0,1\n");
        Run run = run("cox", "--input", f.toString(), "--time", "t", "--event", "e", "--covariate", "x");
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err().strip()).isEqualTo("trialmeta: " + f + ": line 3, column e: '2' (event must be 1 (event) or 0 (censored))");
    }

    @Test
    void missingColumnAndNoEventsAreInputErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "t,e,x\n1,0,0\n2,0,1\n");
        Run missing = run("cox", "--input", f.toString(), "--time", "t", "--event", "e", "--covariate", "age");
        assertThat(missing.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("missing column age");
        Run none = run("cox", "--input", f.toString(), "--time", "t", "--event", "e", "--covariate", "x");
        assertThat(none.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(none.err()).contains("no events").doesNotContain("Exception");
        Run usage = run("cox", "--input", f.toString(), "--time", "t", "--event", "e");
        assertThat(usage.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    }
}

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

package org.trialmeta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;

/**
 * One readable regression test per bug the fuzz corpus and the bad-input matrix found (issue 9); each
 * input also stays in the Jazzer corpus (CsvCommandsFuzzTestInputs, CsvTableFuzzTestInputs).
 */
class FoundBugsTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String oneLine(CliRun r) {
        r.assertNoStackTrace();
        assertThat(r.code()).as(r.describe()).isEqualTo(2);
        assertThat(r.errorLines()).as(r.describe()).hasSize(1);
        return r.errorLines().get(0);
    }

    @Test
    void aQuotedLineBreakInACellStaysOnTheOneErrorLine() {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> CsvTable.parse("x.csv", "a,b\n\"1\n2\",3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .doubles("a"));
        assertThat(e.getMessage()).isEqualTo("x.csv: line 2, column a: '1\\n2' (not a number)");
    }

    @Test
    void aHugeCellValueIsCutInTheMessage() {
        String big = "x".repeat(5000);
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> CsvTable.parse("x.csv", ("a\n" + big + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .doubles("a"));
        assertThat(e.getMessage()).hasSizeLessThan(200).contains("(5000 characters)");
    }

    @Test
    void reconstructRefusesAnAtRiskCountThatWouldExhaustMemory() throws IOException {
        Path curve = csv("c.csv", "time,survival\n0,1\n5,0.5\n10,0.3\n");
        Path risk = csv("r.csv", "time,n_risk\n0,2000000000\n5,10\n");
        String line = oneLine(CliRun.of("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve("out/ipd.csv").toString()));
        assertThat(line).contains(risk.toString(), "line 2", "n_risk", "'2000000000'", "at most 1000000");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void kmWithEveryTimeZeroReportsNoRestrictedMeanInsteadOfCrashing() throws IOException {
        Path in = csv("km.csv", "time,event,group\n0,1,a\n0,1,b\n0,0,a\n");
        CliRun r = CliRun.of("km", "--input", in.toString(), "--time", "time", "--event", "event", "--group", "group",
                "--format", "json").assertContract(in.toString());
        JsonNode j = r.json();
        assertThat(j.get("rmean_tau").asDouble()).isZero();
        assertThat(j.get("groups").get(0).get("rmean").isNull()).isTrue();
        assertThat(j.has("rmst_difference")).isFalse();
    }

    @Test
    void kmRefusesTimesWhoseVarianceSumsOverflow() throws IOException {
        Path in = csv("km.csv", "time,event,group\n1e308,1,a\n1.7e308,0,b\n1,1,a\n");
        assertThat(oneLine(CliRun.of("km", "--input", in.toString(), "--time", "time", "--event", "event", "--group",
                "group"))).contains(in.toString(), "line 2", "column time", "'1e308'", "at most 1e15");
    }

    @Test
    void coxRefusesCovariatesWhoseSquaresOverflow() throws IOException {
        Path in = csv("cox.csv", "time,event,x\n1,1,1e300\n2,1,-1e300\n3,0,0\n");
        assertThat(oneLine(CliRun.of("cox", "--input", in.toString(), "--time", "time", "--event", "event",
                "--covariate", "x"))).contains(in.toString(), "line 2", "column x", "'1e300'", "-1e15 and 1e15");
    }

    @Test
    void coxRefusesNegativeTimesAsKmDoes() throws IOException {
        Path in = csv("cox.csv", "time,event,x\n1,1,0\n-2,1,1\n3,0,0\n");
        assertThat(oneLine(CliRun.of("cox", "--input", in.toString(), "--time", "time", "--event", "event",
                "--covariate", "x"))).contains(in.toString(), "line 3", "column time", "'-2'", "negative");
    }

    @Test
    void remlThatCannotConvergeIsExit2WithOneLineNotExit1() throws IOException {
        Path in = csv("gen.csv", "study,yi,vi\nA,1,1e-19\nB,-1,1e-19\nC,0,1e19\n");
        CliRun r = CliRun.of("pool", "--input", in.toString(), "--measure", "GEN", "--method", "REML");
        r.assertContract(in.toString());
        if (r.code() == 2) {
            assertThat(r.errorLines().get(0)).contains(in.toString(), "try --method DL or PM");
        }
    }

    @Test
    void genericEstimatesOutsideTheNumericRangeAreRefused() throws IOException {
        Path in = csv("gen.csv", "study,yi,vi\nA,1e300,1\nB,-1e300,1\n");
        assertThat(oneLine(CliRun.of("pool", "--input", in.toString(), "--measure", "GEN", "--method", "SJ", "--test",
                "knha"))).contains(in.toString(), "line 2", "column yi", "'1e300'", "between -1e10 and 1e10");
        Path tiny = csv("tiny.csv", "study,yi,vi\nA,1,1e-300\nB,-1,1\n");
        assertThat(oneLine(CliRun.of("pool", "--input", tiny.toString(), "--measure", "GEN")))
                .contains("column vi", "'1e-300'", "between 1e-20 and 1e20");
    }

    @Test
    void riskDifferenceWithExtremeWeightsNoLongerCrashesTheTau2ConfidenceInterval() throws IOException {
        // I² bounds of the Q-profile CI crossed by an ulp (lower 100.00000000000001 > upper 100.0)
        Path in = csv("rd.csv", "study,ai,n1i,ci,n2i\nA,2147483647,2147483647,1,2147483647\n"
                + "B,1,2147483647,2147483647,2147483647\n");
        CliRun r = CliRun.of("pool", "--input", in.toString(), "--measure", "RD", "--method", "DL", "--test", "knha",
                "--format", "json").assertContract(in.toString());
        JsonNode j = r.json();
        assertThat(j.get("estimate").isNumber()).isTrue();
    }

    @Test
    void usageErrorsAreOneLine() {
        String line = oneLine(CliRun.of("cox", "--input", "x.csv", "--time", "t", "--event", "e", "--covariate", "x",
                "--ties", "exact"));
        assertThat(line).contains("--ties", "exact", "(try 'trialmeta cox --help')");
    }

    @Test
    void aSingleProblemInTheTrialsIsOneLineNamingFileFieldValueAndRule() throws IOException {
        Path minimal = Path.of("src/test/resources/fixtures/valid/minimal");
        Files.copy(minimal.resolve("sources.yaml"), dir.resolve("sources.yaml"));
        Files.writeString(dir.resolve("example.yaml"),
                Files.readString(minimal.resolve("example.yaml")).replace("responders: 11", "responders: 27"));
        String line = oneLine(CliRun.of("validate", "--trials", dir.toString()));
        assertThat(line).startsWith("trialmeta: " + dir.resolve("example.yaml") + ": arms[0].outcomes[0]")
                .contains("27", "evaluable");
    }

    @Test
    void anOutputPathUnderAFileIsExit2NotAnIoFailure() throws IOException {
        Path blocker = csv("blocker", "x");
        Path curve = csv("c.csv", "time,survival\n0,1\n5,0.5\n10,0.3\n");
        Path risk = csv("r.csv", "time,n_risk\n0,20\n5,10\n");
        String line = oneLine(CliRun.of("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                blocker.resolve("ipd.csv").toString()));
        assertThat(line).contains("cannot write " + blocker.resolve("ipd.csv"), "is a file, not a directory");
    }

    /** Found by fuzzing TrialLoaderFuzzTest#trialFile (crash-e66b8cea…): a quoted key with line breaks. */
    @Test
    void aYamlKeyWithLineBreaksStaysOnTheOneProblemLine() throws IOException {
        Path minimal = Path.of("src/test/resources/fixtures/valid/minimal");
        Files.copy(minimal.resolve("sources.yaml"), dir.resolve("sources.yaml"));
        Files.writeString(dir.resolve("example.yaml"), Files.readString(minimal.resolve("example.yaml"))
                .replace("locator: Methods,", "\"loca\\n\\ntor\": Methods,"));
        CliRun r = CliRun.of("validate", "--trials", dir.toString()).assertTrialsContract(dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("loca\\n\\ntor: unknown key");
    }
}

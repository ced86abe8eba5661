package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.repository.Json;

/** validate / list / show through picocli, with captured output and exit codes. */
class TrialCommandsTest {

    private static final String INVALID = "src/test/resources/fixtures/invalid/";


    private static Run run(String... args) {
        return Run.run(args);
    }

    static void noStackTrace(Run r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateOnTheCuratedTrialsPrintsCountsAndOk() {
        Run r = run("validate");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("6 trials, 41 outcomes, 23 sources: OK\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateListsEveryProblemThenASummaryAndExitsTwo() {
        String dir = INVALID + "multiple-problems";
        Run r = run("validate", "--trials", dir);
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                dir + "/a.yaml: arms[0].outcomes[0].responders: 27 > evaluable 26 (responders must not exceed evaluable)",
                dir + "/a.yaml: arms[0].outcomes[1].unit: 'years' (unknown value; allowed: days, weeks, months)",
                dir + "/a.yaml: cuts[0].cutoff: '2024-6-30' (dates must be ISO YYYY-MM-DD and exist)",
                dir + "/b.yaml: arms[0].outcomes[0].reported.percent: 101 (percentages must be in [0, 100])",
                "trialmeta: 4 problems in 2 files under " + dir);
        noStackTrace(r);
    }

    @Test
    void aControlCharacterInATrialsTextIsRefusedNamingFilePathAndRule(@TempDir Path tmp, @TempDir Path out)
            throws Exception {
        // a name "RAMP\x01\x1b-201" passed validate and gave malformed SVG figures and raw bytes in the report
        Path minimal = Path.of("src/test/resources/fixtures/valid/minimal");
        Files.copy(minimal.resolve("sources.yaml"), tmp.resolve("sources.yaml"));
        Files.writeString(tmp.resolve("example.yaml"), Files.readString(minimal.resolve("example.yaml"))
                .replace("name: Example trial", "name: \"RAMP\\x01\\e-201\"")
                .replaceFirst("\n", "\n# a tab\tand line breaks in text stay allowed\n"));
        for (String cmd : new String[] {"validate", "report"}) {
            Run r = cmd.equals("validate") ? run("validate", "--trials", tmp.toString())
                    : run("report", "--trials", tmp.toString(), "--out", out.resolve("rep").toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).contains(tmp.resolve("example.yaml") + ": name: 'RAMP\\u0001\\u001B-201' (control character"
                    + " U+0001: text may hold no control character other than tab and line break)");
        }
        assertThat(out.resolve("rep")).doesNotExist();
    }

    @Test
    void missingTrialsDirectoryIsOneLineAndExitTwo(@TempDir Path tmp) {
        Path missing = tmp.resolve("none");
        Run r = run("validate", "--trials", missing.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo("trialmeta: " + missing + ": trials directory not found (give one with --trials DIR)\n");
    }

    @Test
    void yamlSyntaxErrorIsReportedWithLineAndColumn() {
        Run r = run("validate", "--trials", INVALID + "yaml-syntax-error");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("trial.yaml: line 10, column 10: while parsing a flow sequence");
        noStackTrace(r);
    }

    @Test
    void listTableHasOneRowPerTrialWithStatusCounts() {
        Run r = run("list");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        var lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("study").contains("phase", "indication", "arms", "subgroups", "endpoints",
                "confirmed", "secondary", "unverified", "derived");
        assertThat(lines).hasSize(2 + 6);
        assertThat(lines.get(7)).startsWith("ramp-201").contains("overall, kras_mutant, kras_wild_type")
                .contains("ORR, DOR, PFS, OS").matches(".*\\s10\\s+0\\s+10\\s+0\\s+2$");
    }

    @Test
    void listJsonHasTheSameFields() throws Exception {
        Run r = run("list", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode rows = Json.mapper().readTree(r.out());
        assertThat(rows).hasSize(6);
        JsonNode frame = rows.get(0);
        assertThat(frame.get("id").asText()).isEqualTo("frame");
        assertThat(frame.get("phase").asText()).isEqualTo("1");
        assertThat(frame.get("status_counts").get("confirmed").asInt()).isEqualTo(2);
        assertThat(frame.get("status_counts").get("secondary").asInt()).isEqualTo(5);
        assertThat(frame.get("endpoints").toString()).isEqualTo("[\"ORR\",\"PFS\"]");
    }

    @Test
    void listRejectsAnUnknownFormat() {
        Run r = run("list", "--format", "xml");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo("trialmeta: --format: 'xml' (allowed: table, json)\n");
    }

    @Test
    void showTableListsEveryOutcomeWithStatusAndSource() {
        Run r = run("show", "ramp-201");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("ramp-201: RAMP-201\n")
                .contains("cut primary: Primary analysis, data cut-off 2024-06-30")
                .containsPattern("kras_mutant\\s+primary\\s+ORR\\s+25/57; reported 44% \\(95% CI 31-58\\), n=57\\s+secondary\\s+ramp201-jco-2025")
                .containsPattern("kras_wild_type\\s+primary\\s+ORR\\s+9/52; reported 17%\\s+derived; reported: secondary")
                .containsPattern("overall\\s+primary\\s+OS\\s+median not reported");
    }

    @Test
    void showJsonAndYamlUseTheTrialFileSchema() throws Exception {
        Run json = run("show", "frame", "--format", "json");
        assertThat(json.code()).isEqualTo(ExitCodes.OK);
        JsonNode t = Json.mapper().readTree(json.out());
        assertThat(t.get("id").asText()).isEqualTo("frame");
        JsonNode first = t.get("arms").get(0).get("outcomes").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("binary");
        assertThat(first.get("responders").asInt()).isEqualTo(11);
        assertThat(first.get("provenance").get("status").asText()).isEqualTo("confirmed");

        Run yaml = run("show", "frame", "--format", "yaml");
        assertThat(yaml.code()).isEqualTo(ExitCodes.OK);
        assertThat(yaml.out()).startsWith("id: frame\n").contains("kind: binary").contains("status: confirmed");
    }

    @Test
    void showYamlOutputLoadsBackAsAnEqualTrial(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of("trials/sources.yaml"), tmp.resolve("sources.yaml"));
        Files.writeString(tmp.resolve("copy.yaml"), run("show", "nct02004028", "--format", "yaml").out());
        Run r = run("show", "nct02004028", "--trials", tmp.toString(), "--format", "json");
        assertThat(r.out()).isEqualTo(run("show", "nct02004028", "--format", "json").out());
    }

    @Test
    void showUnknownIdNamesTheKnownIdsAndExitsTwo() {
        Run r = run("show", "ramp-202");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo(
                "trialmeta: trial 'ramp-202': not found (known trials: frame, gog-281, mc38, milo, nct02004028, ramp-201)\n");
    }

    @Test
    void showWithoutIdIsAUsageError() {
        Run r = run("show");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).startsWith("trialmeta: Missing required parameter: 'ID'");
    }

    @Test
    void helpOfEachCommandShowsTheTrialsDefault() {
        for (String cmd : new String[] {"validate", "list", "show"}) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).isEqualTo(ExitCodes.OK);
            assertThat(r.out().replaceAll("\\s+", " ")).contains("--trials=DIR").contains("(default: trials)");
        }
        assertThat(run("show", "--help").out()).contains("table, json or yaml. Default: table.");
        Run md = run("show", "frame", "--format", "md");
        assertThat(md.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(md.err()).isEqualTo("trialmeta: --format: 'md' (allowed: table, json, yaml)\n");
    }
}

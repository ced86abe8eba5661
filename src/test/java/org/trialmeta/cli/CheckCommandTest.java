package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.repository.Json;

/** {@code trialmeta check}: exit codes and the three formats. */
class CheckCommandTest {


    @TempDir
    Path dir;

    private static Run run(String... args) {
        return Run.run(args);
    }

    private Path copyCurated() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("trials"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void curatedDataExitsZeroWithATable() {
        Run r = run("check");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("(?m)^\\s*#\\s+severity\\s+rule\\s+trial\\s+field")
                .contains("[warning] frame avutometinib-defactinib/overall/interim-2021-05->final/ORR",
                        "recomputed: clopper-pearson 30.7-57.6 (reproduces)")
                .containsPattern("(?m)^0 errors, \\d+ warnings, \\d+ info$");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void minSeverityFiltersTheListButNotTheCounts() {
        Run r = run("check", "--min-severity", "warning");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).doesNotContain("[info]").contains("[warning]").containsPattern("\\d+ info");
        Run e = run("check", "--min-severity", "error");
        assertThat(e.out()).doesNotContain("[warning]").startsWith("0 errors");
    }

    @Test
    void errorsExitOne() throws IOException {
        Path d = copyCurated();
        Path ramp = d.resolve("ramp-201.yaml");
        Files.writeString(ramp, Files.readString(ramp).replace("ci: {lower: 31, upper: 58, level: 95}",
                "ci: {lower: 35, upper: 58, level: 95}"));
        Run r = run("check", "--trials", d.toString(), "--min-severity", "error");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("[error] ramp-201 avutometinib-defactinib/kras_mutant/primary/ORR.reported.ci",
                "cannot come from 25/57 by any standard method").startsWith("#  severity");
    }

    @Test
    void largeChangeThresholdDecidesWhetherTheFrameGapIsAWarning() {
        // FRAME overall ORR 11/21 (52.4%) -> 11/26 (42.3%): a fall of 10.1 points.
        Run strict = run("check", "--min-severity", "warning", "--large-change", "10");
        assertThat(strict.out()).contains("interim-vs-final");
        Run lax = run("check", "--min-severity", "warning", "--large-change", "10.2");
        assertThat(lax.code()).isEqualTo(ExitCodes.OK);
        assertThat(lax.out()).doesNotContain("interim-vs-final").contains("same-figure");
        Run bad = run("check", "--large-change", "-1");
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err().strip()).isEqualTo("trialmeta: --large-change: -1 (must be a finite number > 0)");
        Run mouse = run("check", "--min-severity", "error", "--max-animal-lifespan", "30", "--format", "json");
        assertThat(mouse.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(mouse.out()).contains("\"rule\" : \"time-plausible\"").contains("mc38");
    }

    @Test
    void invalidInputExitsTwo() throws IOException {
        Run missing = run("check", "--trials", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("trials directory not found");

        Path d = copyCurated();
        Path frame = d.resolve("frame.yaml");
        String clean = Files.readString(frame);
        // impossible data are refused (exit 2) ...
        Files.writeString(frame, clean.replace("responders: 11\n        evaluable: 26", "responders: 27\n        evaluable: 26"));
        Run bad = run("check", "--trials", d.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("frame.yaml", "responders must not exceed evaluable").doesNotContain("Exception");
        assertThat(bad.out()).isEmpty();
        // ... a published inconsistency is loaded and reported (exit 1)
        Files.writeString(frame, clean.replace("ci: {lower: 11.2, upper: 43.9, level: 95}",
                "ci: {lower: 21.2, upper: 43.9, level: 95}"));
        Run inconsistent = run("check", "--trials", d.toString(), "--min-severity", "error");
        assertThat(inconsistent.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(inconsistent.out()).contains("median-in-ci", "lies outside its CI 21.2-43.9");

        Run usage = run("check", "--format", "pdf");
        assertThat(usage.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(usage.err()).isEqualTo("trialmeta: --format: 'pdf' (allowed: table, json, md)\n");
    }

    @Test
    void jsonFormat() throws Exception {
        Run r = run("check", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("counts").get("error").asInt()).isZero();
        assertThat(j.get("min_severity").asText()).isEqualTo("info");
        assertThat(j.has("minSeverity")).isFalse();
        boolean found = false;
        for (JsonNode f : j.get("findings")) {
            if (f.get("rule").asText().equals("binomial-ci") && f.get("trial").asText().equals("frame")) {
                assertThat(f.get("severity").asText()).isEqualTo("info");
                assertThat(f.get("message").asText()).endsWith("by clopper-pearson");
                assertThat(f.get("sources").get(0).get("id").asText()).isEqualTo("frame-natmed-2025");
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void markdownFormat() {
        Run r = run("check", "--format", "md", "--min-severity", "warning");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("## Reviewer check\n")
                .contains("| Severity | Rule | Trial | Field | Reported | Recomputed | Finding | Sources |",
                        "| warning | `same-figure` | nct02004028 |", "- defactinib-tme-guide: ");
    }

    @Test
    void helpShowsDefaults() {
        Run r = run("check", "--help");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("--format", "Default: table", "--min-severity", "default: info", "--trials");
    }
}

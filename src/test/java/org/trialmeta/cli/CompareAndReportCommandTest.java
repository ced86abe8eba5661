package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.repository.Json;

/** The {@code compare} and {@code report} commands: text, JSON, files and exit codes. */
class CompareAndReportCommandTest {


    private static Run run(String... args) {
        return Run.run(args);
    }

    @Test
    void compareRampTableShowsBothGroupsMeasuresAndData() {
        Run r = run("compare", "--trial", "ramp-201", "--endpoint", "ORR", "--by", "KRAS");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("statuses admitted: confirmed, secondary, derived")
                .contains("cut primary (Primary analysis, cut-off 2024-06-30)")
                .containsPattern("kras_mutant\\s+25\\s+57\\s+43\\.9%\\s+\\[30\\.7, 57\\.6\\]\\s+secondary")
                .containsPattern("kras_wild_type\\s+9\\s+52\\s+17\\.3%")
                .containsPattern("odds ratio\\s+3\\.733\\s+\\[1\\.535, 9\\.078\\]")
                .containsPattern("Fisher exact p \\(two-sided\\)\\s+0\\.0036")
                .contains("Fisher exact p (two-sided)")
                .contains("excluded:").contains("no responder counts (only a reported percentage 45%)");
    }

    @Test
    void compareJsonHasFullPrecisionAndExclusions() throws Exception {
        Run r = run("compare", "--trial", "frame", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode n = Json.mapper().readTree(r.out());
        assertThat(n.get("statuses").toString()).isEqualTo("[\"confirmed\",\"secondary\",\"derived\"]");
        JsonNode c = n.get("comparisons").get(0);
        assertThat(c.get("cut").asText()).isEqualTo("interim-2021-05");
        assertThat(c.get("x1").asInt()).isEqualTo(7);
        assertThat(c.get("selected").asBoolean()).isTrue();
        assertThat(n.get("exclusions").toString()).contains("no responder counts");
    }

    @Test
    void compareRejectsUnknownTrialStatusAndEndpoint() {
        Run a = run("compare", "--trial", "nope");
        assertThat(a.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(a.err()).contains("trial 'nope': not found");
        assertThat(run("compare", "--trial", "frame", "--statuses", "maybe").code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run("compare", "--trial", "frame", "--endpoint", "XYZ").err()).contains("--endpoint: 'XYZ'");
    }

    @Test
    void compareOnlyConfirmedSaysNothingToCompare() {
        Run r = run("compare", "--trial", "ramp-201", "--statuses", "confirmed");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("no analysis cut has admitted counts");
    }

    @Test
    void reportWritesEveryFileAndPrintsProgress(@TempDir Path dir) {
        Run r = run("report", "--out", dir.toString(), "--formats", "svg");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("report: figure: ORR forest plot").contains(dir.resolve("index.html").toString());
        assertThat(dir.resolve("figures/forest-orr.svg")).exists();
        assertThat(dir.resolve("figures/forest-orr.png")).doesNotExist();
        assertThat(Files.exists(dir.resolve("tables/comparison.md"))).isTrue();
    }

    @Test
    void reportRejectsBadFormatWithoutWriting(@TempDir Path dir) {
        Run r = run("report", "--out", dir.resolve("x").toString(), "--formats", "gif");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--formats");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}

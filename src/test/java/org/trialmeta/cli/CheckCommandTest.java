package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.repository.Json;
import picocli.CommandLine;

/** {@code trialmeta check}: formats, severity filter and exit codes 0 / 1 / 2. */
class CheckCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TrialMetaCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path copy(Path tmp, String file, String from, String to) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("trials"))) {
            for (Path p : files.toList()) {
                Files.copy(p, tmp.resolve(p.getFileName()));
            }
        }
        Path target = tmp.resolve(file);
        Files.writeString(target, Files.readString(target).replace(from, to));
        return tmp;
    }

    @Test
    void tableOnCuratedTrialsExitsZero() {
        Run r = run("check");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("severity").contains("rule", "recomputed");
        assertThat(r.out()).contains("25/57 = 43.9%").contains("0 error(s), 1 warning(s)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonHasCountsAndFindings() throws IOException {
        Run r = run("check", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode root = Json.mapper().readTree(r.out());
        assertThat(root.get("counts").get("error").asInt()).isZero();
        assertThat(root.get("counts").get("warning").asInt()).isEqualTo(1);
        JsonNode first = root.get("findings").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("severity", "rule", "trial", "field", "reported",
                "recomputed", "message", "sources");
    }

    @Test
    void markdownIsAPipeTable() {
        Run r = run("check", "--format", "md", "--min-severity", "warning");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("| severity | rule | trial | field | reported | recomputed | finding | sources |\n|---|");
        assertThat(r.out().lines().filter(l -> l.startsWith("| warning"))).hasSize(1);
        assertThat(r.out()).doesNotContain("| info |");
    }

    @Test
    void anErrorExitsOneEvenWhenHidden(@TempDir Path tmp) throws IOException {
        copy(tmp, "ramp-201.yaml", "percent: 44\n", "percent: 48\n");
        Run r = run("check", "--trials", tmp.toString(), "--min-severity", "error");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("percent-from-counts").contains("does not round to the reported 48%");
    }

    @Test
    void invalidTrialsExitTwo(@TempDir Path tmp) throws IOException {
        copy(tmp, "frame.yaml", "median: 20.1\n", "median: 50.1\n");
        Run r = run("check", "--trials", tmp.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("outside CI").doesNotContain("\tat ");
    }

    @Test
    void unknownFormatOrSeverityExitsTwo() {
        assertThat(run("check", "--format", "xml").code()).isEqualTo(ExitCodes.INVALID_INPUT);
        Run r = run("check", "--min-severity", "fatal");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo("trialmeta: --min-severity: 'fatal' (allowed: info, warning, error)\n");
    }
}

package org.trialmeta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.trialmeta.cli.TrialMetaCommand;
import picocli.CommandLine;

/**
 * One in-process run of the {@code trialmeta} command line, and the bad-input contract every run must
 * keep: exit 0 with well-formed, finite output, or exit 2 with one clear line on stderr naming the input;
 * never exit 1, a stack trace, NaN/Infinity in JSON, or a stray/partial file.
 */
record CliRun(List<String> args, int code, String out, String err) {

    static final ObjectMapper JSON = new ObjectMapper();

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TrialMetaCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(List.of(args), code, out.toString(), err.toString());
    }

    String describe() {
        return "trialmeta " + String.join(" ", args) + "\nexit " + code + "\nstderr:\n" + err + "\nstdout (head):\n"
                + out.substring(0, Math.min(out.length(), 2000));
    }

    /** stderr lines that are not informational ("wrote FILE", Cox's convergence warning). */
    List<String> errorLines() {
        List<String> lines = new ArrayList<>();
        for (String l : err.split("\n", -1)) {
            if (!l.isEmpty() && !l.startsWith("trialmeta: wrote ") && !l.startsWith("trialmeta: warning: ")) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** Nothing that looks like a stack trace or an exception class name reached the user. */
    CliRun assertNoStackTrace() {
        assertThat(err).as(describe()).doesNotContain("\tat ", "at org.", "at java.", "Exception", "internal error");
        assertThat(out).as(describe()).doesNotContain("\tat org.", "Exception");
        return this;
    }

    /**
     * The contract for commands on one CSV-like input: exit 0 or 2; exit 2 prints exactly one line
     * starting "trialmeta: " that names one of {@code names} (the input files, or an option for usage errors).
     */
    CliRun assertContract(String... names) {
        assertNoStackTrace();
        assertThat(code).as(describe()).isIn(0, 2);
        if (code == 2) {
            List<String> lines = errorLines();
            assertThat(lines).as(describe()).hasSize(1);
            String line = lines.get(0);
            assertThat(line).as(describe()).startsWith("trialmeta: ");
            // no parser internals: settings in backticks, feature names, JDK message codes
            assertThat(line).as(describe()).doesNotContain("`", "Feature '", "JAXP", "Constraints", "imposed by the JDK");
            assertThat(Stream.of(names).anyMatch(line::contains)).as(describe() + "\nexpected one of " + List.of(names))
                    .isTrue();
            assertThat(out).as(describe()).doesNotContain("NaN", "Infinity");
        } else {
            assertThat(errorLines()).as(describe()).isEmpty();
            assertThat(out).as(describe()).doesNotContain("NaN", "Infinity");
        }
        return this;
    }

    /** The contract for commands on a trials directory: as {@link #assertContract} but the loader lists every problem. */
    CliRun assertTrialsContract(String dir) {
        assertNoStackTrace();
        assertThat(code).as(describe()).isIn(0, 2);
        if (code == 2) {
            List<String> lines = errorLines();
            assertThat(lines).as(describe()).isNotEmpty();
            String last = lines.get(lines.size() - 1);
            assertThat(last).as(describe()).startsWith("trialmeta: ");
            if (lines.size() > 1) {
                // one line per problem (file: path: value (rule)), then the summary
                assertThat(last).as(describe()).matches("trialmeta: \\d+ problems? in \\d+ files? under .*");
                for (String l : lines.subList(0, lines.size() - 1)) {
                    assertThat(l).as(describe()).startsWith(dir);
                }
            }
        }
        return this;
    }

    /** Exit 0 and stdout is JSON without non-finite tokens; returns the parsed tree. */
    JsonNode json() {
        assertThat(code).as(describe()).isZero();
        assertThat(out).as(describe()).doesNotContain("NaN", "Infinity");
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("stdout is not JSON: " + describe(), e);
        }
    }

    /** Asserts that each JSON pointer names a number (not null: a NaN would have been written as null). */
    static void assertNumbers(JsonNode root, String context, String... pointers) {
        for (String p : pointers) {
            JsonNode n = root.at(p);
            assertThat(n.isNumber()).as(context + ": " + p + " = " + n + " in\n" + root).isTrue();
        }
    }

    /** The regular files under {@code dir}, relative, sorted (to check for stray or temporary files). */
    static List<String> files(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

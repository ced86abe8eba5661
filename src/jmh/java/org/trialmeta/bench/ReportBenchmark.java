package org.trialmeta.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trialmeta.cli.TrialMetaCommand;
import picocli.CommandLine;

/**
 * The whole {@code trialmeta report} job in-process, as the CLI runs it: load the trials, every analysis, every
 * figure (PNG/SVG/PDF), table (CSV/MD/HTML/DOCX), {@code index.html} and {@code analysis.json}, written into a
 * temporary directory. {@code trials} is the trials directory, by default the embedded {@code trials/} (run from
 * the repository root). The cold, whole-process figure is timed by {@code bench/run.sh} with hyperfine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx2g"})
public class ReportBenchmark {

    @Param({"trials"})
    String trials;

    Path out;
    CommandLine cli;
    StringWriter text;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        if (!Files.isDirectory(Path.of(trials))) {
            throw new IllegalStateException(trials + ": not a directory (run from the repository root or pass"
                    + " -p trials=DIR)");
        }
        out = Files.createTempDirectory("trialmeta-report-bench");
        text = new StringWriter();
        cli = TrialMetaCommand.commandLine();
        cli.setOut(new PrintWriter(text));
        cli.setErr(new PrintWriter(text));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int report() {
        text.getBuffer().setLength(0);
        int code = cli.execute("report", "--trials", trials, "--out", out.toString());
        if (code != 0) {
            throw new IllegalStateException("report exited " + code + ": " + text);
        }
        return text.getBuffer().length();
    }
}

package org.trialmeta.bench;

import java.io.IOException;
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
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.TrialLoader;

/**
 * Loading a trials directory in-process: {@code TrialLoader.loadDirectory} (parse every YAML file, Hibernate
 * Validator, structural and cross-file checks, records) on {@code files} generated trial files
 * ({@link TrialFileGenerator}: about 2.6 KB and 7 outcomes each) written to a temporary directory in the setup.
 * Each operation reads the files from the (warm) page cache. The cold, whole-process figure is the launcher's
 * wall clock, timed by {@code bench/run.sh} with hyperfine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx2g"})
public class LoadBenchmark {

    @Param({"10000"})
    int files;

    Path dir;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("trialmeta-load-bench");
        TrialFileGenerator.write(dir, files);
        TrialLoader.shared();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int loadDirectory() {
        TrialRepository repo = TrialLoader.loadDirectory(dir);
        return repo.outcomeCount();
    }
}

package org.trialmeta.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trialmeta.repository.CsvTable;

/** Parsing a study-level CSV of k rows (the input of {@code trialmeta pool}). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CsvLoadBenchmark {

    @Param({"1000", "100000"})
    int k;

    byte[] csv;

    @Setup
    public void setup() {
        StringBuilder sb = new StringBuilder("study,ai,n1i,ci,n2i\n");
        java.util.Random rnd = new java.util.Random(42);
        for (int i = 0; i < k; i++) {
            int n1 = 20 + rnd.nextInt(200);
            int n2 = 20 + rnd.nextInt(200);
            sb.append(String.format(Locale.ROOT, "s%d,%d,%d,%d,%d%n", i, rnd.nextInt(n1 + 1), n1, rnd.nextInt(n2 + 1), n2));
        }
        csv = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public int parseAndConvert() {
        CsvTable t = CsvTable.parse("bench.csv", csv);
        return t.counts("ai").length + t.counts("n1i")[0];
    }
}

package org.trialmeta.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.trialmeta.analysis.NmaAnalysis;
import org.trialmeta.analysis.NmaInput;
import org.trialmeta.present.NmaSummary;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.nma.NmaModel;

/**
 * Network meta-analysis of a generated network (issue 21 target: 50 treatments, 500 studies in under 1 s after
 * start-up): CSV parse, REML fit, P-scores, design decomposition, back-calculation and the summary, as
 * {@code trialmeta nma --model random}, on the seeded input of {@link NmaBenchData}.
 * Run: {@code java -jar target/benchmarks.jar NmaBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
public class NmaBenchmark {

    /** The generated input. */
    @State(Scope.Benchmark)
    public static class Input {
        @Param({"10:50", "50:500"})
        String size;

        byte[] csv;

        @Setup(Level.Trial)
        public void setup() {
            String[] p = size.split(":");
            csv = NmaBenchData.csv(Integer.parseInt(p[0]), Integer.parseInt(p[1]), NmaBenchData.SEED).getBytes();
        }
    }

    @Benchmark
    public NmaSummary randomEffects(Input in) {
        NmaInput input = NmaInput.read(CsvTable.parse("bench.csv", in.csv), EffectMeasure.OR);
        NmaAnalysis.Settings s = new NmaAnalysis.Settings(NmaModel.RANDOM, "T01", true, 0.95, java.util.Optional.empty());
        return NmaSummary.of(NmaAnalysis.run(input, s, "bench.csv"));
    }

}

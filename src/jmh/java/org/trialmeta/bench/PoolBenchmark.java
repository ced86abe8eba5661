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
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.FitResult;
import org.trialmeta.stats.meta.MantelHaenszel;
import org.trialmeta.stats.meta.MantelHaenszelResult;
import org.trialmeta.stats.meta.MetaAnalysis;
import org.trialmeta.stats.meta.MetaAnalysisResult;
import org.trialmeta.stats.meta.Tau2Estimator;

/**
 * In-process cost of pooling k studies ({@link BenchData}, seeded): {@code rma(yi, vi, method=)} equivalents
 * at k = 10 … 10^6, escalc + REML from 2×2 counts, and Mantel-Haenszel OR.
 *
 * <p>Variants of {@link #fit}: {@code REML} and {@code DL} are the fit without the tau² CI (what
 * {@code metafor::rma} computes); {@code REML_QP} adds the Q-profile CI of tau² (as {@code confint(res)}).
 * Run: {@code java -jar target/benchmarks.jar PoolBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-Djava.awt.headless=true"})
public class PoolBenchmark {

    /** Study-level yi, vi for the pooling benchmarks. */
    @State(Scope.Benchmark)
    public static class Studies {
        @Param({"10", "1000", "100000", "1000000"})
        int k;

        @Param({"REML", "DL", "REML_QP"})
        String variant;

        double[] yi;
        double[] vi;
        MetaAnalysis.Options options;

        @Setup(Level.Trial)
        public void setup() {
            BenchData d = BenchData.generate(k);
            yi = d.yi;
            vi = d.vi;
            MetaAnalysis.Options base = MetaAnalysis.Options.defaults(EffectMeasure.OR);
            options = switch (variant) {
                case "REML" -> base.withMethod(Tau2Estimator.REML).withTau2Ci(false);
                case "DL" -> base.withMethod(Tau2Estimator.DL).withTau2Ci(false);
                case "REML_QP" -> base.withMethod(Tau2Estimator.REML).withTau2Ci(true);
                default -> throw new IllegalArgumentException("variant " + variant);
            };
            FitResult r = MetaAnalysis.fit(yi, vi, options);
            if (!(r instanceof MetaAnalysisResult)) {
                throw new IllegalStateException("benchmark data did not fit: " + r);
            }
        }
    }

    /** 2×2 counts for the escalc + REML and Mantel-Haenszel benchmarks. */
    @State(Scope.Benchmark)
    public static class Tables {
        @Param({"1000", "100000"})
        int k;

        BenchData data;
        MetaAnalysis.Options options;

        @Setup(Level.Trial)
        public void setup() {
            data = BenchData.generate(k);
            options = MetaAnalysis.Options.defaults(EffectMeasure.OR).withTau2Ci(false);
        }
    }

    /** {@code rma(yi, vi, method = "REML" | "DL")}, optionally with {@code confint} (Q-profile). */
    @Benchmark
    public FitResult fit(Studies s) {
        return MetaAnalysis.fit(s.yi, s.vi, s.options);
    }

    /** {@code rma(measure = "OR", ai, n1i, ci, n2i)}: escalc (1/2 added to zero cells) then REML. */
    @Benchmark
    public FitResult escalcReml(Tables t) {
        BenchData d = t.data;
        EffectSizes es = EffectSizes.twoGroup(EffectMeasure.OR, d.ai, d.n1i, d.ci, d.n2i);
        return MetaAnalysis.fit(es, t.options);
    }

    /** {@code rma.mh(measure = "OR", ai, n1i, ci, n2i)}. */
    @Benchmark
    public MantelHaenszelResult mantelHaenszel(Tables t) {
        BenchData d = t.data;
        return MantelHaenszel.pool(EffectMeasure.OR, d.ai, d.n1i, d.ci, d.n2i);
    }
}

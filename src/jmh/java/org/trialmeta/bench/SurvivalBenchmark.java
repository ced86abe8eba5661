package org.trialmeta.bench;

import java.util.List;
import java.util.SplittableRandom;
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
import org.trialmeta.stats.survival.CoxRegression;
import org.trialmeta.stats.survival.KaplanMeier;
import org.trialmeta.stats.survival.LogRank;

/**
 * Kaplan-Meier + log-rank on n rows (two arms, exponential times with HR 0.7, uniform censoring) and a
 * Cox fit on 10⁵ rows × 5 covariates. Seeded data; same shapes as the R timings in docs/km.md and
 * docs/benchmarks-cox.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx4g"})
public class SurvivalBenchmark {

    @Param({"1000000"})
    int n;

    double[] time;
    int[] status;
    int[] group;
    double[] coxTime;
    int[] coxStatus;
    double[][] coxX;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(20261125);
        time = new double[n];
        status = new int[n];
        group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i % 2;
            double t = -Math.log(rnd.nextDouble()) / (group[i] == 1 ? 0.07 : 0.1);
            double c = rnd.nextDouble() * 30;
            time[i] = Math.round(Math.min(t, c) * 100) / 100.0;
            status[i] = t <= c ? 1 : 0;
        }
        int m = 100_000;
        coxTime = new double[m];
        coxStatus = new int[m];
        coxX = new double[5][m];
        for (int i = 0; i < m; i++) {
            double lp = 0;
            for (int k = 0; k < 5; k++) {
                coxX[k][i] = rnd.nextGaussian();
                lp += 0.1 * (k + 1) * coxX[k][i];
            }
            double t = -Math.log(rnd.nextDouble()) / (0.1 * Math.exp(lp));
            double c = rnd.nextDouble() * 30;
            coxTime[i] = Math.min(t, c);
            coxStatus[i] = t <= c ? 1 : 0;
        }
    }

    @Benchmark
    public double kaplanMeierBothArmsPlusLogRank() {
        int half = n / 2;
        double[] t0 = new double[half];
        int[] s0 = new int[half];
        double[] t1 = new double[n - half];
        int[] s1 = new int[n - half];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (group[i] == 0) {
                t0[a] = time[i];
                s0[a++] = status[i];
            } else {
                t1[b] = time[i];
                s1[b++] = status[i];
            }
        }
        double m = KaplanMeier.fit(t0, s0).rows().size() + KaplanMeier.fit(t1, s1).rows().size();
        return m + LogRank.test(time, status, group).chisq();
    }

    @Benchmark
    public double coxEfron100kTimes5() {
        return CoxRegression.fit(coxTime, coxStatus, coxX, List.of("x1", "x2", "x3", "x4", "x5")).logLik();
    }
}

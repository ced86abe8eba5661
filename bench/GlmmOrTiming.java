import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.trialmeta.stats.meta.BinomialNormalGlmm;
import org.trialmeta.stats.meta.GlmmResult;
import org.trialmeta.stats.meta.OddsRatioGlmm;

/**
 * In-process timing of {@code OddsRatioGlmm.fit} (pool --measure OR --method GLMM, metafor's model "UM.FS") on k
 * seeded 2×2 tables, and the same data as CSV for {@code bench/glmm-or-timing.R} (metafor::rma.glmm). A simple
 * harness, not JMH (JMH is not in the offline Maven repository here): one cold fit, WARMUP fits, then RUNS timed
 * fits; prints wall and CPU time (this thread's user + system, ThreadMXBean) of the cold fit and the median, minimum
 * and maximum of the timed ones.
 *
 * <p>Run from the repository root after {@code mvn -o -q compile}:
 * {@code java -cp target/classes:CP bench/GlmmOrTiming.java 1000 target/bench/glmm-or-k1000.csv}, CP the jars of
 * commons-math3, commons-statistics-distribution and commons-numbers-gamma/core from the local Maven repository.
 *
 * <p>Data: study i has n₁ᵢ = 20 + U{0..199} and n₂ᵢ = 20 + U{0..199} participants, control risk expit(−1.5 + 0.5·zᵢ)
 * and log odds ratio −0.5 + 0.4·wᵢ (zᵢ, wᵢ ~ N(0, 1)), events binomial; SplittableRandom(20261205).
 */
public final class GlmmOrTiming {

    private static final int WARMUP = 10;
    private static final int RUNS = 20;

    public static void main(String[] args) throws IOException {
        int k = Integer.parseInt(args[0]);
        Path csv = Path.of(args[1]);
        SplittableRandom rnd = new SplittableRandom(20261205);
        int[] ai = new int[k];
        int[] n1i = new int[k];
        int[] ci = new int[k];
        int[] n2i = new int[k];
        StringBuilder sb = new StringBuilder("study,ai,n1i,ci,n2i\n");
        for (int i = 0; i < k; i++) {
            n1i[i] = 20 + rnd.nextInt(200);
            n2i[i] = 20 + rnd.nextInt(200);
            double control = -1.5 + 0.5 * gaussian(rnd);
            double lor = -0.5 + 0.4 * gaussian(rnd);
            ai[i] = binomial(rnd, n1i[i], 1 / (1 + Math.exp(-(control + lor))));
            ci[i] = binomial(rnd, n2i[i], 1 / (1 + Math.exp(-control)));
            sb.append('s').append(i + 1).append(',').append(ai[i]).append(',').append(n1i[i]).append(',').append(ci[i])
                    .append(',').append(n2i[i]).append('\n');
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.writeString(csv, sb.toString());

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        GlmmResult r = OddsRatioGlmm.fit(ai, n1i, ci, n2i, BinomialNormalGlmm.Options.DEFAULTS).orElseThrow();
        double cold = (System.nanoTime() - t0) / 1e6;
        double coldCpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        for (int i = 0; i < WARMUP; i++) {
            OddsRatioGlmm.fit(ai, n1i, ci, n2i, BinomialNormalGlmm.Options.DEFAULTS);
        }
        double[] ms = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            OddsRatioGlmm.fit(ai, n1i, ci, n2i, BinomialNormalGlmm.Options.DEFAULTS);
            ms[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "k=%d cold_wall_ms=%.1f cold_cpu_ms=%.1f median_wall_ms=%.2f median_cpu_ms=%.2f "
                + "min_cpu_ms=%.2f max_cpu_ms=%.2f runs=%d evaluations=%d%n", k, cold, coldCpu, ms[RUNS / 2], cpu[RUNS / 2],
                cpu[0], cpu[RUNS - 1], RUNS, r.evaluations());
        System.out.printf(Locale.ROOT, "estimate=%.10f se=%.10f tau2=%.10f loglik=%.8f%n", r.estimate(), r.se(), r.tau2(),
                r.logLik());
    }

    private static int binomial(SplittableRandom rnd, int n, double p) {
        int x = 0;
        for (int j = 0; j < n; j++) {
            x += rnd.nextDouble() < p ? 1 : 0;
        }
        return x;
    }

    /** Box-Muller (one deviate per call; the data only need to be reproducible). */
    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}

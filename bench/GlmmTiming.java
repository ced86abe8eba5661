import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.trialmeta.stats.meta.BinomialNormalGlmm;
import org.trialmeta.stats.meta.GlmmResult;

/**
 * In-process timing of {@code BinomialNormalGlmm.fit} (pool --method GLMM) on k seeded studies, and the same data
 * as CSV for {@code bench/glmm-timing.R} (metafor::rma.glmm). A simple harness, not JMH (JMH is not in the
 * offline Maven repository here): WARMUP fits, then RUNS timed fits; prints the first (cold) fit, median, minimum
 * and maximum wall time.
 *
 * <p>Run from the repository root after {@code mvn -o -q compile}:
 * {@code java -cp target/classes:CP bench/GlmmTiming.java 1000 target/bench/glmm-k1000.csv}, CP the jars of
 * commons-math3, commons-statistics-distribution and commons-numbers-gamma/core from the local Maven repository.
 *
 * <p>Data: study i has nᵢ = 20 + U{0..199} participants and xᵢ ~ Binomial(nᵢ, expit(−1 + 0.7·zᵢ)), zᵢ ~ N(0, 1),
 * from SplittableRandom(20261201).
 */
public final class GlmmTiming {

    private static final int WARMUP = 20;
    private static final int RUNS = 30;

    public static void main(String[] args) throws IOException {
        int k = Integer.parseInt(args[0]);
        Path csv = Path.of(args[1]);
        SplittableRandom rnd = new SplittableRandom(20261201);
        int[] xi = new int[k];
        int[] ni = new int[k];
        StringBuilder sb = new StringBuilder("study,xi,ni\n");
        for (int i = 0; i < k; i++) {
            ni[i] = 20 + rnd.nextInt(200);
            double z = gaussian(rnd);
            double p = 1 / (1 + Math.exp(-(-1 + 0.7 * z)));
            for (int j = 0; j < ni[i]; j++) {
                xi[i] += rnd.nextDouble() < p ? 1 : 0;
            }
            sb.append('s').append(i + 1).append(',').append(xi[i]).append(',').append(ni[i]).append('\n');
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.writeString(csv, sb.toString());

        long t0 = System.nanoTime();
        GlmmResult r = BinomialNormalGlmm.fit(xi, ni, BinomialNormalGlmm.Options.DEFAULTS).orElseThrow();
        double cold = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < WARMUP; i++) {
            BinomialNormalGlmm.fit(xi, ni, BinomialNormalGlmm.Options.DEFAULTS);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            BinomialNormalGlmm.fit(xi, ni, BinomialNormalGlmm.Options.DEFAULTS);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "k=%d cold_ms=%.1f median_ms=%.2f min_ms=%.2f max_ms=%.2f runs=%d evaluations=%d%n",
                k, cold, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS, r.evaluations());
        System.out.printf(Locale.ROOT, "estimate=%.10f se=%.10f tau2=%.10f loglik=%.8f%n", r.estimate(), r.se(), r.tau2(),
                r.logLik());
    }

    /** Box-Muller (one deviate per call; the data only need to be reproducible). */
    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}

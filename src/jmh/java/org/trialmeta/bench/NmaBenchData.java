package org.trialmeta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.trialmeta.analysis.NmaAnalysis;
import org.trialmeta.analysis.NmaInput;
import org.trialmeta.present.NmaSummary;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.nma.NmaModel;

/**
 * The seeded network of {@link NmaBenchmark}, and a timing by hand that needs no JMH:
 * {@code java -cp target/trialmeta.jar:<these classes> org.trialmeta.bench.NmaBenchData OUT.csv [runs]} writes the
 * 50-treatment, 500-study input and prints the in-process time of each of {@code runs} analyses (the first is the
 * cold one a command pays after start-up).
 */
public final class NmaBenchData {

    /** Seed of the recorded runs. */
    public static final long SEED = 20261205L;

    private NmaBenchData() {}

    /**
     * Arm-level binary rows: {@code studies} studies over {@code treatments} treatments; study i compares treatment
     * i mod T with the next one (so the network is connected) or a random one, every tenth study has a third arm;
     * events drawn from a logistic model with treatment effects and a study effect (tau = 0.2).
     */
    public static String csv(int treatments, int studies, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] effect = new double[treatments];
        for (int t = 1; t < treatments; t++) {
            effect[t] = r.nextDouble(-1, 1);
        }
        StringBuilder sb = new StringBuilder("study,treatment,events,n\n");
        for (int i = 0; i < studies; i++) {
            int a = i % treatments;
            int b = i < treatments ? (a + 1) % treatments : r.nextInt(treatments);
            if (b == a) {
                b = (a + 1) % treatments;
            }
            int[] arms = i % 10 == 9 ? new int[] {a, b, third(r, treatments, a, b)} : new int[] {a, b};
            double base = r.nextDouble(-2, 0);
            for (int t : arms) {
                int n = 50 + r.nextInt(250);
                double p = 1 / (1 + Math.exp(-(base + effect[t] + 0.2 * r.nextGaussian())));
                int x = 0;
                for (int k = 0; k < n; k++) {
                    x += r.nextDouble() < p ? 1 : 0;
                }
                sb.append(String.format(Locale.ROOT, "S%04d,T%02d,%d,%d%n", i + 1, t + 1, x, n));
            }
        }
        return sb.toString();
    }

    private static int third(SplittableRandom r, int treatments, int a, int b) {
        int c = r.nextInt(treatments);
        while (c == a || c == b) {
            c = (c + 1) % treatments;
        }
        return c;
    }

    /** Writes the input and times {@code runs} analyses (random effects, OR). */
    public static void main(String[] args) throws IOException {
        String text = csv(50, 500, SEED);
        Files.writeString(Path.of(args[0]), text);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            NmaInput in = NmaInput.read(CsvTable.parse(args[0], text.getBytes()), EffectMeasure.OR);
            NmaSummary s = NmaSummary.of(NmaAnalysis.run(in,
                    new NmaAnalysis.Settings(NmaModel.RANDOM, "T01", true, 0.95, Optional.empty()), args[0]));
            System.out.printf(Locale.ROOT, "run %d: %.1f ms (tau2 %.4f, %d treatments, %d studies)%n", i + 1,
                    (System.nanoTime() - t0) / 1e6, s.tau2(), s.treatments().size(), s.studies());
        }
    }
}

package org.trialmeta.stats.survival;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Timing harness (not a JUnit test, not JMH): Cox fit (Efron, with concordance) and cox.zph on
 * simulated data, 10^5 rows × 5 covariates by default, best of N runs after warm-up. With a path
 * argument it also writes the data as CSV for src/test/r/cox_timing.R (same data in R).
 *
 * <p>Run: {@code mvn -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.trialmeta.stats.survival.CoxTiming [/tmp/sim.csv]} where cp.txt comes from
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class CoxTiming {

    private CoxTiming() {}

    public static void main(String[] args) throws IOException {
        int n = 100_000;
        int p = 5;
        Random rnd = new Random(42);
        double[][] x = new double[p][n];
        double[] t = new double[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            double lp = 0;
            for (int k = 0; k < p; k++) {
                x[k][i] = rnd.nextGaussian();
                lp += 0.2 * (k - 2) * x[k][i];
            }
            double et = -Math.log(rnd.nextDouble()) / (0.1 * Math.exp(lp));
            double ct = -Math.log(rnd.nextDouble()) / 0.05;
            t[i] = Math.ceil(Math.min(et, ct) * 10) / 10; // times on a 0.1 grid: many ties
            s[i] = et <= ct ? 1 : 0;
        }
        if (args.length > 0) {
            StringBuilder sb = new StringBuilder("time,status,x1,x2,x3,x4,x5\n");
            for (int i = 0; i < n; i++) {
                sb.append(t[i]).append(',').append(s[i]);
                for (int k = 0; k < p; k++) {
                    sb.append(',').append(x[k][i]);
                }
                sb.append('\n');
            }
            Files.writeString(Path.of(args[0]), sb);
        }
        List<String> names = List.of("x1", "x2", "x3", "x4", "x5");
        double bestFit = Double.MAX_VALUE;
        double bestZph = Double.MAX_VALUE;
        CoxModel m = null;
        for (int rep = 0; rep < 20; rep++) {
            long t0 = System.nanoTime();
            m = CoxRegression.fit(t, s, x, names, null, Ties.EFRON, 0.95);
            long t1 = System.nanoTime();
            ProportionalHazardsTest.zph(m, t, s, x, null);
            long t2 = System.nanoTime();
            bestFit = Math.min(bestFit, (t1 - t0) / 1e6);
            bestZph = Math.min(bestZph, (t2 - t1) / 1e6);
        }
        System.out.printf(Locale.ROOT, "n=%d p=%d events=%d iterations=%d%n", n, p, m.events(), m.iterations());
        System.out.printf(Locale.ROOT, "coef %s%n", java.util.Arrays.toString(m.coefficientValues()));
        System.out.printf(Locale.ROOT, "best of 20: coxph-equivalent fit %.1f ms, cox.zph %.1f ms%n", bestFit, bestZph);
    }
}

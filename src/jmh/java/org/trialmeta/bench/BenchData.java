package org.trialmeta.bench;

import java.util.SplittableRandom;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;

/**
 * Seeded synthetic meta-analyses for the benchmarks and the R comparison ({@code bench/compare-r.sh}).
 *
 * <p>Study i has arm sizes n1, n2 uniform in [20, 200], a control-arm risk pc uniform in [0.05, 0.5], a true
 * log odds ratio θ_i ~ N(log 0.75, tau² = 0.04), and binomial event counts ai ~ Bin(n1, expit(logit pc + θ_i)),
 * ci ~ Bin(n2, pc). The study-level log ORs and variances are {@code escalc(measure="OR")} of those counts
 * (1/2 added to the cells of tables with a zero), so vi are realistic (about 0.02 to 1). The same seed gives
 * the same data on every JVM ({@link SplittableRandom} is specified).
 */
public final class BenchData {

    /** Seed of every data set (a data set of size k uses seed SEED + k). */
    public static final long SEED = 20261125L;
    public static final double TRUE_MU = Math.log(0.75);
    public static final double TRUE_TAU2 = 0.04;

    public final int k;
    public final int[] ai;
    public final int[] n1i;
    public final int[] ci;
    public final int[] n2i;
    public final double[] yi;
    public final double[] vi;

    private BenchData(int k, int[] ai, int[] n1i, int[] ci, int[] n2i) {
        this.k = k;
        this.ai = ai;
        this.n1i = n1i;
        this.ci = ci;
        this.n2i = n2i;
        EffectSizes es = EffectSizes.twoGroup(EffectMeasure.OR, ai, n1i, ci, n2i);
        this.yi = es.yi();
        this.vi = es.vi();
    }

    /** The data set of k studies. */
    public static BenchData generate(int k) {
        SplittableRandom rnd = new SplittableRandom(SEED + k);
        int[] ai = new int[k];
        int[] n1i = new int[k];
        int[] ci = new int[k];
        int[] n2i = new int[k];
        double tau = Math.sqrt(TRUE_TAU2);
        for (int i = 0; i < k; i++) {
            int n1 = 20 + rnd.nextInt(181);
            int n2 = 20 + rnd.nextInt(181);
            double pc = 0.05 + 0.45 * rnd.nextDouble();
            double theta = TRUE_MU + tau * gaussian(rnd);
            double lp = Math.log(pc / (1 - pc)) + theta;
            double pt = 1 / (1 + Math.exp(-lp));
            n1i[i] = n1;
            n2i[i] = n2;
            ai[i] = binomial(rnd, n1, pt);
            ci[i] = binomial(rnd, n2, pc);
        }
        return new BenchData(k, ai, n1i, ci, n2i);
    }

    private static int binomial(SplittableRandom rnd, int n, double p) {
        int x = 0;
        for (int j = 0; j < n; j++) {
            if (rnd.nextDouble() < p) {
                x++;
            }
        }
        return x;
    }

    /** Standard normal by Box-Muller (one of the pair; deterministic, unlike Random.nextGaussian's caching). */
    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}

package org.trialmeta.stats.meta;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Rosenthal's fail-safe N (Rosenthal R. Psychol Bull 1979;86:638–641), as metafor 3.8 {@code fsn(yi, vi)}
 * (type "Rosenthal", Stouffer's method, alpha = 0.05): the number of additional studies with mean effect 0 that
 * would raise the one-sided p-value of the combined z = |Σ z_i|/√k (z_i = y_i/√v_i) to alpha:
 * N = max(0, k (z/z_α)² − k), rounded up (to the nearest whole number when within √ε of it, as metafor).
 */
public final class FailSafeN {

    /** metafor's default target significance level. */
    public static final double ALPHA = 0.05;

    private FailSafeN() {}

    /**
     * The result.
     *
     * @param n    fail-safe N (a whole number; a double because it can exceed any integer type with extreme z)
     * @param pval one-sided p-value of the combined z (metafor's "observed significance level")
     */
    public record Result(double n, double pval) {
    }

    /** Rosenthal's fail-safe N of {@code yi} with sampling variances {@code vi}. */
    public static Result rosenthal(double[] yi, double[] vi) {
        MetaAnalysis.validate(yi, vi);
        int k = yi.length;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += yi[i] / Math.sqrt(vi[i]);
        }
        NormalDistribution z = NormalDistribution.of(0, 1);
        double zAvg = Math.abs(sum / Math.sqrt(k));
        double pval = z.survivalProbability(zAvg);
        double ratio = zAvg / z.inverseSurvivalProbability(ALPHA);
        double n = Math.max(0, k * ratio * ratio - k);
        double rounded = Math.abs(n - Math.rint(n)) >= Math.sqrt(Math.ulp(1.0)) ? Math.ceil(n) : Math.rint(n);
        return new Result(rounded, pval);
    }
}

package org.trialmeta.stats.survival;

/**
 * Least-squares isotonic regression by the pool-adjacent-violators algorithm (Ayer M, Brunk HD, Ewing GM, Reid WT,
 * Silverman E. An empirical distribution function for sampling with incomplete information. Ann Math Stat
 * 1955;26:641–647; Barlow RE, Bartholomew DJ, Bremner JM, Brunk HD. Statistical Inference under Order
 * Restrictions. Wiley 1972). Same fit as R's {@code -isoreg(x, -y)$yf} for a non-increasing fit with equal weights.
 */
public final class IsotonicRegression {

    private IsotonicRegression() {}

    /**
     * The non-increasing sequence closest to {@code y} in (weighted) least squares: adjacent blocks that violate the
     * order are pooled into their weighted mean until none does. O(n).
     *
     * @param y      values in their order (e.g. survival read at increasing times)
     * @param weight positive finite weight per value, or {@code null} for equal weights
     * @return the fitted values, same length
     */
    public static double[] decreasing(double[] y, double[] weight) {
        int n = y.length;
        if (weight != null && weight.length != n) {
            throw new IllegalArgumentException("weights: " + weight.length + " for " + n + " values");
        }
        double[] mean = new double[n];
        double[] w = new double[n];
        int[] start = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            double wi = weight == null ? 1 : weight[i];
            if (!Double.isFinite(y[i]) || !(wi > 0) || Double.isInfinite(wi)) {
                throw new IllegalArgumentException("value " + i + ": y = " + y[i] + ", weight = " + wi
                        + " (y must be finite, weights finite and > 0)");
            }
            mean[blocks] = y[i];
            w[blocks] = wi;
            start[blocks] = i;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] < mean[blocks - 1]) {
                double ww = w[blocks - 2] + w[blocks - 1];
                mean[blocks - 2] = (w[blocks - 2] * mean[blocks - 2] + w[blocks - 1] * mean[blocks - 1]) / ww;
                w[blocks - 2] = ww;
                blocks--;
            }
        }
        double[] fit = new double[n];
        for (int b = 0; b < blocks; b++) {
            int end = b + 1 < blocks ? start[b + 1] : n;
            for (int i = start[b]; i < end; i++) {
                fit[i] = mean[b];
            }
        }
        return fit;
    }
}

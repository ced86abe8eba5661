package org.trialmeta.stats.survival;

import java.util.OptionalDouble;

/**
 * Result of a G-rho (Harrington-Fleming) k-sample test, as R's {@code survdiff}.
 *
 * @param rho the rho the weights S(t−)^rho were computed with (0 = log-rank, 1 = Peto-Peto)
 * @param stratified whether the test was stratified
 * @param observed weighted observed events per group (summed over strata), group order as given
 * @param expected weighted expected events per group (summed over strata)
 * @param variance the k × k variance matrix of observed − expected (summed over strata)
 * @param chisq the chi-square statistic (0 when fewer than two groups have expected > 0); empty when not estimable:
 *              the variance matrix of the groups compared is singular (survdiff stops with "system is exactly
 *              singular")
 * @param df degrees of freedom: (number of groups with expected > 0) − 1
 * @param pValue upper-tail chi-square p-value; empty when df = 0 (no test) or chisq is not estimable
 */
public record LogRankResult(double rho, boolean stratified, double[] observed, double[] expected,
        double[][] variance, OptionalDouble chisq, int df, OptionalDouble pValue) {
    public LogRankResult {
        observed = observed.clone();
        expected = expected.clone();
        double[][] v = new double[variance.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = variance[i].clone();
        }
        variance = v;
        if (observed.length != expected.length || variance.length != observed.length) {
            throw new IllegalArgumentException("observed (" + observed.length + "), expected ("
                    + expected.length + ") and variance (" + variance.length + ") must have one entry per group");
        }
        if ((chisq.isPresent() && !(chisq.getAsDouble() >= 0)) || df < 0) {
            throw new IllegalArgumentException("chisq " + chisq + ", df " + df + " (must be >= 0)");
        }
        if (chisq.isEmpty() && pValue.isPresent()) {
            throw new IllegalArgumentException("a p-value " + pValue + " without a chi-square statistic");
        }
    }

    /** Whether the statistic is not estimable: the variance matrix of the groups compared is singular. */
    public boolean singular() {
        return chisq.isEmpty();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public double[][] variance() {
        double[][] v = new double[variance.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = variance[i].clone();
        }
        return v;
    }
}

package org.trialmeta.stats.survival;

/**
 * A chi-square test of a Cox model (likelihood-ratio, Wald, score) or of cox.zph: statistic, degrees of
 * freedom and upper-tail p-value {@code P(X²_df >= statistic)}, as R's {@code pchisq(statistic, df, lower.tail = FALSE)}.
 *
 * @param statistic the test statistic, finite and non-negative
 * @param df degrees of freedom, at least 1
 * @param pValue upper-tail p-value in [0, 1]
 */
public record CoxTest(double statistic, int df, double pValue) {
    public CoxTest {
        if (!(statistic >= 0) || Double.isInfinite(statistic)) {
            throw new IllegalArgumentException("chi-square statistic " + statistic + " must be finite and >= 0");
        }
        if (df < 1) {
            throw new IllegalArgumentException("chi-square df " + df + " must be >= 1");
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("chi-square p-value " + pValue + " must be in [0, 1]");
        }
    }

    /** The test with its upper-tail p-value from the chi-square distribution on {@code df}. */
    public static CoxTest of(double statistic, int df) {
        double s = Math.max(0.0, statistic);
        double p = org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(df).survivalProbability(s);
        return new CoxTest(s, df, p);
    }
}

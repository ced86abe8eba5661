package org.trialmeta.stats.survival;

import org.trialmeta.stats.Interval;

/**
 * Difference of two restricted mean survival times (first − second) at a common {@code tau}, with
 * SE = sqrt(se₁² + se₂²) (independent groups) and the normal (Wald) interval diff ± z·SE.
 *
 * @param first RMST of the first group
 * @param second RMST of the second group
 * @param difference first.rmean − second.rmean
 * @param se standard error of the difference
 * @param level confidence level, e.g. 0.95
 * @param ci Wald interval
 * @param z difference / se (NaN-free: 0 / 0 is reported as 0)
 * @param pValue two-sided normal p-value (1 when se = 0 and difference = 0)
 */
public record RmstDifference(RmstResult first, RmstResult second, double difference, double se,
        double level, Interval ci, double z, double pValue) {
    public RmstDifference {
        if (first.tau() != second.tau()) {
            throw new IllegalArgumentException("RMST difference needs a common tau, got " + first.tau()
                    + " and " + second.tau());
        }
    }
}

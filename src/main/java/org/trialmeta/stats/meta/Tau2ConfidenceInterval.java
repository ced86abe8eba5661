package org.trialmeta.stats.meta;

import org.trialmeta.stats.Interval;

/**
 * Q-profile confidence interval for tau² (Viechtbauer W. Stat Med 2007;26:37–52,
 * doi:10.1002/sim.2514): the tau² values at which the generalised Q(tau²) = Σ (yi − ŷ)²/(vi + tau²)
 * equals the chi-square (k − p) quantiles 1 − α/2 (lower bound) and α/2 (upper bound), searched in
 * [0, max(100, 10·tau²)] as metafor's {@code confint(res)}; the I² and H² bounds follow from the tau²
 * bounds with the same vt. When Q(0) is already below the α/2 quantile the interval is the null set,
 * reported as [0, 0] with {@code nullSet = true} (metafor: {@code ci.null}).
 *
 * @param tau2               bounds for tau²
 * @param i2                 bounds for I² (percent)
 * @param h2                 bounds for H²
 * @param nullSet            the CI is empty (shown as [0, 0])
 * @param lowerAtSearchLimit the lower bound is the search limit (metafor prints "&gt;")
 * @param upperAtSearchLimit the upper bound is the search limit (metafor prints "&gt;")
 */
public record Tau2ConfidenceInterval(Interval tau2, Interval i2, Interval h2, boolean nullSet,
        boolean lowerAtSearchLimit, boolean upperAtSearchLimit) {
    public Tau2ConfidenceInterval {
        if (tau2 == null || i2 == null || h2 == null) {
            throw new IllegalArgumentException("tau2, i2 and h2 intervals must not be null");
        }
        if (tau2.lower() < 0) {
            throw new IllegalArgumentException("tau2 lower bound " + tau2.lower() + " must be >= 0");
        }
    }
}

package org.trialmeta.stats.survival;

/**
 * Restricted mean survival time: the area under the Kaplan-Meier curve from 0 to {@code tau}.
 *
 * @param tau the upper limit of integration
 * @param rmean the restricted mean
 * @param se its standard error (0 when no event occurs before {@code tau})
 */
public record RmstResult(double tau, double rmean, double se) {
    public RmstResult {
        if (!Double.isFinite(tau) || !Double.isFinite(rmean) || !(se >= 0) || Double.isInfinite(se)) {
            throw new IllegalArgumentException("RMST tau " + tau + ", rmean " + rmean + ", se " + se
                    + " (all must be finite, se >= 0)");
        }
    }
}

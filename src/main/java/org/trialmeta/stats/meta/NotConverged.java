package org.trialmeta.stats.meta;

/**
 * An iterative tau² estimator (ML, REML, EB, PM) that did not converge; no estimate is given.
 * metafor stops with "Fisher scoring algorithm did not converge" in the same situation.
 *
 * @param method     the estimator
 * @param k          number of studies
 * @param iterations iterations or function evaluations spent
 * @param reason     one-line explanation
 */
public record NotConverged(Tau2Estimator method, int k, int iterations, String reason)
        implements FitResult, MetaRegressionFit, RegressionFit {
    public NotConverged {
        if (method == null || reason == null) {
            throw new IllegalArgumentException("method and reason must not be null");
        }
    }
}

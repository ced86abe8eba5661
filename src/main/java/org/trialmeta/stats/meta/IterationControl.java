package org.trialmeta.stats.meta;

/**
 * Convergence settings of the iterative tau² estimators (ML, REML, EB by Fisher scoring; PM and the
 * Q-profile bounds by Brent root finding). metafor's defaults are {@code threshold = 1e-5,
 * maxiter = 100}; the defaults here converge tighter ({@code 1e-10} relative to max(tau², 1e-6)) so that
 * results agree with the exact estimator, and allow more iterations because each costs only O(k).
 *
 * @param threshold     stop when |tau²_new − tau²_old| ≤ threshold·max(tau², 1e-6); in (0, 1e-3]
 * @param maxIterations at most this many Fisher scoring steps; ≥ 1
 */
public record IterationControl(double threshold, int maxIterations) {

    public IterationControl {
        if (!(threshold > 0 && threshold <= 1e-3)) {
            throw new IllegalArgumentException("threshold " + threshold + " must be in (0, 1e-3]");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations " + maxIterations + " must be >= 1");
        }
    }

    /** threshold 1e-10, at most 1000 iterations. */
    public static IterationControl defaults() {
        return new IterationControl(1e-10, 1000);
    }
}

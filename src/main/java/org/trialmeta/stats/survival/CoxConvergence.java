package org.trialmeta.stats.survival;

/**
 * How the Newton-Raphson iteration of a Cox fit ended, with the same rules as survival 3.5's
 * {@code coxph.fit} warnings.
 */
public enum CoxConvergence {
    /** The relative change in log-likelihood fell to {@code eps} and no coefficient looks infinite. */
    CONVERGED,
    /**
     * The log-likelihood converged but at least one coefficient is still moving, typically monotone
     * likelihood (a covariate separates the events): its estimate and SE are not meaningful. R warns
     * "Loglik converged before variable ...; coefficient may be infinite".
     */
    INFINITE_COEFFICIENT,
    /**
     * {@code iter.max} iterations ran out ("Ran out of iterations and did not converge"), usually because
     * a coefficient diverges to infinity (monotone likelihood): the numbers are the last accepted iterate,
     * not an estimate.
     */
    NOT_CONVERGED
}

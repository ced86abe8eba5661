package org.trialmeta.stats.meta;

/** The outcome of {@link LinearMetaRegression#fit}: a {@link RegressionResult} or {@link NotConverged}. */
public sealed interface RegressionFit permits RegressionResult, NotConverged {

    /** The result, or an {@link IllegalStateException} with the reason it did not converge. */
    default RegressionResult resultOrThrow() {
        if (this instanceof RegressionResult r) {
            return r;
        }
        throw new IllegalStateException(((NotConverged) this).reason());
    }
}

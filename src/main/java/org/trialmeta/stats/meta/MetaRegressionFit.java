package org.trialmeta.stats.meta;

/** The outcome of a meta-regression: a {@link MetaRegressionResult} or {@link NotConverged}. */
public sealed interface MetaRegressionFit permits MetaRegressionResult, NotConverged {

    /** The result, or an {@link IllegalStateException} with the reason it did not converge. */
    default MetaRegressionResult regressionOrThrow() {
        if (this instanceof MetaRegressionResult r) {
            return r;
        }
        throw new IllegalStateException(((NotConverged) this).reason());
    }
}

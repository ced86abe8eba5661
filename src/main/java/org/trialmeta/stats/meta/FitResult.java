package org.trialmeta.stats.meta;

/**
 * The outcome of fitting a meta-analytic model: either a {@link MetaAnalysisResult} or, when an
 * iterative tau² estimator failed, a {@link NotConverged} (never a silently wrong number).
 */
public sealed interface FitResult permits MetaAnalysisResult, NotConverged {

    /** The tau² estimator requested. */
    Tau2Estimator method();

    /** Number of studies. */
    int k();

    /** Whether this is a {@link MetaAnalysisResult}. */
    default boolean converged() {
        return this instanceof MetaAnalysisResult;
    }

    /** The result, or an {@link IllegalStateException} with the reason it did not converge. */
    default MetaAnalysisResult orElseThrow() {
        if (this instanceof MetaAnalysisResult r) {
            return r;
        }
        throw new IllegalStateException(((NotConverged) this).reason());
    }
}

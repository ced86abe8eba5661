package org.trialmeta.stats.meta;

/**
 * Thrown by the procedures that are made of many fits (trim and fill, the funnel asymmetry test) when one of
 * them does not converge: the procedure has no result, as metafor stops with the fit's error.
 */
public final class NotConvergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient NotConverged fit;

    public NotConvergedException(String context, NotConverged fit) {
        super(context + ": " + fit.reason());
        this.fit = fit;
    }

    /** The fit that did not converge. */
    public NotConverged fit() {
        return fit;
    }
}

package org.trialmeta.model;

/** Whether a time estimate (a median or a CI end) has a value. */
public enum EstimateState {
    /** A number was reported. */
    VALUE,
    /** Not reached: fewer events than needed (e.g. the Kaplan–Meier curve stays above 50%). */
    NOT_REACHED,
    /** The source does not report it (e.g. immature data). */
    NOT_REPORTED
}

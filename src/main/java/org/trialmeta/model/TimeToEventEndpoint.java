package org.trialmeta.model;

/** Time-to-event endpoints. */
public enum TimeToEventEndpoint {
    /** Progression-free survival. */
    PFS,
    /** Overall survival (also the median survival of animals per arm in preclinical studies). */
    OS,
    /** Duration of response. */
    DOR,
    /** Time to progression. */
    TTP,
    /** Event-free survival. */
    EFS
}

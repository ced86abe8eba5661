package org.trialmeta.model;

/** Endpoints that are a count of responders out of evaluable. */
public enum BinaryEndpoint {
    /** Objective response rate (CR + PR). */
    ORR,
    /** Complete response. */
    CR,
    /** Partial response. */
    PR,
    /** Stable disease. */
    SD,
    /** Progressive disease. */
    PD,
    /** Disease control rate (CR + PR + SD). */
    DCR,
    /** Clinical benefit rate. */
    CBR
}

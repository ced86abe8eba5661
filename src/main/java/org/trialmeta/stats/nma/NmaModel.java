package org.trialmeta.stats.nma;

/** Common-effect ("fixed") or random-effects network model. */
public enum NmaModel {
    /** One true effect per comparison: GLS with the studies' block-diagonal covariance. */
    FIXED,
    /** A common between-study variance τ², correlation 1/2 between a multi-arm study's contrasts. */
    RANDOM
}

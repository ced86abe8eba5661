package org.trialmeta.model;

/** Unit of the size of a biomarker change. */
public enum MagnitudeUnit {
    /** Relative change in percent of baseline (e.g. reduced by 75%). */
    PERCENT,
    /** Fold change (ratio to baseline). */
    FOLD
}

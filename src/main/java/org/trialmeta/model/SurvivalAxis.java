package org.trialmeta.model;

/** The survival axis of a digitised curve file: detected from the values, 0–1 or 0–100. */
public enum SurvivalAxis {
    /** Detected from the values (fractions when none is above 1.5; said in the output). */
    AUTO,
    /** Survival as a fraction in [0, 1]. */
    PROPORTION,
    /** Survival in percent, 0–100. */
    PERCENT
}

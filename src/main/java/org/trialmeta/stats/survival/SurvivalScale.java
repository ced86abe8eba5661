package org.trialmeta.stats.survival;

/** The scale survival was read on: fractions (0–1), percent (0–100), or decided from the values. */
public enum SurvivalScale {
    /**
     * Percent when the largest value is above {@link #PERCENT_ABOVE} and so is the median value (most points look
     * like percentages); a fraction when the largest value is at most {@link #PERCENT_ABOVE}; otherwise (a few large
     * values among fractions) ambiguous, refused.
     */
    AUTO,
    /** Fractions in [0, 1]. */
    PROPORTION,
    /** Percentages in [0, 100]. */
    PERCENT;

    /**
     * A curve read as fractions has no value above 1 + tolerance (1.02 by default); one on a 0–100 axis has nearly
     * all values above 1.5 (survival above 1.5%). 1.5 lies between the two with margin on both sides.
     */
    public static final double PERCENT_ABOVE = 1.5;
}

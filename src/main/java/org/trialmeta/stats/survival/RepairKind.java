package org.trialmeta.stats.survival;

import java.util.Locale;

/**
 * What {@link DigitisationRepair} changed in a digitised curve or its numbers-at-risk table. Each repair is
 * reported with the points it touched ({@link Repair}); nothing is changed silently.
 */
public enum RepairKind {
    /** Survival read on a 0–100 axis, divided by 100. */
    SCALE_PERCENT,
    /** A time slightly below 0 (within the time tolerance) set to 0. */
    NEGATIVE_TIME,
    /** Points not in time order (or, at one time, not from the top of a drop to its bottom) sorted. */
    SORTED,
    /** A point read twice (same time and survival): the copy removed. */
    DUPLICATE,
    /** Survival slightly above 1 (within the survival tolerance) set to 1. */
    ABOVE_ONE,
    /** Survival slightly below 0 (within the survival tolerance) set to 0. */
    BELOW_ZERO,
    /** A point at time 0 read slightly below 1 (within the survival tolerance) set to 1: S(0) = 1. */
    START_AT_ONE,
    /**
     * A steep rise (more in survival than in time, in the figure's proportions) within the time tolerance: one drop
     * whose foot was clicked before its top; both corners placed at the mean of their two times.
     */
    FOOT_FIRST,
    /** Survival rising by at most the tolerance (other than {@link #FOOT_FIRST}): the non-increasing least-squares
     * (isotonic) fit. */
    ISOTONIC,
    /**
     * On a curve clicked at both corners ({@link ClickStyle#CORNERS}): a drop whose foot was not clicked (a click
     * ending a flat stretch, then a later, lower click that is not one drop with it); the foot added at the top's
     * time and the later click's level.
     */
    MISSING_FOOT,
    /** The start (0, 1) added in front. */
    ORIGIN,
    /** An at-risk interval without a digitised point: the last survival carried forward to its start. */
    FLAT_INTERVAL,
    /** At-risk rows of 0 after the first 0 removed. */
    AT_RISK_TRAILING_ZEROS,
    /** At-risk rows after the last digitised time removed; the first one's count stays at risk to the end. */
    AT_RISK_BEYOND_CURVE;

    /** The name used in JSON and CSV output, e.g. {@code flat_interval}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

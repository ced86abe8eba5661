package org.trialmeta.check;

/**
 * Thresholds of the reviewer check (defaults: {@link #DEFAULTS}).
 *
 * @param maxClinicalMedianYears  a clinical median (PFS, OS, DOR, ...) above this many years is
 *                                implausible (default 20: no oncology trial follows a median that long)
 * @param maxAnimalLifespanDays   longest plausible survival of a mouse or rat, in days (default 1096, three
 *                                years: the upper end of a laboratory mouse's lifespan)
 * @param largeChangePoints       a change of at least this many percentage points between two cuts of
 *                                the same response rate is a warning (default 10)
 */
public record CheckOptions(double maxClinicalMedianYears, double maxAnimalLifespanDays, double largeChangePoints) {

    /** 20 years, 1096 days, 10 percentage points. */
    public static final CheckOptions DEFAULTS = new CheckOptions(20, 1096, 10);

    public CheckOptions {
        if (!(maxClinicalMedianYears > 0) || !Double.isFinite(maxClinicalMedianYears)) {
            throw new IllegalArgumentException("maxClinicalMedianYears: " + maxClinicalMedianYears + " (must be a positive finite number)");
        }
        if (!(maxAnimalLifespanDays > 0) || !Double.isFinite(maxAnimalLifespanDays)) {
            throw new IllegalArgumentException("maxAnimalLifespanDays: " + maxAnimalLifespanDays + " (must be a positive finite number)");
        }
        if (!(largeChangePoints > 0) || !Double.isFinite(largeChangePoints)) {
            throw new IllegalArgumentException("largeChangePoints: " + largeChangePoints + " (must be a positive finite number)");
        }
    }
}

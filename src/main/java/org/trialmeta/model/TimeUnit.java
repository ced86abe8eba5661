package org.trialmeta.model;

/** Unit of a time-to-event quantity. Conversions use 7 days per week and 365.25/12 days per month. */
public enum TimeUnit {
    DAYS(1.0), WEEKS(7.0), MONTHS(365.25 / 12.0);

    private final double days;

    TimeUnit(double days) {
        this.days = days;
    }

    /** Length of one unit in days. */
    public double days() {
        return days;
    }
}

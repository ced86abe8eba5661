package org.trialmeta.present;

import java.util.Locale;

/**
 * A unit of time on a figure's axis, with its length in days as survminer's {@code xscale} converts: 1 week = 7 days,
 * 1 month = 365.25/12 days, 1 year = 365.25 days ({@code ggsurvplot(xscale = "d_m")} divides days by 30.4375,
 * {@code "d_y"} by 365.25, {@code "m_y"} months by 12). Each length is exact in binary floating point, so converting
 * a whole number of months back to days gives the exact day count.
 */
public enum DisplayUnit {
    DAYS(1), WEEKS(7), MONTHS(365.25 / 12), YEARS(365.25);

    private final double days;

    DisplayUnit(double days) {
        this.days = days;
    }

    /** Length of one unit in days. */
    public double days() {
        return days;
    }

    /** The name on an axis and on the command line (plural, lower case). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit named {@code text} (day/days, week/weeks, month/months, year/years; any case), or null. */
    public static DisplayUnit fromName(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DisplayUnit u : values()) {
            if (t.equals(u.label()) || t.equals(u.label().substring(0, u.label().length() - 1))) {
                return u;
            }
        }
        return null;
    }

    /** {@code t} in {@code from} units expressed in this unit: t × days(from) / days(this). */
    public double convert(double t, DisplayUnit from) {
        return t * from.days / days;
    }
}

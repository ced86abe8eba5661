package org.trialmeta.scan;

/**
 * A median time as printed, "8.5 months (95% CI 7.9–9.5)", "5.26 [4.60–6.37] vs 4.14 [3.42–4.86] months", "not
 * reached", or a median follow-up.
 *
 * @param start     span start
 * @param end       span end
 * @param context   sentence or table row
 * @param column    table column, or -1
 * @param table     the table it stands in (numbered from 0), or -1 in running text
 * @param paragraph the paragraph of running text it stands in (a blank line or a heading starts one), or -1 in a
 *                  table
 * @param endpoint  OS, PFS, DOR, TTP, EFS, DFS, MFS, ... (null for a follow-up or when no endpoint is named)
 * @param value     the median, or null when not reached
 * @param unit      its unit
 * @param lower     CI lower end, or null
 * @param upper     CI upper end, or null (also null when the upper end was not reached)
 * @param level     CI level in percent
 * @param followUp  whether it is a median follow-up rather than a median of an endpoint
 * @param order     its position among the medians of the same endpoint in its sentence (0 = first arm)
 */
public record Median(int start, int end, int context, int column, int table, int paragraph, String endpoint, Num value, Units unit, Num lower,
        Num upper, double level, boolean followUp, int order) implements Statistic {

    /** The unit's name: days, weeks, months, years. */
    public String unitName() {
        return unit.label;
    }

    /** Length of the unit in days. */
    public double unitDays() {
        return unit.days;
    }
}

package org.trialmeta.analysis;

import org.trialmeta.repository.CsvTable;

/**
 * The patients of a {@code km} CSV, one row each: follow-up time, event indicator and, when asked for, group and
 * stratum labels. Every problem is an {@link org.trialmeta.model.InputException} naming the file, line, column,
 * value and rule.
 *
 * @param file   the input's name, for messages
 * @param time   follow-up times, in [0, {@link #MAX_TIME}]
 * @param event  1 = event, 0 = censored
 * @param groups group label per patient, or null (one curve of all patients)
 * @param strata stratum label per patient for the log-rank test, or null
 */
public record KmInput(String file, double[] time, int[] event, String[] groups, String[] strata) {

    /**
     * Largest accepted follow-up time. Greenwood and restricted-mean variances sum squared areas (time
     * squared); beyond about 1e150 they overflow to infinity. 1e15 is far above any follow-up in any unit
     * and keeps every sum finite.
     */
    public static final double MAX_TIME = 1e15;

    /**
     * Reads and validates the columns; {@code groupColumn} and {@code strataColumn} may be null (not asked for).
     */
    public static KmInput read(CsvTable csv, String timeColumn, String eventColumn, String groupColumn,
            String strataColumn) {
        csv.requireColumns(timeColumn, eventColumn).requireRows(1);
        if (groupColumn != null) {
            csv.requireColumns(groupColumn);
        }
        if (strataColumn != null) {
            csv.requireColumns(strataColumn);
        }
        int n = csv.rowCount();
        double[] time = csv.doubles(timeColumn);
        double[] ev = csv.doubles(eventColumn);
        int[] event = new int[n];
        for (int r = 0; r < n; r++) {
            if (time[r] < 0) {
                throw csv.cellError(timeColumn, r, csv.string(timeColumn, r), "a time must not be negative");
            }
            if (time[r] > MAX_TIME) {
                throw csv.cellError(timeColumn, r, csv.string(timeColumn, r), "a time must be at most 1e15");
            }
            if (ev[r] != 0 && ev[r] != 1) {
                throw csv.cellError(eventColumn, r, csv.string(eventColumn, r), "event must be 1 (event) or 0 (censored)");
            }
            event[r] = (int) ev[r];
        }
        return new KmInput(csv.name(), time, event, groupColumn == null ? null : csv.strings(groupColumn),
                strataColumn == null ? null : csv.strings(strataColumn));
    }
}

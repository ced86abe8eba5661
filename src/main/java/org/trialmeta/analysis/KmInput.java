package org.trialmeta.analysis;

import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Messages;
import org.trialmeta.stats.survival.Factor;
import org.trialmeta.stats.survival.LogRank;

/**
 * The patients of a {@code km} CSV, one row each: follow-up time, event indicator and, when asked for, group and
 * stratum labels. Every problem is an {@link org.trialmeta.model.InputException} naming the file, line, column,
 * value and rule.
 *
 * @param file   the input's name, for messages
 * @param time   follow-up times, in [0, {@link #MAX_TIME}]
 * @param event  1 = event, 0 = censored
 * @param groups the groups (R's {@code factor} of the group column: levels and a level per patient), or null (one
 *               curve of all patients); at most {@link LogRank#MAX_GROUPS} levels
 * @param strata stratum label per patient for the log-rank test, or null
 */
public record KmInput(String file, double[] time, int[] event, Factor groups, String[] strata) {

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
        double[] time = csv.doubles(timeColumn);
        int[] event = events(csv, timeColumn, time, eventColumn);
        Factor groups = groupColumn == null ? null : Factor.of(csv.labels(groupColumn));
        if (groups != null && groups.size() > LogRank.MAX_GROUPS) {
            // refused before anything is fitted: the test between the groups would be k^2 work per event time
            throw new InputException(csv.name() + ": column " + Messages.quoted(groupColumn) + " has " + groups.size()
                    + " distinct values (the log-rank test compares at most " + LogRank.MAX_GROUPS
                    + " groups; is it the column of the groups?)");
        }
        return new KmInput(csv.name(), time, event, groups, strataColumn == null ? null : csv.labels(strataColumn));
    }

    /**
     * The event column as 0/1, each row's time and event checked in row order (the first bad row is the one reported,
     * whichever column it is in, after every cell of both columns is a number). The event column is kept as one byte
     * a row while it is checked (0, 1, or 2 for any other number), not as 8-byte doubles: 7 MB less on 10⁶ rows.
     */
    private static int[] events(CsvTable csv, String timeColumn, double[] time, String eventColumn) {
        byte[] ev = new byte[time.length];
        csv.eachNumber(eventColumn, (row, value) -> ev[row] = (byte) (value == 0 ? 0 : value == 1 ? 1 : 2));
        int[] event = new int[time.length];
        for (int r = 0; r < time.length; r++) {
            if (time[r] < 0) {
                throw csv.cellError(timeColumn, r, csv.string(timeColumn, r), "a time must not be negative");
            }
            if (time[r] > MAX_TIME) {
                throw csv.cellError(timeColumn, r, csv.string(timeColumn, r), "a time must be at most 1e15");
            }
            if (ev[r] == 2) {
                throw csv.cellError(eventColumn, r, csv.string(eventColumn, r), "event must be 1 (event) or 0 (censored)");
            }
            event[r] = ev[r];
        }
        return event;
    }
}

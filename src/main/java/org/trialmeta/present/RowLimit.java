package org.trialmeta.present;

import java.util.Locale;

/**
 * How many rows of a per-row table (a study, survival-time or analysis per line) the text output prints
 * ({@code --rows all|none|N}). The default, {@link #AUTO}, prints a table of up to {@value #AUTO_ROWS} rows in full
 * and otherwise its first {@value #AUTO_ROWS}, followed by a line saying how many were left out; JSON and CSV are
 * always complete.
 *
 * @param max  the most rows printed ({@link Integer#MAX_VALUE} for all, 0 for none)
 * @param auto whether this is the default (all when small)
 */
public record RowLimit(int max, boolean auto) {

    /** Tables up to this many rows are printed in full by default. */
    public static final int AUTO_ROWS = 50;

    /** The default: all rows up to {@value #AUTO_ROWS}, else the first {@value #AUTO_ROWS}. */
    public static final RowLimit AUTO = new RowLimit(AUTO_ROWS, true);
    /** Every row. */
    public static final RowLimit ALL = new RowLimit(Integer.MAX_VALUE, false);
    /** No row (the summary only). */
    public static final RowLimit NONE = new RowLimit(0, false);

    public RowLimit {
        if (max < 0) {
            throw new IllegalArgumentException("row limit max " + max + " must be >= 0");
        }
    }

    /** The first {@code n} rows. */
    public static RowLimit first(int n) {
        return new RowLimit(n, false);
    }

    /** How many of {@code total} rows are printed. */
    public int shown(int total) {
        return Math.min(total, max);
    }

    /** Whether some of {@code total} rows are left out. */
    public boolean truncates(int total) {
        return shown(total) < total;
    }

    /**
     * The line after a table cut short, e.g. {@code … 999,950 more rows; --rows all to print them}, ending with
     * {@code \n}; empty when nothing was left out.
     */
    public String moreLine(int total) {
        int left = total - shown(total);
        if (left <= 0) {
            return "";
        }
        return (shown(total) == 0 ? String.format(Locale.ROOT, "%,d row%s not printed", left, left == 1 ? "" : "s")
                : String.format(Locale.ROOT, "\u2026 %,d more row%s", left, left == 1 ? "" : "s"))
                + "; --rows all to print them\n";
    }
}

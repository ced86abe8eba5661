package org.trialmeta.cli;

import java.util.Locale;
import org.trialmeta.model.InputException;
import org.trialmeta.present.RowLimit;
import picocli.CommandLine.Option;

/**
 * The {@code --rows all|none|N} option (a picocli mixin) of the commands whose text output has a per-row table that
 * can be very long (a row per study, per survival time, per analysis): how many of its rows to print. By default a
 * table of up to {@value RowLimit#AUTO_ROWS} rows is printed in full, a longer one is cut after
 * {@value RowLimit#AUTO_ROWS} rows with a line saying how many were left out. JSON and CSV are always complete.
 */
public final class RowsOption {

    @Option(names = "--rows", paramLabel = "all|none|N",
            description = "Rows of the per-row table printed in the text output: all, none or the first N "
                    + "(default: all up to " + RowLimit.AUTO_ROWS + " rows, else the first " + RowLimit.AUTO_ROWS
                    + "). JSON and CSV are always complete.")
    String text;

    /** The limit asked for; exit 2 with one line for anything but all, none or a whole number >= 0. */
    RowLimit limit() {
        if (text == null) {
            return RowLimit.AUTO;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return RowLimit.ALL;
        }
        if (t.equals("none")) {
            return RowLimit.NONE;
        }
        if (!t.isEmpty() && t.length() <= 9 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return RowLimit.first(Integer.parseInt(t));
        }
        throw new InputException("--rows: '" + text + "' (allowed: all, none or a whole number of rows >= 0)");
    }
}

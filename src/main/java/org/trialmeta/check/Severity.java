package org.trialmeta.check;

import java.util.Locale;

/**
 * How serious a finding is. Declared from most to least serious, so the natural order of the enum
 * lists errors first.
 */
public enum Severity {
    /** Arithmetic that cannot hold: the data or the transcription is wrong (the check exits 1). */
    ERROR,
    /** Something a reviewer must look at: a discrepancy between sources or cuts, an unexplained CI. */
    WARNING,
    /** A consistent recomputation, a datum to confirm, a note for the review. */
    INFO;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** Lower-case name used on the command line, in JSON and as the HTML class suffix. */
    public String label() {
        return label;
    }

    /** Whether this severity is at least as serious as {@code minimum}. */
    public boolean atLeast(Severity minimum) {
        return ordinal() <= minimum.ordinal();
    }

    /** The severity named {@code name} (any case), or an {@link IllegalArgumentException} listing the names. */
    public static Severity parse(String name) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + name + "' (expected info, warning or error)");
    }
}

package org.trialmeta.stats.survival;

/**
 * A digitised input that cannot be interpreted (as opposed to one that {@link DigitisationRepair} can repair):
 * survival rising by more than the digitising tolerance, a value far outside [0, 1], at-risk counts that rise.
 * Carries the 0-based input position so that a caller can name the file and line.
 */
public final class DigitisationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which input. */
    private final Repair.Source source;
    /** 0-based position in that input (point or at-risk row), or -1 when the problem is the input as a whole. */
    private final int index;
    /** The column the problem is in: "time", "survival" or "n_risk". */
    private final String column;
    /** The rule, without position. */
    private final String rule;

    public DigitisationException(Repair.Source source, int index, String column, String rule) {
        super((source == Repair.Source.CURVE ? "digitised point " : "at-risk row ") + (index + 1) + ", " + column
                + ": " + rule);
        this.source = source;
        this.index = index;
        this.column = column;
        this.rule = rule;
    }

    public Repair.Source source() {
        return source;
    }

    public int index() {
        return index;
    }

    public String column() {
        return column;
    }

    public String rule() {
        return rule;
    }
}

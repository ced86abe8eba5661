package org.trialmeta.model;

/** Clinical development phase; {@link #NOT_APPLICABLE} for preclinical studies. */
public enum Phase {
    PHASE_1("1"), PHASE_1_2("1/2"), PHASE_2("2"), PHASE_2_3("2/3"), PHASE_3("3"), PHASE_4("4"),
    NOT_APPLICABLE("n/a");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** Short label for tables: "1", "1/2", "2", ..., "n/a". */
    public String label() {
        return label;
    }
}

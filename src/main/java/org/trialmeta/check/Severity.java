package org.trialmeta.check;

/** Severity of a reviewer finding, least to most severe. */
public enum Severity {
    /** Verified, or worth knowing (e.g. which CI method reproduces the reported interval). */
    INFO,
    /** Unusual or unexplained but not provably wrong (e.g. two sources disagree). */
    WARNING,
    /** Arithmetically inconsistent: the reported figure cannot follow from the reported counts. */
    ERROR;

    /** Lower-case name as used on the command line and in JSON ({@code info}, {@code warning}, {@code error}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.trialmeta.present;

/**
 * How a confidence interval is written. Journals differ: RevMan and metafor print {@code [0.52, 0.87]}, JAMA
 * {@code (0.52-0.87)}, The BMJ {@code (0.52 to 0.87)}. A dash between two numbers of which one is negative reads
 * as a minus sign, so the dash style falls back to "to" when an end is negative (as JAMA's style guide asks).
 */
public enum CiStyle {
    /** {@code [a, b]}: metafor, RevMan 5, this program's text output. */
    BRACKETS,
    /** {@code (a–b)}, with an en dash; {@code (a to b)} when an end is negative. JAMA, the report's tables. */
    PAREN_DASH,
    /** {@code (a to b)}: The BMJ. */
    PAREN_TO,
    /**
     * {@code a to b} without brackets: for a table cell or running text that has its own parentheses,
     * "HR 0.75 (95% CI 0.62 to 0.91)" (the survival commands' text output).
     */
    TO
}

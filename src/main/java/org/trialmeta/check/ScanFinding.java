package org.trialmeta.check;

import java.util.Objects;

/**
 * One result of {@code scan}: what a rule found about statistics quoted from a document.
 *
 * @param severity   error, warning or info
 * @param rule       the rule's id ({@link Rule#id()})
 * @param page       1-based page (1 for formats without pages)
 * @param line       1-based line within the page
 * @param start      offset of the quoted text in the document's text
 * @param end        offset after it
 * @param quote      the statistic(s) as printed (white space collapsed, at most 300 characters)
 * @param reported   the values as printed
 * @param recomputed what was recomputed (empty when nothing)
 * @param ruleText   the rule in one sentence
 * @param message    what was found, with the numbers
 */
public record ScanFinding(Severity severity, String rule, int page, int line, int start, int end, String quote,
        String reported, String recomputed, String ruleText, String message) {

    public ScanFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(recomputed, "recomputed");
        Objects.requireNonNull(ruleText, "ruleText");
        Objects.requireNonNull(message, "message");
    }
}

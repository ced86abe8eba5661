package org.trialmeta.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trialmeta.document.DocumentText;

/**
 * What {@code scan} found in one document: the findings in reading order and, for the annotated copy, every
 * statistic's span with the most serious finding about it.
 *
 * @param document   the document read (its text, pages and lines)
 * @param statistics number of statistics found
 * @param claimedCiMethod the binomial CI method the document names, or null
 * @param findings   findings in reading order (then severity, rule)
 * @param marks      every statistic's span, in reading order
 */
public record ScanReport(DocumentText document, int statistics, String claimedCiMethod, List<ScanFinding> findings,
        List<Mark> marks) {

    public ScanReport {
        findings = List.copyOf(findings);
        marks = List.copyOf(marks);
    }

    /**
     * A statistic in the text and what the rules say about it.
     *
     * @param start    span start
     * @param end      span end
     * @param kind     proportion, ratio, median, follow-up or p-value
     * @param severity the most serious finding about it, or null when no rule could check it
     * @param about    the findings about it, most serious first (the report's own, not copies)
     */
    public record Mark(int start, int end, String kind, Severity severity, List<ScanFinding> about) {
        public Mark {
            about = List.copyOf(about);
        }

        /**
         * "[severity] rule: message" of each finding about it, made when asked (the annotated copy): a long
         * document's marks would otherwise hold a second copy of every message (a 6 MB text: 87,000 findings).
         */
        public List<String> notes() {
            return about.stream().map(f -> "[" + f.severity().label() + "] " + f.rule() + ": " + f.message()).toList();
        }
    }

    /** Number of findings of each severity (every severity present, maybe 0). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        for (ScanFinding f : findings) {
            out.merge(f.severity(), 1, Integer::sum);
        }
        return out;
    }

    public int count(Severity s) {
        return counts().get(s);
    }

    /** Whether any finding is an error (the CLI then exits 1). */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** The findings at least as serious as {@code minimum}. */
    public List<ScanFinding> atLeast(Severity minimum) {
        return findings.stream().filter(f -> f.severity().atLeast(minimum)).toList();
    }
}

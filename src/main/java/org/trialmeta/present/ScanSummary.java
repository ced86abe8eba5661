package org.trialmeta.present;

import java.util.List;
import org.trialmeta.check.ScanReport;
import org.trialmeta.check.Severity;

/**
 * What {@code scan --format json} writes (snake_case keys): the document, the counts over all findings and the
 * findings at least as serious as {@code minSeverity}.
 *
 * @param document        the file scanned
 * @param format          text, markdown, html, pdf or docx
 * @param pages           pages (1 for formats without pages)
 * @param statistics      number of statistics found
 * @param claimedCiMethod the binomial CI method the document names, or null
 * @param counts          findings per severity, over all findings
 * @param minSeverity     the least serious severity listed
 * @param findings        the findings listed, in reading order
 */
public record ScanSummary(String document, String format, int pages, int statistics, String claimedCiMethod,
        CheckSummary.Counts counts, String minSeverity, List<Item> findings) {

    /**
     * One finding.
     *
     * @param severity   error, warning or info
     * @param rule       the rule's id
     * @param page       1-based page
     * @param line       1-based line within the page
     * @param quote      the statistic(s) as printed
     * @param reported   the values as printed
     * @param recomputed what was recomputed (empty when nothing)
     * @param ruleText   the rule in one sentence
     * @param message    what was found
     */
    public record Item(String severity, String rule, int page, int line, String quote, String reported,
            String recomputed, String ruleText, String message) {
    }

    /** The summary of a scan, listing the findings at least as serious as {@code minimum}. */
    public static ScanSummary of(ScanReport r, Severity minimum) {
        // each made when it is read (the JSON writer reads them one after another, or a chunk on each core): a long
        // document's findings are never all in words at once
        List<Item> items = new MappedList<>(r.atLeast(minimum), f -> new Item(f.severity().label(), f.rule(),
                f.page(), f.line(), f.quote(), f.reported(), f.recomputed(), f.ruleText(), f.message()));
        return new ScanSummary(r.document().name(), r.document().format().label(), r.document().pages(), r.statistics(),
                r.claimedCiMethod(), new CheckSummary.Counts(r.count(Severity.ERROR), r.count(Severity.WARNING),
                        r.count(Severity.INFO)), minimum.label(), items);
    }
}

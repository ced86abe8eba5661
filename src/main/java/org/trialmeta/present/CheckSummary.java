package org.trialmeta.present;

import java.util.List;
import org.trialmeta.check.CheckReport;
import org.trialmeta.check.Finding;
import org.trialmeta.check.Severity;

/**
 * What {@code check --format json} writes, for pipelines (snake_case keys): the counts over all findings and the
 * findings at least as serious as {@code minSeverity}.
 *
 * @param counts      findings per severity, over all findings
 * @param minSeverity the least serious severity listed (info, warning, error)
 * @param findings    the findings listed, in report order
 */
public record CheckSummary(Counts counts, String minSeverity, List<Item> findings) {

    /** Findings per severity, most serious first. */
    public record Counts(int error, int warning, int info) {
    }

    /**
     * One finding ({@link Finding}).
     *
     * @param severity   error, warning or info
     * @param rule       the rule's id
     * @param trial      trial id
     * @param field      where in the trial
     * @param reported   the value as reported (empty when none)
     * @param recomputed what the check recomputed (empty when nothing)
     * @param ruleText   the rule in one sentence
     * @param message    what was found
     * @param sources    the sources cited
     */
    public record Item(String severity, String rule, String trial, String field, String reported, String recomputed,
            String ruleText, String message, List<Source> sources) {
    }

    /** A source a finding cites. */
    public record Source(String id, String citation) {
    }

    /** The summary of a check run, listing the findings at least as serious as {@code minimum}. */
    public static CheckSummary of(CheckReport report, Severity minimum) {
        List<Item> items = report.atLeast(minimum).stream().map(f -> new Item(f.severity().label(), f.rule(), f.trial(),
                f.field(), f.reported(), f.recomputed(), f.ruleText(), f.message(),
                f.sources().stream().map(c -> new Source(c.id(), c.citation())).toList())).toList();
        return new CheckSummary(new Counts(report.count(Severity.ERROR), report.count(Severity.WARNING),
                report.count(Severity.INFO)), minimum.label(), items);
    }
}

package org.trialmeta.present;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialmeta.check.CheckReport;
import org.trialmeta.check.Finding;
import org.trialmeta.check.Rule;
import org.trialmeta.check.Severity;

/**
 * The reviewer check's findings ({@link CheckReport}) as text: the {@code check} table, Markdown to paste into a
 * review, and the HTML fragment of the report. Its JSON is {@link CheckSummary}.
 */
public final class CheckText {

    private CheckText() {}

    /** "0 errors, 3 warnings, 41 info". */
    public static String summary(CheckReport report) {
        int e = report.count(Severity.ERROR);
        int w = report.count(Severity.WARNING);
        return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ")
                + report.count(Severity.INFO) + " info";
    }

    /**
     * What {@code check --format table} prints: a compact table (number, severity, rule, trial, field) of the
     * findings at least as serious as {@code minimum}, then each one's message, reported and recomputed values under
     * its number, then the counts.
     */
    public static String table(CheckReport report, Severity minimum) {
        return Written.text(b -> table(report, minimum, b));
    }

    /** {@link #table(CheckReport, Severity)} written to {@code b} as it is made (thousands of trials: tens of MB). */
    public static void table(CheckReport report, Severity minimum, Writer b) throws IOException {
        List<Finding> shown = report.atLeast(minimum);
        if (!shown.isEmpty()) {
            new TextTable(">#", "severity", "rule", "trial", "field").write(b, k -> {
                Finding f = shown.get(k);
                return new String[] {String.valueOf(k + 1), f.severity().label(), f.rule(), f.trial(), f.field()};
            }, shown.size());
            b.append('\n');
            int i = 1;
            for (Finding f : shown) {
                b.append(String.valueOf(i++)).append(". [").append(f.severity().label()).append("] ")
                        .append(f.trial()).append(' ').append(f.field()).append(": ").append(f.message()).append('\n');
                if (!f.reported().isEmpty()) {
                    b.append("   reported:   ").append(f.reported()).append('\n');
                }
                if (!f.recomputed().isEmpty()) {
                    b.append("   recomputed: ").append(f.recomputed()).append('\n');
                }
            }
            b.append('\n');
        }
        b.append(summary(report)).append('\n');
    }

    /**
     * Markdown to paste into a review: a heading, the counts, a table of the findings at least as serious as
     * {@code minimum}, the rules they break and the sources they cite.
     */
    public static String markdown(CheckReport report, Severity minimum) {
        return Written.text(b -> markdown(report, minimum, b));
    }

    /** {@link #markdown(CheckReport, Severity)} written to {@code b} as it is made. */
    public static void markdown(CheckReport report, Severity minimum, Writer b) throws IOException {
        b.append("## Reviewer check\n\n");
        b.append(summary(report)).append(" (listed: ").append(minimum.label()).append(" and above).\n\n");
        List<Finding> shown = report.atLeast(minimum);
        if (shown.isEmpty()) {
            b.append("No findings at this severity.\n");
            return;
        }
        b.append("| Severity | Rule | Trial | Field | Reported | Recomputed | Finding | Sources |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, String> cited = new LinkedHashMap<>();
        for (Finding f : shown) {
            List<String> ids = new ArrayList<>();
            for (Finding.Citation c : f.sources()) {
                ids.add(c.id());
                cited.putIfAbsent(c.id(), c.citation());
            }
            b.append("| ").append(f.severity() == Severity.ERROR ? "**error**" : f.severity().label())
                    .append(" | `").append(f.rule()).append("` | ").append(md(f.trial()))
                    .append(" | ").append(md(f.field())).append(" | ").append(md(f.reported()))
                    .append(" | ").append(md(f.recomputed())).append(" | ").append(md(f.message()))
                    .append(" | ").append(md(String.join(", ", ids))).append(" |\n");
        }
        b.append("\nRules:\n\n");
        for (Rule r : Rule.values()) {
            if (shown.stream().anyMatch(f -> f.rule().equals(r.id()))) {
                b.append("- `").append(r.id()).append("`: ").append(md(r.sentence())).append('\n');
            }
        }
        b.append("\nSources:\n\n");
        for (Map.Entry<String, String> c : cited.entrySet()) {
            b.append("- ").append(md(c.getKey())).append(": ").append(md(c.getValue())).append('\n');
        }
    }

    private static String md(String s) {
        return Escape.markdownCell(s);
    }

    /** Anchor of the errors-and-warnings part of {@link #htmlFragment}. */
    public static final String ISSUES_ID = "check-issues";
    /** Anchor of the collapsed info findings of {@link #htmlFragment} (a {@code <details>} element). */
    public static final String INFO_ID = "check-info";

    /**
     * The counts as HTML, each coloured by its severity class: "0 errors, 2 warnings, 61 info".
     */
    public static String htmlCounts(CheckReport report) {
        StringBuilder b = new StringBuilder();
        Map<Severity, Integer> counts = report.counts();
        for (Severity s : Severity.values()) {
            int n = counts.get(s);
            b.append("<span class=\"severity-").append(s.label()).append("\">").append(n).append(' ')
                    .append(s.label()).append(n == 1 || s == Severity.INFO ? "" : "s").append("</span>");
            if (s != Severity.INFO) {
                b.append(", ");
            }
        }
        return b.toString();
    }

    /**
     * An HTML fragment (no {@code <html>}/{@code <head>}) to embed in a report page: a
     * {@code <section class="reviewer-check">} with the counts ({@link #htmlCounts}), the errors and warnings first
     * (under a heading with id {@value #ISSUES_ID}, errors before warnings) and, when {@code minimum} is info, the
     * info findings in a {@code <details id="check-info">} that is closed until the reader opens it. Each table is a
     * {@code <table class="check-findings">} whose rows carry {@code class="severity-error"}, {@code severity-warning}
     * or {@code severity-info} (styled by the page's CSS; the field cell, a path without spaces that may break
     * anywhere, carries {@code class="ident"}). Every text goes through {@link Escape#html}; the rule's
     * sentence is the rule cell's {@code title}, the citations the sources cell's.
     */
    public static String htmlFragment(CheckReport report, Severity minimum) {
        return Written.text(b -> htmlFragment(report, minimum, b));
    }

    /** {@link #htmlFragment(CheckReport, Severity)} written to {@code b} as it is made. */
    public static void htmlFragment(CheckReport report, Severity minimum, Writer b) throws IOException {
        b.append("<section class=\"reviewer-check\">\n");
        b.append("<p class=\"check-summary\">").append(htmlCounts(report)).append("</p>\n");
        List<Finding> issues = new ArrayList<>(report.atLeast(minimum.atLeast(Severity.WARNING) ? minimum
                : Severity.WARNING));
        issues.sort(java.util.Comparator.comparing(Finding::severity)); // stable: errors, then warnings, each in order
        b.append("<h3 id=\"").append(ISSUES_ID).append("\">Errors and warnings (").append(String.valueOf(issues.size()))
                .append(")</h3>\n");
        if (issues.isEmpty()) {
            b.append("<p>No errors and no warnings.</p>\n");
        } else {
            findingsTable(b, issues);
        }
        if (minimum == Severity.INFO) {
            List<Finding> info = report.findings().stream().filter(f -> f.severity() == Severity.INFO).toList();
            b.append("<details class=\"check-info\" id=\"").append(INFO_ID).append("\">\n<summary>Info findings (")
                    .append(String.valueOf(info.size()))
                    .append("): consistent recomputations and notes for the review (click to show)</summary>\n");
            if (info.isEmpty()) {
                b.append("<p>No info findings.</p>\n");
            } else {
                findingsTable(b, info);
            }
            b.append("</details>\n");
        }
        b.append("</section>\n");
    }

    private static void findingsTable(Writer b, List<Finding> shown) throws IOException {
        b.append("<table class=\"check-findings\">\n<thead><tr><th>Severity</th><th>Rule</th><th>Trial</th>"
                + "<th>Field</th><th>Reported</th><th>Recomputed</th><th>Finding</th><th>Sources</th></tr></thead>\n<tbody>\n");
        for (Finding f : shown) {
            List<String> ids = new ArrayList<>();
            List<String> cites = new ArrayList<>();
            for (Finding.Citation c : f.sources()) {
                ids.add(c.id());
                cites.add(c.toString());
            }
            b.append("<tr class=\"severity-").append(f.severity().label()).append("\">")
                    .append("<td>").append(f.severity().label()).append("</td>")
                    .append("<td title=\"").append(Escape.html(f.ruleText())).append("\"><code>")
                    .append(Escape.html(f.rule())).append("</code></td>")
                    .append("<td>").append(Escape.html(f.trial())).append("</td>")
                    .append("<td class=\"ident\">").append(Escape.html(f.field())).append("</td>")
                    .append("<td>").append(Escape.html(f.reported())).append("</td>")
                    .append("<td>").append(Escape.html(f.recomputed())).append("</td>")
                    .append("<td>").append(Escape.html(f.message())).append("</td>")
                    .append("<td title=\"").append(Escape.html(String.join("; ", cites))).append("\">")
                    .append(Escape.html(String.join(", ", ids))).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }
}

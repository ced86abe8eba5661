package org.trialmeta.present;

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
        StringBuilder b = new StringBuilder();
        List<Finding> shown = report.atLeast(minimum);
        if (!shown.isEmpty()) {
            TextTable t = new TextTable(">#", "severity", "rule", "trial", "field");
            int i = 1;
            for (Finding f : shown) {
                t.row(i++, f.severity().label(), f.rule(), f.trial(), f.field());
            }
            b.append(t.render()).append('\n');
            i = 1;
            for (Finding f : shown) {
                b.append(i++).append(". [").append(f.severity().label()).append("] ").append(f.trial()).append(' ')
                        .append(f.field()).append(": ").append(f.message()).append('\n');
                if (!f.reported().isEmpty()) {
                    b.append("   reported:   ").append(f.reported()).append('\n');
                }
                if (!f.recomputed().isEmpty()) {
                    b.append("   recomputed: ").append(f.recomputed()).append('\n');
                }
            }
            b.append('\n');
        }
        return b.append(summary(report)).append('\n').toString();
    }

    /**
     * Markdown to paste into a review: a heading, the counts, a table of the findings at least as serious as
     * {@code minimum}, the rules they break and the sources they cite.
     */
    public static String markdown(CheckReport report, Severity minimum) {
        StringBuilder b = new StringBuilder();
        b.append("## Reviewer check\n\n");
        b.append(summary(report)).append(" (listed: ").append(minimum.label()).append(" and above).\n\n");
        List<Finding> shown = report.atLeast(minimum);
        if (shown.isEmpty()) {
            return b.append("No findings at this severity.\n").toString();
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
        cited.forEach((id, citation) -> b.append("- ").append(md(id)).append(": ").append(md(citation)).append('\n'));
        return b.toString();
    }

    private static String md(String s) {
        return Escape.markdownCell(s);
    }

    /**
     * An HTML fragment (no {@code <html>}/{@code <head>}) to embed in a report page: a
     * {@code <section class="reviewer-check">} with a summary paragraph and a {@code <table class="check-findings">}
     * whose rows carry {@code class="severity-error"}, {@code severity-warning} or {@code severity-info} (styled by the
     * page's CSS). Every text goes through {@link Escape#html}; the rule's sentence is the rule cell's {@code title},
     * the citations the sources cell's.
     */
    public static String htmlFragment(CheckReport report, Severity minimum) {
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"reviewer-check\">\n");
        Map<Severity, Integer> counts = report.counts();
        b.append("<p class=\"check-summary\">");
        for (Severity s : Severity.values()) {
            int n = counts.get(s);
            b.append("<span class=\"severity-").append(s.label()).append("\">").append(n).append(' ')
                    .append(s.label()).append(n == 1 || s == Severity.INFO ? "" : "s").append("</span>");
            if (s != Severity.INFO) {
                b.append(", ");
            }
        }
        b.append(" (listed: ").append(minimum.label()).append(" and above)</p>\n");
        List<Finding> shown = report.atLeast(minimum);
        if (shown.isEmpty()) {
            return b.append("<p>No findings at this severity.</p>\n</section>\n").toString();
        }
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
                    .append("<td>").append(Escape.html(f.field())).append("</td>")
                    .append("<td>").append(Escape.html(f.reported())).append("</td>")
                    .append("<td>").append(Escape.html(f.recomputed())).append("</td>")
                    .append("<td>").append(Escape.html(f.message())).append("</td>")
                    .append("<td title=\"").append(Escape.html(String.join("; ", cites))).append("\">")
                    .append(Escape.html(String.join(", ", ids))).append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n</section>\n").toString();
    }
}

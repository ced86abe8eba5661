package org.trialmeta.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialmeta.repository.CsvCells;
import org.trialmeta.repository.Json;

/**
 * The findings of one run of {@link ReviewerCheck}, in report order, with their counts by severity
 * and renderings as JSON, Markdown and an HTML fragment.
 *
 * @param findings findings in report order (severity, trial, rule, field)
 * @param options  the thresholds they were computed with
 */
public record CheckReport(List<Finding> findings, CheckOptions options) {

    public CheckReport {
        if (findings == null || options == null) {
            throw new IllegalArgumentException("findings/options: null (required)");
        }
        findings = List.copyOf(findings);
    }

    /** Number of findings of each severity (every severity present, maybe 0), most serious first. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        for (Finding f : findings) {
            out.merge(f.severity(), 1, Integer::sum);
        }
        return out;
    }

    public int count(Severity severity) {
        return counts().get(severity);
    }

    /** Whether any finding is an error (the CLI then exits 1). */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** The findings at least as serious as {@code minimum}. */
    public List<Finding> atLeast(Severity minimum) {
        return findings.stream().filter(f -> f.severity().atLeast(minimum)).toList();
    }

    /** The findings of one rule (by its id), e.g. {@code byRule("binomial-ci")}. */
    public List<Finding> byRule(String ruleId) {
        return findings.stream().filter(f -> f.rule().equals(ruleId)).toList();
    }

    /** "0 errors, 3 warnings, 41 info". */
    public String summary() {
        int e = count(Severity.ERROR);
        int w = count(Severity.WARNING);
        return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ")
                + count(Severity.INFO) + " info";
    }

    /**
     * JSON for pipelines: {@code {"counts": {"error": n, "warning": n, "info": n}, "minSeverity": "...",
     * "findings": [{"severity", "rule", "trial", "field", "reported", "recomputed", "ruleText", "message",
     * "sources": [{"id", "citation"}]}]}}. Counts are over all findings; the list holds those at least
     * as serious as {@code minimum}.
     */
    public String toJson(Severity minimum) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts().forEach((s, n) -> counts.put(s.label(), n));
        root.put("counts", counts);
        root.put("minSeverity", minimum.label());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : atLeast(minimum)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().label());
            m.put("rule", f.rule());
            m.put("trial", f.trial());
            m.put("field", f.field());
            m.put("reported", f.reported());
            m.put("recomputed", f.recomputed());
            m.put("ruleText", f.ruleText());
            m.put("message", f.message());
            List<Map<String, Object>> sources = new ArrayList<>();
            for (Finding.Citation c : f.sources()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", c.id());
                s.put("citation", c.citation());
                sources.add(s);
            }
            m.put("sources", sources);
            list.add(m);
        }
        root.put("findings", list);
        return Json.write(root);
    }

    /**
     * Markdown to paste into a review: a heading, the counts, a table of the findings at least as
     * serious as {@code minimum} and the sources they cite.
     */
    public String toMarkdown(Severity minimum) {
        StringBuilder b = new StringBuilder();
        b.append("## Reviewer check\n\n");
        b.append(summary()).append(" (listed: ").append(minimum.label()).append(" and above).\n\n");
        List<Finding> shown = atLeast(minimum);
        if (shown.isEmpty()) {
            b.append("No findings at this severity.\n");
            return b.toString();
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
        return CsvCells.markdownWithoutHtml(s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ")
                .replace("\n", " ").replace("*", "\\*"));
    }

    /**
     * An HTML fragment (no {@code <html>}/{@code <head>}) to embed in a report page: a
     * {@code <section class="reviewer-check">} with a summary paragraph and a
     * {@code <table class="check-findings">} whose rows carry {@code class="severity-error"},
     * {@code severity-warning} or {@code severity-info} (style them in the page's CSS). Every text is
     * HTML-escaped; the rule's sentence is the rule cell's {@code title}, the citations the sources cell's.
     */
    public String toHtmlFragment(Severity minimum) {
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"reviewer-check\">\n");
        Map<Severity, Integer> counts = counts();
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
        List<Finding> shown = atLeast(minimum);
        if (shown.isEmpty()) {
            b.append("<p>No findings at this severity.</p>\n</section>\n");
            return b.toString();
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
                    .append("<td title=\"").append(html(f.ruleText())).append("\"><code>").append(html(f.rule()))
                    .append("</code></td>")
                    .append("<td>").append(html(f.trial())).append("</td>")
                    .append("<td>").append(html(f.field())).append("</td>")
                    .append("<td>").append(html(f.reported())).append("</td>")
                    .append("<td>").append(html(f.recomputed())).append("</td>")
                    .append("<td>").append(html(f.message())).append("</td>")
                    .append("<td title=\"").append(html(String.join("; ", cites))).append("\">")
                    .append(html(String.join(", ", ids))).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
        return b.toString();
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}

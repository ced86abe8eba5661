package org.trialmeta.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of {@link ReviewerCheck#run}, in a deterministic order (trial, rule, field, message).
 *
 * @param findings every finding
 */
public record CheckReport(List<Finding> findings) {
    public CheckReport {
        if (findings == null) {
            throw new IllegalArgumentException("findings: null (required)");
        }
        findings = List.copyOf(findings);
    }

    /** Number of findings per severity (every severity present, possibly 0). */
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

    /** Number of findings of the given severity. */
    public int count(Severity severity) {
        return counts().get(severity);
    }

    /** True when at least one finding is an error (the CLI then exits 1). */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** The findings at or above {@code min}, same order. */
    public CheckReport atLeast(Severity min) {
        return new CheckReport(findings.stream().filter(f -> f.severity().compareTo(min) >= 0).toList());
    }

    /**
     * An HTML {@code <table class="reviewer-check">} of the findings, every text escaped, for embedding in
     * the HTML report.
     */
    public String toHtmlFragment() {
        StringBuilder b = new StringBuilder();
        Map<Severity, Integer> c = counts();
        b.append("<table class=\"reviewer-check\">\n<caption>Reviewer check: ")
                .append(c.get(Severity.ERROR)).append(" error(s), ")
                .append(c.get(Severity.WARNING)).append(" warning(s), ")
                .append(c.get(Severity.INFO)).append(" info</caption>\n")
                .append("<thead><tr><th>severity</th><th>rule</th><th>trial</th><th>field</th><th>reported</th>"
                        + "<th>recomputed</th><th>finding</th><th>sources</th></tr></thead>\n<tbody>\n");
        for (Finding f : findings) {
            b.append("<tr class=\"").append(f.severity().label()).append("\">");
            cell(b, f.severity().label());
            cell(b, f.rule());
            cell(b, f.trial());
            cell(b, f.field());
            cell(b, f.reported());
            cell(b, f.recomputed());
            cell(b, f.message());
            cell(b, String.join("; ", f.sources()));
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static void cell(StringBuilder b, String text) {
        b.append("<td>").append(escape(text)).append("</td>");
    }

    /** HTML-escapes {@code & < > " '}. */
    static String escape(String s) {
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

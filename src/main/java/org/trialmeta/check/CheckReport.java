package org.trialmeta.check;

import java.util.List;

/** The findings of a {@link ReviewerCheck} run, in a deterministic order (trial, field, rule). */
public record CheckReport(List<Finding> findings) {
    public CheckReport {
        findings = List.copyOf(findings);
    }

    /** Number of findings of the given severity. */
    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** Findings at or above {@code min} (ERROR above WARNING above INFO). */
    public List<Finding> atLeast(Severity min) {
        return findings.stream().filter(f -> f.severity().ordinal() <= min.ordinal()).toList();
    }

    /** An HTML table of the findings (text escaped), for embedding in a report page. */
    public String toHtmlFragment() {
        StringBuilder h = new StringBuilder("<table class=\"data findings\">\n<thead><tr><th>Severity</th><th>Rule</th>"
                + "<th>Trial</th><th>Field</th><th>Reported</th><th>Recomputed</th><th>Finding</th></tr></thead>\n<tbody>\n");
        for (Finding f : findings) {
            h.append("<tr class=\"").append(f.severity().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
                    .append(f.severity()).append("</td><td>").append(esc(f.rule())).append("</td><td>").append(esc(f.trial()))
                    .append("</td><td>").append(esc(f.field())).append("</td><td>").append(esc(f.reported()))
                    .append("</td><td>").append(esc(f.recomputed())).append("</td><td>").append(esc(f.message()))
                    .append("</td></tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

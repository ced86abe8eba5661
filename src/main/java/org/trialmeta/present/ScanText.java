package org.trialmeta.present;

import java.util.List;
import org.trialmeta.check.ScanFinding;
import org.trialmeta.check.ScanReport;
import org.trialmeta.check.Severity;

/** What {@code scan --format table} prints: the findings as a compact table, then each in full, then the counts. */
public final class ScanText {

    /** Longest quote in the compact table. */
    private static final int SHORT_QUOTE = 48;

    private ScanText() {}

    /** "2 errors, 1 warning, 17 info in 42 statistics". */
    public static String summary(ScanReport r) {
        int e = r.count(Severity.ERROR);
        int w = r.count(Severity.WARNING);
        return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ")
                + r.count(Severity.INFO) + " info in " + r.statistics() + (r.statistics() == 1 ? " statistic" : " statistics")
                + " found";
    }

    public static String table(ScanReport r, Severity minimum) {
        StringBuilder b = new StringBuilder();
        b.append(r.document().name()).append(" (").append(r.document().format().label())
                .append(r.document().pages() > 1 ? ", " + r.document().pages() + " pages" : "").append(")")
                .append(r.claimedCiMethod() == null ? "" : "; CI method named: " + r.claimedCiMethod()).append("\n\n");
        List<ScanFinding> shown = r.atLeast(minimum);
        if (!shown.isEmpty()) {
            TextTable t = new TextTable(">#", "severity", "rule", "where", "quote");
            int i = 1;
            for (ScanFinding f : shown) {
                t.row(i++, f.severity().label(), f.rule(), where(r, f), shorten(f.quote()));
            }
            b.append(t.render()).append('\n');
            i = 1;
            for (ScanFinding f : shown) {
                b.append(i++).append(". [").append(f.severity().label()).append("] ").append(where(r, f)).append(": \"")
                        .append(f.quote()).append("\"\n   ").append(f.message()).append('\n');
                if (!f.reported().isEmpty()) {
                    b.append("   reported:   ").append(f.reported()).append('\n');
                }
                if (!f.recomputed().isEmpty()) {
                    b.append("   recomputed: ").append(f.recomputed()).append('\n');
                }
                b.append("   rule:       ").append(f.rule()).append(": ").append(f.ruleText()).append('\n');
            }
            b.append('\n');
        }
        return b.append(summary(r)).append('\n').toString();
    }

    static String where(ScanReport r, ScanFinding f) {
        return (r.document().pages() > 1 || "pdf".equals(r.document().format().label()) ? "p. " + f.page() + ", " : "")
                + "line " + f.line();
    }

    private static String shorten(String s) {
        return s.length() <= SHORT_QUOTE ? s : s.substring(0, SHORT_QUOTE - 3) + "...";
    }
}

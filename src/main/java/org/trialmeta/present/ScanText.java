package org.trialmeta.present;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /** The whole text output as one string (see {@link #table(ScanReport, Severity, Writer)}). */
    public static String table(ScanReport r, Severity minimum) {
        StringWriter w = new StringWriter();
        table(r, minimum, w);
        return w.toString();
    }

    /**
     * Writes the text output to {@code out} finding by finding: a long document's findings make tens of MB of text
     * (a 6 MB text: 53 MB), which are not built in memory first.
     */
    public static void table(ScanReport r, Severity minimum, Writer out) {
        try {
            out.write(r.document().name() + " (" + r.document().format().label()
                    + (r.document().pages() > 1 ? ", " + r.document().pages() + " pages" : "") + ")"
                    + (r.claimedCiMethod() == null ? "" : "; CI method named: " + r.claimedCiMethod()) + "\n\n");
            List<ScanFinding> shown = r.atLeast(minimum);
            if (!shown.isEmpty()) {
                // streamed (TextTable.write): a long document has tens of thousands of findings. The compact table
                // is read twice (widths, then lines) and needs no finding's words, so it reads where they stand
                List<ScanReport.Place> places = r.places(minimum);
                new TextTable(">#", "severity", "rule", "where", "quote").write(out, k -> {
                    ScanReport.Place p = places.get(k);
                    return new String[] {String.valueOf(k + 1), p.severity().label(), p.rule(),
                            where(r, p.page(), p.line()), shorten(p.quote())};
                }, places.size());
                out.write('\n');
                StringBuilder b = new StringBuilder();
                Prefetched<ScanFinding> inWords = new Prefetched<>(shown);
                for (int i = 1; i <= inWords.size(); i++) {
                    ScanFinding f = inWords.get(i - 1);
                    b.setLength(0);
                    b.append(i).append(". [").append(f.severity().label()).append("] ").append(where(r, f))
                            .append(": \"").append(f.quote()).append("\"\n   ").append(f.message()).append('\n');
                    if (!f.reported().isEmpty()) {
                        b.append("   reported:   ").append(f.reported()).append('\n');
                    }
                    if (!f.recomputed().isEmpty()) {
                        b.append("   recomputed: ").append(f.recomputed()).append('\n');
                    }
                    b.append("   rule:       ").append(f.rule()).append(": ").append(f.ruleText()).append('\n');
                    out.append(b);
                }
                out.write('\n');
            }
            out.write(summary(r) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String where(ScanReport r, ScanFinding f) {
        return where(r, f.page(), f.line());
    }

    private static String where(ScanReport r, int page, int line) {
        return (r.document().pages() > 1 || "pdf".equals(r.document().format().label()) ? "p. " + page + ", " : "")
                + "line " + line;
    }

    private static String shorten(String s) {
        return s.length() <= SHORT_QUOTE ? s : s.substring(0, SHORT_QUOTE - 3) + "...";
    }
}

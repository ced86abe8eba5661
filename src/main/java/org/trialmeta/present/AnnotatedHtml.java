package org.trialmeta.present;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.trialmeta.check.ScanFinding;
import org.trialmeta.check.ScanReport;
import org.trialmeta.check.Severity;
import org.trialmeta.document.CompactText;
import org.trialmeta.document.DocumentText;

/**
 * The annotated copy of a scanned document ({@code scan --out annotated.html}): the document's text, escaped, with
 * every statistic found highlighted (green: recomputed and consistent; amber: a warning; red: an error; grey
 * underline: found but nothing to recompute it from), its explanation in the {@code title} (on hover) and in a note
 * that a click (or Enter) opens beside it; then the findings with links to their place. One self-contained page:
 * inline CSS and a few lines of inline script, a Content-Security-Policy that forbids every external resource.
 */
public final class AnnotatedHtml {

    private static final String CSS = """
            body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            .text{white-space:pre-wrap;font-family:ui-serif,Georgia,serif;border-top:1px solid #ccc;padding-top:1rem}
            mark{padding:0 .15em;border-radius:.2em;cursor:pointer}
            mark.error{background:#f8c4c4;outline:1px solid #c22}
            mark.warning{background:#fde3a7;outline:1px solid #c80}
            mark.info{background:#cdebc5}
            mark.none{background:none;text-decoration:underline dotted #888}
            .note{display:block;font:13px/1.4 system-ui,sans-serif;background:#f6f6f6;border-left:3px solid #888;
            margin:.3em 0;padding:.3em .6em;white-space:normal}
            .note[hidden]{display:none}
            .page{display:block;color:#888;font:12px system-ui,sans-serif;border-top:1px dashed #bbb;margin:1em 0}
            .legend span{margin-right:1em}
            li{margin:.3em 0}
            """;

    private static final String SCRIPT = """
            document.addEventListener('click',function(e){var m=e.target.closest('mark');if(!m)return;
            var n=document.getElementById('n'+m.id.substring(1));if(n)n.hidden=!n.hidden;});
            document.addEventListener('keydown',function(e){if(e.key!=='Enter')return;var m=e.target.closest('mark');
            if(!m)return;var n=document.getElementById('n'+m.id.substring(1));if(n)n.hidden=!n.hidden;});
            """;

    private AnnotatedHtml() {}

    /** {@link #render(ScanReport, Writer)} as text (tests, short documents). */
    public static String render(ScanReport r) {
        return Written.text(out -> render(r, out));
    }

    /**
     * Writes the annotated copy to {@code b} as it goes: a long document's copy is several times its text (a 6 MB
     * text: 44 MB of HTML), which is never held whole.
     */
    public static void render(ScanReport r, Writer b) throws IOException {
        DocumentText d = r.document();
        CompactText text = d.text();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                        + " 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
                .append("<title>Scan of ").append(Escape.html(d.name())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>Scan of ").append(Escape.html(d.name())).append("</h1>\n<p>")
                .append(Escape.html(ScanText.summary(r))).append(". ")
                .append(r.claimedCiMethod() == null ? "" : "CI method named in the document: "
                        + Escape.html(r.claimedCiMethod()) + ". ")
                .append("Click a highlighted statistic for its explanation.</p>\n<p class=\"legend\">")
                .append("<mark class=\"info\">consistent</mark> <mark class=\"warning\">warning</mark> ")
                .append("<mark class=\"error\">error</mark> <mark class=\"none\">found, not checkable</mark></p>\n")
                .append("<div class=\"text\">");
        // marks in text order; a mark starting inside the one before is folded into it (its notes appended). Each
        // is made, put into words and written in turn: a long document has tens of thousands
        List<ScanReport.Mark> marks = r.marks();
        int[] foldedStart = new int[marks.size()];
        int[] foldedEnd = new int[marks.size()];
        int pos = 0;
        int nextPage = 1;
        int id = 0;
        Prefetched<List<String>> notesOf = new Prefetched<>(new MappedList<>(marks, ScanReport.Mark::notes));
        for (int k = 0; k < marks.size(); ) {
            ScanReport.Mark m = marks.get(k);
            List<String> notes = new ArrayList<>(notesOf.get(k++));
            int end = m.end();
            Severity severity = m.severity();
            for (ScanReport.Mark inside; k < marks.size() && (inside = marks.get(k)).start() < end; k++) {
                notes.addAll(notesOf.get(k));
                end = Math.max(end, inside.end());
                severity = worse(severity, inside.severity());
            }
            nextPage = text(b, text, d, pos, m.start(), nextPage);
            foldedStart[id] = m.start();
            foldedEnd[id] = end;
            id++;
            String cls = severity == null ? "none" : severity.label();
            String note = notes.isEmpty() ? m.kind() + ": found; the document gives nothing to recompute it from"
                    : String.join("\n", notes);
            b.append("<mark id=\"m").append(String.valueOf(id)).append("\" class=\"").append(cls)
                    .append("\" tabindex=\"0\" title=\"")
                    .append(Escape.html(note)).append("\">").append(Escape.html(text.subSequence(m.start(), end)))
                    .append("</mark><span class=\"note\" id=\"n").append(String.valueOf(id)).append("\" hidden>");
            if (notes.isEmpty()) {
                b.append(Escape.html(note));
            } else {
                for (int i = 0; i < notes.size(); i++) {
                    b.append(i == 0 ? "" : "<br>").append(Escape.html(notes.get(i)));
                }
            }
            b.append("</span>");
            pos = end;
        }
        text(b, text, d, pos, text.length(), nextPage);
        b.append("</div>\n<h2>Findings</h2>\n");
        List<ScanFinding> serious = r.atLeast(Severity.WARNING);
        if (serious.isEmpty()) {
            b.append("<p>No error or warning.</p>\n");
        } else {
            b.append("<ol>\n");
            Prefetched<ScanFinding> inWords = new Prefetched<>(serious);
            for (int i = 0; i < inWords.size(); i++) {
                ScanFinding f = inWords.get(i);
                int target = markAt(foldedStart, foldedEnd, id, f.start());
                b.append("<li class=\"").append(f.severity().label()).append("\"><b>").append(f.severity().label())
                        .append("</b> <code>").append(Escape.html(f.rule())).append("</code> ")
                        .append(target > 0 ? "<a href=\"#m" + target + "\">" : "")
                        .append(Escape.html(ScanText.where(r, f))).append(target > 0 ? "</a>" : "").append(": &ldquo;")
                        .append(Escape.html(f.quote())).append("&rdquo; &mdash; ").append(Escape.html(f.message()))
                        .append("</li>\n");
            }
            b.append("</ol>\n");
        }
        b.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    }

    /** Writes text[from, to) escaped, with a page rule before each page that starts in it. */
    private static int text(Writer b, CompactText text, DocumentText d, int from, int to, int nextPage)
            throws IOException {
        int page = nextPage;
        int i = from;
        while (page < d.pages() && pageStart(d, page) < to) {
            int s = Math.max(i, pageStart(d, page));
            b.append(Escape.html(text.subSequence(i, s)));
            b.append("<span class=\"page\">page ").append(String.valueOf(page + 1)).append("</span>");
            i = s;
            page++;
        }
        b.append(Escape.html(text.subSequence(i, to)));
        return page;
    }

    /** The offset where page {@code index} (0-based) starts. */
    private static int pageStart(DocumentText d, int index) {
        return d.pageStart(index + 1);
    }

    private static Severity worse(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The 1-based id of the mark starting at or before {@code offset} that contains it, or 0 (binary search over the
     * first {@code n} folded marks' spans).
     */
    private static int markAt(int[] start, int[] end, int n, int offset) {
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && offset < Math.max(end[found], start[found] + 1) ? found + 1 : 0;
    }
}

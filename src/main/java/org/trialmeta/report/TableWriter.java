package org.trialmeta.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.trialmeta.present.Escape;
import org.trialmeta.present.Written;
import org.trialmeta.repository.CsvCells;

/** Writes a {@link Table} as CSV (RFC 4180), GitHub Markdown, an HTML fragment and DOCX. */
public final class TableWriter {

    private TableWriter() {}

    /** {@link #csv(Table, Writer)} as text. */
    public static String csv(Table t) {
        return Written.text(out -> csv(t, out));
    }

    /**
     * CSV with a header row, every field quoted when it holds a comma, quote or line break; {@code \n} line ends;
     * a cell a spreadsheet would run as a formula ({@code =...}, {@code -...} that is not a number) gets a leading
     * {@code '} ({@link CsvCells}).
     */
    public static void csv(Table t, Writer out) throws IOException {
        out.write(CsvCells.line(t.columns()));
        for (List<String> r : t.rows()) {
            out.write(CsvCells.line(r));
        }
    }

    /** Markdown: a caption line, a pipe table and the footnotes. */
    public static void markdown(Table t, Writer out) throws IOException {
        out.append("**").append(md(t.title())).append("**\n\n");
        out.append("| ").append(String.join(" | ", t.columns().stream().map(TableWriter::md).toList())).append(" |\n");
        out.append("|").append("---|".repeat(t.columns().size())).append('\n');
        for (List<String> r : t.rows()) {
            out.append("| ").append(String.join(" | ", r.stream().map(TableWriter::md).toList())).append(" |\n");
        }
        if (!t.footnotes().isEmpty()) {
            out.append('\n');
            for (String f : t.footnotes()) {
                out.append(md(f)).append("  \n");
            }
        }
    }

    /** Markdown cell text: pipes, emphasis and backslashes escaped, raw HTML shown as text ({@link CsvCells}). */
    private static String md(String s) {
        return CsvCells.markdownWithoutHtml(s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
                .replace("_", "\\_").replace("\n", " "));
    }

    /** {@link #htmlFragment(Table, Writer)} as text. */
    public static String htmlFragment(Table t) {
        return Written.text(out -> htmlFragment(t, out));
    }

    /** An HTML {@code <table>} with caption and footnotes (a fragment, also embedded in index.html). */
    public static void htmlFragment(Table t, Writer out) throws IOException {
        out.append("<table class=\"data\" id=\"table-").append(Escape.html(t.id())).append("\">\n");
        out.append("<caption>").append(Escape.html(t.title())).append("</caption>\n<thead><tr>");
        for (String c : t.columns()) {
            out.append("<th>").append(Escape.html(c)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            out.append("<tr>");
            for (String c : r) {
                out.append("<td>").append(Escape.html(c)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        for (String f : t.footnotes()) {
            out.append("<p class=\"note\">").append(Escape.html(f)).append("</p>\n");
        }
    }

    /** A stand-alone HTML page of the table. */
    public static void html(Table t, Writer out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Escape.html(t.title())).append("</title>\n<style>\n").append(Html.CSS)
                .append("</style>\n</head>\n<body>\n");
        htmlFragment(t, out);
        out.append("</body>\n</html>\n");
    }

    /**
     * A Word document with the caption, the table and the footnotes. The package's created/modified
     * dates are set to {@code date} (e.g. the data date), so repeated runs do not differ in them.
     */
    public static byte[] docx(Table t, Optional<java.time.LocalDate> date) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docx(t, date, out);
        return out.toByteArray();
    }

    /**
     * {@link #docx(Table, Optional)} written to {@code out}. The package (content types, relationships, settings,
     * properties) is POI's; the main part, {@code word/document.xml}, is written here row by row as POI would save
     * it ({@link XmlbeansText}), so a table of any length needs no more memory than one row: POI builds the whole
     * document as an XML tree first (a 12,000-row table: about 150 MB of objects).
     */
    public static void docx(Table t, Optional<java.time.LocalDate> date, OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument()) {
            Ooxml.write(doc, Ooxml.fixedDate(date), Map.of(DOCUMENT_PART, w -> documentXml(t, w)), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write DOCX table " + t.id() + ": " + e.getMessage(), e);
        }
    }

    private static final String DOCUMENT_PART = "word/document.xml";
    private static final String BOLD = "<w:b w:val=\"on\"/>";
    private static final String NOT_BOLD = "<w:b w:val=\"off\"/>";
    private static final String SMALL = "<w:sz w:val=\"16\"/>";

    /**
     * The main part: the caption in bold, the table (single borders, automatic width; each cell one 8-point run, the
     * header row bold; cells neutralised as in the CSV, {@link CsvCells}) and the footnotes in 8 points, as POI's
     * {@code createParagraph}, {@code createTable}, {@code setBold}, {@code setFontSize} and {@code setText} make them.
     */
    private static void documentXml(Table t, Writer w) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org"
                + "/wordprocessingml/2006/main\"><w:body>");
        paragraph(w, BOLD, t.title());
        w.write("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders><w:top w:val=\"single\"/>"
                + "<w:left w:val=\"single\"/><w:bottom w:val=\"single\"/><w:right w:val=\"single\"/>"
                + "<w:insideH w:val=\"single\"/><w:insideV w:val=\"single\"/></w:tblBorders></w:tblPr>");
        row(w, t.columns(), BOLD + SMALL);
        for (List<String> cells : t.rows()) {
            row(w, cells, NOT_BOLD + SMALL);
        }
        w.write("</w:tbl>");
        for (String f : t.footnotes()) {
            paragraph(w, SMALL, f);
        }
        w.write("</w:body></w:document>");
    }

    private static void row(Writer w, List<String> cells, String properties) throws IOException {
        w.write("<w:tr>");
        for (String c : cells) {
            w.write("<w:tc>");
            paragraph(w, properties, CsvCells.neutralised(c)); // a cell pasted into a spreadsheet: no formula
            w.write("</w:tc>");
        }
        w.write("</w:tr>");
    }

    /** A paragraph of one run; {@code xml:space="preserve"} when the text starts or ends with white space (POI). */
    private static void paragraph(Writer w, String properties, String text) throws IOException {
        w.write("<w:p><w:r><w:rPr>");
        w.write(properties);
        if (text.isEmpty()) {
            w.write("</w:rPr><w:t/></w:r></w:p>");
            return;
        }
        w.write(Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))
                ? "</w:rPr><w:t xml:space=\"preserve\">" : "</w:rPr><w:t>");
        XmlbeansText.content(text, w);
        w.write("</w:t></w:r></w:p>");
    }
}

package org.trialmeta.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.trialmeta.present.Escape;
import org.trialmeta.repository.CsvCells;

/** Writes a {@link Table} as CSV (RFC 4180), GitHub Markdown, an HTML fragment and DOCX. */
public final class TableWriter {

    private TableWriter() {}

    /**
     * CSV with a header row, every field quoted when it holds a comma, quote or line break; {@code \n} line ends;
     * a cell a spreadsheet would run as a formula ({@code =...}, {@code -...} that is not a number) gets a leading
     * {@code '} ({@link CsvCells}).
     */
    public static String csv(Table t) {
        StringBuilder sb = new StringBuilder();
        sb.append(CsvCells.line(t.columns()));
        for (List<String> r : t.rows()) {
            sb.append(CsvCells.line(r));
        }
        return sb.toString();
    }

    /** Markdown: a caption line, a pipe table and the footnotes. */
    public static String markdown(Table t) {
        StringBuilder sb = new StringBuilder("**").append(md(t.title())).append("**\n\n");
        sb.append("| ").append(String.join(" | ", t.columns().stream().map(TableWriter::md).toList())).append(" |\n");
        sb.append("|").append("---|".repeat(t.columns().size())).append('\n');
        for (List<String> r : t.rows()) {
            sb.append("| ").append(String.join(" | ", r.stream().map(TableWriter::md).toList())).append(" |\n");
        }
        if (!t.footnotes().isEmpty()) {
            sb.append('\n');
            for (String f : t.footnotes()) {
                sb.append(md(f)).append("  \n");
            }
        }
        return sb.toString();
    }

    /** Markdown cell text: pipes, emphasis and backslashes escaped, raw HTML shown as text ({@link CsvCells}). */
    private static String md(String s) {
        return CsvCells.markdownWithoutHtml(s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
                .replace("_", "\\_").replace("\n", " "));
    }

    /** An HTML {@code <table>} with caption and footnotes (a fragment, also embedded in index.html). */
    public static String htmlFragment(Table t) {
        StringBuilder sb = new StringBuilder("<table class=\"data\" id=\"table-").append(Escape.html(t.id())).append("\">\n");
        sb.append("<caption>").append(Escape.html(t.title())).append("</caption>\n<thead><tr>");
        for (String c : t.columns()) {
            sb.append("<th>").append(Escape.html(c)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            sb.append("<tr>");
            for (String c : r) {
                sb.append("<td>").append(Escape.html(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        for (String f : t.footnotes()) {
            sb.append("<p class=\"note\">").append(Escape.html(f)).append("</p>\n");
        }
        return sb.toString();
    }

    /** A stand-alone HTML page of the table. */
    public static String html(Table t) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Escape.html(t.title())
                + "</title>\n<style>\n" + Html.CSS + "</style>\n</head>\n<body>\n" + htmlFragment(t) + "</body>\n</html>\n";
    }

    /**
     * A Word document with the caption, the table and the footnotes. The package's created/modified
     * dates are set to {@code date} (e.g. the data date), so repeated runs do not differ in them.
     */
    public static byte[] docx(Table t, Optional<java.time.LocalDate> date) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph cap = doc.createParagraph();
            XWPFRun cr = cap.createRun();
            cr.setBold(true);
            cr.setText(t.title());
            XWPFTable table = doc.createTable(1, t.columns().size());
            fill(table.getRow(0), t.columns(), true);
            for (List<String> cells : t.rows()) {
                fill(newRow(table, cells.size()), cells, false);
            }
            for (String f : t.footnotes()) {
                XWPFRun r = doc.createParagraph().createRun();
                r.setFontSize(8);
                r.setText(f);
            }
            return Ooxml.bytes(doc, Ooxml.fixedDate(date));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write DOCX table " + t.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A row of {@code columns} empty cells appended to {@code table}, as {@link XWPFTable#createRow()} makes it but in
     * constant time: POI's {@code createRow} and {@code getRow(i)} count the table's rows in the XML tree at each call
     * ({@code CTTbl.sizeOfTrArray()}), which made a table of n rows take n&sup2; steps (32,000 rows: 15 s). The row
     * object is not added to the table's list of rows, which nothing here reads; the document's XML is the same.
     */
    private static XWPFTableRow newRow(XWPFTable table, int columns) {
        XWPFTableRow row = new XWPFTableRow(table.getCTTbl().addNewTr(), table);
        for (int i = 0; i < columns; i++) {
            row.createCell();
        }
        return row;
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            var cell = row.getCell(i);
            XWPFRun r = cell.getParagraphs().get(0).createRun();
            r.setBold(bold);
            r.setFontSize(8);
            r.setText(CsvCells.neutralised(cells.get(i))); // a cell pasted into a spreadsheet: no formula
        }
    }
}

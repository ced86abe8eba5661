package org.trialmeta.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.trialmeta.model.InputException;

/**
 * The text of a DOCX by POI's XWPF: body paragraphs and tables in document order, a paragraph per line and a table
 * row per line with its cells separated by {@code " | "} (nested tables flattened into their cell). POI's guards
 * are tightened before the package is opened ({@link ZipSecureFile}: a part may expand at most 1/minInflateRatio
 * times and to at most {@link DocumentLimits#maxZipEntry()} bytes, text at most
 * {@link DocumentLimits#maxTextChars()}); POI parses the XML with DTDs and external entities disabled, so an XXE
 * document is refused rather than read. A DOCX has no pages until it is laid out: every location is on page 1.
 */
final class DocxText {

    /** Most table nesting followed. */
    private static final int MAX_TABLE_DEPTH = 8;

    private DocxText() {}

    static synchronized DocumentText read(Path file, String display, DocumentLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxZipEntry());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars());
        ZipSecureFile.setMaxFileCount(10_000);
        StringBuilder out = new StringBuilder();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XWPFDocument doc = new XWPFDocument(pkg)) {
            for (IBodyElement e : doc.getBodyElements()) {
                append(out, e, 0, limits);
            }
        } catch (TooLong e) {
            throw new InputException(display + ": more than " + limits.maxTextChars() + " characters of text (limit)");
        } catch (IOException | InvalidFormatException | RuntimeException | StackOverflowError e) {
            String cause = Readers.cause(e);
            if (cause.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
                throw new InputException(display + ": a part of the DOCX expands more than "
                        + Math.round(1 / limits.minInflateRatio()) + " times (zip bomb guard)");
            }
            throw new InputException(display + ": not a readable DOCX document (" + cause + ")");
        }
        return DocumentText.of(display, DocumentFormat.DOCX, out.toString());
    }

    private static void append(StringBuilder out, IBodyElement e, int depth, DocumentLimits limits) {
        if (e instanceof XWPFParagraph p) {
            line(out, p.getText(), limits);
        } else if (e instanceof XWPFTable t) {
            for (XWPFTableRow row : t.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    cells.add(cellText(cell, depth, limits));
                }
                line(out, String.join(" | ", cells), limits);
            }
        }
    }

    private static String cellText(XWPFTableCell cell, int depth, DocumentLimits limits) {
        StringBuilder b = new StringBuilder();
        for (IBodyElement e : cell.getBodyElements()) {
            StringBuilder inner = new StringBuilder();
            if (e instanceof XWPFTable t && depth < MAX_TABLE_DEPTH) {
                append(inner, t, depth + 1, limits);
            } else if (e instanceof XWPFParagraph p) {
                inner.append(p.getText());
            }
            String s = inner.toString().replace('\n', ' ').strip();
            if (!s.isEmpty()) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(s);
            }
            if (b.length() > limits.maxTextChars()) {
                throw new TooLong();
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder out, String text, DocumentLimits limits) {
        String t = text.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
        if (out.length() + t.length() + 1 > limits.maxTextChars()) {
            throw new TooLong();
        }
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(t);
    }

    private static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super(null, null, false, false);
        }
    }
}

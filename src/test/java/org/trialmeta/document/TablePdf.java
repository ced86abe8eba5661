package org.trialmeta.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Test PDFs laid out as a journal sets a table, written with PDFBox (Helvetica 9 pt on 10 pt, US Letter): a
 * caption, a header row, body rows whose labels and header cells wrap within their column (values on a row's
 * first line, or beside the label's last line; each row drawn line by line across its cells), page breaks where asked, with optional repeated header, "(continued)"
 * caption, running header and page number. Each test makes its files in a temporary directory; nothing binary is
 * committed.
 */
final class TablePdf {

    static final float SIZE = 9f;
    static final float LEADING = 10f;
    static final float ROW_GAP = 5f;
    private static final float TOP = 72f;
    private static final float BOTTOM = 740f;
    private static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();

    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDDocument doc = new PDDocument();
    private float[] columns;
    private String runningHeader;
    private boolean pageNumbers;
    private PDPageContentStream page;
    private int pageCount;
    private float y;

    /** A document whose tables have columns starting at {@code columns} (the last ends at 580). */
    TablePdf(float... columns) {
        this.columns = columns.clone();
    }

    /** Tables from now on have columns starting at {@code columns}. */
    TablePdf columns(float... columns) {
        this.columns = columns.clone();
        return this;
    }

    /** A running header at the top of every page from now on. */
    TablePdf runningHeader(String text) {
        this.runningHeader = text;
        return this;
    }

    /** A page number at the foot of every page from now on. */
    TablePdf pageNumbers() {
        this.pageNumbers = true;
        return this;
    }

    /** A paragraph of running text across the page width, wrapped. */
    TablePdf paragraph(String text) {
        ensurePage();
        for (String l : wrap(text, 500)) {
            lineAt(40, l);
        }
        y += ROW_GAP;
        return this;
    }

    /** A caption or any one-line text at the left margin. */
    TablePdf line(String text) {
        ensurePage();
        lineAt(40, text);
        return this;
    }

    /** A table row: each cell wrapped in its column, values on the row's first line. */
    TablePdf row(String... cells) {
        return row(false, cells);
    }

    /** A table row whose values stand beside the last line of its (wrapped) label, as a row set bottom-aligned. */
    TablePdf rowValuesBeside(String... cells) {
        return row(true, cells);
    }

    /**
     * A row broken by the page: the first {@code labelLines} lines of its wrapped label on this page, the rest of
     * the label with the values (beside its last line) on the next, after {@code continuation}.
     */
    TablePdf rowBrokenByPage(Runnable continuation, int labelLines, String... cells) {
        ensurePage();
        List<String> label = wrap(cells[0], width(0));
        for (int k = 0; k < labelLines; k++) {
            text(columns[0], y + k * LEADING, label.get(k));
        }
        newPage();
        continuation.run();
        String[] rest = cells.clone();
        rest[0] = String.join(" ", label.subList(labelLines, label.size()));
        return row(true, rest);
    }

    private TablePdf row(boolean valuesBeside, String... cells) {
        ensurePage();
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int k = 0; k < cells.length; k++) {
            List<String> w = wrap(cells[k], width(k));
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        if (y + lines * LEADING > BOTTOM) {
            newPage();
        }
        // drawn line by line across the cells, as a typesetter writes a row
        for (int line = 0; line < lines; line++) {
            for (int k = 0; k < cells.length; k++) {
                List<String> w = wrapped.get(k);
                int i = line - (valuesBeside && k > 0 ? lines - w.size() : 0);
                if (i >= 0 && i < w.size()) {
                    text(columns[k], y + line * LEADING, w.get(i));
                }
            }
        }
        y += lines * LEADING + ROW_GAP;
        return this;
    }

    /** Ends the page here (the next text begins a new page). */
    TablePdf pageBreak() {
        newPage();
        return this;
    }

    /** Writes the document and closes it. */
    Path save(Path file) {
        try {
            closePage();
            doc.save(file.toFile());
            doc.close();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(int column) {
        float end = column + 1 < columns.length ? columns[column + 1] : 580;
        return end - columns[column] - 12;
    }

    private List<String> wrap(String text, float width) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : text.split(" ")) {
            String next = cur.length() == 0 ? w : cur + " " + w;
            if (cur.length() > 0 && stringWidth(next) > width) {
                out.add(cur.toString());
                cur = new StringBuilder(w);
            } else {
                cur = new StringBuilder(next);
            }
        }
        if (cur.length() > 0 || out.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private float stringWidth(String s) {
        try {
            return font.getStringWidth(s) / 1000 * SIZE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lineAt(float x, String text) {
        if (y + LEADING > BOTTOM) {
            newPage();
        }
        text(x, y, text);
        y += LEADING;
    }

    private void text(float x, float top, String s) {
        if (s.isEmpty()) {
            return;
        }
        try {
            page.beginText();
            page.setFont(font, SIZE);
            page.newLineAtOffset(x, PAGE_HEIGHT - top - SIZE);
            page.showText(s);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensurePage() {
        if (page == null) {
            newPage();
        }
    }

    private void newPage() {
        try {
            closePage();
            PDPage p = new PDPage(PDRectangle.LETTER);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            pageCount++;
            if (runningHeader != null) {
                text(40, 36, runningHeader);
            }
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closePage() throws IOException {
        if (page != null) {
            if (pageNumbers) {
                text(300, 760, Integer.toString(pageCount)); // drawn last, as the foot usually is
            }
            page.close();
            page = null;
        }
    }
}

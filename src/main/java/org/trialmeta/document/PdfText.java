package org.trialmeta.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.trialmeta.model.InputException;

/**
 * The text of a PDF by PDFBox 3's {@link PDFTextStripper}, page by page, within {@link DocumentLimits}: the file
 * is parsed with a memory-only stream cache capped at {@link DocumentLimits#maxPdfScratch()} (no temporary files);
 * an encrypted file is refused; so is one with (or claiming, in its page tree's {@code /Count}) more than
 * {@link DocumentLimits#maxPages()} pages; every page's content streams and form XObjects are first decoded
 * through a counter and the page refused beyond an eighth of the scratch cap (a decompression bomb stops there);
 * text beyond {@link DocumentLimits#maxTextChars()} stops the extraction. Tables are rebuilt from the text's
 * positions ({@link PdfTables}): a table's lines on a page are replaced by one line per row with its cells
 * separated by {@code " | "}, as a DOCX or HTML table is read; the rest of the text is PDFBox's, unchanged. A
 * table continued on the next page ({@link PdfTables#openAtFoot}, {@link PdfTables#continuation}) is written as one:
 * the rows of its second part follow those of the first (each on its own page), and the page furniture between
 * them (footer, running header, "(continued)" caption) is moved, kept in order, to right after the table's end.
 */
final class PdfText {

    /** Deepest nesting of form XObjects followed when measuring a page. */
    private static final int MAX_FORM_DEPTH = 12;

    private PdfText() {}

    static DocumentText read(Path file, String display, DocumentLimits limits) {
        return read(file, display, limits, new long[1]);
    }

    /**
     * As {@link #read(Path, String, DocumentLimits)}; {@code work[0]} receives the characters moved in memory by
     * the rewriting of tables (a test that it stays linear in the text).
     */
    static DocumentText read(Path file, String display, DocumentLimits limits, long[] work) {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxPdfScratch()).streamCache)) {
            if (doc.isEncrypted()) {
                throw new InputException(display + ": the PDF is encrypted (decrypt it, or export the text, first)");
            }
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new InputException(display + ": the PDF has (or claims) " + pages + " pages (limit "
                        + limits.maxPages() + ")");
            }
            long perPage = Math.max(1 << 20, limits.maxPdfScratch() / 8);
            int index = 0;
            for (PDPage page : doc.getPages()) {
                index++;
                if (index > limits.maxPages()) {
                    throw new InputException(display + ": the PDF has more than " + limits.maxPages() + " pages");
                }
                long bytes = measure(page, perPage);
                if (bytes > perPage) {
                    throw new InputException(display + ": page " + index + " decodes to more than " + perPage
                            + " bytes of content (limit; a decompression bomb?)");
                }
            }
            CappedWriter out = new CappedWriter(limits.maxTextChars());
            List<Integer> starts = new ArrayList<>();
            TableStripper stripper = new TableStripper(out, starts);
            stripper.setLineSeparator("\n");
            stripper.setPageEnd("\n");
            try {
                stripper.writeText(doc, out);
            } catch (TooMuchText e) {
                throw new InputException(display + ": more than " + limits.maxTextChars()
                        + " characters of text (limit)");
            }
            String text = out.toString();
            work[0] = out.moved();
            if (starts.isEmpty() || starts.get(0) != 0) {
                starts.add(0, 0);
            }
            return new DocumentText(display, DocumentFormat.PDF, text, starts.stream().mapToInt(Integer::intValue)
                    .distinct().toArray());
        } catch (InvalidPasswordException e) {
            throw new InputException(display + ": the PDF is encrypted with a password (decrypt it first)");
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new InputException(display + ": not a readable PDF (" + Readers.cause(e) + ")");
        }
    }

    /** Decoded bytes of a page's content streams and of the form XObjects it draws, counted up to {@code cap}. */
    private static long measure(PDPage page, long cap) throws IOException {
        long total = 0;
        java.util.Iterator<org.apache.pdfbox.pdmodel.common.PDStream> streams = page.getContentStreams();
        while (streams.hasNext() && total <= cap) {
            total += decodedSize(streams.next().getCOSObject(), cap - total);
        }
        Set<COSBase> seen = new HashSet<>();
        total += forms(page.getResources(), cap - total, 0, seen);
        return total;
    }

    private static long forms(PDResources resources, long budget, int depth, Set<COSBase> seen) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH || budget < 0) {
            return 0;
        }
        long total = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
                total += decodedSize(form.getCOSObject(), budget - total);
                if (total > budget) {
                    return total;
                }
                total += forms(form.getResources(), budget - total, depth + 1, seen);
            }
        }
        return total;
    }

    /**
     * The decoded size of a stream, counted while decoding and stopped past {@code cap}. A stream compressed with
     * FlateDecode alone (the usual case, and the usual bomb) is inflated here from its raw bytes, so nothing past
     * the cap is ever held; other filters are decoded by PDFBox within its bounded stream cache.
     */
    private static long decodedSize(COSStream stream, long cap) throws IOException {
        COSBase filters = stream.getFilters();
        boolean flateOnly = COSName.FLATE_DECODE.equals(filters) || COSName.FLATE_DECODE_ABBREVIATION.equals(filters)
                || filters instanceof COSArray a && a.size() == 1 && (COSName.FLATE_DECODE.equals(a.getObject(0))
                        || COSName.FLATE_DECODE_ABBREVIATION.equals(a.getObject(0)));
        if (flateOnly) {
            try (InputStream in = new InflaterInputStream(stream.createRawInputStream())) {
                return count(in, cap);
            } catch (java.util.zip.ZipException e) {
                return 0; // damaged data: PDFBox decodes what it can, as for any other page
            }
        }
        if (filters == null) {
            return stream.getLength();
        }
        try (InputStream in = stream.createInputStream()) {
            return count(in, cap);
        }
    }

    private static long count(InputStream in, long cap) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > cap) {
                return n;
            }
        }
        return n;
    }

    /**
     * PDFBox's stripper that records, for the page being written, every chunk it writes (text, x, baseline, glyph
     * height) and where each line begins and ends in the output; at the page's end the lines that make a table are
     * replaced by its rows ({@link PdfTables#regions}).
     */
    private static final class TableStripper extends PDFTextStripper {
        private final CappedWriter out;
        private final List<Integer> starts;
        private final List<PdfTables.Line> lines = new ArrayList<>();
        private List<PdfTables.Chunk> chunks = new ArrayList<>();
        private int lineStart = -1;
        /** Columns of the previous page's last table when it may continue on this page, else null. */
        private float[][] openColumns;
        /** Where that table's rows end in the output, and its last row's cells. */
        private int openEnd;
        private String[] openLastRow;
        /** Page furniture between the parts of a table continued across pages, written after its end. */
        private final List<String> pending = new ArrayList<>();

        TableStripper(CappedWriter out, List<Integer> starts) throws IOException {
            this.out = out;
            this.starts = starts;
        }

        @Override
        protected void writePageStart() throws IOException {
            starts.add(out.length());
            lines.clear();
            chunks = new ArrayList<>();
            lineStart = -1;
            super.writePageStart();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            if (lineStart < 0) {
                lineStart = out.length();
            }
            if (!positions.isEmpty() && !text.isEmpty()) {
                TextPosition first = positions.get(0);
                TextPosition last = positions.get(positions.size() - 1);
                float x0 = Float.MAX_VALUE;
                float x1 = -Float.MAX_VALUE;
                for (TextPosition p : positions) {
                    x0 = Math.min(x0, p.getXDirAdj());
                    x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
                }
                float height = Math.max(first.getHeightDir(), last.getHeightDir());
                float size = Math.max(first.getFontSizeInPt(), height);
                chunks.add(new PdfTables.Chunk(text, x0, x1, first.getYDirAdj(), height, size,
                        Math.max(first.getWidthOfSpace(), 0.1f)));
            }
            super.writeString(text, positions);
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            endLine();
            super.writeLineSeparator();
        }

        private void endLine() {
            if (lineStart >= 0 || !chunks.isEmpty()) {
                int start = lineStart < 0 ? out.length() : lineStart;
                lines.add(new PdfTables.Line(chunks, start, out.length()));
            }
            chunks = new ArrayList<>();
            lineStart = -1;
        }

        @Override
        protected void writePageEnd() throws IOException {
            endLine();
            List<PdfTables.Region> regions = PdfTables.regions(lines);
            PdfTables.Region cont = openColumns == null ? null : PdfTables.continuation(lines, regions, openColumns);
            // a page number or short running foot that the page's last table took in as a row is left out of it when
            // the table is then open at the foot
            if (!regions.isEmpty() && (cont == null || regions.get(regions.size() - 1).first() > cont.last())) {
                PdfTables.Region last = regions.get(regions.size() - 1);
                PdfTables.Region trimmed = PdfTables.withoutMargin(lines, last, false);
                if (trimmed != last && PdfTables.openAtFoot(lines, trimmed)) {
                    regions.set(regions.size() - 1, trimmed);
                }
            } else if (cont != null) {
                PdfTables.Region trimmed = PdfTables.withoutMargin(lines, cont, false);
                if (trimmed != cont && PdfTables.openAtFoot(lines, trimmed)) {
                    cont = trimmed;
                }
            }
            int length = out.length(); // offsets after a replaced region keep their distance to the end
            // replaced from the end of the page backwards, so that the offsets not yet used stay valid
            PdfTables.Region last = null;
            List<String[]> contCells = null;
            for (int k = regions.size() - 1; k >= 0; k--) {
                PdfTables.Region r = regions.get(k);
                if (cont != null && r.first() <= cont.last()) {
                    continue; // the continuation, read with the open table's columns
                }
                if (last == null) {
                    last = r;
                }
                out.replace(lines.get(r.first()).start(), lines.get(r.last()).end(), String.join("\n", r.rows()));
            }
            int page = starts.size() - 1;
            if (cont != null) {
                // the table goes on: the furniture between its parts is kept for after its end, and its rows follow
                // the rows of the previous page directly (the page still begins with them)
                int contStart = lines.get(cont.first()).start();
                for (String f : out.substring(openEnd, contStart).split("\n")) {
                    if (!f.isBlank()) {
                        pending.add(f.strip());
                    }
                }
                List<String[]> cells = new ArrayList<>(cont.cells());
                contCells = cells;
                int from = openEnd;
                if (!cells.isEmpty() && PdfTables.wrapsOnto(openLastRow, cells.get(0))) {
                    cells.set(0, PdfTables.joinRows(openLastRow, cells.get(0)));
                    from = openEnd - PdfTables.write(openLastRow).length();
                }
                List<String> rows = new ArrayList<>(cells.size());
                for (String[] row : cells) {
                    rows.add(PdfTables.write(row));
                }
                String text = String.join("\n", rows);
                boolean merged = from < openEnd;
                out.replace(from, lines.get(cont.last()).end(), merged ? text : "\n" + text);
                starts.set(page, merged ? from : from + 1);
                if (last == null) {
                    last = cont;
                }
            } else if (!pending.isEmpty()) {
                // the previous page's table ended there: the furniture kept goes right after it
                String kept = "\n" + String.join("\n", pending);
                out.replace(openEnd, openEnd, kept);
                starts.set(page, starts.get(page) + kept.length());
                pending.clear();
            }
            if (cont != null && (last != cont || !PdfTables.openAtFoot(lines, cont)) && !pending.isEmpty()) {
                // the table ends on this page: the furniture kept goes right after it
                int end = out.length() - (length - lines.get(cont.last()).end());
                out.replace(end, end, "\n" + String.join("\n", pending));
                pending.clear();
            }
            openColumns = null;
            if (last != null && PdfTables.openAtFoot(lines, last)) {
                openColumns = last.columns();
                openEnd = out.length() - (length - lines.get(last.last()).end());
                List<String[]> cells = last == cont ? contCells : last.cells();
                openLastRow = cells.get(cells.size() - 1);
            }
            lines.clear();
            super.writePageEnd();
        }

        @Override
        protected void endDocument(PDDocument document) throws IOException {
            if (!pending.isEmpty()) {
                out.replace(openEnd, openEnd, "\n" + String.join("\n", pending));
                pending.clear();
            }
            super.endDocument(document);
        }
    }

    /** Thrown inside PDFBox's writer callback when the text cap is reached. */
    private static final class TooMuchText extends IOException {
        private static final long serialVersionUID = 1L;

        TooMuchText() {
            super("text limit", null);
        }
    }

    /** A writer into memory that stops at a number of characters. */
    private static final class CappedWriter extends Writer {
        private final StringBuilder b = new StringBuilder();
        private final int cap;
        private long moved;

        CappedWriter(int cap) {
            this.cap = cap;
        }

        int length() {
            return b.length();
        }

        String substring(int from, int to) {
            return b.substring(from, to);
        }

        /** Replaces characters {@code from..to} (exclusive) of what was written; the cap still holds. */
        void replace(int from, int to, String text) throws IOException {
            if (b.length() - (to - from) + text.length() > cap) {
                throw new TooMuchText();
            }
            moved += b.length() - to + text.length();
            b.replace(from, to, text);
        }

        /** Characters written or shifted by {@link #replace} so far. */
        long moved() {
            return moved;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (b.length() + len > cap) {
                throw new TooMuchText();
            }
            b.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            if (b.length() + len > cap) {
                throw new TooMuchText();
            }
            b.append(str, off, off + len);
        }

        @Override
        public void flush() {
            // in memory
        }

        @Override
        public void close() {
            // in memory
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

}

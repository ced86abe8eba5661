package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.document.DocumentLimits;
import org.trialmeta.document.DocumentReader;
import org.trialmeta.repository.CsvCells;

/**
 * {@link TableWriter#docx}: the document POI's {@code createTable(rows, columns)} and {@code setText} make, byte for
 * byte, for every character and for texts XML escapes; it no longer uses them because POI's rows cost a count of the
 * whole table each (n&sup2; steps: 32,000 rows took 15 s) and POI holds the whole document as an XML tree.
 */
class TableWriterDocxTest {

    private static Table table(int rows) {
        List<List<String>> r = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            r.add(List.of("T" + i, "=HYPERLINK(\"x\")", i % 3 == 0 ? "" : "0.52 [0.31, 0.87]"));
        }
        return new Table("t", "Efficacy", List.of("Trial", "Note", "HR [95% CI]"), r, List.of("a footnote"));
    }

    /** The previous writer, on POI's own table construction. */
    private static byte[] poiCreateTable(Table t, Optional<LocalDate> date) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFRun cr = doc.createParagraph().createRun();
            cr.setBold(true);
            cr.setText(t.title());
            XWPFTable table = doc.createTable(t.rows().size() + 1, t.columns().size());
            fill(table.getRow(0), t.columns(), true);
            for (int i = 0; i < t.rows().size(); i++) {
                fill(table.getRow(i + 1), t.rows().get(i), false);
            }
            for (String f : t.footnotes()) {
                XWPFRun r = doc.createParagraph().createRun();
                r.setFontSize(8);
                r.setText(f);
            }
            return Ooxml.bytes(doc, Ooxml.fixedDate(date));
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFRun r = row.getCell(i).getParagraphs().get(0).createRun();
            r.setBold(bold);
            r.setFontSize(8);
            r.setText(CsvCells.neutralised(cells.get(i)));
        }
    }

    @Test
    void theDocumentIsTheOnePoisCreateTableMakes() throws IOException {
        Optional<LocalDate> date = Optional.of(LocalDate.of(2024, 3, 1));
        for (int rows : new int[] {0, 1, 7, 200}) {
            assertThat(TableWriter.docx(table(rows), date)).as("%d rows", rows)
                    .isEqualTo(poiCreateTable(table(rows), date));
        }
    }

    /** Cells, caption and footnotes of texts XML escapes, in one column, compared in tables of up to 512 rows. */
    private static void assertSameAsPoi(String what, List<String> texts) throws IOException {
        Optional<LocalDate> date = Optional.of(LocalDate.of(2024, 3, 1));
        for (int from = 0; from < texts.size(); from += 512) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + 512));
            Table t = new Table("t", part.get(0), List.of(part.get(part.size() - 1)),
                    part.stream().map(List::of).toList(), part.subList(0, Math.min(3, part.size())));
            byte[] ours = TableWriter.docx(t, date);
            byte[] poi = poiCreateTable(t, date);
            assertThat(documentXml(ours)).as("%s, from %d", what, from).isEqualTo(documentXml(poi));
            assertThat(ours).as("%s, from %d", what, from).isEqualTo(poi);
        }
    }

    /** The main part's bytes, as Latin-1 text so that a difference shows where it is. */
    private static String documentXml(byte[] docx) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }

    @Test
    void everyCharacterIsWrittenAsPoiWritesIt() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            texts.add(String.valueOf((char) c));
            if (c < 0x3000) { // white space at either end: xml:space="preserve"
                texts.add("a" + (char) c);
                texts.add((char) c + "a");
            }
        }
        texts.add("\uD83D\uDE00"); // a pair, and unpaired halves inside text
        texts.add("x\uD83Dy");
        texts.add("x\uDE00y");
        assertSameAsPoi("single characters", texts);
    }

    @Test
    void textsXmlEscapesAreWrittenAsPoiWritesThem() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", " ", "a < b & c > d", "]]>", "]]]>", "a]]>b]]>",
                "x\r\ny", "\r", "=1+1", "-x", "@SUM(A1)", "\t+1",
                // longer than 32 characters with more than 5 '<' or '&': one CDATA section, "]]>" split
                "&&&&&& and some text to pass 32 chars", "<<<<<<]]>>>>> and more text, well past 32 chars",
                "]]>&&&&&& and some more text to be long enough", "&&&&& only five, in a text longer than 32 chars",
                "&&&&&&\r\n carriage return and control \u0001 in CDATA", "]]&&&&&&> not a CDATA end.............",
                "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&", "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&"));
        char[] alphabet = "a<&>]\r\n\t \u0001\u00e9\u2003\u00a0=-@+\uD83D\uDE00\uFFFE".toCharArray();
        java.util.Random random = new java.util.Random(22);
        for (int i = 0; i < 6000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(i % 2 == 0 ? 12 : 90);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            if (!poiWritesBrokenCdata(s)) {
                texts.add(s);
            }
        }
        assertSameAsPoi("escaped texts", texts);
    }

    /**
     * A CDATA section whose first or second character XML forbids: XMLBeans writes that character unchecked and
     * its part cannot be read back. Texts of the kind are tested apart, by {@link #aForbiddenCharacterIsNeverWritten}.
     */
    private static boolean poiWritesBrokenCdata(String s) {
        long entities = s.chars().filter(c -> c == '<' || c == '&').count();
        return s.length() > 32 && entities > 5 && s.chars().limit(2).anyMatch(c -> c < 0x20 && c != '\t' && c != '\n'
                && c != '\r' || c == 0xFFFE || c == 0xFFFF);
    }

    @Test
    void aForbiddenCharacterIsNeverWritten(@TempDir Path dir) throws IOException {
        String text = "\u0001\uFFFF&&&&&& a CDATA section that starts with forbidden characters";
        Table t = new Table("t", "Caption", List.of("c"), List.of(List.of(text)), List.of());
        Path ours = dir.resolve("ours.docx");
        Files.write(ours, TableWriter.docx(t, Optional.empty()));
        // replaced by Messages.printable before XMLBeans' own "?"
        assertThat(DocumentReader.read(ours, DocumentLimits.DEFAULTS).text()).contains("\uFFFD\uFFFD&&&&&& a CDATA section");
        Path poi = dir.resolve("poi.docx");
        Files.write(poi, poiCreateTable(t, Optional.empty()));
        // POI's own writer wrote such a text unchecked (an unreadable part); the cells now reach it printable too
        assertThat(DocumentReader.read(poi, DocumentLimits.DEFAULTS).text()).contains("\uFFFD\uFFFD&&&&&& a CDATA section");
    }

    @Test
    void aTableOfTwentyThousandRowsHoldsEveryRowInOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.docx");
        Files.write(file, TableWriter.docx(table(20_000), Optional.empty()));
        String[] lines = DocumentReader.read(file, DocumentLimits.DEFAULTS).text().toString().split("\n");
        assertThat(lines).hasSize(1 + 20_001 + 1);
        assertThat(lines[0]).isEqualTo("Efficacy");
        assertThat(lines[1]).isEqualTo("Trial | Note | HR [95% CI]");
        assertThat(lines[2]).isEqualTo("T0 | '=HYPERLINK(\"x\") | ");
        assertThat(lines[20_001]).isEqualTo("T19999 | '=HYPERLINK(\"x\") | 0.52 [0.31, 0.87]");
        assertThat(lines[20_002]).isEqualTo("a footnote");
    }
}

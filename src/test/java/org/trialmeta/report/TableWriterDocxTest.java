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
 * {@link TableWriter#docx}: the document POI's {@code createTable(rows, columns)} makes, byte for byte, which it no
 * longer uses because POI's rows cost a count of the whole table each (n&sup2; steps: 32,000 rows took 15 s).
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

    @Test
    void aTableOfTwentyThousandRowsHoldsEveryRowInOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.docx");
        Files.write(file, TableWriter.docx(table(20_000), Optional.empty()));
        String[] lines = DocumentReader.read(file, DocumentLimits.DEFAULTS).text().split("\n");
        assertThat(lines).hasSize(1 + 20_001 + 1);
        assertThat(lines[0]).isEqualTo("Efficacy");
        assertThat(lines[1]).isEqualTo("Trial | Note | HR [95% CI]");
        assertThat(lines[2]).isEqualTo("T0 | '=HYPERLINK(\"x\") | ");
        assertThat(lines[20_001]).isEqualTo("T19999 | '=HYPERLINK(\"x\") | 0.52 [0.31, 0.87]");
        assertThat(lines[20_002]).isEqualTo("a footnote");
    }
}

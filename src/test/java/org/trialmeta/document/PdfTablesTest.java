package org.trialmeta.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.document.PdfTables.Chunk;
import org.trialmeta.document.PdfTables.Line;
import org.trialmeta.document.PdfTables.Region;

/**
 * Table rows rebuilt from positions: laid-out lines as PDFBox gives them (chunks with x, baseline, glyph height;
 * font size 10, space 2.5, glyph height 7) and, at the end, the tables of the LibreOffice fixture.
 */
class PdfTablesTest {

    private static Chunk c(String text, float x0, float y) {
        return new Chunk(text, x0, x0 + 5 * text.length(), y, 7, 10, 2.5f);
    }

    private static Line line(Chunk... chunks) {
        return new Line(List.of(chunks), 0, 0);
    }

    @Test
    void wrappedLabelsAndCentredValuesMakeOneRowEach() {
        List<Line> lines = List.of(
                line(c("Table 2. Response by arm, as in a journal table caption line", 40, 90)),
                line(c("Variable", 50, 110), c("Drug (N = 57)", 200, 110), c("Placebo (N = 52)", 320, 110)),
                line(c("Objective response", 50, 130)),
                // "Median PFS" wraps; its values are centred between the two label lines
                line(c("Median PFS —", 50, 150)),
                line(c("mo (95% CI)", 50, 164), c("8.5 (7.9–9.5)", 200, 157), c("6.7 (6.0–7.2)", 320, 157)),
                line(c("Complete response", 50, 184), c("1 (2)", 200, 184), c("0", 320, 184)),
                line(c("Partial response", 50, 204), c("24 (42)", 200, 204), c("9 (17)", 320, 204)),
                line(c("The 95% confidence interval is exact (Clopper-Pearson), as the running text says.", 40, 230)));
        List<Region> regions = PdfTables.regions(lines);
        assertThat(regions).hasSize(1);
        Region r = regions.get(0);
        assertThat(r.first()).isEqualTo(1);
        assertThat(r.last()).isEqualTo(6);
        assertThat(r.rows()).containsExactly(
                "| Variable | Drug (N = 57) | Placebo (N = 52) |",
                "| Objective response |  |  |",
                "| Median PFS — mo (95% CI) | 8.5 (7.9–9.5) | 6.7 (6.0–7.2) |",
                "| Complete response | 1 (2) | 0 |",
                "| Partial response | 24 (42) | 9 (17) |");
    }

    @Test
    void headerLinesInStreamOrderAreRegroupedByPosition() {
        // a header drawn column by column (each cell's lines in turn), as LibreOffice writes a wrapped header
        List<Line> lines = List.of(
                line(c("Variable", 50, 114)),
                line(c("Drug", 200, 107)),
                line(c("(N = 57)", 200, 121)),
                line(c("Placebo", 320, 107)),
                line(c("(N = 52)", 320, 121)),
                line(c("Complete response", 50, 150), c("1 (2)", 200, 150), c("0", 320, 150)),
                line(c("Partial response", 50, 170), c("24 (42)", 200, 170), c("9 (17)", 320, 170)));
        List<Region> regions = PdfTables.regions(lines);
        assertThat(regions).hasSize(1);
        assertThat(regions.get(0).rows()).containsExactly("| Variable | Drug (N = 57) | Placebo (N = 52) |",
                "| Complete response | 1 (2) | 0 |", "| Partial response | 24 (42) | 9 (17) |");
    }

    @Test
    void rowsSetWithoutSpaceBetweenThemStayApartWhenBothHaveNumbers() {
        // a tight table: baselines 9 apart, glyph boxes 7 high; numbers in the same column start a new row
        List<Line> lines = List.of(
                line(c("Complete response", 50, 100), c("1 (2)", 200, 100), c("0", 320, 100)),
                line(c("Partial response", 50, 109), c("24 (42)", 200, 109), c("9 (17)", 320, 109)),
                line(c("Stable disease", 50, 118), c("20 (35)", 200, 118), c("21 (40)", 320, 118)));
        assertThat(PdfTables.regions(lines).get(0).rows()).containsExactly("| Complete response | 1 (2) | 0 |",
                "| Partial response | 24 (42) | 9 (17) |", "| Stable disease | 20 (35) | 21 (40) |");
    }

    @Test
    void runningTextIsNotATable() {
        List<Line> prose = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            // words as separate chunks with word gaps (no space glyphs, as TeX writes them), full width
            prose.add(line(c("The", 40, 100 + 12 * k), c("median", 60, 100 + 12 * k), c("overall", 95, 100 + 12 * k),
                    c("survival", 135, 100 + 12 * k), c("was", 180, 100 + 12 * k), c("8.5", 198, 100 + 12 * k),
                    c("months", 216, 100 + 12 * k)));
        }
        assertThat(PdfTables.regions(prose)).isEmpty();
        // one wide gap in one line (a justified line) is not a table either
        prose.set(5, line(c("The median", 40, 160), c("survival", 200, 160)));
        assertThat(PdfTables.regions(prose)).isEmpty();
    }

    @Test
    void aLineOfThousandsOfCellsIsNotATable() {
        // more than MAX_COLUMNS columns: refused as a table, so placing a chunk never searches thousands of columns
        List<Line> lines = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            Chunk[] cells = new Chunk[5000];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = c("1", 30 * k, 100 + 12 * row);
            }
            lines.add(line(cells));
        }
        assertThat(PdfTables.regions(lines)).isEmpty();
        lines.replaceAll(l -> line(l.chunks().subList(0, PdfTables.MAX_COLUMNS).toArray(new Chunk[0])));
        assertThat(PdfTables.regions(lines)).hasSize(1);
    }

    @Test
    void theFixtureTableReadsAsTheHtmlTable() {
        String text = DocumentReader.read(Path.of("src/test/resources/scan/fixtures/mpact-paper.pdf"),
                DocumentLimits.DEFAULTS).text().toString();
        // the header's "N = 431" has no-break spaces, as in the HTML it was made from
        assertThat(text).contains("| Efficacy Variable | nab-Paclitaxel plus Gemcitabine (N\u00a0=\u00a0431) | Gemcitabine "
                + "Alone (N\u00a0=\u00a0430) | Hazard Ratio or Response-Rate Ratio (95% CI) | P Value |\n"
                + "| Median overall survival — mo (95% CI) | 8.5 (7.9–9.5) | 6.7 (6.0–7.2) | 0.72 (0.62–0.83) | <0.001 |\n",
                "| No. of patients with a response | 99 | 31 | 3.19 (2.18–4.66) | <0.001 |\n",
                "| Partial response | 98 (23) | 31 (7) |");
        // the running text before the table is PDFBox's, unchanged
        assertThat(text).contains("The median overall survival was 8.5 months in the nab-paclitaxel–gemcitabine group \n");
    }
}

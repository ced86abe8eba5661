package org.trialmeta.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.check.ScanCheck;
import org.trialmeta.check.ScanFinding;
import org.trialmeta.check.ScanReport;

/**
 * Tables continued on the next page, in PDFs written by {@link TablePdf}: the two parts are read as one table
 * (its rows one after the other, no line between them) when their columns line up, across a running header, a
 * page number, a "(continued)" caption and a repeated header; tables whose columns differ, or a new table's
 * caption, stay apart. The table is MPACT's Table 2 (src/test/resources/scan/corpus/mpact-nejm-2013-table2.md).
 */
class PdfTablesAcrossPagesTest {

    /** Label, two arms, ratio and P columns. */
    static final float[] MPACT_COLUMNS = {40, 220, 320, 420, 530};
    static final String CAPTION = "Table 2. Overall Survival, Progression-free Survival, and Response Rates.";
    static final String[] HEADER = {"Efficacy Variable", "nab-Paclitaxel plus Gemcitabine (N = 431)",
        "Gemcitabine Alone (N = 430)", "Hazard Ratio or Response-Rate Ratio (95% CI)", "P Value"};
    static final String[][] BODY = {
        {"Median overall survival — mo (95% CI)", "8.5 (7.9–9.5)", "6.7 (6.0–7.2)", "0.72 (0.62–0.83)", "<0.001"},
        {"Median progression-free survival — mo (95% CI)", "5.5 (4.5–5.9)", "3.7 (3.6–4.0)", "0.69 (0.58–0.82)",
            "<0.001"},
        {"Rate of objective response, independent review", "", "", "", ""},
        {"No. of patients with a response", "99", "31", "3.19 (2.18–4.66)", "<0.001"},
        {"% (95% CI)", "23 (19–27)", "7 (5–10)", "", ""},
        {"Rate of disease control", "", "", "", ""},
        {"No. of patients", "206", "141", "1.46 (1.23–1.72)", "<0.001"},
        {"% (95% CI)", "48 (43–53)", "33 (28–37)", "", ""},
        {"Best response according to independent review — no. (%)", "", "", "", ""},
        {"Complete response", "1 (<1)", "0", "", ""},
        {"Partial response", "98 (23)", "31 (7)", "", ""},
        {"Stable disease", "118 (27)", "122 (28)", "", ""},
        {"Progressive disease", "86 (20)", "110 (26)", "", ""}};
    static final String PROSE = "The median overall survival was 8.5 months in the nab-paclitaxel-gemcitabine group "
            + "as compared with 6.7 months in the gemcitabine group, and the response rates are given in Table 2 below.";
    static final String RUNNING = "Von Hoff et al. Nab-Paclitaxel plus Gemcitabine in Pancreatic Cancer";

    @TempDir
    Path dir;

    /** The MPACT table with its caption and a paragraph before it, rows {@code 0..split-1} then {@code between}. */
    static TablePdf mpact(TablePdf pdf, String[][] body, int split, Consumer<TablePdf> between) {
        pdf.paragraph(PROSE).line(CAPTION).row(HEADER);
        for (int k = 0; k < body.length; k++) {
            if (k == split) {
                between.accept(pdf);
            }
            pdf.row(body[k]);
        }
        return pdf;
    }

    private String read(TablePdf pdf, String name) {
        return DocumentReader.read(pdf.save(dir.resolve(name)), DocumentLimits.DEFAULTS).text().toString();
    }

    private static String rows(String[]... rows) {
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(PdfTables.write(r)).append('\n');
        }
        return b.toString();
    }

    /** The table as one block of Markdown rows (as it reads from one page), header first. */
    private static String wholeTable() {
        String[][] all = new String[BODY.length + 1][];
        all[0] = HEADER;
        System.arraycopy(BODY, 0, all, 1, BODY.length);
        return rows(all).replace("N = ", "N = ");
    }

    @Test
    void onOnePageTheTableIsOneBlockOfRows() {
        String text = read(mpact(new TablePdf(MPACT_COLUMNS), BODY, -1, p -> { }), "one.pdf");
        assertThat(text).contains(wholeTable());
    }

    @Test
    void splitWithRunningHeaderPageNumberContinuedCaptionAndRepeatedHeaderIsOneTable() {
        TablePdf pdf = new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers();
        String text = read(mpact(pdf, BODY, 5, p -> p.pageBreak().line("Table 2 (continued).").row(HEADER))
                .paragraph(PROSE), "repeated.pdf");
        // page 1's rows, then page 2's (the repeated header among them), with no line between them
        String page1 = rows(HEADER) + rows(java.util.Arrays.copyOfRange(BODY, 0, 5));
        String page2 = rows(HEADER) + rows(java.util.Arrays.copyOfRange(BODY, 5, BODY.length));
        assertThat(text).contains(page1 + page2);
        // the furniture between the parts follows the table, in order: page 1's number, page 2's header, caption
        assertThat(text).contains(PdfTables.write(BODY[BODY.length - 1]) + "\n1\n" + RUNNING
                + "\nTable 2 (continued).\n");
    }

    @Test
    void aTableRunningOverTheFootOfAPageUnderAShortRunningHeadIsOneTable() {
        // the page breaks where the table reaches the foot; the short running head "ORIGINAL ARTICLE" fits the label
        // column and the page number a gap between columns, so both stand in the margin, not in the table
        TablePdf pdf = new TablePdf(MPACT_COLUMNS).runningHeader("ORIGINAL ARTICLE").pageNumbers();
        for (int k = 0; k < 20; k++) {
            pdf.paragraph(PROSE);
        }
        String text = read(mpact(pdf, BODY, -1, p -> { }).paragraph(PROSE), "overflow.pdf");
        assertThat(text).contains(wholeTable() + "1\nORIGINAL ARTICLE\n");
        DocumentText doc = DocumentReader.read(dir.resolve("overflow.pdf"), DocumentLimits.DEFAULTS);
        assertThat(doc.page(text.indexOf(PdfTables.write(BODY[0])))).isEqualTo(1);
        assertThat(doc.page(text.indexOf(PdfTables.write(BODY[BODY.length - 1])))).isEqualTo(2);
    }

    @Test
    void splitWithoutRepeatedHeaderIsOneTable() {
        TablePdf pdf = new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers();
        String text = read(mpact(pdf, BODY, 8, TablePdf::pageBreak), "bare.pdf");
        assertThat(text).contains(wholeTable());
    }

    @Test
    void aRowBrokenByThePageIsOneRow() {
        // "Median progression-free survival —" at the foot of page 1; "mo (95% CI)" and the values on page 2
        TablePdf pdf = new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers();
        pdf.paragraph(PROSE).line(CAPTION).row(HEADER).row(BODY[0]);
        pdf.rowBrokenByPage(() -> { }, 1, BODY[1]);
        for (int k = 2; k < BODY.length; k++) {
            pdf.row(BODY[k]);
        }
        String text = read(pdf, "broken.pdf");
        assertThat(text).contains(wholeTable());
    }

    static final String[] CM_HEADER = {"Variable", "Nivolumab (N = 211)", "Chemotherapy (N = 212)"};
    static final String[][] CM_BODY = {
        {"Complete response", "4 (2)", "1 (<1)"},
        {"Partial response", "51 (24)", "70 (33)"},
        {"Stable disease", "81 (38)", "100 (47)"}};

    @Test
    void aNextPageWithoutATableEndsTheTable() {
        // a page of one short line, then an empty page, then running text: nothing to continue
        TablePdf pdf = new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers();
        mpact(pdf, BODY, -1, p -> { }).pageBreak().line("References").pageBreak().line("").pageBreak().paragraph(PROSE);
        String text = read(pdf, "short.pdf");
        assertThat(text).contains(wholeTable() + "1\n" + RUNNING + "\nReferences\n");
    }

    @Test
    void aTableWithOtherColumnsOnTheNextPageIsAnotherTable() {
        TablePdf pdf = new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers();
        mpact(pdf, BODY, -1, p -> { }).pageBreak().columns(40, 260, 420).row(CM_HEADER);
        for (String[] r : CM_BODY) {
            pdf.row(r);
        }
        String text = read(pdf, "two.pdf");
        assertThat(text).contains(wholeTable() + "1\n" + RUNNING + "\n" + rows(CM_HEADER) + rows(CM_BODY));
    }

    @Test
    void aNewTablesCaptionOnTheNextPageEndsTheTableEvenWithTheSameColumns() {
        TablePdf pdf = new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers();
        String[] header = {"Adverse event", "nab-Paclitaxel plus Gemcitabine (N = 421)", "Gemcitabine Alone (N = 402)",
            "Difference", "P Value"};
        mpact(pdf, BODY, -1, p -> { }).pageBreak().line("Table 3. Adverse Events of Grade 3 or Higher.").row(header)
                .row("Neutropenia", "153 (38)", "103 (27)", "11", "<0.001")
                .row("Fatigue", "70 (17)", "27 (7)", "10", "<0.001");
        String text = read(pdf, "caption.pdf");
        assertThat(text).contains(wholeTable() + "1\n" + RUNNING + "\nTable 3. Adverse Events of Grade 3 or Higher.\n"
                + rows(header));
    }

    /** BODY with PFS's hazard ratio inverted (1.45 for 0.69): the medians then contradict it, an error. */
    static String[][] inverted() {
        String[][] b = new String[BODY.length][];
        for (int k = 0; k < BODY.length; k++) {
            b[k] = BODY[k].clone();
        }
        b[1][3] = "1.45 (1.22–1.72)";
        return b;
    }

    private ScanReport scan(TablePdf pdf, String name) {
        return ScanCheck.run(DocumentReader.read(pdf.save(dir.resolve(name)), DocumentLimits.DEFAULTS));
    }

    /**
     * What a reviewer reads of a finding, without its place (page, line, offsets) and with only the first line of
     * its quote: a quote that spans rows (an ORR and a DCR rows apart) elides what lies between them once a
     * repeated header stands there.
     */
    private static List<String> findings(ScanReport r) {
        List<String> out = new ArrayList<>();
        for (ScanFinding f : r.findings()) {
            String q = f.quote();
            int cut = q.indexOf(" | ");
            int dots = q.indexOf(" ...");
            cut = cut < 0 ? dots : dots < 0 ? cut : Math.min(cut, dots);
            out.add(f.severity() + " " + f.rule() + " | " + (cut < 0 ? q : q.substring(0, cut)) + " | " + f.reported()
                    + " | " + f.recomputed() + " | " + f.message());
        }
        return out;
    }

    @Test
    void theScanOfASplitTableIsTheScanOfTheTableOnOnePage() {
        String[][] body = inverted();
        ScanReport one = scan(mpact(new TablePdf(MPACT_COLUMNS), body, -1, p -> { }), "one.pdf");
        assertThat(findings(one)).anyMatch(f -> f.startsWith("ERROR median-vs-hr"));
        List<ScanReport> split = new ArrayList<>();
        split.add(scan(mpact(new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers(), body, 5,
                p -> p.pageBreak().line("Table 2 (continued).").row(HEADER)), "repeated.pdf"));
        split.add(scan(mpact(new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers(), body, 2,
                TablePdf::pageBreak), "bare.pdf"));
        TablePdf broken = new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers();
        broken.paragraph(PROSE).line(CAPTION).row(HEADER).row(body[0]).rowBrokenByPage(() -> { }, 1, body[1]);
        for (int k = 2; k < body.length; k++) {
            broken.row(body[k]);
        }
        split.add(scan(broken, "broken.pdf"));
        for (ScanReport r : split) {
            assertThat(r.document().pages()).isEqualTo(2);
            assertThat(r.statistics()).as(r.document().name()).isEqualTo(one.statistics());
            assertThat(findings(r)).as(r.document().name()).isEqualTo(findings(one));
        }
        // the broken row's statistics are placed on the page of its values
        ScanFinding f = split.get(2).findings().stream().filter(x -> x.rule().equals("median-vs-hr") && x.severity().name().equals("ERROR"))
                .findFirst().orElseThrow();
        assertThat(f.page()).isEqualTo(2);
    }

    @Test
    void aSingleRowOnTheNextPageContinuesTheTable() {
        // one row is no table by itself: it is read with the open table's columns
        TablePdf pdf = new TablePdf(MPACT_COLUMNS).runningHeader(RUNNING).pageNumbers();
        mpact(pdf, BODY, BODY.length - 1, TablePdf::pageBreak).paragraph(PROSE);
        String text = read(pdf, "single.pdf");
        assertThat(text).contains(wholeTable() + "1\n" + RUNNING + "\n");
    }

    @Test
    void columnsLineUpWhenTheirGapsAgree() {
        float[][] open = {{40, 200}, {220, 300}, {320, 400}, {420, 500}, {530, 560}};
        // centred values narrower or wider than the first part's, a part without its last two columns
        assertThat(PdfTables.sameColumns(open, new float[][] {{40, 180}, {230, 290}, {330, 390}, {425, 480},
            {531, 556}}, 9)).isTrue();
        assertThat(PdfTables.sameColumns(open, new float[][] {{41, 150}, {225, 260}, {322, 350}}, 9)).isTrue();
        // a column reaching into the next one's place, a shifted table, more columns than the open table
        assertThat(PdfTables.sameColumns(open, new float[][] {{40, 180}, {230, 330}, {340, 390}}, 9)).isFalse();
        assertThat(PdfTables.sameColumns(open, new float[][] {{80, 180}, {230, 290}}, 9)).isFalse();
        assertThat(PdfTables.sameColumns(new float[][] {{40, 200}, {220, 300}}, open, 9)).isFalse();
        // three columns where the open table has five: a column between the open table's columns
        assertThat(PdfTables.sameColumns(open, new float[][] {{40, 180}, {260, 380}, {420, 500}}, 9)).isFalse();
    }

    @Test
    void furnitureIsShortOrACaptionThatSaysContinued() {
        assertThat(PdfTables.furniture(line("12"))).isTrue();
        assertThat(PdfTables.furniture(line(RUNNING))).isTrue();
        assertThat(PdfTables.furniture(line("Table 2 (continued)."))).isTrue();
        assertThat(PdfTables.furniture(line("Table 2. Efficacy end points in the intention-to-treat population, "
                + "continued from the previous page"))).isTrue();
        assertThat(PdfTables.furniture(line("Table 3. Adverse Events."))).isFalse();
        assertThat(PdfTables.furniture(line(PROSE))).isFalse();
    }

    @Test
    void aLabelGoesOnAcrossThePageWhenItsSecondPartBeginsInLowerCase() {
        String[] label = {"Median progression-free survival —", "", ""};
        assertThat(PdfTables.wrapsOnto(label, new String[] {"mo (95% CI)", "5.5", "3.7"})).isTrue();
        assertThat(PdfTables.wrapsOnto(new String[] {"Rate of objective response,", "", ""},
                new String[] {"Independent review", "", ""})).isTrue();
        // a section heading row above its first row is two rows
        assertThat(PdfTables.wrapsOnto(new String[] {"Best response", "", ""},
                new String[] {"Complete response", "1 (<1)", "0"})).isFalse();
        assertThat(PdfTables.wrapsOnto(new String[] {"Median overall survival", "8.5", "6.7"},
                new String[] {"mo (95% CI)", "", ""})).isFalse();
    }

    private static PdfTables.Line line(String text) {
        return new PdfTables.Line(List.of(new PdfTables.Chunk(text, 40, 40 + 4 * text.length(), 100, 7, 9, 2.5f)), 0, 0);
    }

    @Test
    void hundredsOfPagesOfOneRowTablesStayLinear() {
        // 400 pages, each a header and one row with the same columns: one table of 800 rows, read in linear work
        int pages = 400;
        TablePdf pdf = new TablePdf(40, 220, 320).runningHeader(RUNNING).pageNumbers();
        for (int p = 0; p < pages; p++) {
            pdf.row("Arm", "Responders", "Evaluable").row("Cohort " + p, Integer.toString(p % 50), "57");
            if (p + 1 < pages) {
                pdf.pageBreak();
            }
        }
        long[] work = new long[1];
        DocumentText doc = PdfText.read(pdf.save(dir.resolve("many.pdf")), "many.pdf", DocumentLimits.DEFAULTS, work);
        String text = doc.text().toString();
        StringBuilder table = new StringBuilder();
        for (int p = 0; p < pages; p++) {
            table.append("| Arm | Responders | Evaluable |\n| Cohort ").append(p).append(" | ").append(p % 50)
                    .append(" | 57 |\n");
        }
        assertThat(text).startsWith(RUNNING + "\n" + table);
        // every row stays on its page; the furniture of all pages follows the table
        for (int p = 0; p < pages; p += 37) {
            assertThat(doc.page(text.indexOf("| Cohort " + p + " |"))).isEqualTo(p + 1);
        }
        assertThat(text).contains(table + "1\n" + RUNNING + "\n2\n" + RUNNING + "\n3\n")
                .endsWith("\n" + (pages - 1) + "\n" + RUNNING + "\n" + pages + "\n");
        assertThat(text.split("\n" + RUNNING + "\n", -1)).hasSize(pages);
        // linear: the characters moved by the rewriting are a small multiple of the text, not pages × text
        assertThat(work[0]).isLessThan(4L * text.length());
    }

    @Test
    void randomPagesOfTablesLinesAndProseLoseNoText() {
        // seeded: pages of tables (two column sets, 1-5 rows, with or without header), short lines, prose and empty
        // pages, in any order; every cell and line must be in the text, each on its page, and nothing may fail
        SplittableRandom random = new SplittableRandom(20261205);
        float[][] layouts = {{40, 220, 320, 420, 530}, {40, 260, 420}};
        for (int doc = 0; doc < 25; doc++) {
            TablePdf pdf = new TablePdf(layouts[0]);
            if (random.nextBoolean()) {
                pdf.runningHeader(random.nextBoolean() ? RUNNING : "ORIGINAL ARTICLE");
            }
            if (random.nextBoolean()) {
                pdf.pageNumbers();
            }
            int pages = 2 + random.nextInt(5);
            List<List<String>> expected = new ArrayList<>();
            for (int p = 0; p < pages; p++) {
                List<String> onPage = new ArrayList<>();
                switch (random.nextInt(4)) {
                    case 0 -> {
                        float[] cols = layouts[random.nextInt(2)];
                        pdf.columns(cols);
                        if (random.nextBoolean()) {
                            String[] header = new String[cols.length];
                            for (int c = 0; c < cols.length; c++) {
                                header[c] = "Head" + doc + "x" + p + "x" + c;
                            }
                            pdf.row(header);
                            onPage.addAll(List.of(header));
                        }
                        int rows = 1 + random.nextInt(5);
                        for (int r = 0; r < rows; r++) {
                            String[] row = new String[cols.length];
                            row[0] = "Label" + doc + "x" + p + "x" + r;
                            for (int c = 1; c < cols.length; c++) {
                                row[c] = random.nextInt(4) == 0 ? "" : (r + c) + " (" + (10 + r) + ")";
                            }
                            pdf.row(row);
                            onPage.add(row[0]);
                        }
                    }
                    case 1 -> {
                        String l = "Line" + doc + "x" + p;
                        pdf.line(l);
                        onPage.add(l);
                    }
                    case 2 -> pdf.paragraph(PROSE);
                    default -> pdf.line("");
                }
                expected.add(onPage);
                if (p + 1 < pages) {
                    pdf.pageBreak();
                }
            }
            DocumentText text = DocumentReader.read(pdf.save(dir.resolve("random" + doc + ".pdf")),
                    DocumentLimits.DEFAULTS);
            assertThat(text.pages()).as("document %d", doc).isEqualTo(pages);
            for (int p = 0; p < pages; p++) {
                for (String s : expected.get(p)) {
                    int at = text.text().toString().indexOf(s);
                    assertThat(at).as("document %d: %s", doc, s).isGreaterThanOrEqualTo(0);
                    assertThat(text.page(at)).as("document %d: page of %s", doc, s).isEqualTo(p + 1);
                }
            }
        }
    }
}

package org.trialmeta.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFEndnote;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.trialmeta.model.InputException;

/**
 * {@link DocxText} against POI's own reading of the same files through {@code new XWPFDocument(...)} (body
 * paragraphs and tables, {@link XWPFParagraph#getText()}), which it replaced because POI builds a table of n rows in
 * n&sup2; steps: the same text on a manuscript and on documents with what a paragraph's text is made of.
 */
class DocxTextTest {

    @TempDir
    Path dir;

    /** The previous reader: POI's document model, walked as DocxText walks the XML. */
    static String poi(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(file))) {
            for (IBodyElement e : doc.getBodyElements()) {
                poiElement(out, e, 0);
            }
        }
        return out.toString();
    }

    private static void poiElement(StringBuilder out, IBodyElement e, int depth) {
        if (e instanceof XWPFParagraph p) {
            poiLine(out, p.getText());
        } else if (e instanceof XWPFTable t) {
            for (XWPFTableRow row : t.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    StringBuilder b = new StringBuilder();
                    for (IBodyElement c : cell.getBodyElements()) {
                        StringBuilder inner = new StringBuilder();
                        if (c instanceof XWPFTable nested && depth < 8) {
                            poiElement(inner, nested, depth + 1);
                        } else if (c instanceof XWPFParagraph p) {
                            inner.append(p.getText());
                        }
                        String s = inner.toString().replace('\n', ' ').strip();
                        if (!s.isEmpty()) {
                            b.append(b.length() > 0 ? " " : "").append(s);
                        }
                    }
                    cells.add(b.toString());
                }
                poiLine(out, String.join(" | ", cells));
            }
        }
    }

    private static void poiLine(StringBuilder out, String text) {
        out.append(out.length() > 0 ? "\n" : "").append(text.replace('\r', ' ').replace('\n', ' ').replace('\t', ' '));
    }

    private static String read(Path file) {
        return DocxText.read(file, file.getFileName().toString(), DocumentLimits.DEFAULTS).text().toString();
    }

    private Path save(XWPFDocument doc, String name) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p)) {
            doc.write(o);
        }
        doc.close();
        return p;
    }

    @Test
    void aManuscriptReadsAsPoiReadsIt() throws IOException {
        Path paper = Path.of("src/test/resources/scan/fixtures/mpact-paper.docx");
        String text = read(paper);
        assertThat(text).isEqualTo(poi(paper));
        assertThat(text).contains("|");   // the fixture has a table
    }

    /**
     * Runs with tabs and breaks, a hyperlink, an inline content control, a run of deleted text, footnote and endnote
     * references (one to a note that does not exist), a table with a nested table, a footnote in a cell, an empty
     * table and a block-level content control: the text POI's model gives, character for character.
     */
    @Test
    void whatAParagraphIsMadeOfReadsAsPoiReadsIt() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        XWPFFootnote fn = doc.createFootnote();
        fn.createParagraph().createRun().setText("Data cut-off 12 May 2023.");
        fn.createParagraph().createRun().setText("Investigator-assessed.");
        XWPFEndnote en = doc.createEndnote();
        en.createParagraph().createRun().setText("Kaplan-Meier estimate.");

        XWPFParagraph p = doc.createParagraph();
        XWPFRun r = p.createRun();
        r.setText("ORR 44% (95% CI 31-58)");
        r.addTab();
        r.setText("n = 25/57");
        r.addBreak();
        r.setText("second line");
        p.addFootnoteReference(fn);
        p.createHyperlinkRun("https://clinicaltrials.gov/study/NCT04625270").setText(" NCT04625270");
        XWPFRun deleted = p.createRun();
        deleted.getCTR().addNewDelText().setStringValue("ORR 40%");
        p.getCTP().addNewSdt().addNewSdtContent().addNewR().addNewT().setStringValue(" median PFS 22.0 months");
        p.createRun().getCTR().addNewFootnoteReference().setId(BigInteger.valueOf(99));

        XWPFParagraph p2 = doc.createParagraph();
        p2.createRun().setText("HR 0.52 (0.31-0.87)");
        p2.addFootnoteReference(en);

        XWPFTable t = doc.createTable(2, 3);
        t.getRow(0).getCell(0).setText("Arm");
        t.getRow(0).getCell(1).setText("ORR");
        t.getRow(0).getCell(2).getParagraphs().get(0).addFootnoteReference(fn);
        t.getRow(1).getCell(0).setText("KRAS-mutant");
        t.getRow(1).getCell(1).setText("44%");
        CTTbl nested = t.getRow(1).getCell(2).getCTTc().addNewTbl();
        nested.addNewTr().addNewTc().addNewP().addNewR().addNewT().setStringValue("inner 1");
        nested.addNewTr().addNewTc().addNewP().addNewR().addNewT().setStringValue("inner 2");
        t.getRow(1).getCell(2).getCTTc().addNewP().addNewR().addNewT().setStringValue("after");
        doc.getDocument().getBody().addNewTbl();
        doc.getDocument().getBody().addNewSdt().addNewSdtContent().addNewP().addNewR().addNewT()
                .setStringValue("block control");
        doc.createParagraph().createRun().setText("last");
        Path file = save(doc, "rich.docx");

        String text = read(file);
        assertThat(text).isEqualTo(poi(file));
        assertThat(text).contains("ORR 44% (95% CI 31-58) n = 25/57 second line", "NCT04625270",
                " median PFS 22.0 months", "Data cut-off 12 May 2023. Investigator-assessed.",
                "!!! End note with ID \"99\" not found in document.", "Kaplan-Meier estimate.",
                "KRAS-mutant | 44% | inner 1 inner 2 after").doesNotContain("ORR 40%", "block control");
    }

    /** One row per line, in order, where POI's model took rows&sup2; steps (the speed: docs/benchmarks.md). */
    @Test
    void aTableOfFortyThousandRowsIsReadWhole() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        XWPFTable t = doc.createTable(1, 2);
        t.getRow(0).getCell(0).setText("id");
        t.getRow(0).getCell(1).setText("value");
        for (int i = 0; i < 40_000; i++) {
            var row = t.getCTTbl().addNewTr();
            row.addNewTc().addNewP().addNewR().addNewT().setStringValue("r" + i);
            row.addNewTc().addNewP().addNewR().addNewT().setStringValue(Integer.toString(i % 97));
        }
        Path file = save(doc, "long.docx");
        String[] lines = read(file).split("\n");
        assertThat(lines).hasSize(40_001);
        assertThat(lines[0]).isEqualTo("id | value");
        assertThat(lines[1]).isEqualTo("r0 | 0");
        assertThat(lines[40_000]).isEqualTo("r39999 | " + 39_999 % 97);
    }

    @Test
    void aNoteIsNotFollowedFromInsideANoteAndItsRepeatsCountTowardsTheLimit() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        XWPFFootnote fn = doc.createFootnote();
        XWPFParagraph np = fn.createParagraph();
        np.createRun().setText("see note");
        np.addFootnoteReference(fn);   // a note that refers to itself: the reference is not followed
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText("ORR 44%");
        p.addFootnoteReference(fn);
        Path file = save(doc, "self.docx");
        String ref = "[footnoteRef:" + fn.getId() + "]";   // POI's text of the reference mark itself
        assertThat(read(file)).isEqualTo("ORR 44%" + ref + " [" + fn.getId() + ": see note" + ref + "] ");

        XWPFDocument many = new XWPFDocument();
        XWPFFootnote big = many.createFootnote();
        big.createParagraph().createRun().setText("n".repeat(1_000));
        XWPFParagraph q = many.createParagraph();
        for (int i = 0; i < 50; i++) {
            q.addFootnoteReference(big);
        }
        Path manyFile = save(many, "many.docx");
        DocumentLimits small = new DocumentLimits(1 << 20, 10, 40_000, 1 << 20, 1 << 20, 0.01);
        assertThatThrownBy(() -> DocxText.read(manyFile, "many.docx", small)).isInstanceOf(InputException.class)
                .hasMessage("many.docx: more than 40000 characters of text (limit)");
        assertThat(DocxText.read(manyFile, "many.docx", DocumentLimits.DEFAULTS).text().toString()).isEqualTo(
                ("[footnoteRef:" + big.getId() + "]").repeat(50)
                + (" [" + big.getId() + ": " + "n".repeat(1_000) + "] ").repeat(50));
    }

    /**
     * A document with two bodies (POI's test file MultipleBodyBug.docx has three) is read body after body, as POI
     * reads it; 156 of POI's 177 test documents read the same both ways, the others fail both ways or only in POI
     * (a theme part it cannot read, which is not text).
     */
    @Test
    void everyBodyOfTheDocumentIsRead() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("START BODY 1 ORR 44% END BODY 1.");
        Path one = save(doc, "one-body.docx");
        Path two = dir.resolve("two-bodies.docx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(one));
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(two))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    int a = xml.indexOf("<w:body>");
                    int b = xml.indexOf("</w:body>") + "</w:body>".length();
                    String second = xml.substring(a, b).replace("BODY 1 ORR 44%", "BODY 2 HR 0.52");
                    bytes = (xml.substring(0, b) + second + xml.substring(b)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
            }
        }
        String text = read(two);
        assertThat(text).isEqualTo(poi(two));
        assertThat(text).isEqualTo("START BODY 1 ORR 44% END BODY 1.\nSTART BODY 2 HR 0.52 END BODY 1.");
    }

    @Test
    void aPackageWhoseMainPartIsNotAWordDocumentIsRefused() throws IOException {
        Path xlsx = dir.resolve("book.docx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); OutputStream o = Files.newOutputStream(xlsx)) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("HR 0.7");
            wb.write(o);
        }
        assertThatThrownBy(() -> read(xlsx)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("book.docx: not a readable DOCX document (its main part is not a Word document");
    }
}

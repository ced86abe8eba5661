package org.trialmeta.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.trialmeta.model.InputException;

/**
 * Fuzzes {@link DocxText} with the main part of a DOCX (the fuzzer's bytes as {@code word/document.xml}, in a package
 * that also has footnotes 1 and 2 and endnote 2). Properties: the text is read, or the file is refused with an
 * {@link InputException} of one line naming it; nothing else is thrown. Differential: where POI's own model reads the
 * same file, the text is POI's, character for character ({@link DocxTextTest#poi}).
 */
class DocxTextFuzzTest {

    static final String NAME = "fuzz.docx";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\""
            + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
            + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\""
            + "application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd."
            + "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/"
            + "footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes"
            + "+xml\"/><Override PartName=\"/word/endnotes.xml\" ContentType=\"application/vnd.openxmlformats-"
            + "officedocument.wordprocessingml.endnotes+xml\"/></Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships "
            + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
            + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/"
            + "document.xml\"/></Relationships>";
    private static final String DOCUMENT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
            + "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" "
            + "Target=\"footnotes.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
            + "officeDocument/2006/relationships/endnotes\" Target=\"endnotes.xml\"/></Relationships>";
    private static final String FOOTNOTES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes xmlns:w=\"" + W
            + "\"><w:footnote w:id=\"1\"><w:p><w:r><w:t>Data cut-off 2023.</w:t></w:r></w:p><w:p><w:r><w:t>IRC."
            + "</w:t></w:r></w:p></w:footnote><w:footnote w:id=\"2\"><w:p><w:r><w:t>Per protocol.</w:t></w:r></w:p>"
            + "</w:footnote></w:footnotes>";
    private static final String ENDNOTES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:endnotes xmlns:w=\"" + W
            + "\"><w:endnote w:id=\"2\"><w:p><w:r><w:t>Kaplan-Meier.</w:t></w:r></w:p></w:endnote></w:endnotes>";
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("trialmeta-docx-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path docx(byte[] documentXml) throws IOException {
        Path p = DIR.resolve(NAME);
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(o)) {
            String[][] parts = {{"[Content_Types].xml", TYPES}, {"_rels/.rels", RELS},
                {"word/_rels/document.xml.rels", DOCUMENT_RELS}, {"word/footnotes.xml", FOOTNOTES},
                {"word/endnotes.xml", ENDNOTES}};
            for (String[] part : parts) {
                zip.putNextEntry(new ZipEntry(part[0]));
                zip.write(part[1].getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(documentXml);
        }
        return p;
    }

    @FuzzTest(maxDuration = "3m")
    void readsAsPoiReadsIt(byte[] documentXml) throws IOException {
        Path file = docx(documentXml);
        String text;
        try {
            text = DocxText.read(file, NAME, DocumentLimits.DEFAULTS).text().toString();
        } catch (InputException e) {
            assertThat(e.getMessage()).as(e.getMessage()).startsWith(NAME + ": ").doesNotContain("\n", "\r");
            return;
        }
        String poi;
        try {
            poi = DocxTextTest.poi(file);
        } catch (Exception | StackOverflowError e) {
            return;   // POI's model refuses what DocxText reads: no reference
        }
        assertThat(text).isEqualTo(poi);
    }
}

package org.trialmeta.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Hostile PDFs and DOCX files for {@code scan}, made when the test runs (nothing large is committed): a page tree
 * claiming a million pages, a content stream that inflates to hundreds of megabytes, encrypted files, a zip bomb
 * in a DOCX part, an XXE entity in a DOCX body, a DOCX table of a hundred thousand rows, footnotes that refer to
 * themselves or are referred to thousands of times.
 */
final class HostileDocuments {

    private HostileDocuments() {}

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A well-formed PDF (with its cross-reference table) of one page whose page tree says /Count 1000000. */
    static byte[] pdfClaimingAMillionPages() {
        String[] objects = {"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
            "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1000000 >> endobj\n",
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"};
        StringBuilder b = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = b.length();
            b.append(objects[i]);
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            b.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", o));
        }
        b.append("trailer << /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return ascii(b.toString());
    }

    /** A PDF whose one content stream is {@code megabytes} MB of spaces, Flate-compressed (about 1000:1). */
    static byte[] pdfDecompressionBomb(int megabytes) {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                d.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] stream = z.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(ascii("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                    + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                    + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
                    + "4 0 obj << /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n"));
            out.write(stream);
            out.write(ascii("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An encrypted PDF: with a user password, or (userPassword empty) openable but protected by an owner password. */
    static byte[] encryptedPdf(String userPassword) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".wordprocessingml.document.main+xml\"/></Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    private static byte[] docx(byte[] documentXml) {
        return docx(documentXml, null);
    }

    /** A DOCX of the main part and, unless null, a footnotes part related to it. */
    private static byte[] docx(byte[] documentXml, String footnotesXml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write((footnotesXml == null ? CONTENT_TYPES : CONTENT_TYPES.replace("</Types>",
                    "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.footnotes+xml\"/></Types>")).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(RELS.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(documentXml);
            if (footnotesXml != null) {
                zip.putNextEntry(new ZipEntry("word/_rels/document.xml.rels"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\""
                        + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" "
                        + "Target=\"footnotes.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("word/footnotes.xml"));
                zip.write(footnotesXml.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String document(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"" + W
                + "\"><w:body>" + body + "</w:body></w:document>";
    }

    /**
     * A DOCX whose body is one table of {@code rows} one-cell rows (a few hundred kilobytes compressed): POI's
     * {@code XWPFDocument} took rows&sup2; steps to build it (32,000 rows: 34 s; 100,000 rows: minutes).
     */
    static byte[] docxLongTable(int rows) {
        StringBuilder b = new StringBuilder("<w:tbl>");
        for (int i = 0; i < rows; i++) {
            b.append("<w:tr><w:tc><w:p><w:r><w:t>r").append(i).append("</w:t></w:r></w:p></w:tc></w:tr>");
        }
        b.append("</w:tbl>");
        return docx(document(b.toString()).getBytes(StandardCharsets.UTF_8));
    }

    /** A DOCX whose only footnote refers to itself. */
    static byte[] docxSelfReferringFootnote() {
        String ref = "<w:r><w:footnoteReference w:id=\"1\"/></w:r>";
        return docx(document("<w:p><w:r><w:t>ORR 44%</w:t></w:r>" + ref + "</w:p>").getBytes(StandardCharsets.UTF_8),
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:footnotes xmlns:w=\"" + W + "\">"
                + "<w:footnote w:id=\"1\"><w:p><w:r><w:t>See note</w:t></w:r>" + ref + "</w:p></w:footnote>"
                + "</w:footnotes>");
    }

    /**
     * A DOCX of one paragraph with {@code refs} references to one footnote of {@code noteChars} characters: a few
     * kilobytes compressed whose text is refs &times; noteChars characters.
     */
    static byte[] docxRepeatedFootnote(int refs, int noteChars) {
        StringBuilder b = new StringBuilder("<w:p><w:r><w:t>HR 0.7</w:t></w:r>");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < refs; i++) {
            // revision ids as Word writes them, which also keep the part below the zip-bomb guard's ratio
            b.append(String.format(java.util.Locale.ROOT, "<w:r w:rsidR=\"%08X\"><w:footnoteReference w:id=\"1\"/>"
                    + "</w:r>", random.nextInt()));
        }
        return docx(document(b + "</w:p>").getBytes(StandardCharsets.UTF_8),
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:footnotes xmlns:w=\"" + W + "\">"
                + "<w:footnote w:id=\"1\"><w:p><w:r><w:t>" + "n".repeat(noteChars) + "</w:t></w:r></w:p></w:footnote>"
                + "</w:footnotes>");
    }

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** A valid minimal DOCX with one paragraph. */
    static byte[] docxWithText(String text) {
        return docx(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"" + W
                + "\"><w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A DOCX whose body is {@code megabytes} MB of white space inside a paragraph: a zip bomb (about 1000:1). */
    static byte[] docxZipBomb(int megabytes) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W
                + "\"><w:body><w:p><w:r><w:t xml:space=\"preserve\">");
        b.append(" ".repeat(megabytes << 20));
        b.append("</w:t></w:r></w:p></w:body></w:document>");
        return docx(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A DOCX whose body declares an external entity on {@code path} and uses it (XXE). */
    static byte[] docxExternalEntity(String path) {
        return docx(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://"
                + path + "\">]><w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>HR &xxe; 0.72</w:t></w:r>"
                + "</w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8));
    }

    /** A DOCX whose body declares a billion-laughs entity expansion. */
    static byte[] docxBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        return docx(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd + "<w:document xmlns:w=\"" + W
                + "\"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A zip that is not an Office package. */
    static byte[] zipNotDocx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

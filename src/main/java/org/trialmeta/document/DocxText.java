package org.trialmeta.document;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocument1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.EndnotesDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FootnotesDocument;
import org.trialmeta.model.InputException;

/**
 * The text of a DOCX: body paragraphs and tables in document order, a paragraph per line and a table row per line
 * with its cells separated by {@code " | "} (nested tables flattened into their cell), as POI's XWPF reads them: a
 * paragraph's text is that of {@link XWPFParagraph} (runs, hyperlinks, fields and inline content controls; deleted
 * text left out), followed by the text of each footnote or endnote it refers to, {@code " [id: text] "}.
 *
 * <p>The main part is walked here, in one pass, rather than through {@code new XWPFDocument(package)}: POI builds its
 * tables by iterating lists whose every step counts the table's rows again ({@code CTTbl.getTrList()}), so a table of
 * n rows took n&sup2; steps (32,000 rows, a 400 KB file: 34 s; the largest part allowed, hours), and it also builds
 * every header, footer and comment, which are not read. Rows and cells are taken as arrays, footnotes looked up in a
 * map (POI searches the list for each reference). A reference inside a note is not followed (Word writes none; POI
 * follows one only to a note it happened to read before, and a chain of them can repeat a note's text exponentially);
 * the text a note adds counts towards the limit as it is built.
 *
 * <p>POI's guards are tightened before the package is opened ({@link ZipSecureFile}: a part may expand at most
 * 1/minInflateRatio times and to at most {@link DocumentLimits#maxZipEntry()} bytes, text at most
 * {@link DocumentLimits#maxTextChars()}); the XML is parsed with POI's options (DTDs and external entities refused,
 * so an XXE document is refused rather than read) and nested at most {@value #MAX_NODE_DEPTH} elements deep, as POI
 * allows. A DOCX has no pages until it is laid out: every location is on page 1.
 */
final class DocxText {

    /** Most table nesting followed. */
    private static final int MAX_TABLE_DEPTH = 8;

    /** Deepest element nesting of the main part (POI's {@code XWPFDocument} limit). */
    private static final int MAX_NODE_DEPTH = 1000;

    /** Content types of a main part that XWPF reads: document and template, with or without macros. */
    private static final Set<String> MAIN_TYPES = Set.of(XWPFRelation.DOCUMENT.getContentType(),
            XWPFRelation.MACRO_DOCUMENT.getContentType(), XWPFRelation.TEMPLATE.getContentType(),
            XWPFRelation.MACRO_TEMPLATE_DOCUMENT.getContentType());

    private DocxText() {}

    static synchronized DocumentText read(Path file, String display, DocumentLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxZipEntry());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars());
        ZipSecureFile.setMaxFileCount(10_000);
        StringBuilder out = new StringBuilder();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                // the paragraphs' owner: XWPFParagraph needs a document, though nothing of it is read
                XWPFDocument host = new XWPFDocument()) {
            PackagePart main = mainPart(pkg);
            CTDocument1 document;
            try (InputStream in = main.getInputStream()) {
                document = DocumentDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getDocument();
            }
            XMLHelper.getDepthOfChildNodes(document.getDomNode(), MAX_NODE_DEPTH);
            Walk walk = new Walk(host, notes(main, XWPFRelation.FOOTNOTE), notes(main, XWPFRelation.ENDNOTE),
                    limits, out);
            try (XmlCursor c = document.newCursor()) {   // every body, as POI reads them (a document may have several)
                c.selectPath("./*");
                while (c.toNextSelection()) {
                    if (c.getObject() instanceof CTBody body) {
                        walk.body(body);
                    }
                }
            }
        } catch (TooLong e) {
            throw new InputException(display + ": more than " + limits.maxTextChars() + " characters of text (limit)");
        } catch (IOException | InvalidFormatException | XmlException | org.apache.poi.POIException | RuntimeException
                | StackOverflowError e) {
            String cause = Readers.cause(e);
            if (cause.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
                throw new InputException(display + ": a part of the DOCX expands more than "
                        + Math.round(1 / limits.minInflateRatio()) + " times (zip bomb guard)");
            }
            throw new InputException(display + ": not a readable DOCX document (" + cause + ")");
        }
        return DocumentText.of(display, DocumentFormat.DOCX, out.toString());
    }

    /** The part the package's office-document relationship points to, if it is a Word document. */
    private static PackagePart mainPart(OPCPackage pkg) throws InvalidFormatException {
        PackageRelationship rel = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0);
        PackagePart main = rel == null ? null : pkg.getPart(rel);
        if (main == null) {
            throw new InvalidFormatException("the package has no main document part");
        }
        if (!MAIN_TYPES.contains(main.getContentType())) {
            throw new InvalidFormatException("its main part is not a Word document (" + main.getContentType() + ")");
        }
        return main;
    }

    /**
     * The footnotes or endnotes of the main part by id, the first of each id (as POI's lookup); none when the part
     * has none.
     */
    private static Map<Integer, CTFtnEdn> notes(PackagePart main, XWPFRelation kind)
            throws InvalidFormatException, IOException, XmlException {
        Map<Integer, CTFtnEdn> byId = new HashMap<>();
        for (PackageRelationship rel : main.getRelationshipsByType(kind.getRelation())) {
            if (rel.getTargetMode() == TargetMode.EXTERNAL) {
                continue;
            }
            PackagePart part = main.getRelatedPart(rel);
            if (part == null) {
                continue;
            }
            CTFtnEdn[] notes;
            try (InputStream in = part.getInputStream()) {
                notes = kind == XWPFRelation.FOOTNOTE
                        ? FootnotesDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getFootnotes()
                                .getFootnoteArray()
                        : EndnotesDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getEndnotes()
                                .getEndnoteArray();
            }
            for (CTFtnEdn n : notes) {
                if (n.getId() != null) {
                    byId.putIfAbsent(n.getId().intValue(), n);
                }
            }
            break;   // POI reads the first such part
        }
        return byId;
    }

    /** One pass over the main part, appending lines to {@code out}. */
    private record Walk(XWPFDocument host, Map<Integer, CTFtnEdn> footnotes, Map<Integer, CTFtnEdn> endnotes,
            DocumentLimits limits, StringBuilder out) {

        /** The body's paragraphs and tables in order (block-level content controls are not read, as before). */
        void body(XmlObject body) {
            try (XmlCursor c = body.newCursor()) {
                c.selectPath("./*");
                while (c.toNextSelection()) {
                    XmlObject o = c.getObject();
                    if (o instanceof CTP p) {
                        line(out, paragraph(p, true));
                    } else if (o instanceof CTTbl t) {
                        table(out, t, 0);
                    }
                }
            }
        }

        /** A line per row of the table's own rows, cells joined by {@code " | "}. */
        private void table(StringBuilder to, CTTbl t, int depth) {
            for (CTRow row : t.getTrArray()) {
                StringBuilder line = new StringBuilder();
                CTTc[] cells = row.getTcArray();
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        line.append(" | ");
                    }
                    line.append(cell(cells[i], depth));
                    if (line.length() > limits.maxTextChars()) {
                        throw new TooLong();
                    }
                }
                line(to, line.toString());
            }
        }

        /** The cell's paragraphs and nested tables (to {@value #MAX_TABLE_DEPTH} deep) on one line, space-separated. */
        private String cell(CTTc cell, int depth) {
            StringBuilder b = new StringBuilder();
            try (XmlCursor c = cell.newCursor()) {
                c.selectPath("./*");
                while (c.toNextSelection()) {
                    XmlObject o = c.getObject();
                    StringBuilder inner = new StringBuilder();
                    if (o instanceof CTTbl t && depth < MAX_TABLE_DEPTH) {
                        table(inner, t, depth + 1);
                    } else if (o instanceof CTP p) {
                        inner.append(paragraph(p, true));
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
            }
            return b.toString();
        }

        /**
         * {@link XWPFParagraph#getText()}: the runs' text (a run with deleted text left out, an inline content
         * control by its content), then for each footnote or endnote reference {@code " [id: "}, the note's
         * paragraphs joined by line breaks (or POI's words for a missing note) and {@code "] "}; with
         * {@code notes} false (inside a note) references are not followed.
         */
        private String paragraph(CTP p, boolean notes) {
            XWPFParagraph para = new XWPFParagraph(p, host);
            StringBuilder s = new StringBuilder();
            for (IRunElement run : para.getIRuns()) {
                if (run instanceof XWPFRun r) {
                    if (r.getCTR().sizeOfDelTextArray() == 0) {
                        s.append(r);
                    }
                } else if (run instanceof XWPFSDT sdt) {
                    s.append(sdt.getContent().getText());
                } else {
                    s.append(run);
                }
                checkLength(s);
            }
            if (notes) {
                for (XWPFRun r : para.getRuns()) {
                    try (XmlCursor c = r.getCTR().newCursor()) {
                        c.selectPath("child::*");
                        while (c.toNextSelection()) {
                            if (c.getObject() instanceof CTFtnEdnRef ref) {
                                note(s, ref);
                            }
                        }
                    }
                }
            }
            return s.toString();
        }

        private void note(StringBuilder s, CTFtnEdnRef ref) {
            BigInteger id = ref.getId();
            int key = id == null ? 0 : id.intValue();
            CTFtnEdn note = ref.getDomNode().getLocalName().equals("footnoteReference")
                    ? footnotes.get(key) : endnotes.get(key);
            s.append(" [").append(id).append(": ");
            if (note == null) {
                s.append("!!! End note with ID \"").append(id).append("\" not found in document.");
            } else {
                List<CTP> paragraphs = List.of(note.getPArray());
                for (int i = 0; i < paragraphs.size(); i++) {
                    if (i > 0) {
                        s.append('\n');
                    }
                    s.append(paragraph(paragraphs.get(i), false));
                    checkLength(s);
                }
            }
            s.append("] ");
        }

        private void checkLength(StringBuilder s) {
            if (s.length() > limits.maxTextChars()) {
                throw new TooLong();
            }
        }

        private void line(StringBuilder to, String text) {
            String t = text.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
            if (to.length() + t.length() + 1 > limits.maxTextChars()) {
                throw new TooLong();
            }
            if (to.length() > 0) {
                to.append('\n');
            }
            to.append(t);
        }
    }

    private static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super(null, null, false, false);
        }
    }
}

package org.trialmeta.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.util.TimeZone;
import org.apache.poi.ooxml.POIXMLDocument;
import org.trialmeta.present.Written;

/**
 * Reproducible Office Open XML files (DOCX, PPTX): core properties dated from the data (never the clock), creator
 * "trialmeta", and every ZIP entry's time set to the same date, so the same input gives byte-identical files.
 */
final class Ooxml {

    private Ooxml() {}

    /** Midnight UTC of {@code date}, or of 2000-01-01 when there is none. */
    static Date fixedDate(Optional<java.time.LocalDate> date) {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
        c.clear();
        java.time.LocalDate d = date.orElse(java.time.LocalDate.of(2000, 1, 1));
        c.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
        return c.getTime();
    }

    /** The document's bytes with fixed core properties and ZIP entry times. */
    static byte[] bytes(POIXMLDocument doc, Date fixed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(doc, fixed, Map.of(), out);
        return out.toByteArray();
    }

    /**
     * Writes the document to {@code out} with fixed core properties and ZIP entry times, the parts named in
     * {@code parts} (e.g. {@code word/document.xml}) written in UTF-8 by their writer instead of as POI has them,
     * in the same place in the package.
     */
    static void write(POIXMLDocument doc, Date fixed, Map<String, Written.Body> parts, OutputStream out)
            throws IOException {
        var core = doc.getProperties().getCoreProperties().getUnderlyingProperties();
        core.setCreatedProperty(Optional.of(fixed));
        core.setModifiedProperty(Optional.of(fixed));
        core.setCreatorProperty("trialmeta");
        ByteArrayOutputStream poi = new ByteArrayOutputStream();
        doc.write(poi);
        rewrite(poi.toByteArray(), fixed.getTime(), parts, out);
    }

    /** Rewrites a ZIP with every entry's time set to {@code millis}, so the bytes are reproducible. */
    private static void rewrite(byte[] zip, long millis, Map<String, Written.Body> parts, OutputStream out)
            throws IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
             var zo = new ZipOutputStream(new FilterOutputStream(out) {
                 @Override
                 public void write(byte[] b, int off, int len) throws IOException {
                     out.write(b, off, len);
                 }

                 @Override
                 public void close() throws IOException {
                     flush(); // the caller's stream stays open
                 }
             })) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry n = new ZipEntry(e.getName());
                n.setTime(millis);
                zo.putNextEntry(n);
                Written.Body part = parts.get(e.getName());
                if (part == null) {
                    in.transferTo(zo);
                } else {
                    Written.utf8(zo, part);
                }
                zo.closeEntry();
            }
        }
    }
}

package org.trialmeta.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.poi.ooxml.POIXMLDocument;

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
        var core = doc.getProperties().getCoreProperties().getUnderlyingProperties();
        core.setCreatedProperty(Optional.of(fixed));
        core.setModifiedProperty(Optional.of(fixed));
        core.setCreatorProperty("trialmeta");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return fixZipTimes(out.toByteArray(), fixed.getTime());
    }

    /** Rewrites a ZIP with every entry's time set to {@code millis}, so the bytes are reproducible. */
    private static byte[] fixZipTimes(byte[] zip, long millis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             var zo = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                java.util.zip.ZipEntry n = new java.util.zip.ZipEntry(e.getName());
                n.setTime(millis);
                zo.putNextEntry(n);
                in.transferTo(zo);
                zo.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

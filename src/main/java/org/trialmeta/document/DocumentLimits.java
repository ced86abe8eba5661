package org.trialmeta.document;

/**
 * The bounds on what {@code scan} reads. A document beyond any of them is refused (exit 2), never truncated: a
 * partial scan would pass for a clean one.
 *
 * @param maxFileBytes    largest file read (PDF and DOCX); text, Markdown and HTML files: a fifth of it
 * @param maxPages        most pages a PDF may have (or claim to have)
 * @param maxTextChars    most characters of extracted text
 * @param maxPdfScratch   most bytes PDFBox may hold for decoded streams of one document
 * @param maxZipEntry     largest uncompressed DOCX part
 * @param minInflateRatio smallest compressed/uncompressed ratio of a DOCX part (POI's zip-bomb guard)
 */
public record DocumentLimits(long maxFileBytes, int maxPages, int maxTextChars, long maxPdfScratch, long maxZipEntry,
        double minInflateRatio) {

    /** 64 MB files, 2,000 pages, 8 million characters, 256 MB of decoded PDF streams, 64 MB DOCX parts, ratio 1%. */
    public static final DocumentLimits DEFAULTS = new DocumentLimits(64L << 20, 2000, 8_000_000, 256L << 20,
            64L << 20, 0.01);

    public DocumentLimits {
        if (maxFileBytes < 1 || maxPages < 1 || maxTextChars < 1 || maxPdfScratch < 1 || maxZipEntry < 1
                || !(minInflateRatio > 0 && minInflateRatio < 1)) {
            throw new IllegalArgumentException("document limits must be positive (inflate ratio in (0, 1))");
        }
    }

    /** Largest text, Markdown or HTML file. */
    public long maxTextFileBytes() {
        return maxFileBytes / 5;
    }
}

package org.trialmeta.document;

import java.util.Arrays;

/**
 * A document's text as read, one {@link CompactText}, with the offsets where its lines and pages begin. Lines are numbered
 * within their page (a PDF's page, or page 1 for formats without pages: text, Markdown, HTML, DOCX); a DOCX
 * paragraph or table row is one line.
 */
public final class DocumentText {

    private final String name;
    private final DocumentFormat format;
    private final CompactText text;
    private final int[] pageStarts;
    private final int[] lineStarts;

    /**
     * @param name       the file name shown in findings
     * @param format     the format read
     * @param text       the whole text ({@code \n} between lines); a string is copied into a {@link CompactText}
     * @param pageStarts offsets of the first character of each page, ascending, the first 0
     */
    public DocumentText(String name, DocumentFormat format, CharSequence text, int[] pageStarts) {
        if (pageStarts.length == 0 || pageStarts[0] != 0) {
            throw new IllegalArgumentException("pageStarts must begin with 0");
        }
        this.name = name;
        this.format = format;
        CompactText t = CompactText.of(text);
        this.text = t;
        this.pageStarts = pageStarts.clone();
        int lines = 1;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                lines++;
            }
        }
        this.lineStarts = new int[lines];
        int k = 1;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                lineStarts[k++] = i + 1;
            }
        }
    }

    /** Text without pages (one page). */
    public static DocumentText of(String name, DocumentFormat format, CharSequence text) {
        return new DocumentText(name, format, text, new int[] {0});
    }

    public String name() {
        return name;
    }

    public DocumentFormat format() {
        return format;
    }

    /** The whole text; {@code text().subSequence(from, to)} is a string. */
    public CompactText text() {
        return text;
    }

    /** Number of pages (1 for formats without pages). */
    public int pages() {
        return pageStarts.length;
    }

    /** The offset of the first character of 1-based {@code page}. */
    public int pageStart(int page) {
        return pageStarts[page - 1];
    }

    /** The 1-based page of the character at {@code offset}. */
    public int page(int offset) {
        int i = Arrays.binarySearch(pageStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** The 1-based line, within its page, of the character at {@code offset}. */
    public int line(int offset) {
        int global = globalLine(offset);
        int pageStart = pageStarts[page(offset) - 1];
        return global - globalLine(pageStart) + 1;
    }

    private int globalLine(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** "p. 3, line 12" (or "line 12" for a document without pages). */
    public String locate(int offset) {
        return (pages() > 1 || format == DocumentFormat.PDF ? "p. " + page(offset) + ", " : "") + "line " + line(offset);
    }
}

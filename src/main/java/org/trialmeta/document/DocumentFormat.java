package org.trialmeta.document;

import java.util.Locale;
import java.util.Optional;

/** The formats {@code scan} reads, chosen by the file name's extension and checked against the file's first bytes. */
public enum DocumentFormat {
    TEXT("txt"), MARKDOWN("md"), HTML("html"), PDF("pdf"), DOCX("docx");

    private final String extension;

    DocumentFormat(String extension) {
        this.extension = extension;
    }

    /** Lower-case name: text, markdown, html, pdf, docx. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    /** The format of a file name (.txt/.text, .md/.markdown, .html/.htm/.xhtml, .pdf, .docx; any case). */
    public static Optional<DocumentFormat> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return Optional.ofNullable(switch (ext) {
            case "txt", "text" -> TEXT;
            case "md", "markdown" -> MARKDOWN;
            case "html", "htm", "xhtml" -> HTML;
            case "pdf" -> PDF;
            case "docx" -> DOCX;
            default -> null;
        });
    }
}

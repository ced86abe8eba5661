package org.trialmeta.model;

import java.util.Optional;

/**
 * A document data were read from; data refer to it by {@link #id()} in their {@link Provenance}.
 *
 * @param id       short stable id, e.g. {@code frame-natmed-2025}
 * @param citation human-readable citation
 * @param kind     kind of document
 * @param doi      DOI without the {@code https://doi.org/} prefix
 * @param pmid     PubMed id (digits)
 * @param url      web address
 * @param note      curator's note (e.g. "paper not located")
 * @param published publication date as precise as known: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
 *                  (the date the work appeared, not a date it was accessed; see {@link #publishedBy()})
 */
public record Source(String id, String citation, SourceKind kind, Optional<String> doi, Optional<String> pmid,
        Optional<String> url, Optional<String> note, Optional<String> published) {
    public Source {
        Checks.text("source.id", id);
        Checks.text("source " + id + ": citation", citation);
        Checks.required("source " + id + ": kind", kind);
        Checks.optional("source " + id + ": doi", doi);
        Checks.optional("source " + id + ": pmid", pmid);
        Checks.optional("source " + id + ": url", url);
        Checks.optional("source " + id + ": note", note);
        Checks.optional("source " + id + ": published", published);
        published.ifPresent(d -> {
            if (lastDayOf(d).isEmpty()) {
                throw new IllegalArgumentException("source " + id + ": published: '" + d + "' (" + PUBLISHED_RULE + ")");
            }
        });
        pmid.ifPresent(p -> {
            if (!p.matches("\\d+")) {
                throw new IllegalArgumentException("source " + id + ": pmid: '" + p + "' (must be digits)");
            }
        });
    }

    /** The rule of {@link #published()}, as every message states it. */
    public static final String PUBLISHED_RULE = "a publication date is YYYY, YYYY-MM or YYYY-MM-DD and exists";

    /**
     * The latest day the source can have appeared: its publication date, or the last day of the month or year
     * it gives; empty when no publication date is recorded. (A year in the citation is not used: it may be the
     * year the source was accessed.)
     */
    public java.util.Optional<java.time.LocalDate> publishedBy() {
        return published.flatMap(Source::lastDayOf);
    }

    /** The last day of {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or empty when the text is none of them. */
    public static java.util.Optional<java.time.LocalDate> lastDayOf(String text) {
        try {
            if (text.matches("\\d{4}")) {
                return java.util.Optional.of(java.time.LocalDate.of(Integer.parseInt(text), 12, 31));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return java.util.Optional.of(java.time.YearMonth.parse(text).atEndOfMonth());
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return java.util.Optional.of(java.time.LocalDate.parse(text));
            }
        } catch (java.time.DateTimeException e) {
            // a month or day that does not exist
        }
        return java.util.Optional.empty();
    }
}

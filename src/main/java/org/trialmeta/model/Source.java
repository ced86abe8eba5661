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
 * @param note     curator's note (e.g. "paper not located")
 */
public record Source(String id, String citation, SourceKind kind, Optional<String> doi, Optional<String> pmid,
        Optional<String> url, Optional<String> note) {
    public Source {
        Checks.text("source.id", id);
        Checks.text("source " + id + ": citation", citation);
        Checks.required("source " + id + ": kind", kind);
        Checks.optional("source " + id + ": doi", doi);
        Checks.optional("source " + id + ": pmid", pmid);
        Checks.optional("source " + id + ": url", url);
        Checks.optional("source " + id + ": note", note);
        pmid.ifPresent(p -> {
            if (!p.matches("\\d+")) {
                throw new IllegalArgumentException("source " + id + ": pmid: '" + p + "' (must be digits)");
            }
        });
    }
}

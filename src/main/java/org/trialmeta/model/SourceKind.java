package org.trialmeta.model;

/** What kind of document a {@link Source} is; decides which statuses a datum from it can have. */
public enum SourceKind {
    PEER_REVIEWED,
    REGULATORY_LABEL,
    CONFERENCE_ABSTRACT,
    /** A conference presentation or a report of one (slides, meeting coverage). */
    CONFERENCE_REPORT,
    PRESS_RELEASE,
    NEWS,
    REVIEW,
    REGISTRY,
    VENDOR_GUIDE,
    /**
     * A figure the project's curators recorded without naming the document it came from; a placeholder
     * that says so honestly and should be replaced when the document is found.
     */
    CURATION_NOTE,
    OTHER
}

package org.trialmeta.model;

/**
 * How well a datum is supported (the curation sheet's statuses).
 *
 * <ul>
 *   <li>{@link #CONFIRMED}: read in a primary source (peer-reviewed paper, regulatory label) as stated.</li>
 *   <li>{@link #SECONDARY}: found only in a secondary source (press release, conference report, news,
 *       review) or an interim cut.</li>
 *   <li>{@link #UNVERIFIED}: stated by one source only (e.g. a vendor guide); nothing else states it.</li>
 *   <li>{@link #DERIVED}: computed from other data; {@link Provenance#derivedFrom()} and
 *       {@link Provenance#method()} say from what and how.</li>
 * </ul>
 */
public enum EvidenceStatus {
    CONFIRMED, SECONDARY, UNVERIFIED, DERIVED
}

package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.InputException;
import org.trialmeta.model.Provenance;

/**
 * Which evidence statuses an analysis admits. A datum is admitted when the status of its main
 * provenance (the counts, the median, the direction) is in the set; everything else is listed as an
 * {@link Exclusion} with the reason, never silently dropped or mixed in.
 *
 * @param admitted the admitted statuses (not empty)
 */
public record StatusFilter(Set<EvidenceStatus> admitted) {

    /** The default: confirmed, secondary and derived data; unverified data are excluded. */
    public static final StatusFilter DEFAULT = new StatusFilter(
            EnumSet.of(EvidenceStatus.CONFIRMED, EvidenceStatus.SECONDARY, EvidenceStatus.DERIVED));

    /** Every status, unverified included. */
    public static final StatusFilter ALL = new StatusFilter(EnumSet.allOf(EvidenceStatus.class));

    /** The default as a command-line value. */
    public static final String DEFAULT_TEXT = "confirmed,secondary,derived";

    public StatusFilter {
        if (admitted == null || admitted.isEmpty()) {
            throw new IllegalArgumentException("statuses: " + admitted + " (at least one status must be admitted)");
        }
        admitted = java.util.Collections.unmodifiableSet(EnumSet.copyOf(admitted));
    }

    /**
     * Parses a comma-separated list such as {@code confirmed,secondary,derived} (case-insensitive).
     *
     * @throws InputException naming the bad value and the allowed ones
     */
    public static StatusFilter parse(String text) {
        EnumSet<EvidenceStatus> set = EnumSet.noneOf(EvidenceStatus.class);
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                set.add(EvidenceStatus.valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InputException("--statuses: '" + p + "' (allowed: confirmed, secondary, unverified, derived)");
            }
        }
        if (set.isEmpty()) {
            throw new InputException("--statuses: '" + text + "' (name at least one of confirmed, secondary, unverified, derived)");
        }
        return new StatusFilter(set);
    }

    public boolean admits(EvidenceStatus status) {
        return admitted.contains(status);
    }

    public boolean admits(Provenance provenance) {
        return admits(provenance.status());
    }

    /** Admitted statuses in declaration order, lower case, e.g. {@code [confirmed, secondary, derived]}. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (EvidenceStatus s : EvidenceStatus.values()) {
            if (admitted.contains(s)) {
                out.add(s.name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** E.g. "confirmed, secondary, derived". */
    public String describe() {
        return String.join(", ", names());
    }
}

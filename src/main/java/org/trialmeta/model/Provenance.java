package org.trialmeta.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a datum comes from and how well it is supported.
 *
 * <p>Rules: {@code source} always names a {@link Source} id (for a derived datum: the source of its
 * main input); {@code locator} (table, figure, page or text passage) is required unless the datum is
 * derived; a {@link EvidenceStatus#DERIVED} datum has a non-empty {@code derivedFrom} (what it was
 * computed from) and a {@code method} (how); other statuses have neither.
 *
 * @param source      source id, resolved against the repository's sources
 * @param locator     where in the source: "Table 2", "Fig. 1b", "p. 4", "abstract text"
 * @param cutoff      data cut-off date of the datum, when known
 * @param status      evidence status
 * @param derivedFrom for derived data: the inputs, e.g. "ORR kras_mutant 25/57 (ramp201-jco-2025)"
 * @param method      for derived data: the computation, e.g. "109 - 57 = 52 evaluable"
 * @param note        curator's note
 */
public record Provenance(String source, Optional<String> locator, Optional<LocalDate> cutoff,
        EvidenceStatus status, List<String> derivedFrom, Optional<String> method, Optional<String> note) {
    public Provenance {
        Checks.text("provenance.source", source);
        Checks.optional("provenance.locator", locator);
        Checks.optional("provenance.cutoff", cutoff);
        Checks.required("provenance.status", status);
        derivedFrom = Checks.list("provenance.derivedFrom", derivedFrom);
        Checks.optional("provenance.method", method);
        Checks.optional("provenance.note", note);
        if (status == EvidenceStatus.DERIVED) {
            if (derivedFrom.isEmpty()) {
                throw new IllegalArgumentException(
                        "provenance.derivedFrom: [] (a derived datum must name what it was derived from)");
            }
            if (method.isEmpty()) {
                throw new IllegalArgumentException(
                        "provenance.method: missing (a derived datum must say how it was derived)");
            }
        } else {
            if (!derivedFrom.isEmpty() || method.isPresent()) {
                throw new IllegalArgumentException("provenance.derivedFrom: " + derivedFrom
                        + " (only a datum with status derived has derivedFrom/method; status is " + status + ")");
            }
            if (locator.isEmpty()) {
                throw new IllegalArgumentException(
                        "provenance.locator: missing (required unless the status is derived)");
            }
        }
    }

    /** A provenance for a datum read directly from a source. */
    public static Provenance of(String source, String locator, EvidenceStatus status) {
        return new Provenance(source, Optional.of(locator), Optional.empty(), status, List.of(),
                Optional.empty(), Optional.empty());
    }
}

package org.trialmeta.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One analysis (data cut) of a trial, so that interim and final results sit side by side.
 *
 * @param id         stable id within the trial, e.g. {@code interim-2021-05}, {@code final}
 * @param label      human-readable label
 * @param cutoff     data cut-off date when known
 * @param provenance where the cut-off date comes from (present when {@code cutoff} is)
 * @param note       curator's note
 */
public record AnalysisCut(String id, String label, Optional<LocalDate> cutoff, Optional<Provenance> provenance,
        Optional<String> note) {
    public AnalysisCut {
        Checks.text("cut.id", id);
        Checks.text("cut " + id + ": label", label);
        Checks.optional("cut " + id + ": cutoff", cutoff);
        Checks.optional("cut " + id + ": provenance", provenance);
        Checks.optional("cut " + id + ": note", note);
        if (cutoff.isPresent() && provenance.isEmpty()) {
            throw new IllegalArgumentException("cut " + id + ": provenance: missing (a cut-off date needs its provenance)");
        }
    }
}

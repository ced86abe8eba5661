package org.trialmeta.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A binary endpoint: responders out of evaluable and/or the percentage as reported.
 *
 * <p>At least one of {@code counts} and {@code reported} is present. {@code provenance} is that of the
 * counts when present (else the same as the reported figure's); {@code reported} carries its own.
 *
 * @param endpoint   ORR, PR, SD, ...
 * @param subgroup   subgroup id
 * @param cut        analysis cut id
 * @param counts     responders / evaluable, when known (read or derived)
 * @param reported   the percentage (CI, n) as the source prints it
 * @param criteria   response criteria, e.g. {@code RECIST 1.1}
 * @param confirmed  whether responses were confirmed; empty when the source does not say
 * @param provenance provenance of the counts (or of the reported figure when there are no counts)
 * @param note       curator's note
 */
public record BinaryOutcome(BinaryEndpoint endpoint, String subgroup, String cut, Optional<ResponseCount> counts,
        Optional<ReportedProportion> reported, Optional<String> criteria, Optional<Boolean> confirmed,
        Provenance provenance, Optional<String> note) implements Outcome {
    public BinaryOutcome {
        Checks.required("endpoint", endpoint);
        Checks.text("subgroup", subgroup);
        Checks.text("cut", cut);
        Checks.optional("counts", counts);
        Checks.optional("reported", reported);
        Checks.optional("criteria", criteria);
        Checks.optional("confirmed", confirmed);
        Checks.required("provenance", provenance);
        Checks.optional("note", note);
        if (counts.isEmpty() && reported.isEmpty()) {
            throw new IllegalArgumentException(
                    "responders: missing (a binary outcome needs responders/evaluable or a reported percent)");
        }
    }

    @Override
    public List<Provenance> provenances() {
        List<Provenance> out = new ArrayList<>();
        out.add(provenance);
        reported.ifPresent(r -> {
            if (!r.provenance().equals(provenance)) {
                out.add(r.provenance());
            }
        });
        return out;
    }

    @Override
    public String label() {
        return endpoint.name();
    }
}

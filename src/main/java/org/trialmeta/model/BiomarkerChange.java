package org.trialmeta.model;

import java.util.List;
import java.util.Optional;

/**
 * A directional biomarker change on treatment (e.g. pFAK in tumour decreased by 75%): not an
 * efficacy endpoint, but pharmacodynamic evidence.
 *
 * @param marker      what was measured, e.g. {@code pFAK}, {@code naive CD4+ and CD8+ T cells}
 * @param compartment tumour, blood, or not reported
 * @param direction   increased, decreased, unchanged
 * @param magnitude   size of the change, when given
 * @param subgroup    subgroup id
 * @param cut         analysis cut id
 * @param provenance  where the claim comes from
 * @param note        curator's note
 */
public record BiomarkerChange(String marker, Compartment compartment, Direction direction,
        Optional<Magnitude> magnitude, String subgroup, String cut, Provenance provenance, Optional<String> note)
        implements Outcome {
    public BiomarkerChange {
        Checks.text("marker", marker);
        Checks.required("compartment", compartment);
        Checks.required("direction", direction);
        Checks.optional("magnitude", magnitude);
        Checks.text("subgroup", subgroup);
        Checks.text("cut", cut);
        Checks.required("provenance", provenance);
        Checks.optional("note", note);
        magnitude.ifPresent(m -> {
            if (direction == Direction.DECREASED && m.unit() == MagnitudeUnit.PERCENT && m.value() > 100) {
                throw new IllegalArgumentException("magnitude.value: " + Checks.num(m.value())
                        + " (a percentage decrease must be at most 100)");
            }
        });
    }

    @Override
    public List<Provenance> provenances() {
        return List.of(provenance);
    }

    @Override
    public String label() {
        return marker;
    }
}

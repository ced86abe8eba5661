package org.trialmeta.model;

/**
 * An outcome together with the trial, arm, subgroup and analysis cut it belongs to: what the analysis
 * layer iterates over ("all ORR outcomes per trial/arm/subgroup/cut with provenance").
 *
 * @param <T> the outcome type
 */
public record LocatedOutcome<T extends Outcome>(Trial trial, Arm arm, Subgroup subgroup, AnalysisCut cut, T outcome) {
    public LocatedOutcome {
        Checks.required("trial", trial);
        Checks.required("arm", arm);
        Checks.required("subgroup", subgroup);
        Checks.required("cut", cut);
        Checks.required("outcome", outcome);
    }

    /** Data cut-off of the outcome: its provenance's, else its analysis cut's, when known. */
    public java.util.Optional<java.time.LocalDate> cutoff() {
        return outcome.provenance().cutoff().or(cut::cutoff);
    }

    /** Provenance of the outcome's main datum. */
    public Provenance provenance() {
        return outcome.provenance();
    }
}

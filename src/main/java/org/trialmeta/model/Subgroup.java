package org.trialmeta.model;

import java.util.Optional;

/**
 * A patient (or animal) subgroup of a trial.
 *
 * @param id        stable id within the trial, e.g. {@code overall}, {@code kras_mutant}, {@code kras_wild_type}
 * @param name      human-readable name
 * @param biomarker the defining biomarker; empty for the whole population ("overall")
 */
public record Subgroup(String id, String name, Optional<Biomarker> biomarker) {
    public Subgroup {
        Checks.text("subgroup.id", id);
        Checks.text("subgroup " + id + ": name", name);
        Checks.optional("subgroup " + id + ": biomarker", biomarker);
    }

    /** True when the subgroup is the whole population (no biomarker restriction). */
    public boolean isOverall() {
        return biomarker.isEmpty();
    }
}

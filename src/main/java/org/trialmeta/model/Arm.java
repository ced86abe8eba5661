package org.trialmeta.model;

import java.util.List;
import java.util.Optional;

/**
 * A treatment arm (or cohort) of a trial and the outcomes reported for it.
 *
 * @param id            stable id within the trial, e.g. {@code avutometinib-defactinib}
 * @param name          human-readable name
 * @param interventions agents with dose/schedule text (empty for an untreated control is not allowed:
 *                      name the vehicle or the standard of care)
 * @param n             patients (or animals) enrolled/treated in the arm, when known
 * @param outcomes      outcomes, each for a subgroup and a cut of the trial
 * @param note          curator's note
 * @param control       true for the reference arm of a controlled experiment (vehicle, placebo,
 *                      standard of care) that contrasts such as the increase in lifespan are computed
 *                      against; YAML {@code control: true}, default false; at most one per trial
 */
public record Arm(String id, String name, List<Intervention> interventions, Optional<Integer> n,
        List<Outcome> outcomes, Optional<String> note, boolean control) {

    /** An arm that is not a control arm. */
    public Arm(String id, String name, List<Intervention> interventions, Optional<Integer> n,
            List<Outcome> outcomes, Optional<String> note) {
        this(id, name, interventions, n, outcomes, note, false);
    }

    public Arm {
        Checks.text("arm.id", id);
        Checks.text("arm " + id + ": name", name);
        interventions = Checks.list("arm " + id + ": interventions", interventions);
        if (interventions.isEmpty()) {
            throw new IllegalArgumentException("arm " + id + ": interventions: [] (at least one intervention is required)");
        }
        Checks.optional("arm " + id + ": n", n);
        n.ifPresent(v -> Checks.count("arm " + id + ": n", v));
        outcomes = Checks.list("arm " + id + ": outcomes", outcomes);
        Checks.optional("arm " + id + ": note", note);
    }
}

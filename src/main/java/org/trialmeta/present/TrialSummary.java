package org.trialmeta.present;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialmeta.model.Arm;
import org.trialmeta.model.BiomarkerChange;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Subgroup;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;

/**
 * One trial in a line: what {@code list} shows per trial, and its JSON (snake_case keys).
 *
 * @param id           trial id
 * @param name         display name
 * @param phase        phase label, e.g. 1/2
 * @param setting      clinical or preclinical
 * @param indication   indication
 * @param arms         number of arms
 * @param subgroups    subgroup ids
 * @param endpoints    endpoint labels in file order ("biomarker" for the pharmacodynamic changes)
 * @param outcomes     number of outcomes
 * @param statusCounts provenances per evidence status (lower-case keys, every status, in enum order)
 */
public record TrialSummary(String id, String name, String phase, String setting, String indication, int arms,
        List<String> subgroups, List<String> endpoints, int outcomes, Map<String, Integer> statusCounts) {

    /** The summary of one trial. */
    public static TrialSummary of(Trial t) {
        Set<String> endpoints = new LinkedHashSet<>();
        for (Arm a : t.arms()) {
            for (Outcome o : a.outcomes()) {
                endpoints.add(o instanceof BiomarkerChange ? "biomarker" : o.label());
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<EvidenceStatus, Integer> e : TrialRepository.statusCounts(t).entrySet()) {
            counts.put(TrialText.lower(e.getKey()), e.getValue());
        }
        return new TrialSummary(t.id(), t.name(), t.phase().label(), TrialText.lower(t.setting()), t.indication(),
                t.arms().size(), t.subgroups().stream().map(Subgroup::id).toList(), List.copyOf(endpoints),
                t.outcomeCount(), counts);
    }

    /** The summaries of every trial, in repository order. */
    public static List<TrialSummary> of(TrialRepository repo) {
        return repo.trials().stream().map(TrialSummary::of).toList();
    }

    /** Lower-case status names, in enum order (the status columns of {@code list}). */
    static List<String> statuses() {
        return List.of(EvidenceStatus.values()).stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }
}

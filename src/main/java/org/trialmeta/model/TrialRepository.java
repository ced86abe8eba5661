package org.trialmeta.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The curated trials and the sources they cite, with lookups. Immutable; trials keep the order they
 * were given in (the loader sorts them by file name), sources likewise.
 *
 * <p>Invariants: trial ids and source ids are unique, and every source id a trial or provenance
 * names is defined.
 */
public final class TrialRepository {

    private final List<Trial> trials;
    private final List<Source> sources;
    private final Map<String, Trial> trialsById;
    private final Map<String, Source> sourcesById;
    private final List<LocatedOutcome<Outcome>> outcomes;

    public TrialRepository(List<Trial> trials, List<Source> sources) {
        this.trials = Checks.list("trials", trials);
        this.sources = Checks.list("sources", sources);
        Map<String, Trial> t = new LinkedHashMap<>();
        for (Trial trial : this.trials) {
            if (t.putIfAbsent(trial.id(), trial) != null) {
                throw new IllegalArgumentException("trial.id: '" + trial.id() + "' (trial ids must be unique)");
            }
        }
        Map<String, Source> s = new LinkedHashMap<>();
        for (Source source : this.sources) {
            if (s.putIfAbsent(source.id(), source) != null) {
                throw new IllegalArgumentException("source.id: '" + source.id() + "' (source ids must be unique)");
            }
        }
        List<LocatedOutcome<Outcome>> all = new ArrayList<>();
        for (Trial trial : this.trials) {
            for (String id : trial.sources()) {
                requireSource(s, trial.id() + ": sources", id);
            }
            for (AnalysisCut c : trial.cuts()) {
                c.provenance().ifPresent(p -> requireSource(s, trial.id() + ": cut " + c.id(), p.source()));
            }
            for (SurvivalCurve c : trial.curves()) {
                requireSource(s, trial.id() + ": curve " + c.arm() + " " + c.endpoint() + ": provenance.source",
                        c.provenance().source());
            }
            for (Arm arm : trial.arms()) {
                for (Outcome o : arm.outcomes()) {
                    for (Provenance p : o.provenances()) {
                        requireSource(s, trial.id() + ": arm " + arm.id() + ": provenance.source", p.source());
                    }
                    all.add(new LocatedOutcome<>(trial, arm, trial.subgroup(o.subgroup()).orElseThrow(),
                            trial.cut(o.cut()).orElseThrow(), o));
                }
            }
        }
        this.trialsById = Collections.unmodifiableMap(t);
        this.sourcesById = Collections.unmodifiableMap(s);
        this.outcomes = List.copyOf(all);
    }

    private static void requireSource(Map<String, Source> sources, String where, String id) {
        if (!sources.containsKey(id)) {
            throw new IllegalArgumentException(where + ": '" + id + "' (unknown source id)");
        }
    }

    public List<Trial> trials() {
        return trials;
    }

    public List<Source> sources() {
        return sources;
    }

    public Optional<Trial> trial(String id) {
        return Optional.ofNullable(trialsById.get(id));
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(sourcesById.get(id));
    }

    /** The source a provenance names (always defined in a repository). */
    public Source sourceOf(Provenance provenance) {
        return sourcesById.get(provenance.source());
    }

    /** Most known ids listed when a trial is not found (a directory of thousands would make a line of kilobytes). */
    static final int KNOWN_LISTED = 20;

    /**
     * The trial with this id, or an {@link InputException} listing the known ids (the first {@value #KNOWN_LISTED}
     * and how many more).
     */
    public Trial requireTrial(String id) {
        Trial t = trialsById.get(id);
        if (t == null) {
            List<String> known = new ArrayList<>(trialsById.keySet());
            String listed = String.join(", ", known.subList(0, Math.min(known.size(), KNOWN_LISTED)));
            int more = known.size() - KNOWN_LISTED;
            throw new InputException("trial '" + id + "': not found (known trials: " + listed
                    + (more > 0 ? " and " + more + " more; 'trialmeta list' shows them" : "") + ")");
        }
        return t;
    }

    /** Every outcome of every trial with its trial, arm, subgroup and cut, in file order. */
    public List<LocatedOutcome<Outcome>> outcomes() {
        return outcomes;
    }

    /** Every outcome of one type, e.g. {@code outcomes(BinaryOutcome.class)}. */
    @SuppressWarnings("unchecked")
    public <T extends Outcome> List<LocatedOutcome<T>> outcomes(Class<T> type) {
        List<LocatedOutcome<T>> out = new ArrayList<>();
        for (LocatedOutcome<Outcome> o : outcomes) {
            if (type.isInstance(o.outcome())) {
                out.add((LocatedOutcome<T>) (LocatedOutcome<?>) o);
            }
        }
        return out;
    }

    /** Every binary outcome with this endpoint, e.g. all ORR outcomes per trial/arm/subgroup/cut. */
    public List<LocatedOutcome<BinaryOutcome>> binaryOutcomes(BinaryEndpoint endpoint) {
        return outcomes(BinaryOutcome.class).stream().filter(o -> o.outcome().endpoint() == endpoint).toList();
    }

    /** Every time-to-event outcome with this endpoint. */
    public List<LocatedOutcome<TimeToEventOutcome>> timeToEventOutcomes(TimeToEventEndpoint endpoint) {
        return outcomes(TimeToEventOutcome.class).stream().filter(o -> o.outcome().endpoint() == endpoint).toList();
    }

    /** Every biomarker change. */
    public List<LocatedOutcome<BiomarkerChange>> biomarkerChanges() {
        return outcomes(BiomarkerChange.class);
    }

    /** Number of provenances per status over the outcomes of one trial (all statuses present, maybe 0). */
    public static Map<EvidenceStatus, Integer> statusCounts(Trial trial) {
        Map<EvidenceStatus, Integer> counts = new EnumMap<>(EvidenceStatus.class);
        for (EvidenceStatus s : EvidenceStatus.values()) {
            counts.put(s, 0);
        }
        for (Arm a : trial.arms()) {
            for (Outcome o : a.outcomes()) {
                for (Provenance p : o.provenances()) {
                    counts.merge(p.status(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Total number of outcomes. */
    public int outcomeCount() {
        return outcomes.size();
    }
}

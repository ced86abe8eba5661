package org.trialmeta.model;

import java.util.List;
import java.util.Optional;

/**
 * One study (clinical trial or preclinical experiment) with its arms, subgroups and analysis cuts.
 *
 * @param id           stable id, e.g. {@code ramp-201}; unique in a repository
 * @param name         display name
 * @param registryIds  registry numbers, e.g. {@code NCT04625270}
 * @param phase        development phase ({@code NOT_APPLICABLE} for preclinical)
 * @param design       design as text, e.g. "open-label, randomised, multi-part"
 * @param setting      clinical or preclinical
 * @param species      {@code human}, {@code mouse}, ...
 * @param modelSystem  for preclinical studies: the model, e.g. "MC38 colorectal syngeneic model"
 * @param indication   disease, e.g. "recurrent low-grade serous ovarian cancer"
 * @param sources      ids of the sources this study's data come from
 * @param subgroups    subgroups (ids unique in the trial)
 * @param cuts         analysis cuts (ids unique in the trial)
 * @param arms         arms (ids unique in the trial) with their outcomes
 * @param note         curator's note
 * @param curves       Kaplan-Meier curves digitised from the publications' figures (trial file {@code curves:});
 *                     at most one per arm, endpoint, subgroup and cut
 */
public record Trial(String id, String name, List<String> registryIds, Phase phase, String design, Setting setting,
        String species, Optional<String> modelSystem, String indication, List<String> sources,
        List<Subgroup> subgroups, List<AnalysisCut> cuts, List<Arm> arms, Optional<String> note,
        List<SurvivalCurve> curves) {

    /** A trial without digitised curves. */
    public Trial(String id, String name, List<String> registryIds, Phase phase, String design, Setting setting,
            String species, Optional<String> modelSystem, String indication, List<String> sources,
            List<Subgroup> subgroups, List<AnalysisCut> cuts, List<Arm> arms, Optional<String> note) {
        this(id, name, registryIds, phase, design, setting, species, modelSystem, indication, sources, subgroups, cuts,
                arms, note, List.of());
    }

    public Trial {
        Checks.text("trial.id", id);
        String f = "trial " + id + ": ";
        Checks.text(f + "name", name);
        registryIds = Checks.list(f + "registryIds", registryIds);
        Checks.required(f + "phase", phase);
        Checks.text(f + "design", design);
        Checks.required(f + "setting", setting);
        Checks.text(f + "species", species);
        Checks.optional(f + "modelSystem", modelSystem);
        Checks.text(f + "indication", indication);
        sources = Checks.list(f + "sources", sources);
        subgroups = Checks.list(f + "subgroups", subgroups);
        cuts = Checks.list(f + "cuts", cuts);
        arms = Checks.list(f + "arms", arms);
        Checks.optional(f + "note", note);
        Checks.ids(f + "subgroups", subgroups.stream().map(Subgroup::id).toList());
        Checks.ids(f + "cuts", cuts.stream().map(AnalysisCut::id).toList());
        Checks.ids(f + "arms", arms.stream().map(Arm::id).toList());
        List<String> controls = arms.stream().filter(Arm::control).map(Arm::id).toList();
        if (controls.size() > 1) {
            throw new IllegalArgumentException(f + "arms: control: true on " + String.join(", ", controls)
                    + " (at most one control arm per trial)");
        }
        for (Arm a : arms) {
            for (Outcome o : a.outcomes()) {
                if (byId(subgroups, Subgroup::id, o.subgroup()) == null) {
                    throw new IllegalArgumentException(f + "arm " + a.id() + ": subgroup: '" + o.subgroup()
                            + "' (unknown subgroup id)");
                }
                if (byId(cuts, AnalysisCut::id, o.cut()) == null) {
                    throw new IllegalArgumentException(f + "arm " + a.id() + ": cut: '" + o.cut() + "' (unknown cut id)");
                }
                if (o instanceof TimeToEventOutcome t && t.hazardRatio().isPresent()
                        && byId(arms, Arm::id, t.hazardRatio().get().comparator()) == null) {
                    throw new IllegalArgumentException(f + "arm " + a.id() + ": hazardRatio.comparator: '"
                            + t.hazardRatio().get().comparator() + "' (unknown arm id)");
                }
            }
        }
        curves = Checks.list(f + "curves", curves);
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Map<String, SurvivalCurve> firstOfFigure = new java.util.HashMap<>();
        for (SurvivalCurve c : curves) {
            String at = f + "curve " + c.arm() + " " + c.endpoint() + ": ";
            if (byId(arms, Arm::id, c.arm()) == null) {
                throw new IllegalArgumentException(at + "arm: '" + c.arm() + "' (unknown arm id)");
            }
            if (byId(subgroups, Subgroup::id, c.subgroup()) == null) {
                throw new IllegalArgumentException(at + "subgroup: '" + c.subgroup() + "' (unknown subgroup id)");
            }
            if (byId(cuts, AnalysisCut::id, c.cut()) == null) {
                throw new IllegalArgumentException(at + "cut: '" + c.cut() + "' (unknown cut id)");
            }
            if (!seen.add(c.arm() + "\u0000" + c.endpoint() + "\u0000" + c.subgroup() + "\u0000" + c.cut())) {
                throw new IllegalArgumentException(at + "given twice for subgroup " + c.subgroup() + " and cut "
                        + c.cut() + " (one curve per arm, endpoint, subgroup and cut)");
            }
            SurvivalCurve other = firstOfFigure.putIfAbsent(c.endpoint() + "\u0000" + c.subgroup() + "\u0000" + c.cut(), c);
            if (other != null && (other.unit() != c.unit() || other.scale() != c.scale())) {
                throw new IllegalArgumentException(at + "unit/scale: " + c.unit() + "/" + c.scale() + " (differs from "
                        + other.unit() + "/" + other.scale() + " of arm " + other.arm() + "'s curve; curves compared"
                        + " with each other share a time unit and a survival axis)");
            }
            if (other != null && other.clicks() != c.clicks()) {
                throw new IllegalArgumentException(at + "clicks: " + c.clicks() + " (differs from " + other.clicks()
                        + " of arm " + other.arm() + "'s curve; curves of one figure are reconstructed with one clicking"
                        + " style setting: give the same, or leave both out to detect each curve's)");
            }
        }
    }

    /**
     * The first item of {@code items} whose id is {@code wanted}, or null (a loop, not a stream: the constructor
     * calls it per outcome when loading).
     */
    private static <T> T byId(List<T> items, java.util.function.Function<T, String> id, String wanted) {
        for (T item : items) {
            if (id.apply(item).equals(wanted)) {
                return item;
            }
        }
        return null;
    }

    public Optional<Arm> arm(String armId) {
        return Optional.ofNullable(byId(arms, Arm::id, armId));
    }

    public Optional<Subgroup> subgroup(String subgroupId) {
        return Optional.ofNullable(byId(subgroups, Subgroup::id, subgroupId));
    }

    /** The arm flagged {@code control: true}, if any. */
    public Optional<Arm> controlArm() {
        return arms.stream().filter(Arm::control).findFirst();
    }

    public Optional<AnalysisCut> cut(String cutId) {
        return Optional.ofNullable(byId(cuts, AnalysisCut::id, cutId));
    }

    /** Number of outcomes over all arms. */
    public int outcomeCount() {
        return arms.stream().mapToInt(a -> a.outcomes().size()).sum();
    }
}

package org.trialmeta.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trialmeta.model.Arm;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.HazardRatio;
import org.trialmeta.model.Intervention;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.SourceKind;
import org.trialmeta.model.TimeEstimate;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.Trial;
import org.trialmeta.repository.ClinicalTrialsGov;

/**
 * {@link Rule#REGISTRY_VS_PUBLICATION}: figures posted on a trial registry against the same figures in a
 * publication: the same trial (the record's NCT id among the trial's {@code registryIds}), arm, population (the
 * registry's analysed participants against the trial's {@code overall} subgroup) and endpoint, at any cut. Two
 * ways in: registry records given to the check ({@code check --registry FILE.json}), matched to the trial's arms by
 * the words of their names and interventions; and registry figures curated into a trial file (a provenance whose
 * source is of kind {@code registry}), compared with the trial's other figures of the same arm.
 *
 * <p>Counts must be equal and percentages, medians and hazard ratios agree at the coarser of the two printed
 * roundings; a difference is a warning (registries often post another analysis population or cut: look at both
 * sources), with both citations.
 */
final class RegistryRules {

    /** Word overlap (Jaccard) from which a registry group and a trial arm are the same arm. */
    static final double ARM_MATCH = 0.5;

    private static final Set<String> STOP = Set.of("plus", "and", "alone", "arm", "group", "with", "the", "of", "mg",
            "drug", "cohort", "or", "in", "to", "a", "at", "kg", "m2", "dose", "placebo-controlled");

    private RegistryRules() {}

    /** Whether an outcome's main datum comes from a registry. */
    static boolean fromRegistry(Collector c, Outcome o) {
        return c.repo().source(o.provenance().source()).map(s -> s.kind() == SourceKind.REGISTRY).orElse(false);
    }

    /** Registry figures curated into trial files against the trial's other figures. */
    static void withinRepository(Collector c) {
        for (Trial t : c.repo().trials()) {
            for (Arm a : t.arms()) {
                for (Outcome reg : a.outcomes()) {
                    if (!fromRegistry(c, reg) || !"overall".equals(reg.subgroup())) {
                        continue;
                    }
                    for (Outcome pub : a.outcomes()) {
                        if (pub != reg && !fromRegistry(c, pub) && reg.subgroup().equals(pub.subgroup())
                                && sameEndpoint(reg, pub)) {
                            compare(c, t, a, reg, c.repo().source(reg.provenance().source()).map(Collector::cite)
                                    .orElseThrow(), pub);
                        }
                    }
                }
            }
        }
    }

    /** Records read from ClinicalTrials.gov against the repository's trials. */
    static void records(Collector c, List<ClinicalTrialsGov.Record> records) {
        for (ClinicalTrialsGov.Record r : records) {
            Finding.Citation cite = Collector.cite(r.source());
            String nct = r.trial().registryIds().get(0);
            Optional<Trial> match = c.repo().trials().stream().filter(t -> t.registryIds().stream()
                    .anyMatch(id -> id.equalsIgnoreCase(nct))).findFirst();
            if (match.isEmpty()) {
                c.addCiting(Severity.INFO, Rule.REGISTRY_VS_PUBLICATION, r.trial(), "registry " + nct, nct, "",
                        "no trial in the repository lists " + nct + " among its registryIds: nothing to compare",
                        List.of(cite));
                continue;
            }
            Trial t = match.get();
            for (Arm ra : r.trial().arms()) {
                Optional<Arm> arm = matchArm(ra, t);
                if (arm.isEmpty()) {
                    c.addCiting(Severity.INFO, Rule.REGISTRY_VS_PUBLICATION, t, "registry " + nct + "/" + ra.id(),
                            ra.name(), "", "the registry group '" + ra.name() + "' matches no arm of " + t.id()
                                    + " by name and interventions: its figures are not compared", List.of(cite));
                    continue;
                }
                for (Outcome reg : ra.outcomes()) {
                    for (Outcome pub : arm.get().outcomes()) {
                        if ("overall".equals(pub.subgroup()) && sameEndpoint(reg, pub) && !fromRegistry(c, pub)) {
                            compare(c, t, arm.get(), reg, cite, pub);
                        }
                    }
                }
            }
        }
    }

    /** The trial arm whose words best match a registry group's (name and interventions), when unique and close. */
    static Optional<Arm> matchArm(Arm registry, Trial t) {
        Set<String> w = words(registry);
        Arm best = null;
        double bestScore = 0;
        boolean tie = false;
        for (Arm a : t.arms()) {
            Set<String> v = words(a);
            Set<String> inter = new HashSet<>(w);
            inter.retainAll(v);
            Set<String> union = new HashSet<>(w);
            union.addAll(v);
            double score = union.isEmpty() ? 0 : (double) inter.size() / union.size();
            if (score > bestScore) {
                best = a;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return bestScore >= ARM_MATCH && !tie ? Optional.of(best) : Optional.empty();
    }

    private static Set<String> words(Arm a) {
        Set<String> out = new HashSet<>();
        StringBuilder text = new StringBuilder(a.name());
        for (Intervention i : a.interventions()) {
            text.append(' ').append(i.agent());
        }
        for (String s : text.toString().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (s.length() > 1 && !STOP.contains(s) && !s.matches("\\d+")) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean sameEndpoint(Outcome a, Outcome b) {
        return a.getClass() == b.getClass() && a.label().equals(b.label());
    }

    private static void compare(Collector c, Trial t, Arm arm, Outcome reg, Finding.Citation regCite, Outcome pub) {
        List<Finding.Citation> cites = new ArrayList<>();
        cites.add(regCite);
        for (String id : Collector.sourcesOf(pub)) {
            c.repo().source(id).map(Collector::cite).ifPresent(cites::add);
        }
        String field = arm.id() + "/" + pub.subgroup() + "/" + pub.cut() + "/" + pub.label();
        String reported = "registry " + ConsistencyRules.valueText(reg) + " vs publication " + ConsistencyRules.valueText(pub);
        List<String> differences = differences(reg, pub);
        if (differences.isEmpty()) {
            c.addCiting(Severity.INFO, Rule.REGISTRY_VS_PUBLICATION, t, field, reported, "",
                    "the registry and the publication agree at the printed rounding", cites);
        } else {
            c.addCiting(Severity.WARNING, Rule.REGISTRY_VS_PUBLICATION, t, field, reported, String.join("; ", differences),
                    "the registry and the publication differ: " + String.join("; ", differences)
                            + " (check the analysis population and the data cut-off of each)", cites);
        }
    }

    /** What differs beyond rounding, in words; empty when they agree. */
    static List<String> differences(Outcome reg, Outcome pub) {
        List<String> out = new ArrayList<>();
        if (reg instanceof BinaryOutcome r && pub instanceof BinaryOutcome p) {
            if (r.counts().isPresent() && p.counts().isPresent()) {
                if (r.counts().get().responders() != p.counts().get().responders()) {
                    out.add("responders " + r.counts().get().responders() + " vs " + p.counts().get().responders());
                }
                if (r.counts().get().evaluable() != p.counts().get().evaluable()) {
                    out.add("evaluable " + r.counts().get().evaluable() + " vs " + p.counts().get().evaluable());
                }
                return out;
            }
            Optional<Double> rp = percent(r);
            Optional<Double> pp = percent(p);
            if (rp.isPresent() && pp.isPresent()) {
                double h = Math.max(halfUnit(r), halfUnit(p));
                if (Math.abs(rp.get() - pp.get()) > h + Precision.SLACK) {
                    out.add("percentage " + Precision.fixed(rp.get(), 1) + "% vs " + Precision.fixed(pp.get(), 1) + "%");
                }
            }
            return out;
        }
        if (reg instanceof TimeToEventOutcome r && pub instanceof TimeToEventOutcome p) {
            if (!sameTime(r.median(), p.median())) {
                out.add("median " + r.median() + " vs " + p.median());
            }
            if (r.hazardRatio().isPresent() && p.hazardRatio().isPresent()) {
                HazardRatio a = r.hazardRatio().get();
                HazardRatio b = p.hazardRatio().get();
                if (!close(a.value(), b.value())) {
                    out.add("HR " + Precision.text(a.value()) + " vs " + Precision.text(b.value()));
                }
                if (a.ci().isPresent() && b.ci().isPresent() && (!close(a.ci().get().lower(), b.ci().get().lower())
                        || !close(a.ci().get().upper(), b.ci().get().upper()))) {
                    out.add("HR CI " + Precision.text(a.ci().get().lower()) + "-" + Precision.text(a.ci().get().upper())
                            + " vs " + Precision.text(b.ci().get().lower()) + "-" + Precision.text(b.ci().get().upper()));
                }
            }
        }
        return out;
    }

    private static Optional<Double> percent(BinaryOutcome b) {
        if (b.reported().isPresent()) {
            return Optional.of(b.reported().get().percent().value());
        }
        return b.counts().flatMap(k -> k.evaluable() == 0 ? Optional.empty()
                : Optional.of(100.0 * k.responders() / k.evaluable()));
    }

    private static double halfUnit(BinaryOutcome b) {
        return b.reported().map(r -> Precision.halfUnit(Precision.decimals(r.percent().value()))).orElse(0.0);
    }

    /** Two printed numbers agree at the coarser of their roundings. */
    private static boolean close(double a, double b) {
        double h = Math.max(Precision.halfUnit(Precision.decimals(a)), Precision.halfUnit(Precision.decimals(b)));
        return Math.abs(a - b) <= h + Precision.SLACK;
    }

    private static boolean sameTime(TimeEstimate a, TimeEstimate b) {
        if (a.state() != b.state()) {
            return false;
        }
        if (!a.hasValue()) {
            return true;
        }
        double x = a.in(b.unit()).getAsDouble();
        double y = b.value().getAsDouble();
        double h = Math.max(Precision.halfUnit(Precision.decimals(a.value().getAsDouble())) * a.unit().days()
                / b.unit().days(), Precision.halfUnit(Precision.decimals(y)));
        return Math.abs(x - y) <= h + Precision.SLACK;
    }

}

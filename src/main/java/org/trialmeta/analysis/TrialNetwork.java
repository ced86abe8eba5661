package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.Arm;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.HazardRatio;
import org.trialmeta.model.Intervention;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Setting;
import org.trialmeta.model.TimeToEventEndpoint;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.nma.NmaModel;

/**
 * The randomised comparisons of the curated trials as a network: which regimens the data connect, and the network
 * meta-analysis of each connected part ({@link NmaAnalysis}, common-effect model).
 *
 * <p>Nodes. Every arm of a clinical trial with two or more arms is a node: a treatment arm is named by its agents
 * joined with {@code " + "} (a combination, e.g. {@code avutometinib + defactinib}); a control arm
 * ({@code control: true}) lists alternatives (physician's choice), not a combination, so it is named after the arm.
 * With {@link Controls#POOLED} every control arm is one node, {@link #POOLED_CONTROL}: that is the assumption that
 * the trials' comparators are the same treatment, which is what lets two trials against different comparators be
 * compared; {@link Controls#AS_RANDOMISED} keeps each trial's comparator its own node.
 *
 * <p>Edges, per trial, in the whole-population subgroup (no biomarker), at one cut (the last cut in the trial file
 * with the data needed): for {@link Endpoint#ORR} every arm with admitted response counts
 * ({@code study,treatment,events,n}, OR on the log scale as {@code metafor::escalc(measure = "OR")}); for
 * {@link Endpoint#PFS} every admitted hazard ratio with a CI ({@code study,treatment_1,treatment_2,hr,ci_lower,
 * ci_upper,level}: log HR, variance ((ln U − ln L)/(2 z))²). A trial with fewer than two arms with such data gives no
 * edge, and why is listed in {@link #unlinked}.
 *
 * <p>Model: common effect ({@code rma.mv(yi, V, mods = ~ X - 1)}; netmeta's fixed model): with at most one study
 * per comparison the between-study variance cannot be estimated, and a random-effects fit would only restate it.
 *
 * @param endpoint   ORR (odds ratio) or PFS (hazard ratio)
 * @param controls   how control arms become nodes
 * @param treatments every node, sorted, including regimens with no data
 * @param arms       the nodes' arms: "trial id/arm id" per node
 * @param rows       the NMA input rows, as CSV cells (columns {@link #columns})
 * @param columns    the NMA input columns
 * @param used       the data each row used (one per row for ORR, the hazard ratio's datum for PFS)
 * @param components connected components over every node (each sorted; components in order of their first node)
 * @param analysis   the NMA of the rows, when there are two or more (a single published HR is shown as published)
 * @param unlinked   per multi-arm trial that gives no edge, and per single-arm clinical trial: why
 * @param exclusions data left out, and why
 */
public record TrialNetwork(Endpoint endpoint, Controls controls, List<String> treatments, Map<String, List<String>> arms,
        List<String> columns, List<List<String>> rows, List<DataUse> used, List<List<String>> components,
        Optional<NmaAnalysis> analysis, List<String> unlinked, List<Exclusion> exclusions) {

    /** The node of every control arm under {@link Controls#POOLED}. */
    public static final String POOLED_CONTROL = "Standard of care / PCC (pooled)";

    /** Confidence level of the NMA's intervals. */
    public static final double LEVEL = 0.95;

    /** The endpoint of a network. */
    public enum Endpoint {
        /** Objective response: odds ratio from arm counts. */
        ORR(EffectMeasure.OR),
        /** Progression-free survival: published hazard ratios. */
        PFS(EffectMeasure.HR);

        private final EffectMeasure measure;

        Endpoint(EffectMeasure measure) {
            this.measure = measure;
        }

        /** The effect measure of the network. */
        public EffectMeasure measure() {
            return measure;
        }
    }

    /** How control arms become nodes. */
    public enum Controls {
        /** Each trial's control arm is its own node (what was randomised). */
        AS_RANDOMISED,
        /** Every control arm is one node, {@link #POOLED_CONTROL} (the comparators judged the same treatment). */
        POOLED
    }

    public TrialNetwork {
        treatments = List.copyOf(treatments);
        arms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arms));
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        used = List.copyOf(used);
        components = List.copyOf(components);
        unlinked = List.copyOf(unlinked);
        exclusions = List.copyOf(exclusions);
    }

    /** Participants per node in the rows (ORR: the arms' evaluable patients; PFS: 0, hazard ratios carry no n). */
    public int[] participants() {
        int[] out = new int[treatments.size()];
        if (endpoint == Endpoint.ORR) {
            for (List<String> row : rows) {
                out[treatments.indexOf(row.get(1))] += Integer.parseInt(row.get(3));
            }
        }
        return out;
    }

    /** Studies per pair of nodes (symmetric), over every node. */
    public int[][] studiesPerPair() {
        int t = treatments.size();
        int[][] k = new int[t][t];
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (List<String> row : rows) {
            List<Integer> nodes = byStudy.computeIfAbsent(row.get(0), x -> new ArrayList<>());
            nodes.add(treatments.indexOf(row.get(1)));
            if (endpoint == Endpoint.PFS) {
                nodes.add(treatments.indexOf(row.get(2)));
            }
        }
        for (List<Integer> nodes : byStudy.values()) {
            List<Integer> d = nodes.stream().distinct().toList();
            for (int a : d) {
                for (int b : d) {
                    if (a != b) {
                        k[a][b]++;
                    }
                }
            }
        }
        return k;
    }

    /** The node of an arm. */
    public static String node(Arm arm, Controls controls) {
        if (arm.control()) {
            return controls == Controls.POOLED ? POOLED_CONTROL : arm.name();
        }
        return String.join(" + ", arm.interventions().stream().map(Intervention::agent).toList());
    }

    /** Every network of the report: each endpoint as randomised and with the comparators pooled. */
    public static List<TrialNetwork> all(TrialRepository repo, StatusFilter filter) {
        List<TrialNetwork> out = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            for (Controls c : Controls.values()) {
                out.add(build(repo, e, c, filter));
            }
        }
        return List.copyOf(out);
    }

    /** Builds the network of {@code endpoint} over {@code repo}'s admitted data and analyses it. */
    public static TrialNetwork build(TrialRepository repo, Endpoint endpoint, Controls controls, StatusFilter filter) {
        TreeSet<String> nodes = new TreeSet<>();
        Map<String, List<String>> arms = new TreeMap<>();
        List<List<String>> rows = new ArrayList<>();
        List<DataUse> used = new ArrayList<>();
        List<String> unlinked = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        List<String[]> edges = new ArrayList<>();
        String what = "network " + endpoint.name();
        // each trial's ORR or PFS outcomes, in file order, listed once (looking them up in the whole repository for
        // each trial made the report quadratic in the trials: 2,000 generated files 13.5 s, 8,000 over 240 s)
        Map<String, List<LocatedOutcome<BinaryOutcome>>> orr = endpoint == Endpoint.ORR
                ? byTrial(repo.binaryOutcomes(BinaryEndpoint.ORR)) : Map.of();
        Map<String, List<LocatedOutcome<TimeToEventOutcome>>> pfs = endpoint == Endpoint.ORR ? Map.of()
                : byTrial(repo.timeToEventOutcomes(TimeToEventEndpoint.PFS));
        for (Trial t : repo.trials()) {
            if (t.setting() != Setting.CLINICAL) {
                continue;
            }
            if (t.arms().size() < 2) {
                unlinked.add(t.name() + ": single-arm study (" + node(t.arms().get(0), controls) + "; " + t.indication()
                        + "), no randomised comparison");
                continue;
            }
            for (Arm a : t.arms()) {
                String n = node(a, controls);
                nodes.add(n);
                arms.computeIfAbsent(n, k -> new ArrayList<>()).add(t.id() + "/" + a.id());
            }
            int before = rows.size();
            String reason = endpoint == Endpoint.ORR
                    ? orrRows(orr.getOrDefault(t.id(), List.of()), t, controls, filter, rows, used, edges, exclusions,
                            what)
                    : hrRows(pfs.getOrDefault(t.id(), List.of()), t, controls, filter, rows, used, edges, exclusions,
                            what);
            if (rows.size() == before) {
                unlinked.add(t.name() + ": " + reason);
            }
        }
        List<String> treatments = List.copyOf(nodes);
        List<String> columns = endpoint == Endpoint.ORR ? List.of("study", "treatment", "events", "n")
                : List.of("study", "treatment_1", "treatment_2", "hr", "ci_lower", "ci_upper", "level");
        Optional<NmaAnalysis> analysis = Optional.empty();
        if (rows.size() >= 2) {   // one contrast row (one HR) is its own whole evidence: nothing to fit
            int[] lines = new int[rows.size()];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = i + 2;
            }
            CsvTable table = CsvTable.of("curated trials (" + what + ")", columns, rows, lines);
            NmaInput input = NmaInput.read(table, endpoint.measure());
            String ref = input.network().indexOf(POOLED_CONTROL) >= 0 ? POOLED_CONTROL : null;
            analysis = Optional.of(NmaAnalysis.run(input, new NmaAnalysis.Settings(NmaModel.FIXED, ref, endpoint
                    == Endpoint.PFS, LEVEL, Optional.empty()), table.name()));
        }
        return new TrialNetwork(endpoint, controls, treatments, arms, columns, rows, used,
                components(treatments, edges), analysis, unlinked, exclusions);
    }

    /** Outcomes grouped by trial id, each group in the list's order. */
    private static <T extends Outcome> Map<String, List<LocatedOutcome<T>>> byTrial(List<LocatedOutcome<T>> outcomes) {
        Map<String, List<LocatedOutcome<T>>> out = new HashMap<>();
        for (LocatedOutcome<T> o : outcomes) {
            out.computeIfAbsent(o.trial().id(), k -> new ArrayList<>()).add(o);
        }
        return out;
    }

    /**
     * Arm counts of one trial ({@code orr}: its ORR outcomes) at its last cut where two or more arms have admitted
     * counts.
     */
    private static String orrRows(List<LocatedOutcome<BinaryOutcome>> orr, Trial t, Controls controls,
            StatusFilter filter, List<List<String>> rows, List<DataUse> used, List<String[]> edges, List<Exclusion> exclusions, String what) {
        Map<String, List<LocatedOutcome<BinaryOutcome>>> byCut = new LinkedHashMap<>();
        for (AnalysisCut c : t.cuts()) {
            byCut.put(c.id(), new ArrayList<>());
        }
        for (LocatedOutcome<BinaryOutcome> o : orr) {
            if (!o.trial().id().equals(t.id()) || !o.subgroup().isOverall()) {
                continue;
            }
            if (o.outcome().counts().isEmpty()) {
                exclusions.add(new Exclusion(what, DataUse.of(o), "no response counts (only a reported percentage)"));
            } else if (!filter.admits(o.provenance())) {
                exclusions.add(new Exclusion(what, DataUse.of(o), "status " + o.provenance().status().name()
                        .toLowerCase(java.util.Locale.ROOT) + " not admitted (admitted: " + filter.describe() + ")"));
            } else {
                byCut.get(o.cut().id()).add(o);
            }
        }
        List<LocatedOutcome<BinaryOutcome>> chosen = null;
        for (List<LocatedOutcome<BinaryOutcome>> l : byCut.values()) {
            if (l.stream().map(o -> o.arm().id()).distinct().count() >= 2) {
                chosen = l;
            }
        }
        if (chosen == null) {
            long withCounts = byCut.values().stream().flatMap(List::stream).map(o -> o.arm().id()).distinct().count();
            return withCounts == 0 ? "no arm has admitted response counts in the whole population"
                    : "only one arm has admitted response counts in the whole population (" + byCut.values().stream()
                            .flatMap(List::stream).map(o -> node(o.arm(), controls)).distinct().findFirst().orElseThrow()
                            + "), so no randomised contrast";
        }
        List<String> distinct = chosen.stream().map(o -> node(o.arm(), controls)).distinct().toList();
        if (distinct.size() < chosen.size()) {
            return "arms with response counts are the same regimen (" + String.join(", ", chosen.stream()
                    .map(o -> o.arm().id() + " = " + node(o.arm(), controls)).toList()) + "), so no randomised contrast";
        }
        List<String> trialNodes = new ArrayList<>();
        for (LocatedOutcome<BinaryOutcome> o : chosen) {
            var c = o.outcome().counts().orElseThrow();
            String n = node(o.arm(), controls);
            rows.add(List.of(t.name(), n, Integer.toString(c.responders()), Integer.toString(c.evaluable())));
            used.add(DataUse.of(o));
            trialNodes.add(n);
        }
        for (int i = 0; i < trialNodes.size(); i++) {
            for (int j = i + 1; j < trialNodes.size(); j++) {
                edges.add(new String[] {trialNodes.get(i), trialNodes.get(j)});
            }
        }
        return "";
    }

    /** Published PFS hazard ratios (with a CI) of one trial, against their comparator arm. */
    private static String hrRows(List<LocatedOutcome<TimeToEventOutcome>> pfs, Trial t, Controls controls,
            StatusFilter filter, List<List<String>> rows, List<DataUse> used, List<String[]> edges, List<Exclusion> exclusions, String what) {
        Map<String, List<LocatedOutcome<TimeToEventOutcome>>> byCut = new LinkedHashMap<>();
        for (AnalysisCut c : t.cuts()) {
            byCut.put(c.id(), new ArrayList<>());
        }
        for (LocatedOutcome<TimeToEventOutcome> o : pfs) {
            if (!o.trial().id().equals(t.id()) || !o.subgroup().isOverall() || o.outcome().hazardRatio().isEmpty()) {
                continue;
            }
            if (o.outcome().hazardRatio().get().ci().isEmpty()) {
                exclusions.add(new Exclusion(what, DataUse.of(o), "hazard ratio without a CI"));
            } else if (!filter.admits(o.provenance())) {
                exclusions.add(new Exclusion(what, DataUse.of(o), "status " + o.provenance().status().name()
                        .toLowerCase(java.util.Locale.ROOT) + " not admitted (admitted: " + filter.describe() + ")"));
            } else {
                byCut.get(o.cut().id()).add(o);
            }
        }
        List<LocatedOutcome<TimeToEventOutcome>> chosen = null;
        for (List<LocatedOutcome<TimeToEventOutcome>> l : byCut.values()) {
            if (!l.isEmpty()) {
                chosen = l;
            }
        }
        if (chosen == null) {
            return "no admitted PFS hazard ratio with a CI between its arms";
        }
        List<String> same = new ArrayList<>();
        for (LocatedOutcome<TimeToEventOutcome> o : chosen) {
            HazardRatio hr = o.outcome().hazardRatio().get();
            HazardRatio.RatioInterval ci = hr.ci().orElseThrow();
            String a = node(o.arm(), controls);
            String b = node(t.arm(hr.comparator()).orElseThrow(), controls);
            if (a.equals(b)) {
                same.add(o.arm().id() + " vs " + hr.comparator() + " (both " + a + ")");
                continue;
            }
            rows.add(List.of(t.name(), a, b, num(hr.value()), num(ci.lower()), num(ci.upper()), num(ci.level())));
            used.add(DataUse.of(o));
            edges.add(new String[] {a, b});
        }
        return same.isEmpty() ? "" : "hazard ratio between arms of the same regimen: " + String.join("; ", same);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    /** Connected components over every node (union-find on the edges). */
    private static List<List<String>> components(List<String> nodes, List<String[]> edges) {
        int[] parent = new int[nodes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (String[] e : edges) {
            int a = find(parent, nodes.indexOf(e[0]));
            int b = find(parent, nodes.indexOf(e[1]));
            parent[Math.max(a, b)] = Math.min(a, b);
        }
        Map<Integer, List<String>> out = new TreeMap<>();
        for (int i = 0; i < parent.length; i++) {
            out.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(nodes.get(i));
        }
        return out.values().stream().map(List::copyOf).toList();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}

package org.trialmeta.present;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.trialmeta.analysis.DataUse;
import org.trialmeta.analysis.TrialNetwork;
import org.trialmeta.analysis.TrialNetwork.Controls;
import org.trialmeta.analysis.TrialNetwork.Endpoint;
import org.trialmeta.model.Arm;
import org.trialmeta.model.Intervention;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;

/**
 * The curated trials as networks of randomised comparisons ({@link TrialNetwork}, each endpoint as randomised and with
 * the comparators pooled): the one summary that the report's "Network of randomised comparisons" section (its text,
 * tables and network graphs) and the {@code network} key of {@code analysis.json} are made from, so the two cannot
 * disagree. A comparison the data cannot make is an {@link Estimate} with {@code estimable = false}, null numbers and
 * the reason, never NaN.
 *
 * <p>Orientation: in an {@link Edge} and an {@link Estimate} the {@code treatment} is the later of the two nodes in
 * the network's sorted node list and {@code vs} the earlier one (control arms, capitalised, sort first, so an
 * experimental arm is compared with its control); the estimate is {@code treatment} over {@code vs} (OR above 1: more
 * responses with {@code treatment}; HR below 1: longer progression-free survival with {@code treatment}).
 *
 * @param principle what is combined and what is not
 * @param model     the model of every estimate
 * @param rCall     the R call that gives the same numbers
 * @param level     confidence level in percent
 * @param endpoints one per endpoint, ORR then PFS; empty when the networks were not built
 */
public record TrialNetworkSummary(String principle, String model, String rCall, double level,
        List<EndpointNetworks> endpoints) {

    /** What is combined. */
    public static final String PRINCIPLE = "Only randomised comparisons are combined: a treatment is compared with"
            + " another through the arms of the same trial (and, in a network, through chains of such comparisons),"
            + " never by setting the response rates of different trials side by side";
    /** The model in words. */
    public static final String MODEL = "common-effect network meta-analysis (netmeta's fixed model; with one study per"
            + " comparison the between-study variance cannot be estimated)";
    /** The R call. */
    public static final String R_CALL = "metafor::rma.mv(yi, V, mods = ~ X - 1)";
    /** Reason: nodes in different connected parts. */
    public static final String NOT_CONNECTED = "different connected parts: no chain of randomised comparisons links the"
            + " two, so a comparison would be a naive cross-trial comparison";
    /** Reason: no model was fitted. */
    public static final String TOO_FEW = "too few comparisons for a network meta-analysis: the published figure is the"
            + " whole evidence";
    /** The assumption of the pooled network. */
    public static final String ASSUMPTION = "the control arms listed are one treatment (\u201c"
            + TrialNetwork.POOLED_CONTROL + "\u201d) given to comparable patients; only under this assumption are the"
            + " experimental arms of different trials connected";
    /** Why the assumption is weak. */
    public static final String WEAKNESS = "the comparators are not the same regimens, and the trials differ in"
            + " eligibility, assessment of progression and era, so a difference between trials is read as a difference"
            + " between treatments";
    /** How to read an estimate under the assumption. */
    public static final String CAVEAT = "An indirect estimate is only as good as the assumption that the comparators"
            + " are one treatment given to comparable patients: it is hypothesis-generating, not a head-to-head result.";

    /**
     * One endpoint's networks.
     *
     * @param endpoint     ORR or PFS
     * @param measure      OR or HR
     * @param title        what the networks compare, one line
     * @param direction    which way an estimate favours the treatment
     * @param data         every datum the edges use (as randomised, else pooled), with provenance
     * @param asRandomised each trial's comparator its own node; null when not built
     * @param pooled       every control arm one node (an assumption); null when not built
     */
    public record EndpointNetworks(String endpoint, String measure, String title, String direction, List<Datum> data,
            Network asRandomised, Network pooled) {}

    /**
     * One network.
     *
     * @param controls    {@code as_randomised} or {@code pooled}
     * @param label       "As randomised" or the assumption in three words
     * @param connected   whether every node is connected to every other
     * @param nodes       every node, sorted
     * @param edges       every pair of nodes a trial compares with data
     * @param components  connected parts (each sorted, in order of their first node); the network is disconnected
     *                    when there is more than one
     * @param assumption  the stated assumption that makes the network (pooled), null as randomised
     * @param fitted      whether a network meta-analysis was fitted (two or more rows of data)
     * @param estimates   every unordered pair of nodes once, estimable or not
     * @param unlinked    per trial that gives no edge: why
     * @param excluded    data left out: the datum and why
     */
    public record Network(String controls, String label, boolean connected, List<Node> nodes, List<Edge> edges,
            List<List<String>> components, Assumption assumption, boolean fitted, List<Estimate> estimates,
            List<String> unlinked, List<String> excluded) {}

    /**
     * A node.
     *
     * @param name         the regimen (agents joined with " + ") or the control arm
     * @param arms         its arms, "trial id/arm id"
     * @param component    the connected part it belongs to, numbered from 1 in the order of {@code components}
     * @param participants ORR: evaluable patients in the counts used, null when no count at this node is used;
     *                     PFS: null (hazard ratios carry no n)
     * @param trials       trials whose data at this node the network uses
     */
    public record Node(String name, List<String> arms, int component, Integer participants, int trials) {}

    /**
     * An edge: two nodes compared within trials.
     *
     * @param treatment the later node in sorted order
     * @param vs        the earlier node
     * @param trials    the contributing trials' names
     * @param statuses  the statuses of the data used, sorted
     * @param data      the data used (ORR: both arms' counts; PFS: the hazard ratio)
     */
    public record Edge(String treatment, String vs, List<String> trials, List<String> statuses, List<Datum> data) {}

    /**
     * A datum an edge uses.
     *
     * @param trial          trial id
     * @param trialName      trial name
     * @param arm            arm id (PFS: the arm whose hazard ratio it is)
     * @param node           the arm's node in the network it was listed for
     * @param cut            cut id
     * @param cutLabel       cut label
     * @param cutoff         data cut-off (ISO), or null
     * @param responders     ORR: responders; PFS: null
     * @param evaluable      ORR: evaluable patients; PFS: null
     * @param hazardRatio    PFS: the published hazard ratio; ORR: null
     * @param ciLower        PFS: its CI's lower limit
     * @param ciUpper        PFS: its CI's upper limit
     * @param ciLevel        PFS: its CI's level in percent
     * @param comparatorNode PFS: the comparator arm's node; ORR: null
     * @param status         provenance status
     * @param source         source id
     * @param locator        where in the source, or null
     */
    public record Datum(String trial, String trialName, String arm, String node, String cut, String cutLabel,
            String cutoff, Integer responders, Integer evaluable, Double hazardRatio, Double ciLower, Double ciUpper,
            Double ciLevel, String comparatorNode, String status, String source, String locator) {}

    /**
     * The assumption behind the pooled network.
     *
     * @param node       the pooled node
     * @param statement  the assumption
     * @param weakness   why it is weak
     * @param caveat     how to read an estimate that rests on it
     * @param mergedArms the control arms it merges
     */
    public record Assumption(String node, String statement, String weakness, String caveat, List<MergedArm> mergedArms) {}

    /**
     * A control arm merged into the pooled node.
     *
     * @param trial     trial id
     * @param trialName trial name
     * @param arm       arm id
     * @param armName   arm name
     * @param regimens  the alternatives the arm allowed
     * @param trialNote the curator's note on the trial, or null
     */
    public record MergedArm(String trial, String trialName, String arm, String armName, List<String> regimens,
            String trialNote) {}

    /**
     * {@code treatment} vs {@code vs}: the network estimate, or why there is none.
     *
     * @param treatment    the later node in sorted order
     * @param vs           the earlier node
     * @param estimable    whether the data give an estimate
     * @param evidence     {@code direct} (a trial compares the two) or {@code indirect} (only through other nodes);
     *                     null when not estimable
     * @param directTrials trials comparing the two directly
     * @param estimate     OR or HR, or null
     * @param ciLower      lower CI limit (ratio scale), or null
     * @param ciUpper      upper CI limit (ratio scale), or null
     * @param logEstimate  the estimate on the log scale, or null
     * @param se           its standard error, or null
     * @param pval         Wald z-test p, or null
     * @param reason       why not estimable; null when estimable
     */
    public record Estimate(String treatment, String vs, boolean estimable, String evidence, int directTrials,
            Double estimate, Double ciLower, Double ciUpper, Double logEstimate, Double se, Double pval, String reason) {
        public Estimate {
            Objects.requireNonNull(treatment, "estimate.treatment");
            Objects.requireNonNull(vs, "estimate.vs");
            if (estimable == (reason != null)) {
                throw new IllegalArgumentException("estimate " + treatment + " vs " + vs + ": reason " + reason
                        + " with estimable " + estimable + " (a reason exactly when not estimable)");
            }
            if (estimable && (estimate == null || ciLower == null || ciUpper == null)) {
                throw new IllegalArgumentException("estimate " + treatment + " vs " + vs + ": estimable without an"
                        + " estimate and CI");
            }
        }
    }

    /** The summary of {@code networks} over {@code repo} (trial and arm names for the assumption). */
    public static TrialNetworkSummary of(TrialRepository repo, List<TrialNetwork> networks) {
        Map<Endpoint, TrialNetwork[]> by = new LinkedHashMap<>();
        for (Endpoint e : Endpoint.values()) {
            for (TrialNetwork n : networks) {
                if (n.endpoint() == e) {
                    by.computeIfAbsent(e, x -> new TrialNetwork[2])[n.controls().ordinal()] = n;
                }
            }
        }
        List<EndpointNetworks> out = new ArrayList<>();
        Data data = new Data();
        for (var e : by.entrySet()) {
            TrialNetwork strict = e.getValue()[Controls.AS_RANDOMISED.ordinal()];
            TrialNetwork pooled = e.getValue()[Controls.POOLED.ordinal()];
            boolean orr = e.getKey() == Endpoint.ORR;
            out.add(new EndpointNetworks(e.getKey().name(), e.getKey().measure().name(),
                    orr ? "Objective response: odds ratio from the arms' counts"
                            : "Progression-free survival: published hazard ratios",
                    orr ? "OR above 1 favours the first treatment (more responses)"
                            : "HR below 1 favours the first treatment",
                    data.all(strict != null ? strict : pooled), strict == null ? null : network(repo, strict, data),
                    pooled == null ? null : network(repo, pooled, data)));
        }
        return new TrialNetworkSummary(PRINCIPLE, MODEL, R_CALL, PoolSummary.percent(TrialNetwork.LEVEL), out);
    }

    /**
     * The datum of each row of each network, made once: the endpoint's data list and the edges of its network list
     * the same rows (on a repository of thousands of trials, 10^5 data).
     */
    private static final class Data {
        private final Map<TrialNetwork, Datum[]> made = new java.util.IdentityHashMap<>();

        Datum of(TrialNetwork n, int i) {
            Datum[] row = made.computeIfAbsent(n, k -> new Datum[k.rows().size()]);
            if (row[i] == null) {
                row[i] = datum(n, i);
            }
            return row[i];
        }

        /** The data of every row of {@code n}, in row order. */
        List<Datum> all(TrialNetwork n) {
            List<Datum> out = new ArrayList<>();
            for (int i = 0; i < n.rows().size(); i++) {
                out.add(of(n, i));
            }
            return out;
        }
    }

    private static Datum datum(TrialNetwork n, int i) {
        List<String> r = n.rows().get(i);
        DataUse d = n.used().get(i);
        if (n.endpoint() == Endpoint.ORR) {
            return new Datum(d.trial(), d.trialName(), d.arm(), r.get(1), d.cut(), d.cutLabel(), d.cutoff(),
                    Integer.parseInt(r.get(2)), Integer.parseInt(r.get(3)), null, null, null, null, null, d.status(),
                    d.source(), d.locator());
        }
        return new Datum(d.trial(), d.trialName(), d.arm(), r.get(1), d.cut(), d.cutLabel(), d.cutoff(), null, null,
                Double.parseDouble(r.get(3)), Double.parseDouble(r.get(4)), Double.parseDouble(r.get(5)),
                Double.parseDouble(r.get(6)), r.get(2), d.status(), d.source(), d.locator());
    }

    private static Network network(TrialRepository repo, TrialNetwork n, Data data) {
        List<String> names = n.treatments();
        int t = names.size();
        int[] component = new int[t];
        for (int c = 0; c < n.components().size(); c++) {
            for (String node : n.components().get(c)) {
                component[names.indexOf(node)] = c + 1;
            }
        }
        // rows per study, in row order: a study's nodes are compared with each other (multi-arm: every pair)
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (int i = 0; i < n.rows().size(); i++) {
            byStudy.computeIfAbsent(n.used().get(i).trial(), k -> new ArrayList<>()).add(i);
        }
        Map<Long, List<Integer>> edgeRows = new java.util.TreeMap<>();
        Map<Long, List<String>> edgeTrials = new java.util.TreeMap<>();
        int[] trialsAt = new int[t];
        for (List<Integer> rows : byStudy.values()) {
            TreeSet<Integer> nodes = new TreeSet<>();
            for (int i : rows) {
                nodes.addAll(rowNodes(n, i));
            }
            for (int a : nodes) {
                trialsAt[a]++;
            }
            for (int a : nodes) {
                for (int b : nodes) {
                    if (a > b) {
                        long key = (long) a * t + b;
                        List<Integer> touching = rows.stream().filter(i -> rowNodes(n, i).containsAll(List.of(a, b)))
                                .toList();
                        if (touching.isEmpty()) {
                            touching = rows.stream().filter(i -> rowNodes(n, i).contains(a) || rowNodes(n, i)
                                    .contains(b)).toList();
                        }
                        edgeRows.computeIfAbsent(key, k -> new ArrayList<>()).addAll(touching);
                        edgeTrials.computeIfAbsent(key, k -> new ArrayList<>()).add(n.used().get(rows.get(0)).trialName());
                    }
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (var e : edgeRows.entrySet()) {
            int a = (int) (e.getKey() / t);
            int b = (int) (e.getKey() % t);
            List<Datum> used = e.getValue().stream().distinct().map(i -> data.of(n, i)).toList();
            edges.add(new Edge(names.get(a), names.get(b), List.copyOf(edgeTrials.get(e.getKey())),
                    List.copyOf(new TreeSet<>(used.stream().map(Datum::status).toList())), used));
        }
        int[] participants = n.participants();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            nodes.add(new Node(names.get(i), n.arms().getOrDefault(names.get(i), List.of()), component[i],
                    n.endpoint() == Endpoint.ORR && trialsAt[i] > 0 ? participants[i] : null, trialsAt[i]));
        }
        List<Estimate> estimates = estimates(n, component, edges);
        boolean pooled = n.controls() == Controls.POOLED;
        return new Network(pooled ? "pooled" : "as_randomised", pooled ? "Comparators pooled (assumption)"
                : "As randomised", n.components().size() == 1, nodes, edges, n.components(),
                pooled ? assumption(repo, n) : null, n.analysis().isPresent(), estimates, n.unlinked(),
                n.exclusions().stream().map(x -> x.data().describe() + ": " + x.reason()).toList());
    }

    /** The nodes (indices) of row {@code i}. */
    private static List<Integer> rowNodes(TrialNetwork n, int i) {
        List<String> r = n.rows().get(i);
        return n.endpoint() == Endpoint.ORR ? List.of(n.treatments().indexOf(r.get(1)))
                : List.of(n.treatments().indexOf(r.get(1)), n.treatments().indexOf(r.get(2)));
    }

    private static List<Estimate> estimates(TrialNetwork n, int[] component, List<Edge> edges) {
        List<NmaSummary.RelativeEffect> effects = new ArrayList<>();
        n.analysis().ifPresent(a -> {
            NmaSummary s = NmaSummary.of(a);
            if (s.components() != null) {
                s.components().forEach(p -> effects.addAll(p.relativeEffects()));
            } else {
                effects.addAll(s.relativeEffects());
            }
        });
        Map<List<String>, NmaSummary.RelativeEffect> effect = new java.util.HashMap<>();
        effects.forEach(x -> effect.put(List.of(x.treatment(), x.vs()), x));
        Map<List<String>, Integer> direct = new java.util.HashMap<>();
        edges.forEach(e -> direct.put(List.of(e.treatment(), e.vs()), e.trials().size()));
        List<String> names = n.treatments();
        List<Estimate> out = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = 0; b < a; b++) {
                String ta = names.get(a);
                String tb = names.get(b);
                int k = direct.getOrDefault(List.of(ta, tb), 0);
                if (component[a] != component[b]) {
                    out.add(notEstimable(ta, tb, k, NOT_CONNECTED));
                    continue;
                }
                NmaSummary.RelativeEffect r = effect.get(List.of(ta, tb));
                if (r == null || r.transformed() == null || r.transformed().estimate() == null) {
                    out.add(notEstimable(ta, tb, k, n.analysis().isEmpty() ? TOO_FEW
                            : "not estimable in the fitted network"));
                    continue;
                }
                NmaSummary.Transformed tr = r.transformed();
                out.add(new Estimate(ta, tb, true, k > 0 ? "direct" : "indirect", k, tr.estimate(), tr.ciLower(),
                        tr.ciUpper(), r.estimate(), r.se(), r.pval(), null));
            }
        }
        return out;
    }

    private static Estimate notEstimable(String a, String b, int k, String reason) {
        return new Estimate(a, b, false, null, k, null, null, null, null, null, null, reason);
    }

    private static Assumption assumption(TrialRepository repo, TrialNetwork pooled) {
        List<MergedArm> merged = new ArrayList<>();
        for (String key : pooled.arms().getOrDefault(TrialNetwork.POOLED_CONTROL, List.of())) {
            String[] ta = key.split("/", 2);
            Trial trial = repo.requireTrial(ta[0]);
            Arm arm = trial.arm(ta[1]).orElseThrow();
            merged.add(new MergedArm(trial.id(), trial.name(), arm.id(), arm.name(),
                    arm.interventions().stream().map(Intervention::agent).toList(), trial.note().orElse(null)));
        }
        return new Assumption(TrialNetwork.POOLED_CONTROL, ASSUMPTION, WEAKNESS, CAVEAT, merged);
    }
}

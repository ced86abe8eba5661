package org.trialmeta.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialmeta.analysis.DataUse;
import org.trialmeta.analysis.TrialNetwork;
import org.trialmeta.analysis.TrialNetwork.Controls;
import org.trialmeta.model.Arm;
import org.trialmeta.model.Intervention;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.CiStyle;
import org.trialmeta.present.Escape;
import org.trialmeta.present.Formats;
import org.trialmeta.present.NmaSummary;

/**
 * The report's "Network" section: the randomised comparisons of the curated trials ({@link TrialNetwork}, built by
 * the analysis layer), what they connect and what they cannot, each endpoint as randomised (every trial's comparator
 * its own node) and under the assumption that the comparators are one treatment, with the network graphs.
 * Lays out results only; every number goes through {@link Formats}.
 */
public final class NetworkSection {

    /** Figure base names, in {@code figures/}. */
    public static final String GRAPH_AS_RANDOMISED = "network-orr";
    public static final String GRAPH_POOLED = "network-orr-pooled";

    /** A figure of the section: base name, caption and the graph. */
    public record Graph(String name, String caption, NetworkGraph figure) {}

    private NetworkSection() {}

    /** The network graphs (response network as randomised and with pooled comparators), when built. */
    public static List<Graph> graphs(List<TrialNetwork> networks) {
        List<Graph> out = new ArrayList<>();
        for (TrialNetwork n : networks) {
            if (n.endpoint() != TrialNetwork.Endpoint.ORR) {
                continue;
            }
            boolean pooled = n.controls() == Controls.POOLED;
            // nodes of a connected part side by side on the circle, so that no line crosses another part
            List<String> order = n.components().stream().flatMap(List::stream).toList();
            int t = order.size();
            int[] p = n.participants();
            int[][] k = n.studiesPerPair();
            double[] size = new double[t];
            int[][] studies = new int[t][t];
            for (int i = 0; i < t; i++) {
                int a = n.treatments().indexOf(order.get(i));
                size[i] = p[a];
                for (int j = 0; j < t; j++) {
                    studies[i][j] = k[a][n.treatments().indexOf(order.get(j))];
                }
            }
            NetworkGraph g = new NetworkGraph(new NetworkGraph.Data(pooled ? "Comparators pooled (assumption)"
                    : "As randomised", order, size, "participants with response data", studies));
            out.add(new Graph(pooled ? GRAPH_POOLED : GRAPH_AS_RANDOMISED, "Network of randomised comparisons with"
                    + " response data, " + (pooled ? "every control arm as one node (an assumption)"
                            : "each trial's comparator as randomised") + "; a node without a line has no randomised"
                    + " comparison with data", g));
        }
        return out;
    }

    /** The section's body and its navigation entries (every figure, heading and table, in page order). */
    record Built(List<Html.NavItem> nav, String html) {}

    /** The section's HTML (without its heading); {@code figureHtml} renders a figure by base name. */
    public static String html(TrialRepository repo, List<TrialNetwork> networks,
            java.util.function.Function<String, String> figureHtml) {
        return build(repo, networks, figureHtml).html();
    }

    /** The section's HTML and navigation entries. */
    static Built build(TrialRepository repo, List<TrialNetwork> networks,
            java.util.function.Function<String, String> figureHtml) {
        StringBuilder h = new StringBuilder();
        List<Html.NavItem> nav = new ArrayList<>();
        if (networks.isEmpty()) {
            return new Built(List.of(), "<p>The network of randomised comparisons was not built for this report.</p>\n");
        }
        h.append("<p>Only randomised comparisons are combined: a treatment is compared with another through the arms"
                + " of the same trial (and, in a network, through chains of such comparisons), never by setting the"
                + " response rates of different trials side by side. A node is an arm's agents joined with"
                + " \u201c+\u201d (a combination); a control arm lists alternatives (physician's choice), so it is a"
                + " node named after the arm. Common-effect network meta-analysis (netmeta's fixed model; with one"
                + " study per comparison the between-study variance cannot be estimated), 95% confidence"
                + " intervals.</p>\n");
        for (Graph g : graphs(networks)) {
            h.append(figureHtml.apply(g.name()));
            nav.add(new Html.NavItem("fig-" + g.name(), g.caption()));
        }
        Map<TrialNetwork.Endpoint, List<TrialNetwork>> by = new LinkedHashMap<>();
        for (TrialNetwork n : networks) {
            by.computeIfAbsent(n.endpoint(), e -> new ArrayList<>()).add(n);
        }
        for (var e : by.entrySet()) {
            TrialNetwork strict = e.getValue().stream().filter(n -> n.controls() == Controls.AS_RANDOMISED).findFirst()
                    .orElse(null);
            TrialNetwork pooled = e.getValue().stream().filter(n -> n.controls() == Controls.POOLED).findFirst()
                    .orElse(null);
            boolean orr = e.getKey() == TrialNetwork.Endpoint.ORR;
            String ep = orr ? "orr" : "pfs";
            String title = orr ? "Objective response: odds ratio from the arms' counts"
                    : "Progression-free survival: published hazard ratios";
            h.append("<h3 id=\"network-").append(ep).append("\">").append(Escape.html(title)).append("</h3>\n");
            nav.add(new Html.NavItem("network-" + ep, title));
            TrialNetwork any = strict != null ? strict : pooled;
            table(h, nav, dataTable(any));
            if (strict != null) {
                h.append("<h4>As randomised</h4>\n").append(components(strict));
                effects(h, nav, strict, false, ep);
            }
            if (pooled != null) {
                h.append("<h4>If the comparators are judged the same treatment</h4>\n").append(assumption(repo, pooled));
                h.append(components(pooled));
                effects(h, nav, pooled, true, ep);
            }
            h.append("<h4>What these data cannot compare</h4>\n").append(cannot(pooled != null ? pooled : strict));
        }
        return new Built(List.copyOf(nav), h.toString());
    }

    private static void table(StringBuilder h, List<Html.NavItem> nav, Table t) {
        h.append(TableWriter.htmlFragment(t));
        nav.add(new Html.NavItem("table-" + t.id(), t.title()));
    }

    /** The data each network row used, with status and source. */
    static Table dataTable(TrialNetwork n) {
        List<List<String>> rows = new ArrayList<>();
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        boolean orr = n.endpoint() == TrialNetwork.Endpoint.ORR;
        for (int i = 0; i < n.rows().size(); i++) {
            List<String> r = n.rows().get(i);
            DataUse d = n.used().get(i);
            statuses.add(d.status());
            String status = d.status() + (StatusMarks.of(d.status()).isEmpty() ? "" : " " + StatusMarks.of(d.status()));
            if (orr) {
                rows.add(List.of(r.get(0), r.get(1), r.get(2) + "/" + r.get(3), d.cutLabel(), status, d.source()));
            } else {
                String hr = "HR " + Formats.fixed(Double.parseDouble(r.get(3)), 2) + " " + Formats.ci(
                        Double.parseDouble(r.get(4)), Double.parseDouble(r.get(5)), 2, CiStyle.PAREN_DASH);
                rows.add(List.of(r.get(0), r.get(1) + " vs " + r.get(2), hr, d.cutLabel(), status, d.source()));
            }
        }
        String id = "network-data-" + (orr ? "orr" : "pfs");
        return orr
                ? new Table(id, "Response counts used (whole population; one cut per trial)", List.of("Trial", "Node",
                        "Responders/evaluable", "Analysis cut", "Status", "Source"), rows, StatusMarks.legendFor(statuses))
                : new Table(id, "Hazard ratios used (PFS, whole population; 95% CI)", List.of("Trial", "Comparison",
                        "Hazard ratio (95% CI)", "Analysis cut", "Status", "Source"), rows, StatusMarks.legendFor(statuses));
    }

    private static String components(TrialNetwork n) {
        StringBuilder h = new StringBuilder();
        h.append("<p>").append(n.components().size()).append(n.components().size() == 1 ? " connected part: "
                : " connected parts (the network is disconnected; each part is analysed on its own): ");
        for (int i = 0; i < n.components().size(); i++) {
            h.append(i == 0 ? "" : "; ").append('{').append(Escape.html(String.join(", ", n.components().get(i))))
                    .append('}');
        }
        return h.append(".</p>\n").toString();
    }

    /** Every pair within a connected part, once, with whether the evidence is direct. */
    private static void effects(StringBuilder h, List<Html.NavItem> nav, TrialNetwork n, boolean network, String ep) {
        if (n.analysis().isEmpty()) {
            h.append("<p>Too few comparisons for a network meta-analysis: the published figure above is the whole"
                    + " evidence.</p>\n");
            return;
        }
        NmaSummary s = NmaSummary.of(n.analysis().get());
        List<NmaSummary.Part> parts = s.components() != null ? s.components()
                : List.of(new NmaSummary.Part(s.treatments(), s.reference(), s.tau2(), s.relativeEffects(), s.q(),
                        s.pScores(), s.directVsIndirect(), s.leagueTable()));
        int[][] k = n.studiesPerPair();
        String measure = s.measure();
        List<List<String>> rows = new ArrayList<>();
        for (NmaSummary.Part p : parts) {
            for (NmaSummary.RelativeEffect r : p.relativeEffects()) {
                int a = p.treatments().indexOf(r.treatment());
                int b = p.treatments().indexOf(r.vs());
                if (a <= b) {
                    continue;
                }
                int studies = k[n.treatments().indexOf(r.treatment())][n.treatments().indexOf(r.vs())];
                NmaSummary.Transformed t = r.transformed();
                rows.add(List.of(r.treatment() + " vs " + r.vs(), measure + " " + Formats.fixed(t.estimate(), 2) + " "
                        + Formats.ci(t.ciLower(), t.ciUpper(), 2, CiStyle.PAREN_DASH), Formats.p(r.pval()),
                        studies > 0 ? "direct (" + studies + (studies == 1 ? " trial)" : " trials)")
                                : "indirect only (through the common node)"));
            }
        }
        String dir = measure.equals("HR") ? "HR below 1 favours the first treatment"
                : "OR above 1 favours the first treatment (more responses)";
        List<String> notes = new ArrayList<>();
        notes.add(dir + "; common-effect model, " + Formats.general(s.level()) + "% CI.");
        if (network) {
            notes.add("An indirect estimate is only as good as the assumption that the comparators are one treatment"
                    + " given to comparable patients: it is hypothesis-generating, not a head-to-head result.");
        } else {
            notes.add("Each estimate is one trial's randomised comparison.");
        }
        String what = ep.equals("orr") ? "response" : "PFS";
        table(h, nav, new Table("network-" + (network ? "pooled-" : "direct-") + ep, network
                ? "Network estimates, " + what + ", with the comparators pooled (an assumption; see above)"
                : "Direct comparisons, " + what + " (as randomised)", List.of("Comparison", "Estimate (CI)", "p",
                        "Evidence"), rows, notes));
    }

    /** The pooled-comparator assumption, stated with the arms it merges and what each trial says about them. */
    private static String assumption(TrialRepository repo, TrialNetwork pooled) {
        StringBuilder h = new StringBuilder();
        List<String> arms = pooled.arms().getOrDefault(TrialNetwork.POOLED_CONTROL, List.of());
        h.append("<p>Assumption: the control arms below are one treatment (\u201c")
                .append(Escape.html(TrialNetwork.POOLED_CONTROL)).append("\u201d) given to comparable patients. Only"
                + " under it are the experimental arms of different trials connected. Its weakness: the comparators"
                + " are not the same regimens, and the trials differ in eligibility, assessment of progression and"
                + " era, so a difference between trials is read as a difference between treatments.</p>\n<ul>\n");
        for (String key : arms) {
            String[] ta = key.split("/", 2);
            var trial = repo.requireTrial(ta[0]);
            Arm arm = trial.arm(ta[1]).orElseThrow();
            h.append("<li><strong>").append(Escape.html(trial.name())).append("</strong>: ")
                    .append(Escape.html(arm.name())).append(" \u2014 ").append(Escape.html(String.join(" or ",
                            arm.interventions().stream().map(Intervention::agent).toList())));
            trial.note().ifPresent(nt -> h.append(". <em>").append(Escape.html(nt)).append("</em>"));
            h.append("</li>\n");
        }
        return h.append("</ul>\n").toString();
    }

    private static String cannot(TrialNetwork n) {
        StringBuilder h = new StringBuilder("<ul>\n");
        for (List<String> c : n.components()) {
            if (c.size() == 1) {
                h.append("<li><strong>").append(Escape.html(c.get(0))).append("</strong> (")
                        .append(Escape.html(String.join(", ", n.arms().getOrDefault(c.get(0), List.of()))))
                        .append("): no randomised comparison with data links it to any other regimen, so it is"
                                + " compared with nothing here.</li>\n");
            }
        }
        for (String u : n.unlinked()) {
            h.append("<li>").append(Escape.html(u)).append(".</li>\n");
        }
        h.append("<li>Between connected parts nothing can be estimated: setting one part's rates or medians beside"
                + " another's is a naive cross-trial comparison, which this report does not make.</li>\n");
        for (var x : n.exclusions()) {
            h.append("<li>Left out: ").append(Escape.html(x.data().describe())).append(": ")
                    .append(Escape.html(x.reason())).append(".</li>\n");
        }
        return h.append("</ul>\n").toString();
    }
}

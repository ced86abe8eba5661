package org.trialmeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.trialmeta.present.CiStyle;
import org.trialmeta.present.Escape;
import org.trialmeta.present.Formats;
import org.trialmeta.present.TrialNetworkSummary;
import org.trialmeta.present.TrialNetworkSummary.Datum;
import org.trialmeta.present.TrialNetworkSummary.EndpointNetworks;
import org.trialmeta.present.TrialNetworkSummary.Estimate;
import org.trialmeta.present.TrialNetworkSummary.MergedArm;
import org.trialmeta.present.TrialNetworkSummary.Network;
import org.trialmeta.present.TrialNetworkSummary.Node;
import org.trialmeta.present.Written;

/**
 * The report's "Network" section: the randomised comparisons of the curated trials, what they connect and what they
 * cannot, each endpoint as randomised (every trial's comparator its own node) and under the assumption that the
 * comparators are one treatment, with a network graph of each. Laid out from {@link TrialNetworkSummary} only, the
 * summary {@code analysis.json}'s {@code network} key is written from, so page and JSON say the same; every number
 * goes through {@link Formats}.
 */
public final class NetworkSection {

    /** Figure base names of the response network, in {@code figures/} (see {@link #graphName}). */
    public static final String GRAPH_AS_RANDOMISED = "network-orr";
    public static final String GRAPH_POOLED = "network-orr-pooled";

    /** A figure of the section: base name, caption and the graph. */
    public record Graph(String name, String caption, NetworkGraph figure) {}

    private NetworkSection() {}

    /** {@code network-orr}, {@code network-orr-pooled}, {@code network-pfs}, {@code network-pfs-pooled}. */
    public static String graphName(String endpoint, boolean pooled) {
        return "network-" + endpoint.toLowerCase(Locale.ROOT) + (pooled ? "-pooled" : "");
    }

    /** The network graphs: per endpoint, as randomised and with the comparators pooled. */
    public static List<Graph> graphs(TrialNetworkSummary summary) {
        List<Graph> out = new ArrayList<>();
        for (EndpointNetworks e : summary.endpoints()) {
            for (Network n : variants(e)) {
                out.add(graph(e, n));
            }
        }
        return out;
    }

    private static List<Network> variants(EndpointNetworks e) {
        List<Network> out = new ArrayList<>();
        if (e.asRandomised() != null) {
            out.add(e.asRandomised());
        }
        if (e.pooled() != null) {
            out.add(e.pooled());
        }
        return out;
    }

    /**
     * One network's graph: nodes of a connected part side by side on the circle (so that no line crosses another
     * part); node area by participants with response counts (ORR) or by trials with a hazard ratio (PFS, which
     * carries no n); line width by the trials comparing the two nodes.
     */
    static Graph graph(EndpointNetworks e, Network n) {
        boolean orr = e.endpoint().equals("ORR");
        boolean pooled = n.assumption() != null;
        List<String> order = n.components().stream().flatMap(List::stream).toList();
        List<String> names = n.nodes().stream().map(Node::name).toList();
        int t = order.size();
        double[] size = new double[t];
        int[][] studies = new int[t][t];
        for (int i = 0; i < t; i++) {
            Node node = n.nodes().get(names.indexOf(order.get(i)));
            size[i] = orr ? (node.participants() == null ? 0 : node.participants()) : node.trials();
        }
        for (var edge : n.edges()) {
            int a = order.indexOf(edge.treatment());
            int b = order.indexOf(edge.vs());
            studies[a][b] = edge.trials().size();
            studies[b][a] = edge.trials().size();
        }
        String what = orr ? "Objective response" : "Progression-free survival";
        NetworkGraph g = new NetworkGraph(new NetworkGraph.Data(what + ": " + (pooled ? "comparators pooled"
                + " (assumption)" : "as randomised"), order, size, orr ? "participants with response data"
                        : "trials with a PFS hazard ratio", studies));
        return new Graph(graphName(e.endpoint(), pooled), "Network of randomised comparisons with " + (orr
                ? "response data" : "PFS hazard ratios") + ", " + (pooled ? "every control arm as one node (an"
                        + " assumption)" : "each trial's comparator as randomised") + "; a node without a line has no"
                + " randomised comparison with data", g);
    }

    /**
     * The section's body, its navigation entries (every figure, heading and table, in page order) and its tables
     * (each linked for download as {@code tables/ID.csv}, {@code .md}, {@code .html}, {@code .docx}).
     */
    record Built(List<Html.NavItem> nav, Written.Body html, List<Table> tables) {}

    /** The section's HTML (without its heading); {@code figureHtml} renders a figure by base name. */
    public static String html(TrialNetworkSummary summary, Function<String, String> figureHtml) {
        return Written.text(build(summary, figureHtml).html());
    }

    /**
     * The section's HTML in parts, written one after another: text, and the tables (thousands of rows on a large
     * repository), which are written when the page is, not held as text.
     */
    private static final class Parts {
        private final List<Written.Body> parts = new ArrayList<>();
        private final StringBuilder h = new StringBuilder();

        StringBuilder text() {
            return h;
        }

        void add(Written.Body part) {
            end();
            parts.add(part);
        }

        private void end() {
            if (!h.isEmpty()) {
                String text = h.toString();
                parts.add(out -> out.write(text));
                h.setLength(0);
            }
        }

        Written.Body body() {
            end();
            List<Written.Body> all = List.copyOf(parts);
            return out -> {
                for (Written.Body p : all) {
                    p.to(out);
                }
            };
        }
    }

    /** The section's HTML and navigation entries. */
    static Built build(TrialNetworkSummary summary, Function<String, String> figureHtml) {
        Parts parts = new Parts();
        StringBuilder h = parts.text();
        List<Html.NavItem> nav = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        if (summary.endpoints().isEmpty()) {
            return new Built(List.of(), out -> out.write("<p>The network of randomised comparisons was not built for"
                    + " this report.</p>\n"), List.of());
        }
        h.append("<p>").append(Escape.html(summary.principle())).append(". A node is an arm's agents joined with"
                + " \u201c+\u201d (a combination); a control arm lists alternatives (physician's choice), so it is a"
                + " node named after the arm. ").append(Escape.html(capital(summary.model()))).append(", ")
                .append(Formats.general(summary.level())).append("% confidence intervals. Every number here is also"
                        + " in <a href=\"analysis.json\">analysis.json</a> (key <code>network</code>).</p>\n");
        for (EndpointNetworks e : summary.endpoints()) {
            String ep = e.endpoint().toLowerCase(Locale.ROOT);
            h.append("<h3 id=\"network-").append(ep).append("\">").append(Escape.html(e.title())).append("</h3>\n");
            nav.add(new Html.NavItem("network-" + ep, e.title()));
            table(parts, nav, tables, dataTable(e));
            for (Network n : variants(e)) {
                boolean pooled = n.assumption() != null;
                h.append(pooled ? "<h4>If the comparators are judged the same treatment</h4>\n"
                        : "<h4>As randomised</h4>\n");
                if (pooled) {
                    h.append(assumption(n));
                }
                Graph g = graph(e, n);
                h.append(figureHtml.apply(g.name()));
                nav.add(new Html.NavItem("fig-" + g.name(), g.caption()));
                h.append(components(n));
                effects(parts, nav, tables, e, n, summary.level());
            }
            Network widest = e.pooled() != null ? e.pooled() : e.asRandomised();
            h.append("<h4>What these data cannot compare</h4>\n");
            parts.add(out -> out.write(cannot(widest))); // lists every datum left out: made when written
        }
        return new Built(List.copyOf(nav), parts.body(), List.copyOf(tables));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void table(Parts parts, List<Html.NavItem> nav, List<Table> tables, Table t) {
        parts.add(out -> Report.tableHtml(t, out));
        nav.add(new Html.NavItem("table-" + t.id(), t.title()));
        tables.add(t);
    }

    /** The data the endpoint's networks use, with status and source. */
    static Table dataTable(EndpointNetworks e) {
        List<List<String>> rows = new ArrayList<>();
        Set<String> statuses = new TreeSet<>();
        boolean orr = e.endpoint().equals("ORR");
        for (Datum d : e.data()) {
            statuses.add(d.status());
            String status = d.status() + (StatusMarks.of(d.status()).isEmpty() ? "" : " " + StatusMarks.of(d.status()));
            if (orr) {
                rows.add(List.of(d.trialName(), d.node(), d.responders() + "/" + d.evaluable(), d.cutLabel(), status,
                        d.source()));
            } else {
                rows.add(List.of(d.trialName(), d.node() + " vs " + d.comparatorNode(), "HR " + Formats.fixed(
                        d.hazardRatio(), 2) + " " + Formats.ci(d.ciLower(), d.ciUpper(), 2, CiStyle.PAREN_DASH),
                        d.cutLabel(), status, d.source()));
            }
        }
        String id = "network-data-" + e.endpoint().toLowerCase(Locale.ROOT);
        return orr
                ? new Table(id, "Response counts used (whole population; one cut per trial)", List.of("Trial", "Node",
                        "Responders/evaluable", "Analysis cut", "Status", "Source"), rows, StatusMarks.legendFor(statuses))
                : new Table(id, "Hazard ratios used (PFS, whole population; 95% CI)", List.of("Trial", "Comparison",
                        "Hazard ratio (95% CI)", "Analysis cut", "Status", "Source"), rows, StatusMarks.legendFor(statuses));
    }

    private static String components(Network n) {
        StringBuilder h = new StringBuilder();
        h.append("<p>").append(n.components().size()).append(n.components().size() == 1 ? " connected part: "
                : " connected parts (the network is disconnected; each part is analysed on its own): ");
        for (int i = 0; i < n.components().size(); i++) {
            h.append(i == 0 ? "" : "; ").append('{').append(Escape.html(String.join(", ", n.components().get(i))))
                    .append('}');
        }
        return h.append(".</p>\n").toString();
    }

    /** "direct (1 trial)", "indirect only (through the common node)". */
    static String evidence(Estimate e) {
        return e.directTrials() > 0 ? "direct (" + e.directTrials() + (e.directTrials() == 1 ? " trial)" : " trials)")
                : "indirect only (through the common node)";
    }

    /** "OR 1.30 (0.65–2.59)". */
    static String estimateCi(String measure, Estimate e) {
        return measure + " " + Formats.fixed(e.estimate(), 2) + " " + Formats.ci(e.ciLower(), e.ciUpper(), 2,
                CiStyle.PAREN_DASH);
    }

    /** The table id of a network's estimates. */
    static String estimatesTableId(EndpointNetworks e, Network n) {
        return "network-" + (n.assumption() != null ? "pooled-" : "direct-") + e.endpoint().toLowerCase(Locale.ROOT);
    }

    /** "13 of 15 pairs of regimens are not estimable in this network". */
    static String notEstimableCount(Network n) {
        long ne = n.estimates().stream().filter(x -> !x.estimable()).count();
        return ne + " of " + n.estimates().size() + " pairs of regimens " + (ne == 1 ? "is" : "are")
                + " not estimable in this network";
    }

    /** Every estimable pair once, and how many pairs are not estimable. */
    private static void effects(Parts parts, List<Html.NavItem> nav, List<Table> tables, EndpointNetworks e,
            Network n, double level) {
        StringBuilder h = parts.text();
        h.append("<p class=\"ne-count\">").append(notEstimableCount(n)).append(".</p>\n");
        if (!n.fitted()) {
            h.append("<p>").append(Escape.html(capital(TrialNetworkSummary.TOO_FEW))).append(".</p>\n");
            return;
        }
        boolean pooled = n.assumption() != null;
        List<List<String>> rows = new ArrayList<>();
        for (Estimate x : n.estimates()) {
            if (x.estimable()) {
                rows.add(List.of(x.treatment() + " vs " + x.vs(), estimateCi(e.measure(), x), Formats.p(x.pval()),
                        evidence(x)));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(e.direction() + "; common-effect model, " + Formats.general(level) + "% CI.");
        notes.add(pooled ? n.assumption().caveat() : "Each estimate is one trial's randomised comparison.");
        String what = e.endpoint().equals("ORR") ? "response" : "PFS";
        table(parts, nav, tables, new Table(estimatesTableId(e, n), pooled
                ? "Network estimates, " + what + ", with the comparators pooled (an assumption; see above)"
                : "Direct comparisons, " + what + " (as randomised)", List.of("Comparison", "Estimate (CI)", "p",
                        "Evidence"), rows, notes));
    }

    /** The pooled-comparator assumption, stated with the arms it merges and what each trial says about them. */
    private static String assumption(Network pooled) {
        var a = pooled.assumption();
        StringBuilder h = new StringBuilder();
        h.append("<p>Assumption: ").append(Escape.html(a.statement())).append(". Its weakness: ")
                .append(Escape.html(a.weakness())).append(".</p>\n<ul>\n");
        for (MergedArm m : a.mergedArms()) {
            h.append("<li><strong>").append(Escape.html(m.trialName())).append("</strong>: ")
                    .append(Escape.html(m.armName())).append(" \u2014 ").append(Escape.html(String.join(" or ",
                            m.regimens())));
            if (m.trialNote() != null) {
                h.append(". <em>").append(Escape.html(m.trialNote())).append("</em>");
            }
            h.append("</li>\n");
        }
        return h.append("</ul>\n").toString();
    }

    private static String cannot(Network n) {
        StringBuilder h = new StringBuilder("<ul>\n");
        for (List<String> c : n.components()) {
            if (c.size() == 1) {
                Node node = n.nodes().stream().filter(x -> x.name().equals(c.get(0))).findFirst().orElseThrow();
                h.append("<li><strong>").append(Escape.html(node.name())).append("</strong> (")
                        .append(Escape.html(String.join(", ", node.arms())))
                        .append("): no randomised comparison with data links it to any other regimen, so it is"
                                + " compared with nothing here.</li>\n");
            }
        }
        for (String u : n.unlinked()) {
            h.append("<li>").append(Escape.html(u)).append(".</li>\n");
        }
        List<String> none = new ArrayList<>();
        for (Estimate x : n.estimates()) {
            if (!x.estimable() && x.reason().equals(TrialNetworkSummary.NOT_CONNECTED)) {
                none.add(x.treatment() + " vs " + x.vs());
            }
        }
        if (!none.isEmpty()) {
            h.append("<li class=\"not-estimable\">Not estimable, ").append(none.size()).append(" of ")
                    .append(n.estimates().size()).append(" pairs of regimens (").append(Escape.html(
                            TrialNetworkSummary.NOT_CONNECTED)).append("): ").append(Escape.html(String.join("; ",
                                    none))).append(".</li>\n");
        }
        for (String x : n.excluded()) {
            h.append("<li>Left out: ").append(Escape.html(x)).append(".</li>\n");
        }
        return h.append("</ul>\n").toString();
    }
}

package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.TrialNetwork;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.CiStyle;
import org.trialmeta.present.Escape;
import org.trialmeta.present.Formats;
import org.trialmeta.present.TrialNetworkSummary;
import org.trialmeta.repository.TrialLoader;

/**
 * The report's "Network" section on the curated trials: it states what connects and what does not, the pooled
 * comparator assumption with the arms it merges, and shows the estimates (numbers from metafor,
 * {@code src/test/r/lgsoc_network.R}, written through {@link Formats}).
 */
class NetworkSectionTest {

    private static TrialRepository repo;
    private static List<TrialNetwork> networks;
    private static String html;
    private static Map<String, Double> r;

    @BeforeAll
    static void build() throws IOException {
        repo = TrialLoader.loadDirectory(Path.of("trials"));
        networks = TrialNetwork.all(repo, StatusFilter.DEFAULT);
        html = NetworkSection.html(TrialNetworkSummary.of(repo, networks), name -> "<figure id=\"" + name + "\"></figure>\n");
        r = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/lgsoc-network/values.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] p = l.split(",");
            r.put(p[0], Double.parseDouble(p[1]));
        }
    }

    private static String ratioCi(String key) {
        return Formats.fixed(Math.exp(r.get(key + ".estimate")), 2) + " " + Formats.ci(Math.exp(r.get(key + ".ci_lower")),
                Math.exp(r.get(key + ".ci_upper")), 2, CiStyle.PAREN_DASH);
    }

    @Test
    void statesTheDisconnectedNetworkAndWhatCannotBeCompared() {
        assertThat(html).contains("4 connected parts (the network is disconnected")
                .contains("3 connected parts")
                .contains("<strong>avutometinib + defactinib</strong> (ramp-201/avutometinib-defactinib,"
                        + " ramp-201/part-a-combination): no randomised comparison with data links it")
                .contains("<strong>avutometinib</strong> (ramp-201/part-a-avutometinib)")
                .contains("RAMP-201: only one arm has admitted response counts")
                .contains("FRAME: single-arm study");
    }

    @Test
    void statesThePooledComparatorAssumptionWithTheArmsItMerges() {
        assertThat(html).contains("Assumption: the control arms listed are one treatment")
                .contains(Escape.html("Physician's choice chemotherapy (MILO)"))
                .contains("paclitaxel or pegylated liposomal doxorubicin or topotecan or letrozole or tamoxifen")
                .contains("hypothesis-generating");
    }

    @Test
    void showsDirectAndIndirectEstimatesAsMetaforComputesThem() {
        assertThat(html).contains("OR " + ratioCi("orr.direct.milo"))
                .contains("OR " + ratioCi("orr.direct.gog281"))
                .contains("trametinib vs binimetinib</td><td>OR " + ratioCi("orr.pooled.trametinib_vs_binimetinib"))
                .contains("HR " + ratioCi("pfs.pooled.trametinib_vs_binimetinib"))
                .contains("indirect only (through the common node)");
        assertThat(html).contains("<td>32/201</td>").contains("<td>34/130</td>");
    }

    @Test
    void graphsPutEachConnectedPartSideBySide() {
        List<NetworkSection.Graph> graphs = NetworkSection.graphs(TrialNetworkSummary.of(repo, networks));
        assertThat(graphs).extracting(NetworkSection.Graph::name)
                .containsExactly(NetworkSection.GRAPH_AS_RANDOMISED, NetworkSection.GRAPH_POOLED, "network-pfs",
                        "network-pfs-pooled");
        assertThat(html).contains("<figure id=\"network-orr\">").contains("<figure id=\"network-orr-pooled\">")
                .contains("<figure id=\"network-pfs\">").contains("<figure id=\"network-pfs-pooled\">");
    }

    /**
     * Confirmed data only: MILO's PFS hazard ratio is the one datum left (the ORR counts are derived, GOG 281's HR
     * secondary), so no model is fitted; its pair is not estimable by the network (too few comparisons), every other
     * pair for want of a connection, each with its reason, and the page says so.
     */
    @Test
    void withConfirmedDataOnlyEveryPairIsExplicitlyNotEstimableWithItsReason() {
        var summary = TrialNetworkSummary.of(repo, TrialNetwork.all(repo, StatusFilter.parse("confirmed")));
        var pfs = summary.endpoints().get(1).asRandomised();
        assertThat(pfs.fitted()).isFalse();
        assertThat(pfs.edges()).hasSize(1);
        assertThat(pfs.estimates()).allMatch(e -> !e.estimable() && e.estimate() == null && e.ciLower() == null);
        assertThat(pfs.estimates()).filteredOn(e -> e.reason().equals(TrialNetworkSummary.TOO_FEW))
                .extracting(e -> e.treatment() + " vs " + e.vs())
                .containsExactly("binimetinib vs Physician's choice chemotherapy (MILO)");
        var orr = summary.endpoints().get(0).asRandomised();
        assertThat(orr.edges()).isEmpty();
        assertThat(orr.nodes()).allMatch(n -> n.participants() == null && n.trials() == 0);
        assertThat(orr.estimates()).allMatch(e -> e.reason().equals(TrialNetworkSummary.NOT_CONNECTED));
        String page = NetworkSection.html(summary, name -> "");
        assertThat(page).contains("Too few comparisons for a network meta-analysis")
                .contains("15 of 15 pairs of regimens are not estimable in this network");
    }

    @Test
    void withoutNetworksTheSectionSaysSo() {
        assertThat(NetworkSection.html(TrialNetworkSummary.of(repo, List.of()), n -> "")).contains("was not built");
    }
}

package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialmeta.analysis.EfficacyAnalysis;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.SurvivalCurveAnalysis;
import org.trialmeta.analysis.TrialNetwork;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.CiStyle;
import org.trialmeta.present.Escape;
import org.trialmeta.present.Formats;
import org.trialmeta.present.TrialNetworkSummary;
import org.trialmeta.report.FigureWriter.Format;
import org.trialmeta.repository.TrialLoader;

/**
 * The report's page and its {@code analysis.json} say the same about the networks of randomised comparisons: the
 * built report's two files are read back (the JSON with a plain Jackson mapper, the page as text) and every estimate,
 * datum, component and not-estimable pair of the JSON is found on the page as {@link Formats} writes it, and nothing
 * else is in the estimates tables. The JSON's numbers are checked against metafor ({@code src/test/r/lgsoc_network.R}).
 */
class NetworkJsonAndPageTest {

    private static final double TOL = 1e-9;
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>");

    private static JsonNode network;
    private static String page;
    private static Map<String, byte[]> files;
    private static Map<String, Double> r;

    @BeforeAll
    static void build() throws IOException {
        TrialRepository repo = TrialLoader.loadDirectory(Path.of("trials"));
        StatusFilter statuses = ReportTest.REPORT_STATUSES;
        Report.Built built = Report.build(repo, EfficacyAnalysis.run(repo, statuses), ReviewerCheck.run(repo),
                SurvivalCurveAnalysis.run(repo, statuses), TrialNetwork.all(repo, statuses),
                Report.meta("trialmeta x", Path.of("trials")), EnumSet.of(Format.SVG, Format.PNG), line -> { });
        files = built.files();
        network = new ObjectMapper().readTree(files.get("analysis.json")).get("network");
        page = new String(files.get("index.html"), StandardCharsets.UTF_8);
        r = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/lgsoc-network/values.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] p = l.split(",");
            r.put(p[0], Double.parseDouble(p[1]));
        }
    }

    private static List<JsonNode> variants(JsonNode endpoint) {
        List<JsonNode> out = new ArrayList<>();
        for (String v : List.of("as_randomised", "pooled")) {
            if (!endpoint.get(v).isNull()) {
                out.add(endpoint.get(v));
            }
        }
        return out;
    }

    private static boolean pooled(JsonNode n) {
        return n.get("controls").asText().equals("pooled");
    }

    /** The rows of the page's table {@code id}, cells as HTML. */
    private static List<List<String>> tableRows(String id) {
        int from = page.indexOf("id=\"table-" + id + "\"");
        assertThat(from).as("table " + id + " on the page").isPositive();
        String body = page.substring(page.indexOf("<tbody>", from), page.indexOf("</tbody>", from));
        List<List<String>> rows = new ArrayList<>();
        Matcher m = ROW.matcher(body);
        while (m.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(m.group(1));
            while (c.find()) {
                cells.add(c.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> html(String... cells) {
        return java.util.Arrays.stream(cells).map(Escape::html).toList();
    }

    @Test
    void bothEndpointsAndBothNetworksAreInTheJson() {
        assertThat(network.get("endpoints")).extracting(e -> e.get("endpoint").asText()).containsExactly("ORR", "PFS");
        assertThat(network.get("level").asDouble()).isEqualTo(95.0);
        for (JsonNode e : network.get("endpoints")) {
            assertThat(variants(e)).extracting(n -> n.get("controls").asText()).containsExactly("as_randomised",
                    "pooled");
        }
    }

    @Test
    void everyEstimateTableOnThePageIsTheJsonsEstimatesAsWritten() {
        int tables = 0;
        for (JsonNode e : network.get("endpoints")) {
            String measure = e.get("measure").asText();
            String ep = e.get("endpoint").asText().toLowerCase(java.util.Locale.ROOT);
            for (JsonNode n : variants(e)) {
                List<List<String>> expected = new ArrayList<>();
                for (JsonNode x : n.get("estimates")) {
                    if (x.get("estimable").asBoolean()) {
                        int k = x.get("direct_trials").asInt();
                        expected.add(html(x.get("treatment").asText() + " vs " + x.get("vs").asText(), measure + " "
                                + Formats.fixed(x.get("estimate").asDouble(), 2) + " " + Formats.ci(x.get("ci_lower")
                                        .asDouble(), x.get("ci_upper").asDouble(), 2, CiStyle.PAREN_DASH),
                                Formats.p(x.get("pval").asDouble()), x.get("evidence").asText().equals("direct")
                                        ? "direct (" + k + (k == 1 ? " trial)" : " trials)")
                                        : "indirect only (through the common node)"));
                    }
                }
                assertThat(expected).isNotEmpty();
                assertThat(tableRows("network-" + (pooled(n) ? "pooled-" : "direct-") + ep))
                        .containsExactlyElementsOf(expected);
                tables++;
            }
        }
        assertThat(tables).isEqualTo(4);
    }

    @Test
    void theDataTablesAreTheJsonsData() {
        for (JsonNode e : network.get("endpoints")) {
            boolean orr = e.get("endpoint").asText().equals("ORR");
            List<List<String>> rows = tableRows("network-data-" + (orr ? "orr" : "pfs"));
            assertThat(rows).hasSize(e.get("data").size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode d = e.get("data").get(i);
                assertThat(rows.get(i).get(0)).isEqualTo(Escape.html(d.get("trial_name").asText()));
                assertThat(rows.get(i).get(2)).isEqualTo(orr ? d.get("responders").asInt() + "/" + d.get("evaluable")
                        .asInt() : "HR " + Formats.fixed(d.get("hazard_ratio").asDouble(), 2) + " " + Formats.ci(
                                d.get("ci_lower").asDouble(), d.get("ci_upper").asDouble(), 2, CiStyle.PAREN_DASH));
                assertThat(rows.get(i).get(4)).startsWith(d.get("status").asText());
                assertThat(rows.get(i).get(5)).isEqualTo(Escape.html(d.get("source").asText()));
                if (!orr) {
                    assertThat(d.get("responders").isNull()).isTrue();
                }
            }
        }
    }

    @Test
    void componentsAndNotEstimablePairsOnThePageAreTheJsons() {
        for (JsonNode e : network.get("endpoints")) {
            for (JsonNode n : variants(e)) {
                List<String> parts = new ArrayList<>();
                for (JsonNode c : n.get("components")) {
                    List<String> names = new ArrayList<>();
                    c.forEach(x -> names.add(x.asText()));
                    parts.add("{" + Escape.html(String.join(", ", names)) + "}");
                }
                assertThat(page).contains(n.get("components").size() + " connected parts (the network is disconnected;"
                        + " each part is analysed on its own): " + String.join("; ", parts) + ".</p>");
                long ne = 0;
                for (JsonNode x : n.get("estimates")) {
                    if (!x.get("estimable").asBoolean()) {
                        ne++;
                    }
                }
                assertThat(page).contains("<p class=\"ne-count\">" + ne + " of " + n.get("estimates").size()
                        + " pairs of regimens are not estimable in this network.</p>");
            }
            JsonNode widest = e.get("pooled");
            List<String> pairs = new ArrayList<>();
            for (JsonNode x : widest.get("estimates")) {
                if (!x.get("estimable").asBoolean()) {
                    assertThat(x.get("reason").asText()).isEqualTo(TrialNetworkSummary.NOT_CONNECTED);
                    pairs.add(x.get("treatment").asText() + " vs " + x.get("vs").asText());
                }
            }
            assertThat(page).contains(Escape.html(String.join("; ", pairs)) + ".</li>");
        }
    }

    @Test
    void notEstimableIsAnExplicitValueWithAReasonNeverANumber() {
        int ne = 0;
        for (JsonNode e : network.get("endpoints")) {
            for (JsonNode n : variants(e)) {
                int t = n.get("nodes").size();
                assertThat(n.get("estimates")).hasSize(t * (t - 1) / 2);
                for (JsonNode x : n.get("estimates")) {
                    boolean estimable = x.get("estimable").asBoolean();
                    for (String k : List.of("estimate", "ci_lower", "ci_upper", "log_estimate", "se", "pval")) {
                        assertThat(x.get(k).isNumber()).as(k).isEqualTo(estimable);
                        assertThat(x.get(k).isNull()).as(k).isEqualTo(!estimable);
                    }
                    assertThat(x.get("reason").isNull()).isEqualTo(estimable);
                    assertThat(x.get("evidence").isNull()).isEqualTo(!estimable);
                    ne += estimable ? 0 : 1;
                }
            }
        }
        assertThat(ne).isEqualTo(2 * (13 + 7));   // per endpoint: 13 of 15 as randomised, 7 of 10 pooled
    }

    @Test
    void edgesNameTheirTrialsAndTheDataStatuses() {
        JsonNode orr = network.get("endpoints").get(0).get("as_randomised");
        JsonNode milo = null;
        for (JsonNode edge : orr.get("edges")) {
            if (edge.get("treatment").asText().equals("binimetinib")) {
                milo = edge;
            }
        }
        assertThat(milo).isNotNull();
        assertThat(milo.get("vs").asText()).isEqualTo("Physician's choice chemotherapy (MILO)");
        assertThat(milo.get("trials")).extracting(JsonNode::asText).containsExactly("MILO/ENGOT-ov11");
        assertThat(milo.get("statuses")).extracting(JsonNode::asText).containsExactly("derived");
        assertThat(milo.get("data")).extracting(d -> d.get("responders").asInt() + "/" + d.get("evaluable").asInt())
                .containsExactlyInAnyOrder("32/201", "13/102");
        JsonNode pfs = network.get("endpoints").get(1).get("pooled");
        assertThat(pfs.get("edges")).extracting(x -> x.get("treatment").asText() + "|" + x.get("statuses").get(0)
                .asText()).containsExactly("binimetinib|confirmed", "trametinib|secondary");
        assertThat(pfs.get("assumption").get("merged_arms")).extracting(a -> a.get("arm").asText())
                .containsExactly("standard-of-care", "pcc");
        assertThat(page).contains(Escape.html(pfs.get("assumption").get("statement").asText()));
        for (JsonNode node : pfs.get("nodes")) {
            assertThat(node.get("participants").isNull()).as("PFS hazard ratios carry no n").isTrue();
        }
    }

    @Test
    void eachNetworkHasItsGraphWithDownloadLinksAndItsNodesDrawn() {
        for (JsonNode e : network.get("endpoints")) {
            for (JsonNode n : variants(e)) {
                String name = NetworkSection.graphName(e.get("endpoint").asText(), pooled(n));
                assertThat(files).containsKeys("figures/" + name + ".svg", "figures/" + name + ".png");
                assertThat(page).contains("<figure id=\"fig-" + name + "\">")
                        .contains("<a href=\"figures/" + name + ".png\" download")
                        .contains("<a href=\"figures/" + name + ".svg\" download");
                String svg = new String(files.get("figures/" + name + ".svg"), StandardCharsets.UTF_8)
                        .replace("&apos;", "'");
                for (JsonNode node : n.get("nodes")) {
                    assertThat(svg).contains(">" + node.get("name").asText() + "<");
                }
            }
        }
    }

    @Test
    void everyTableOfTheSectionIsWrittenAndLinkedForDownload() {
        List<String> ids = List.of("network-data-orr", "network-direct-orr", "network-pooled-orr", "network-data-pfs",
                "network-direct-pfs", "network-pooled-pfs");
        for (String id : ids) {
            int at = page.indexOf("id=\"table-" + id + "\"");
            int links = page.indexOf("<p class=\"downloads\">", page.indexOf("</table>", at));
            int next = page.indexOf("<table", at + 1);
            assertThat(links).as("downloads of " + id + " before the next table").isLessThan(next < 0 ? page.length()
                    : next);
            String after = page.substring(links);
            for (String ext : List.of("csv", "md", "html", "docx")) {
                assertThat(files).containsKey("tables/" + id + "." + ext);
                assertThat(after.substring(0, after.indexOf("</p>"))).contains("<a href=\"tables/" + id + "." + ext
                        + "\" download>");
            }
        }
        String csv = new String(files.get("tables/network-pooled-pfs.csv"), StandardCharsets.UTF_8);
        JsonNode indirect = null;
        for (JsonNode x : network.get("endpoints").get(1).get("pooled").get("estimates")) {
            if (x.get("estimable").asBoolean() && x.get("evidence").asText().equals("indirect")) {
                indirect = x;
            }
        }
        assertThat(indirect).isNotNull();
        assertThat(csv).contains("trametinib vs binimetinib,HR " + Formats.fixed(indirect.get("estimate").asDouble(), 2));
    }

    /** JSON key of an estimate → key prefix in the R values. */
    private static String rKey(String ep, boolean pooled, String treatment, String vs) {
        if (!pooled) {
            return ep + ".direct." + (treatment.equals("binimetinib") ? "milo" : "gog281");
        }
        return ep + ".pooled." + (vs.equals("binimetinib") ? treatment + "_vs_binimetinib" : treatment);
    }

    @Test
    void everyEstimableNumberOfTheJsonAgreesWithMetafor() {
        int checked = 0;
        for (JsonNode e : network.get("endpoints")) {
            String ep = e.get("endpoint").asText().toLowerCase(java.util.Locale.ROOT);
            for (JsonNode n : variants(e)) {
                for (JsonNode x : n.get("estimates")) {
                    if (!x.get("estimable").asBoolean()) {
                        continue;
                    }
                    String k = rKey(ep, pooled(n), x.get("treatment").asText(), x.get("vs").asText());
                    assertThat(x.get("log_estimate").asDouble()).as(k).isCloseTo(r.get(k + ".estimate"), within(TOL));
                    assertThat(Math.log(x.get("estimate").asDouble())).as(k).isCloseTo(r.get(k + ".estimate"),
                            within(TOL));
                    assertThat(x.get("se").asDouble()).as(k).isCloseTo(r.get(k + ".se"), within(TOL));
                    assertThat(Math.log(x.get("ci_lower").asDouble())).as(k).isCloseTo(r.get(k + ".ci_lower"),
                            within(TOL));
                    assertThat(Math.log(x.get("ci_upper").asDouble())).as(k).isCloseTo(r.get(k + ".ci_upper"),
                            within(TOL));
                    assertThat(x.get("pval").asDouble()).as(k).isCloseTo(r.get(k + ".pval"),
                            within(1e-8 * r.get(k + ".pval")));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(2 * (2 + 3));
    }
}

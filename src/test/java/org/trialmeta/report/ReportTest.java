package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.analysis.AnalysisResults;
import org.trialmeta.analysis.EfficacyAnalysis;
import org.trialmeta.analysis.RValues;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.TrialNetwork;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.Formats;
import org.trialmeta.report.FigureWriter.Format;
import org.trialmeta.report.ForestPlotData.Header;
import org.trialmeta.report.ForestPlotData.Pooled;
import org.trialmeta.report.ForestPlotData.Study;
import org.trialmeta.report.ForestPlotData.Text;
import org.trialmeta.repository.TrialLoader;

/** The report built from the curated trials: figure data, table contents, links, and staleness of reports/. */
class ReportTest {

    private static final double TOL = 1e-6;

    /** What {@code ./trialmeta report} uses by default. */
    static final StatusFilter REPORT_STATUSES = StatusFilter.parse(org.trialmeta.cli.ReportCommand.REPORT_DEFAULT_STATUSES);

    private static TrialRepository repo;
    private static AnalysisResults results;
    private static Report.Built built;

    @BeforeAll
    static void build() throws IOException {
        repo = TrialLoader.loadDirectory(Path.of("trials"));
        results = EfficacyAnalysis.run(repo, REPORT_STATUSES);
        built = Report.build(repo, results, ReviewerCheck.run(repo),
                org.trialmeta.analysis.SurvivalCurveAnalysis.run(repo, REPORT_STATUSES), TrialNetwork.all(repo, REPORT_STATUSES),
                Report.meta("trialmeta " + pomVersion(),
                Path.of("trials")), EnumSet.allOf(Format.class), line -> { });
    }

    /** The project version in pom.xml (the jar manifest's Implementation-Version). */
    static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>trialmeta</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static <T> T figure(String name, Class<T> type) {
        return type.cast(built.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().data());
    }

    private static Table table(String id) {
        return built.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void orrForestPlotRowsEstimatesAndMarkers() {
        ForestPlotData d = figure(Report.FOREST_ORR, ForestPlotData.class);
        List<ForestPlotData.Row> rows = d.rows();
        assertThat(rows.stream().filter(r -> r instanceof Header).map(r -> ((Header) r).text()))
                .containsExactly("KRAS-mutant", "KRAS wild-type", "Overall");
        List<Study> studies = rows.stream().filter(r -> r instanceof Study).map(r -> (Study) r).toList();
        assertThat(studies).extracting(Study::label).containsExactly(
                "FRAME, Interim, May 2021", "RAMP-201, Primary analysis",
                "FRAME, Interim, May 2021", "RAMP-201, Primary analysis",
                "FRAME, Final (Nat Med 2025)", "RAMP-201, Primary analysis");
        assertThat(studies).extracting(s -> s.left().get(0)).containsExactly("7/10", "25/57", "4/9", "9/52", "11/26", "34/109");
        assertThat(studies).extracting(Study::marker).containsExactly("\u2021", "\u2021", "\u2021", "\u00a7", "", "\u00a7");
        // rates on the figure are percentages, as in the tables (issue 16): 100 x the R values
        Study rampMut = studies.get(1);
        assertThat(rampMut.effect().get().value()).isCloseTo(100.0 * 25 / 57, within(1e-10));
        assertThat(rampMut.effect().get().lower()).isCloseTo(100 * RValues.get("cp_ramp_mut_lower"), within(100 * TOL));
        assertThat(rampMut.effect().get().upper()).isCloseTo(100 * RValues.get("cp_ramp_mut_upper"), within(100 * TOL));
        assertThat(rampMut.weightPercent()).isCloseTo(RValues.get("plo_mut_w1"), within(1e-4));
        List<Pooled> pooled = rows.stream().filter(r -> r instanceof Pooled).map(r -> (Pooled) r).toList();
        assertThat(pooled).hasSize(3);
        assertThat(pooled.get(0).effect().value()).isCloseTo(100 * RValues.get("plo_mut"), within(100 * TOL));
        assertThat(pooled.get(1).effect().lower()).isCloseTo(100 * RValues.get("plo_wt_lower"), within(100 * TOL));
        assertThat(pooled.get(2).prediction().get().upper()).isCloseTo(100 * RValues.get("plo_all_pi_upper"),
                within(100 * TOL));
        String last = ((Text) rows.get(rows.size() - 1)).text();
        assertThat(last).isEqualTo(String.format(java.util.Locale.ROOT,
                "Test for subgroup differences (mutant vs wild-type): Q = %.2f, df = 1, p = %s",
                RValues.get("subgroup_q"), Formats.pJournal(RValues.get("subgroup_p"))));
        assertThat(d.footnotes()).anyMatch(f -> f.startsWith("\u2021 secondary")).anyMatch(f -> f.startsWith("\u00a7 derived"));
    }

    @Test
    void oddsRatioForestPlotStudiesPooledAndHeterogeneity() {
        ForestPlotData d = figure(Report.FOREST_OR, ForestPlotData.class);
        assertThat(d.scale()).isEqualTo(AxisScale.LOG);
        assertThat(d.favoursRight()).isEqualTo("KRAS-mutant");
        List<Study> studies = d.rows().stream().filter(r -> r instanceof Study).map(r -> (Study) r).toList();
        assertThat(studies).extracting(Study::label).containsExactly("FRAME, Interim, May 2021", "RAMP-201, Primary analysis");
        assertThat(studies.get(1).left()).containsExactly("25/57", "9/52");
        assertThat(studies.get(1).marker()).isEqualTo("\u2021\u00a7");
        assertThat(studies.get(1).effect().get().value()).isCloseTo(RValues.get("ramp_OR"), within(TOL));
        assertThat(studies.get(1).effect().get().lower()).isCloseTo(RValues.get("ramp_OR_lower"), within(TOL));
        assertThat(studies.get(0).weightPercent()).isCloseTo(RValues.get("pooled_OR_w1"), within(1e-4));
        List<Pooled> pooled = d.rows().stream().filter(r -> r instanceof Pooled).map(r -> (Pooled) r).toList();
        assertThat(pooled.get(0).effect().value()).isCloseTo(RValues.get("pooled_OR"), within(TOL));
        assertThat(pooled.get(0).effect().upper()).isCloseTo(RValues.get("pooled_OR_upper"), within(TOL));
        assertThat(pooled.get(1).effect().value()).isCloseTo(RValues.get("mh_OR"), within(TOL));
        assertThat(d.rows().stream().filter(r -> r instanceof Text).map(r -> ((Text) r).text()))
                .anyMatch(t -> t.startsWith("Heterogeneity: \u03c4\u00b2 = ") && t.contains("df = 1"));
    }

    @Test
    void medianChartAndBarChartCarryStatesAndIncreaseInLifespan() {
        MedianChartData m = figure(Report.MEDIAN_PFS, MedianChartData.class);
        List<MedianChartData.Entry> e = m.rows().stream().filter(r -> r instanceof MedianChartData.Entry)
                .map(r -> (MedianChartData.Entry) r).toList();
        assertThat(e).extracting(MedianChartData.Entry::label).containsExactly("Overall", "KRAS-mutant", "KRAS wild-type", "Overall");
        assertThat(e.get(0).median().getAsDouble()).isEqualTo(20.1);
        assertThat(e.get(0).lower().getAsDouble()).isEqualTo(11.2);
        assertThat(e.get(0).upper().getAsDouble()).isEqualTo(43.9);
        assertThat(e.get(0).marker()).isEmpty(); // FRAME: confirmed (Nat Med 2025)
        assertThat(e.get(2).marker()).isEqualTo("\u2021"); // RAMP-201 wild-type PFS: secondary (company figure in news)
        BarChartData b = figure("mc38-median-survival", BarChartData.class);
        assertThat(b.bars()).extracting(BarChartData.Bar::value).containsExactly(21.0, 25.0, 28.0, 42.0);
        assertThat(b.bars().get(0).reference()).isTrue();
        assertThat(b.bars().get(3).annotation()).isEqualTo(String.format(java.util.Locale.ROOT, "+%.0f%% vs Vehicle",
                RValues.get("ils_42")));
        assertThat(b.bars().get(1).valueText()).isEqualTo("25\u2020");
    }

    @Test
    void efficacyAndComparisonTablesContents() {
        Table t = table("efficacy");
        List<String> ramp = t.rows().stream().filter(r -> r.get(0).equals("RAMP-201") && r.get(2).equals("KRAS-mutant"))
                .findFirst().orElseThrow();
        assertThat(ramp.subList(3, 10)).containsExactly("Primary analysis (2024-06-30)", "57", "25",
                "43.9% (30.7\u201357.6)\u2021", "22.0\u2021", "", "31.1 (14.8\u201331.1)\u2021");
        assertThat(ramp.get(11)).isEqualTo("secondary");
        Table c = table("comparison");
        List<String> r = c.rows().stream().filter(x -> x.get(1).equals("RAMP-201")).findFirst().orElseThrow();
        assertThat(r.get(3)).isEqualTo("25/57 (43.9%)\u2021");
        assertThat(r.get(7)).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f (%.2f\u2013%.2f)",
                RValues.get("ramp_OR"), RValues.get("ramp_OR_lower"), RValues.get("ramp_OR_upper")));
        assertThat(r.get(8)).isEqualTo("Fisher exact p = " + Formats.pJournal(RValues.get("ramp_fisher_p")));
        assertThat(c.rows()).anyMatch(x -> x.get(1).equals("Pooled, random effects (REML), k = 2"));
        assertThat(c.rows()).anyMatch(x -> x.get(0).equals("median PFS") && x.get(5).equals("9.2 months (no CI)"));
        assertThat(table("biomarker-changes").rows()).hasSize(6);
        assertThat(TableWriter.csv(t).lines().findFirst().orElseThrow()).startsWith("Trial,Arm,Subgroup,");
    }

    @Test
    void wholeReportIsWrittenAndEveryLinkResolves(@TempDir Path dir) throws IOException {
        List<Path> written = Report.write(built, dir);
        assertThat(written).hasSize(built.contents().size());
        for (Path p : written) {
            assertThat(p).exists();
            assertThat(Files.size(p)).isPositive();
        }
        assertThat(dir.resolve("index.html")).exists();
        assertThat(dir.resolve("figures/forest-orr.png")).exists();
        assertThat(dir.resolve("tables/efficacy.docx")).exists();
        String html = Files.readString(dir.resolve("index.html"));
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        int local = 0;
        while (m.find()) {
            String ref = m.group(1);
            if (ref.startsWith("https://")) {
                continue;
            }
            if (ref.startsWith("#")) {
                assertThat(html).as("anchor %s in index.html", ref).contains(" id=\"" + ref.substring(1) + "\"");
                continue;
            }
            local++;
            assertThat(dir.resolve(ref)).as("link %s in index.html", ref).exists();
        }
        assertThat(local).isGreaterThan(20);
        assertThat(html).contains(Report.REVIEWER_CHECK_MARKER).contains(Report.SURVIVAL_CURVES_MARKER)
                .contains("https://doi.org/10.1038/s41591-025-03763-y").contains("https://pubmed.ncbi.nlm.nih.gov/40644648/")
                .contains("Data as of <strong>2024-06-30</strong>");
    }

    @Test
    void sameInputGivesByteIdenticalFiles() {
        Report.Built again = Report.build(repo, EfficacyAnalysis.run(repo, REPORT_STATUSES), ReviewerCheck.run(repo),
                org.trialmeta.analysis.SurvivalCurveAnalysis.run(repo, REPORT_STATUSES), TrialNetwork.all(repo, REPORT_STATUSES), Report.meta("trialmeta x", Path.of("trials")), EnumSet.allOf(Format.class), line -> { });
        Map<String, byte[]> first = built.files();
        for (Map.Entry<String, byte[]> e : again.files().entrySet()) {
            if (!e.getKey().equals("index.html")) {
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(first.get(e.getKey()));
            }
        }
    }

    /**
     * The committed reports/ must be what the code makes of the committed trials/. Compares the text
     * outputs (CSV, Markdown, HTML, SVG, JSON) byte for byte; PNG, PDF and DOCX are reproducible too but
     * not compared here (binary, and font rasterisation may differ between JDKs).
     */
    @Test
    void committedReportsAreUpToDate() throws IOException {
        Path reports = Path.of("reports");
        assertThat(reports.resolve("index.html")).as("reports/index.html is missing: run ./trialmeta report").exists();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : built.files().entrySet()) {
            String name = e.getKey();
            if (!name.matches(".*\\.(csv|md|html|svg|json)$")) {
                continue;
            }
            Path p = reports.resolve(name);
            if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), e.getValue())) {
                stale.add(name);
            }
        }
        try (Stream<Path> s = Files.walk(reports)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = reports.relativize(p).toString().replace('\\', '/');
                if (rel.matches(".*\\.(csv|md|html|svg|json)$") && !built.contents().containsKey(rel)) {
                    stale.add(rel + " (no longer generated)");
                }
            }
        }
        assertThat(stale).as("reports/ is stale; regenerate with: ./trialmeta report   (then commit reports/)").isEmpty();
    }

    @Test
    void indexHtmlIsByteIdenticalOnARebuild() {
        Report.Built again = Report.build(repo, EfficacyAnalysis.run(repo, REPORT_STATUSES), ReviewerCheck.run(repo),
                org.trialmeta.analysis.SurvivalCurveAnalysis.run(repo, REPORT_STATUSES), TrialNetwork.all(repo, REPORT_STATUSES), Report.meta("trialmeta " + pomVersionUnchecked(),
                Path.of("trials")), EnumSet.allOf(Format.class),
                line -> { });
        assertThat(again.bytes("index.html")).isEqualTo(built.bytes("index.html"));
    }

    private static String pomVersionUnchecked() {
        try {
            return pomVersion();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The page's frame (issue 16): a policy that fetches nothing from elsewhere and runs no script, an A4 print
     * style, a navigation with a link to every section, figure and table in page order, download links under
     * every figure for each format written, the reviewer check's counts at the top and its info findings in a
     * closed {@code <details>}. (How it looks and prints is checked in Chromium by {@link ReportInBrowserTest}.)
     */
    @Test
    void indexHtmlHasNavigationDownloadsPolicyAndPrintStyle() {
        String html = new String(built.bytes("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"
                + " img-src &#39;self&#39;;").contains("@page { size: A4;").doesNotContain("<script", "<link",
                "src=\"http", "url(", "@import");
        String nav = html.substring(html.indexOf("<nav class=\"toc\""), html.indexOf("</nav>"));
        List<String> navTargets = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"#([^\"]+)\"").matcher(nav);
        while (m.find()) {
            navTargets.add(m.group(1));
        }
        String main = html.substring(html.indexOf("<main>"));
        List<String> anchors = new ArrayList<>();
        Matcher a = Pattern.compile("<(?:section|figure|table class=\"data\"|h3|details class=\"check-info\") id=\"([^\"]+)\"")
                .matcher(main);
        while (a.find()) {
            if (!a.group(1).equals("table-data-files")) {
                anchors.add(a.group(1));
            }
        }
        assertThat(navTargets).as("navigation in page order").containsExactlyElementsOf(anchors);
        assertThat(navTargets).contains("legend", "figures", "survival-curves", "tables", "network", "network-orr",
                "fig-" + NetworkSection.GRAPH_AS_RANDOMISED, "table-network-pooled-orr", "reviewer-check", "sources",
                "versions", "fig-" + Report.FOREST_ORR, "table-efficacy", "check-issues", "check-info");
        for (Report.FigureEntry f : built.figures()) {
            String fig = main.substring(main.indexOf("<figure id=\"fig-" + f.name() + "\">"));
            fig = fig.substring(0, fig.indexOf("</figure>"));
            assertThat(fig).as("figure %s", f.name()).contains("<p class=\"downloads\">Download: ");
            for (Format fmt : Format.values()) {
                String file = "figures/" + f.name() + "." + fmt.extension();
                assertThat(fig).contains("<a href=\"" + file + "\" download");
                assertThat(built.contents()).containsKey(file);
            }
        }
        String glance = html.substring(html.indexOf("<p class=\"at-a-glance\">"));
        assertThat(glance.substring(0, glance.indexOf("</p>"))).contains("<a href=\"#reviewer-check\">",
                "<span class=\"severity-error\">", "<span class=\"severity-warning\">");
        assertThat(html).contains("<details class=\"check-info\" id=\"check-info\">").doesNotContain("<details open");
        assertThat(html.indexOf("<tr class=\"severity-warning\">")).isLessThan(html.indexOf("<details class=\"check-info\""));
        assertThat(html.indexOf(Report.REVIEWER_CHECK_MARKER)).isGreaterThan(html.indexOf("<section id=\"reviewer-check\">"));
        assertThat(html.indexOf(Report.SURVIVAL_CURVES_MARKER)).isGreaterThan(html.indexOf("<section id=\"survival-curves\">"));
    }

    @Test
    void indexHtmlIsUtf8WithoutClockTime() {
        String html = new String(built.bytes("index.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain(java.time.LocalDate.now().toString().substring(0, 7) + "-");
    }
}

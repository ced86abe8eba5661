package org.trialmeta.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.trialmeta.analysis.AnalysisResults;
import org.trialmeta.analysis.BiomarkerRow;
import org.trialmeta.analysis.DataUse;
import org.trialmeta.analysis.Exclusion;
import org.trialmeta.analysis.MedianContrastRow;
import org.trialmeta.analysis.MedianRow;
import org.trialmeta.analysis.PooledEffect;
import org.trialmeta.analysis.PooledProportion;
import org.trialmeta.analysis.ProportionRow;
import org.trialmeta.analysis.RandomEffectsFit;
import org.trialmeta.analysis.Stratum;
import org.trialmeta.analysis.SubgroupComparison;
import org.trialmeta.analysis.SubgroupTest;
import org.trialmeta.analysis.SurvivalCurveAnalysis;
import org.trialmeta.present.AnalysisJson;
import org.trialmeta.present.ReportAnalysisJson;
import org.trialmeta.present.SurvivalCurvesSummary;
import org.trialmeta.present.TrialNetworkSummary;
import org.trialmeta.check.CheckReport;
import org.trialmeta.check.Severity;
import org.trialmeta.model.Source;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.CheckText;
import org.trialmeta.present.DeflatedText;
import org.trialmeta.present.CiStyle;
import org.trialmeta.present.Escape;
import org.trialmeta.present.Formats;
import org.trialmeta.present.TrialText;
import org.trialmeta.present.Written;
import org.trialmeta.report.FigureWriter.Format;
import org.trialmeta.report.ForestPlotData.Columns;
import org.trialmeta.report.ForestPlotData.Header;
import org.trialmeta.report.ForestPlotData.Pooled;
import org.trialmeta.report.ForestPlotData.PooledKind;
import org.trialmeta.report.ForestPlotData.Study;
import org.trialmeta.report.ForestPlotData.Text;
import org.trialmeta.repository.Json;
import org.trialmeta.repository.TrialLoadException;
import org.trialmeta.repository.TrialLoader;

/**
 * The whole report: figures, tables, {@code analysis.json} and {@code index.html}, laid out in memory from
 * results computed elsewhere, the analyses' {@link AnalysisResults} and the reviewer check's {@link CheckReport}
 * ({@link #build}), and then written file by file atomically ({@link #write}), so a failure while building
 * writes nothing. Output is byte-identical for the same input (no clock: the date shown is the latest date in
 * the data).
 */
public final class Report {

    /** Figure file base names, in {@code figures/}. */
    public static final String FOREST_ORR = "forest-orr";
    public static final String FOREST_OR = "forest-or";
    public static final String MEDIAN_PFS = "median-pfs";

    /** Marks the reviewer check's section of {@code index.html}. */
    public static final String REVIEWER_CHECK_MARKER = "<!-- REVIEWER-CHECK: section for org.trialmeta.check -->";
    /** Marks the survival-curves section of {@code index.html} (it says why no Kaplan-Meier curve is drawn). */
    public static final String SURVIVAL_CURVES_MARKER = "<!-- SURVIVAL-CURVES: section for Kaplan-Meier figures -->";

    private final TrialRepository repo;
    private final AnalysisResults r;
    private final CheckSection check;
    private final ReportMeta meta;
    private final Set<Format> formats;
    private final Consumer<String> progress;
    private final TrialNetworkSummary networks;
    private final Map<String, Content> files = new LinkedHashMap<>();
    private final List<FigureEntry> figures = new ArrayList<>();
    /** Figures whose files are drawn at the end of the build, on every core ({@link #drawFigures}). */
    private final List<Drawing> drawings = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final SurvivalCurveAnalysis.Result curves;
    private final SurvivalCurvesSummary curvesSummary;
    private List<SurvivalCurvesSection.KmFigure> kmFigures = List.of();
    private Table curvesTable;
    private NetworkSection.Built networkSection;

    /** A figure of the report: its data (for tests), base name and caption. */
    public record FigureEntry(String name, String caption, Object data) {}

    /**
     * A file of the report, written when the report is written ({@link #write}): figures are drawn while the report
     * is built, the tables, {@code analysis.json} and {@code index.html} are made as they are written, one at a time,
     * so that the report never holds its text files in memory (2,000 trials: 52 MB of files).
     */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Everything built: the files by relative path, in the report's order, the figures' data and the tables. */
    public record Built(Map<String, Content> contents, List<FigureEntry> figures, List<Table> tables) {

        /** One file's bytes, made in memory; {@code null} when the report has no such file. */
        public byte[] bytes(String name) {
            Content c = contents.get(name);
            if (c == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                c.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            return out.toByteArray();
        }

        /** Every file's bytes, made in memory (for tests and small reports), in the report's order. */
        public Map<String, byte[]> files() {
            Map<String, byte[]> out = new LinkedHashMap<>();
            contents.keySet().forEach(name -> out.put(name, bytes(name)));
            return out;
        }
    }

    private Report(TrialRepository repo, AnalysisResults r, CheckSection check, SurvivalCurveAnalysis.Result curves,
            List<org.trialmeta.analysis.TrialNetwork> networks, ReportMeta meta, Set<Format> formats,
            Consumer<String> progress) {
        this.networks = TrialNetworkSummary.of(repo, networks);
        this.repo = repo;
        this.curves = curves;
        this.curvesSummary = SurvivalCurvesSummary.of(curves);
        this.r = r;
        this.check = check;
        this.meta = meta;
        this.formats = formats;
        this.progress = progress;
    }

    /**
     * Lays out every file from the results, drawing the figures; {@code progress} receives one line per step.
     *
     * @param repo    the trials (names, arms and sources)
     * @param results the analyses of {@code repo} ({@code EfficacyAnalysis.run})
     * @param check   the reviewer check of {@code repo} ({@code ReviewerCheck.run})
     */
    public static Built build(TrialRepository repo, AnalysisResults results, CheckReport check, ReportMeta meta,
            Collection<Format> formats, Consumer<String> progress) {
        return build(repo, results, check, new SurvivalCurveAnalysis.Result(List.of(), List.of()), List.of(), meta,
                formats, progress);
    }

    /**
     * As {@link #build(TrialRepository, AnalysisResults, CheckReport, ReportMeta, Collection, Consumer)}, with the
     * trial files' digitised curves reconstructed ({@code SurvivalCurveAnalysis.run}) for the survival-curves section
     * and the networks of randomised comparisons ({@code TrialNetwork.all}) for the "Network" section.
     */
    public static Built build(TrialRepository repo, AnalysisResults results, CheckReport check,
            SurvivalCurveAnalysis.Result curves, List<org.trialmeta.analysis.TrialNetwork> networks, ReportMeta meta,
            Collection<Format> formats, Consumer<String> progress) {
        return build(repo, results, CheckSection.of(check), curves, networks, meta, formats, progress);
    }

    /**
     * As {@link #build(TrialRepository, AnalysisResults, CheckReport, SurvivalCurveAnalysis.Result, List, ReportMeta,
     * Collection, Consumer)}, with the reviewer check already laid out as its section: what {@code trialmeta report}
     * calls, so that the check's findings are not held while the figures and the networks are made.
     */
    public static Built build(TrialRepository repo, AnalysisResults results, CheckSection check,
            SurvivalCurveAnalysis.Result curves, List<org.trialmeta.analysis.TrialNetwork> networks, ReportMeta meta,
            Collection<Format> formats, Consumer<String> progress) {
        Set<Format> fs = formats.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(formats);
        Report rep = new Report(repo, results, check, curves, networks, meta, fs, progress);
        rep.buildAll();
        return new Built(java.util.Collections.unmodifiableMap(rep.files), List.copyOf(rep.figures),
                List.copyOf(rep.tables));
    }

    /**
     * The reviewer check as the page shows it, laid out as soon as the check has run: the counts for the page's
     * opening lines ({@link CheckText#htmlCounts}) and the section's HTML ({@link CheckText#htmlFragment}, every
     * finding), kept deflated until the page is written ({@link DeflatedText}). The findings themselves need several
     * times the memory (8,000 trial files: 64,000 findings, about 18 MB of heap, against 3.3 MB deflated).
     *
     * @param counts "0 errors, 2 warnings, 61 info" as HTML
     * @param html   the section's HTML after its opening sentence
     */
    public record CheckSection(String counts, DeflatedText html) {

        public CheckSection {
            java.util.Objects.requireNonNull(counts, "counts");
            java.util.Objects.requireNonNull(html, "html");
        }

        /** The section of {@code check}. */
        public static CheckSection of(CheckReport check) {
            return new CheckSection(CheckText.htmlCounts(check),
                    DeflatedText.of(out -> CheckText.htmlFragment(check, Severity.INFO, out)));
        }
    }

    /**
     * Writes the built files under {@code outDir}, all or nothing ({@link ReportOutput}: staged beside it, then
     * moved into place; {@code figures/} and {@code tables/} replaced as a whole); returns the paths written.
     */
    public static List<Path> write(Built built, Path outDir) {
        return ReportOutput.write(built.contents(), outDir);
    }

    /**
     * The report meta of a trials directory: SHA-256 of {@code sources.yaml} and of every trial file, by name;
     * the files are those the loader reads ({@link TrialLoader#list}), so a file the loader refuses is an input
     * problem here too, never a read failure.
     */
    public static ReportMeta meta(String softwareVersion, Path trialsDir) {
        List<ReportMeta.DataFile> out = new ArrayList<>();
        TrialLoader.Listing listing = TrialLoader.list(trialsDir);
        if (!listing.refused().isEmpty()) {
            throw new TrialLoadException(listing.refused());
        }
        List<String> names = new ArrayList<>(listing.trialFiles());
        names.add(TrialLoader.SOURCES_FILE);
        names.sort(null);
        try {
            for (String name : names) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.add(new ReportMeta.DataFile(name, HexFormat.of().formatHex(md.digest(Files.readAllBytes(
                        trialsDir.resolve(name))))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + trialsDir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ReportMeta(softwareVersion, out);
    }

    /**
     * {@link #meta(String, Path)} with the digitised curves' points files of {@code repo} added (by their path in the
     * trial files, e.g. {@code curves/lung-os-male.csv}; hashed as loaded).
     */
    public static ReportMeta meta(String softwareVersion, Path trialsDir, TrialRepository repo) {
        ReportMeta m = meta(softwareVersion, trialsDir);
        java.util.TreeMap<String, String> curveFiles = new java.util.TreeMap<>();
        repo.trials().forEach(t -> t.curves().forEach(c -> curveFiles.put(c.file().path(), sha256(c.file().content()))));
        if (curveFiles.isEmpty()) {
            return m;
        }
        List<ReportMeta.DataFile> all = new ArrayList<>(m.dataFiles());
        curveFiles.forEach((name, hash) -> all.add(new ReportMeta.DataFile(name, hash)));
        return new ReportMeta(m.softwareVersion(), all);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ build

    private void buildAll() {
        progress.accept("figure: ORR forest plot by " + r.biomarker() + " status");
        figure(FOREST_ORR, r.endpoint() + " per study and " + r.biomarker() + " subgroup, pooled per subgroup"
                + " (random effects, logit)", ForestPlotData.class, forestOrr());
        progress.accept("figure: odds ratio forest plot, " + r.biomarker() + "-mutant vs wild-type");
        ForestPlotData or = forestOr();
        if (or != null) {
            figure(FOREST_OR, "Odds ratio of " + r.endpoint() + ", " + r.biomarker()
                    + "-mutant vs wild-type, per study and pooled", ForestPlotData.class, or);
        }
        progress.accept("figure: median PFS by trial and subgroup");
        MedianChartData pfs = medianChart("PFS");
        if (pfs != null) {
            figure(MEDIAN_PFS, "Median progression-free survival by trial and subgroup", MedianChartData.class, pfs);
        }
        progress.accept("figure: preclinical median survival per arm");
        for (Map.Entry<String, BarChartData> e : barCharts().entrySet()) {
            figure(FileNames.of(e.getKey()) + "-median-survival", "Median survival per arm with increase in lifespan vs the"
                    + " control arm", BarChartData.class, e.getValue());
        }
        if (!curves.sets().isEmpty()) {
            progress.accept("figures: survival curves reconstructed from digitised figures");
            kmFigures = SurvivalCurvesSection.figures(curves, curvesSummary);
            for (SurvivalCurvesSection.KmFigure f : kmFigures) {
                figure(f.name(), f.caption(), SurvivalPlotData.class, f.data());
            }
            curvesTable = SurvivalCurvesSection.table(curvesSummary);
            json("survival-curves.json", curvesSummary);
        }
        progress.accept("tables: efficacy, comparisons, biomarker changes, data used");
        tables.add(efficacyTable());
        tables.add(comparisonTable());
        tables.add(biomarkerTable());
        tables.add(exclusionTable());
        Optional<LocalDate> date = Optional.ofNullable(r.dataDate()).map(LocalDate::parse);
        for (Table t : curvesTable == null ? tables : java.util.stream.Stream.concat(tables.stream(),
                java.util.stream.Stream.of(curvesTable)).toList()) {
            tableFiles(t, date);
        }
        progress.accept("figures and tables: network of randomised comparisons");
        for (NetworkSection.Graph g : NetworkSection.graphs(networks)) {
            draw(g.name(), g.figure());
        }
        networkSection = NetworkSection.build(networks, this::networkFigure);
        for (Table t : networkSection.tables()) {
            tableFiles(t, date);
        }
        drawFigures(); // analysis.json and index.html, like the tables, are made when the report is written
        json("analysis.json", new ReportAnalysisJson(AnalysisJson.of(r), networks));
        text("index.html", this::index);
    }

    private <T> void figure(String name, String caption, Class<T> type, T data) {
        Figure f;
        if (data instanceof ForestPlotData d) {
            f = new ForestPlot(d, FigureStyle.JOURNAL_PAGE);
        } else if (data instanceof MedianChartData d) {
            f = new MedianChart(d, FigureStyle.JOURNAL_PAGE);
        } else if (data instanceof BarChartData d) {
            f = new BarChart(d, FigureStyle.JOURNAL_PAGE);
        } else if (data instanceof SurvivalPlotData d) {
            f = new SurvivalPlot(d, FigureStyle.JOURNAL_PAGE);
        } else {
            throw new IllegalArgumentException("unknown figure data " + type);
        }
        draw(name, f);
        figures.add(new FigureEntry(name, caption, data));
    }

    /** The figure's files in every format, drawn later; their places in the report's file order are taken now. */
    private void draw(String name, Figure f) {
        for (Format fmt : formats) {
            files.put(figureFile(name, fmt), null);
        }
        drawings.add(new Drawing(name, f));
    }

    private record Drawing(String name, Figure figure) {}

    private static String figureFile(String name, Format fmt) {
        return "figures/" + name + "." + fmt.extension();
    }

    /**
     * Draws every figure's files ({@link FigureWriter#drawAll}: the first alone, then the others on every core, each
     * figure's formats in turn); the files keep the places {@link #draw} took (the seed report: 2.96 → 2.57 s on 2
     * cores, medians of 8 interleaved runs; every file identical).
     */
    private void drawFigures() {
        List<List<byte[]>> drawn = FigureWriter.drawAll(drawings,
                d -> formats.stream().map(fmt -> FigureWriter.bytes(d.figure(), fmt)).toList());
        for (int i = 0; i < drawings.size(); i++) {
            int j = 0;
            for (Format fmt : formats) {
                byte[] bytes = drawn.get(i).get(j++);
                files.put(figureFile(drawings.get(i).name(), fmt), out -> out.write(bytes));
            }
        }
        drawings.clear();
    }

    /** A table's files: {@code tables/ID.csv}, {@code .md}, {@code .html}, {@code .docx}. */
    private void tableFiles(Table t, Optional<LocalDate> date) {
        text("tables/" + t.id() + ".csv", out -> TableWriter.csv(t, out));
        text("tables/" + t.id() + ".md", out -> TableWriter.markdown(t, out));
        text("tables/" + t.id() + ".html", out -> TableWriter.html(t, out));
        files.put("tables/" + t.id() + ".docx", out -> TableWriter.docx(t, date, out));
    }

    /** A text file, written in UTF-8 by {@code text} when the report is written. */
    private void text(String name, Written.Body text) {
        files.put(name, out -> Written.utf8(out, text));
    }

    /** {@code value}'s JSON ({@link Json#write(Object, OutputStream)}), made when the report is written. */
    private void json(String name, Object value) {
        files.put(name, out -> Json.write(value, out));
    }

    // ------------------------------------------------------------------ figures

    /** "Trial, cut label", with the arm name when the trial has several arms with counts. */
    private String studyLabel(DataUse d) {
        long arms = r.proportions().stream().filter(p -> p.data().trial().equals(d.trial()))
                .map(p -> p.data().arm()).distinct().count();
        return d.trialName() + (arms > 1 ? " (" + armName(d) + ")" : "") + ", " + d.cutLabel();
    }

    /** A proportion and its CI as a percentage: rates are written in percent on figures as in the tables. */
    private static ForestPlotData.Estimate percent(double p, double lower, double upper) {
        return new ForestPlotData.Estimate(100 * p, 100 * lower, 100 * upper);
    }

    ForestPlotData forestOrr() {
        var b = ForestPlotData.builder()
                .title(r.endpoint() + " by " + r.biomarker() + " status")
                .effectLabel("Objective response rate (%)")
                .scale(AxisScale.LINEAR).nullValue(0).noNullLine().axisLimits(0, 100).digits(1)
                .columns(new Columns("Study, analysis cut", "", List.of("Responders/\nevaluable"), r.endpoint()
                        + ", % [95% CI]", "Weight"));
        Set<String> statuses = new TreeSet<>();
        for (PooledProportion p : r.pooledProportions()) {
            b.row(new Header(p.stratum().display(r.biomarker())));
            if (p.k() == 0) {
                b.row(new Text("No admitted study with counts"));
                continue;
            }
            RandomEffectsFit fit = p.fit();
            for (int i = 0; i < p.rows().size(); i++) {
                ProportionRow row = p.rows().get(i);
                statuses.add(row.data().status());
                Double w = fit == null ? null : fit.weights().get(i);
                b.row(new Study(studyLabel(row.data()), "", List.of(row.responders() + "/" + row.evaluable()),
                        Optional.of(percent(row.estimate(), row.ciLower(), row.ciUpper())), w,
                        StatusMarks.of(row.data().status())));
            }
            if (fit != null) {
                Pooled pooled = new Pooled("Random effects (" + fit.method() + ", logit), k = " + p.k(),
                        percent(fit.estimate(), fit.ciLower(), fit.ciUpper()), PooledKind.SUBGROUP,
                        100.0, Optional.empty());
                if (p.k() > 1 && fit.piLower() != null) {
                    pooled = pooled.withPrediction(100 * fit.piLower(), 100 * fit.piUpper());
                }
                b.row(pooled);
                if (p.k() > 1) {
                    b.row(new Text(heterogeneity(fit.heterogeneity())));
                }
            }
        }
        SubgroupTest t = r.subgroupTest();
        b.row(new Text("Test for subgroup differences (mutant vs wild-type): " + (t == null ? "not estimable"
                : "Q = " + Formats.fixed(t.q(), 2) + ", df = " + t.df() + ", " + pEquals("p", t.pval()))));
        b.footnote("Squares: study response rates (Clopper-Pearson 95% CI), area by weight; diamonds: pooled per subgroup.");
        b.footnote("One analysis cut per trial: the latest with counts (rule in the comparison table).");
        b.footnote("Overall is pooled separately and not part of the subgroup test.");
        StatusMarks.legendFor(statuses).forEach(b::footnote);
        return b.build();
    }

    /** "Heterogeneity: τ² = 0.123, I² = 45%, Q = 1.82 (df = 1), p = 0.18". */
    private static String heterogeneity(RandomEffectsFit.Heterogeneity h) {
        if (h.q() == null) {
            return "Heterogeneity: not estimable";
        }
        return "Heterogeneity: \u03c4\u00b2 = " + Formats.fixed(h.tau2(), 3) + ", I\u00b2 = " + Formats.fixed(h.i2(), 0)
                + "%, Q = " + Formats.fixed(h.q(), 2) + " (df = " + h.qDf() + "), " + pEquals("p", h.qPval());
    }

    /** A p-value in running text, as journals print it: "p = 0.18", "p < 0.001". */
    private static String pEquals(String name, Double p) {
        return Formats.pEquals(name, Formats.pJournal(p));
    }

    ForestPlotData forestOr() {
        List<SubgroupComparison> sel = r.comparisons().stream().filter(SubgroupComparison::selected).toList();
        if (sel.isEmpty()) {
            return null;
        }
        PooledEffect pe = pooled("OR");
        RandomEffectsFit re = pe.randomEffects();
        String bm = r.biomarker();
        var b = ForestPlotData.builder()
                .title("Odds ratio of " + r.endpoint() + ", " + bm + "-mutant vs wild-type")
                .effectLabel("Odds ratio (" + bm + "-mutant vs wild-type)")
                .scale(AxisScale.LOG)
                .favours("wild-type", bm + "-mutant")
                .columns(new Columns("Study, analysis cut", "", List.of("Mutant\nresp./eval.", "Wild-type\nresp./eval."),
                        "OR [95% CI]", "Weight"));
        Set<String> statuses = new TreeSet<>();
        for (int i = 0; i < sel.size(); i++) {
            SubgroupComparison c = sel.get(i);
            statuses.add(c.mutant().data().status());
            statuses.add(c.wildType().data().status());
            Double w = re == null ? null : re.weights().get(i);
            SubgroupComparison.Effect or = c.oddsRatio();
            Optional<ForestPlotData.Estimate> e = or.estimate() == null ? Optional.empty()
                    : Optional.of(new ForestPlotData.Estimate(or.estimate(), or.lower(), or.upper()));
            b.row(new Study(studyLabel(c.mutant().data()), "", List.of(c.x1() + "/" + c.n1(), c.x2() + "/" + c.n2()),
                    e, w, marks(c.mutant().data().status(), c.wildType().data().status())));
        }
        if (re != null) {
            Pooled p = new Pooled("Random effects (" + re.method() + "), k = " + pe.k(),
                    new ForestPlotData.Estimate(re.estimate(), re.ciLower(), re.ciUpper()), PooledKind.RANDOM, 100.0,
                    Optional.empty());
            if (pe.k() > 1 && re.piLower() != null) {
                p = p.withPrediction(re.piLower(), re.piUpper());
            }
            b.row(p);
        }
        PooledEffect.MantelHaenszelFit mh = pe.mantelHaenszel();
        if (mh != null && mh.ciLower() != null) {
            b.row(new Pooled("Mantel-Haenszel (fixed effect)", new ForestPlotData.Estimate(mh.estimate(), mh.ciLower(),
                    mh.ciUpper()), PooledKind.FIXED, null, Optional.empty()));
        }
        if (re != null) {
            b.row(new Text(heterogeneity(re.heterogeneity()) + "; random-effects test " + pEquals("p", re.pval())));
        }
        b.footnote("Study OR as metafor escalc (Woolf 95% CI); one analysis cut per trial, the latest with both subgroups.");
        for (SubgroupComparison c : r.comparisons()) {
            if (!c.selected()) {
                b.footnote("Not pooled: " + c.trialName() + ", " + c.cutLabel() + " (" + c.selection() + ").");
            }
        }
        StatusMarks.legendFor(statuses).forEach(b::footnote);
        return b.build();
    }

    private static String marks(String... statuses) {
        Set<String> m = new LinkedHashSet<>();
        for (String s : statuses) {
            String x = StatusMarks.of(s);
            if (!x.isEmpty()) {
                m.add(x);
            }
        }
        return String.join("", m);
    }

    MedianChartData medianChart(String endpoint) {
        List<MedianRow> rows = r.medians().stream().filter(m -> m.endpoint().equals(endpoint)).toList();
        if (rows.isEmpty()) {
            return null;
        }
        Set<String> units = new TreeSet<>();
        rows.forEach(m -> units.add(m.unit()));
        List<MedianChartData.Row> out = new ArrayList<>();
        Set<String> statuses = new TreeSet<>();
        String trial = null;
        for (MedianRow m : rows) {
            if (!m.data().trial().equals(trial)) {
                trial = m.data().trial();
                out.add(new MedianChartData.Header(m.data().trialName()));
            }
            statuses.add(m.data().status());
            String label = m.stratum() == null ? m.data().subgroup() : m.stratum().display(r.biomarker());
            List<String> left = List.of(m.data().cutLabel());
            MedianChartData.Entry e = switch (m.state()) {
                case "value" -> {
                    MedianChartData.Entry x = MedianChartData.Entry.reported(label, left, m.median(), m.ciLower(),
                            m.ciUpper());
                    yield m.ciUpperNotReached() ? x.withUpperNotReached() : x;
                }
                case "not_reached" -> MedianChartData.Entry.notReached(label, left, m.ciLower());
                default -> MedianChartData.Entry.notReported(label, left);
            };
            out.add(e.withMarker(StatusMarks.of(m.data().status())));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Dots: reported medians; whiskers: reported 95% CI where given (none drawn when not reported).");
        notes.addAll(StatusMarks.legendFor(statuses));
        return new MedianChartData("Median " + endpoint + " by trial and subgroup",
                "Median " + endpoint + " (" + String.join(", ", units) + ")",
                new MedianChartData.Columns("Subgroup", List.of("Analysis cut"), "Median [95% CI]"), out, notes,
                Optional.empty(), 1);
    }

    Map<String, BarChartData> barCharts() {
        Map<String, List<MedianContrastRow>> byTrial = new LinkedHashMap<>();
        for (MedianContrastRow m : r.lifespans()) {
            if (m.median1() != null) {
                byTrial.computeIfAbsent(m.treated().trial(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, BarChartData> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<MedianContrastRow>> e : byTrial.entrySet()) {
            List<BarChartData.Bar> bars = new ArrayList<>();
            Set<String> statuses = new TreeSet<>();
            String controlName = null;
            String unit = e.getValue().get(0).unit();
            for (MedianContrastRow m : e.getValue()) {
                statuses.add(m.treated().status());
                String armName = armName(m.treated());
                String mark = StatusMarks.of(m.treated().status());
                String valueText = Formats.fixed(m.median1(), 0) + mark;
                if (m.kind().equals("control")) {
                    controlName = armName;
                    bars.add(new BarChartData.Bar(armName + "\n(control)", m.median1(), valueText, "", true));
                } else {
                    String ann = m.percentIncrease() == null ? "" : (m.percentIncrease() >= 0 ? "+" : "")
                            + Formats.fixed(m.percentIncrease(), 0) + "% vs " + armName(m.reference());
                    bars.add(new BarChartData.Bar(armName, m.median1(), valueText, ann, false));
                }
            }
            List<String> notes = new ArrayList<>();
            notes.add("Increase in lifespan = (median treated / median " + (controlName == null ? "control" : controlName)
                    + " \u2212 1) \u00d7 100; no CI (no animal-level data).");
            notes.addAll(StatusMarks.legendFor(statuses));
            String title = repo.trial(e.getKey()).map(t -> t.name()).orElse(e.getKey());
            out.put(e.getKey(), new BarChartData(title, "Median survival (" + unit + ")", bars, notes, 0,
                    Optional.empty()));
        }
        return out;
    }

    private String armName(DataUse d) {
        return repo.trial(d.trial()).flatMap(t -> t.arm(d.arm())).map(a -> a.name()).orElse(d.arm());
    }

    // ------------------------------------------------------------------ tables

    private String subgroupName(DataUse d, Stratum s) {
        return s == null ? d.subgroup() : s.display(r.biomarker());
    }

    private static String cutText(DataUse d) {
        return d.cutLabel() + (d.cutoff() == null ? "" : " (" + d.cutoff() + ")");
    }

    private static String medianText(MedianRow m) {
        String mark = StatusMarks.of(m.data().status());
        return switch (m.state()) {
            case "value" -> Formats.fixed(m.median(), 1) + (m.ciLower() == null ? "" : " " + Formats.ci(
                    Formats.fixed(m.ciLower(), 1), m.ciUpperNotReached() ? "NR" : Formats.fixed(m.ciUpper(), 1),
                    CiStyle.PAREN_DASH)) + mark;
            case "not_reached" -> "NR" + mark;
            default -> "not reported" + mark;
        };
    }

    Table efficacyTable() {
        record Key(String trial, String arm, String subgroup, String cut) {}
        Map<Key, ProportionRow> orr = new LinkedHashMap<>();
        Map<Key, Map<String, MedianRow>> med = new LinkedHashMap<>();
        Map<Key, DataUse> order = new LinkedHashMap<>();
        Map<Key, Stratum> strata = new LinkedHashMap<>();
        for (ProportionRow p : r.proportions()) {
            Key k = new Key(p.data().trial(), p.data().arm(), p.data().subgroup(), p.data().cut());
            orr.put(k, p);
            order.putIfAbsent(k, p.data());
            strata.put(k, p.stratum());
        }
        for (MedianRow m : r.medians()) {
            Key k = new Key(m.data().trial(), m.data().arm(), m.data().subgroup(), m.data().cut());
            med.computeIfAbsent(k, x -> new LinkedHashMap<>()).putIfAbsent(m.endpoint(), m);
            order.putIfAbsent(k, m.data());
            strata.putIfAbsent(k, m.stratum());
        }
        List<Key> keys = new ArrayList<>(order.keySet());
        keys.sort(java.util.Comparator.comparing(Key::trial)); // stable: keeps file order within a trial
        List<List<String>> rows = new ArrayList<>();
        Set<String> statuses = new TreeSet<>();
        for (Key k : keys) {
            DataUse d = order.get(k);
            ProportionRow p = orr.get(k);
            Map<String, MedianRow> ms = med.getOrDefault(k, Map.of());
            Set<String> sources = new TreeSet<>();
            Set<String> st = new TreeSet<>();
            if (p != null) {
                sources.add(p.data().source());
                st.add(p.data().status());
            }
            ms.values().forEach(m -> {
                sources.add(m.data().source());
                st.add(m.data().status());
            });
            statuses.addAll(st);
            rows.add(List.of(d.trialName(), armName(d), subgroupName(d, strata.get(k)), cutText(d),
                    p == null ? "" : String.valueOf(p.evaluable()), p == null ? "" : String.valueOf(p.responders()),
                    p == null ? "" : percentCi(p.estimate(), p.ciLower(), p.ciUpper())
                            + StatusMarks.of(p.data().status()),
                    ms.containsKey("PFS") ? medianText(ms.get("PFS")) : "",
                    ms.containsKey("OS") ? medianText(ms.get("OS")) : "",
                    ms.containsKey("DOR") ? medianText(ms.get("DOR")) : "",
                    String.join("; ", sources), String.join(", ", st)));
        }
        List<String> notes = new ArrayList<>();
        notes.add(r.endpoint() + ": responders/evaluable with exact (Clopper-Pearson) 95% CI. Medians in the"
                + " unit reported (months for the clinical trials) with the reported 95% CI; NR = not reached; empty ="
                + " no datum at this trial, subgroup and cut.");
        notes.add("Statuses admitted: " + String.join(", ", r.statuses()) + "; data left out are listed in the"
                + " data-used table.");
        notes.addAll(StatusMarks.legendFor(statuses));
        return new Table("efficacy", "Efficacy by trial, subgroup and analysis cut",
                List.of("Trial", "Arm", "Subgroup", "Analysis cut (cut-off)", "n", "Responders",
                        r.endpoint() + " (95% CI)", "Median PFS (95% CI)", "Median OS (95% CI)",
                        "Median DOR (95% CI)", "Source", "Status"), rows, notes);
    }

    Table comparisonTable() {
        List<List<String>> rows = new ArrayList<>();
        Set<String> statuses = new TreeSet<>();
        String ep = r.endpoint();
        for (SubgroupComparison c : r.comparisons()) {
            statuses.add(c.mutant().data().status());
            statuses.add(c.wildType().data().status());
            rows.add(List.of(ep, c.trialName(), c.cutLabel() + (c.cutoff() == null ? "" : " (" + c.cutoff() + ")"),
                    c.x1() + "/" + c.n1() + " (" + Formats.percent((double) c.x1() / c.n1(), 1) + ")"
                            + StatusMarks.of(c.mutant().data().status()),
                    c.x2() + "/" + c.n2() + " (" + Formats.percent((double) c.x2() / c.n2(), 1) + ")"
                            + StatusMarks.of(c.wildType().data().status()),
                    pp(c.riskDifference().estimate(), c.riskDifference().lower(), c.riskDifference().upper()),
                    ratio(c.riskRatio().estimate(), c.riskRatio().lower(), c.riskRatio().upper()),
                    ratio(c.oddsRatio().estimate(), c.oddsRatio().lower(), c.oddsRatio().upper()),
                    pEquals("Fisher exact p", c.fisher().p()),
                    c.selected() ? "yes" : "no: " + c.selection()));
        }
        PooledEffect or = pooled("OR");
        PooledEffect rr = pooled("RR");
        PooledEffect rd = pooled("RD");
        if (or.k() > 0) {
            RandomEffectsFit orRe = or.randomEffects();
            rows.add(List.of(ep, "Pooled, random effects (" + (orRe == null ? "REML" : orRe.method()) + "), k = " + or.k(),
                    "one cut per trial", "", "", pooledRd(rd.randomEffects()), pooledRatio(rr.randomEffects()),
                    pooledRatio(orRe), orRe == null ? Formats.MISSING : "z test " + pEquals("p (OR)", orRe.pval()) + "; "
                            + heterogeneity(orRe.heterogeneity()), ""));
            PooledEffect.MantelHaenszelFit orMh = or.mantelHaenszel();
            rows.add(List.of(ep, "Pooled, Mantel-Haenszel, k = " + or.k(), "one cut per trial", "", "",
                    rd.mantelHaenszel() == null ? Formats.MISSING : pp(rd.mantelHaenszel().estimate(),
                            rd.mantelHaenszel().ciLower(), rd.mantelHaenszel().ciUpper()),
                    pooledRatio(rr.mantelHaenszel()), pooledRatio(orMh),
                    orMh == null ? Formats.MISSING : "z test " + pEquals("p (OR)", orMh.pval()), ""));
        }
        SubgroupTest t = r.subgroupTest();
        if (t != null) {
            PooledProportion m = r.pooledProportions().get(0);
            PooledProportion w = r.pooledProportions().get(1);
            rows.add(List.of(ep, "Pooled rates (REML, logit), k = " + m.k() + " and " + w.k(), "one cut per trial",
                    percentCi(m.fit().estimate(), m.fit().ciLower(), m.fit().ciUpper()),
                    percentCi(w.fit().estimate(), w.fit().ciLower(), w.fit().ciUpper()), "", "", "",
                    "subgroup difference Q = " + Formats.fixed(t.q(), 2) + ", df = " + t.df() + ", "
                            + pEquals("p", t.pval()), ""));
        }
        for (MedianContrastRow m : r.medianContrasts()) {
            statuses.add(m.treated().status());
            statuses.add(m.reference().status());
            String unit = " " + m.unit();
            rows.add(List.of("median " + m.endpoint(), m.treated().trialName(), cutText(m.treated()),
                    (m.median1() == null ? "NR/not reported" : Formats.fixed(m.median1(), 1) + unit)
                            + StatusMarks.of(m.treated().status()),
                    (m.median2() == null ? "NR/not reported" : Formats.fixed(m.median2(), 1) + unit)
                            + StatusMarks.of(m.reference().status()),
                    m.difference() == null ? Formats.MISSING : Formats.estimateCi(m.difference(), m.diffLower(),
                            m.diffUpper(), 1, CiStyle.PAREN_DASH) + unit
                            + (m.diffLower() == null ? " (no CI)" : ""),
                    m.ratio() == null ? Formats.MISSING : ratio(m.ratio(), m.ratioLower(), m.ratioUpper())
                            + (m.ratioLower() == null ? " (no CI)" : ""),
                    "", "no test (no CIs or patient-level data)", ""));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Mutant vs wild-type. Risk difference in percentage points (Wald 95% CI, as metafor escalc RD);"
                + " risk ratio and odds ratio as metafor escalc (log-scale Wald 95% CI); Fisher's exact test two-sided.");
        notes.add("Pooling: " + r.cutRule() + ".");
        notes.add("Median contrasts: difference and ratio of the reported medians (MedianComparison): a CI only when"
                + " both medians have a reported CI (SE of the log median from the CI, independent groups).");
        notes.addAll(StatusMarks.legendFor(statuses));
        return new Table("comparison", r.biomarker() + "-mutant vs wild-type comparisons",
                List.of("Endpoint", "Trial / analysis", "Analysis cut", r.biomarker() + "-mutant", "Wild-type",
                        "Difference (95% CI)", "Risk or median ratio (95% CI)", "Odds ratio (95% CI)", "Test",
                        "Used in pooled"), rows, notes);
    }

    private PooledEffect pooled(String measure) {
        return r.pooledEffects().stream().filter(p -> p.measure().equals(measure)).findFirst().orElseThrow();
    }

    /** A difference of proportions in percentage points with its CI: "26.6 (10.1–43.0) pp". */
    private static String pp(Double d, Double lo, Double hi) {
        if (d == null) {
            return Formats.MISSING;
        }
        return Formats.estimateCi(100 * d, lo == null ? null : 100 * lo, hi == null ? null : 100 * hi, 1,
                CiStyle.PAREN_DASH) + " pp";
    }

    /** A rate in percent with its CI: "43.9% (30.7–57.6)". */
    private static String percentCi(Double p, Double lo, Double hi) {
        return Formats.percentCi(p, lo, hi, 1, CiStyle.PAREN_DASH);
    }

    /** A ratio with its CI: "3.73 (1.54–9.08)". */
    private static String ratio(Double v, Double lo, Double hi) {
        return Formats.estimateCi(v, lo, hi, 2, CiStyle.PAREN_DASH);
    }

    private static String pooledRd(RandomEffectsFit f) {
        return f == null ? Formats.MISSING : pp(f.estimate(), f.ciLower(), f.ciUpper());
    }

    private static String pooledRatio(RandomEffectsFit f) {
        return f == null ? Formats.MISSING : ratio(f.estimate(), f.ciLower(), f.ciUpper());
    }

    private static String pooledRatio(PooledEffect.MantelHaenszelFit f) {
        return f == null ? Formats.MISSING : ratio(f.estimate(), f.ciLower(), f.ciUpper());
    }

    Table biomarkerTable() {
        List<List<String>> rows = new ArrayList<>();
        Set<String> statuses = new TreeSet<>();
        for (BiomarkerRow b : r.biomarkerChanges()) {
            statuses.add(b.data().status());
            rows.add(List.of(b.data().trialName(), b.marker(), b.compartment().replace('_', ' '), b.direction(),
                    b.magnitude() == null ? "not given" : TrialText.magnitude(b.magnitude()), cutText(b.data()), b.data().source(),
                    b.data().status() + (StatusMarks.of(b.data().status()).isEmpty() ? "" : " "
                            + StatusMarks.of(b.data().status()))));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Pharmacodynamic changes on treatment as curated; statuses admitted: " + String.join(", ",
                r.statuses()) + ".");
        notes.addAll(StatusMarks.legendFor(statuses));
        return new Table("biomarker-changes", "Biomarker changes on treatment",
                List.of("Trial", "Marker", "Compartment", "Direction", "Magnitude", "Analysis cut", "Source", "Status"),
                rows, notes);
    }

    Table exclusionTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Exclusion e : r.exclusions()) {
            DataUse d = e.data();
            rows.add(List.of(e.analysis(), d.trialName(), d.arm(), d.subgroup(), cutText(d), d.endpoint(), d.status(),
                    d.source(), e.reason()));
        }
        return new Table("data-excluded", "Data left out of the analyses, and why",
                List.of("Analysis", "Trial", "Arm", "Subgroup", "Analysis cut", "Endpoint", "Status", "Source", "Reason"),
                rows, List.of("Statuses admitted: " + String.join(", ", r.statuses()) + "."));
    }

    // ------------------------------------------------------------------ index.html


    /**
     * The page: a navigation made from {@link #sections()} and the sections in order. To add a section, add an
     * {@link Html.Section} (anchor id, heading, navigation entries, body) to {@link #sections()}.
     */
    private void index(Writer out) throws IOException {
        String date = r.dataDate() == null ? "not recorded" : r.dataDate();
        StringBuilder intro = new StringBuilder();
        intro.append("<p>Data as of <strong>").append(Escape.html(date)).append("</strong> (the latest cut-off date in"
                + " the data; the report carries no clock time, so the same data give the same files). Statuses admitted:"
                + " <strong>").append(Escape.html(String.join(", ", r.statuses()))).append("</strong>. Pooling rule: ")
                .append(Escape.html(r.cutRule())).append(".</p>\n");
        intro.append("<p class=\"at-a-glance\">").append(figures.size()).append(figures.size() == 1 ? " figure, "
                : " figures, ").append(tables.size()).append(tables.size() == 1 ? " table. " : " tables. ")
                .append("<a href=\"#reviewer-check\">Reviewer check</a>: ").append(check.counts())
                .append(".</p>\n");
        Html.page("trialmeta report: " + r.biomarker() + "-mutant vs wild-type and efficacy summary",
                intro.toString(), sections(), out);
    }

    /** The sections of {@code index.html}, in page order; each gives its anchor, heading and navigation entries. */
    private List<Html.Section> sections() {
        List<Html.Section> s = new ArrayList<>();
        s.add(new Html.Section("legend", "Data status legend", List.of(), legend()));
        s.add(new Html.Section("figures", "Figures", figureNav(figures), figuresHtml(figures)));
        s.add(new Html.Section("survival-curves", "Survival curves", curvesTable == null ? List.of()
                : List.of(new Html.NavItem("table-" + curvesTable.id(), curvesTable.title())), survivalCurves()));
        s.add(new Html.Section("tables", "Tables", tableNav(), this::tablesHtml));
        s.add(new Html.Section("network", "Network of randomised comparisons", networkSection.nav(),
                networkSection.html()));
        s.add(new Html.Section("reviewer-check", "Reviewer check", List.of(
                new Html.NavItem(CheckText.ISSUES_ID, "Errors and warnings"),
                new Html.NavItem(CheckText.INFO_ID, "Info findings")), this::reviewerCheck));
        s.add(new Html.Section("sources", "Sources", List.of(), sourcesHtml()));
        s.add(new Html.Section("versions", "Software and data versions", List.of(), versionsHtml()));
        return s;
    }

    private static String legend() {
        StringBuilder h = new StringBuilder("<ul>\n");
        for (String l : StatusMarks.legend()) {
            h.append("<li>").append(Escape.html(l)).append("</li>\n");
        }
        return h.append("</ul>\n").toString();
    }

    /** "Figure N. caption" entries for the navigation, in the order of {@code entries}. */
    private static List<Html.NavItem> figureNav(List<FigureEntry> entries) {
        List<Html.NavItem> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(new Html.NavItem(figureId(entries.get(i)), "Figure " + (i + 1) + ". " + entries.get(i).caption()));
        }
        return out;
    }

    private static String figureId(FigureEntry f) {
        return "fig-" + f.name();
    }

    /** The figures, numbered from 1, each with its download links. */
    private String figuresHtml(List<FigureEntry> entries) {
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            figureHtml(h, entries.get(i), "Figure " + (i + 1) + ". ");
        }
        return h.toString();
    }

    /**
     * One figure: the image (SVG when written, else PNG), the caption and a link to each file written (PNG, SVG,
     * PDF, PPTX, in that order), under the image.
     */
    private void figureHtml(StringBuilder h, FigureEntry f, String number) {
        String main = formats.contains(Format.SVG) ? "svg" : formats.contains(Format.PNG) ? "png" : null;
        String base = "figures/" + f.name();
        h.append("<figure id=\"").append(Escape.html(figureId(f))).append("\">\n");
        if (main != null) {
            h.append("<img src=\"").append(Escape.html(base)).append('.').append(main).append("\" alt=\"")
                    .append(Escape.html(f.caption())).append("\">\n");
        }
        h.append("<figcaption>").append(Escape.html(number + f.caption())).append(".</figcaption>\n");
        if (!formats.isEmpty()) {
            h.append("<p class=\"downloads\">Download: ");
            List<Format> fs = List.copyOf(formats); // EnumSet: PNG, SVG, PDF, PPTX
            for (int i = 0; i < fs.size(); i++) {
                if (i > 0) {
                    h.append(" \u00b7 ");
                }
                h.append("<a href=\"").append(Escape.html(base)).append('.').append(fs.get(i).extension())
                        .append("\" download title=\"").append(Escape.html(DOWNLOAD_TITLES.get(fs.get(i)))).append("\">")
                        .append(fs.get(i).extension().toUpperCase(Locale.ROOT)).append("</a>");
            }
            h.append("</p>\n");
        }
        h.append("</figure>\n");
    }

    /** What each figure file is, as the download link's tooltip. */
    private static final Map<Format, String> DOWNLOAD_TITLES = Map.of(
            Format.PNG, "PNG image, 300 dpi",
            Format.SVG, "SVG vector image",
            Format.PDF, "PDF, vector, fonts embedded",
            Format.PPTX, "PowerPoint slide, editable shapes");

    /**
     * The survival-curves section's body, starting with {@link #SURVIVAL_CURVES_MARKER}: the digitised curves'
     * figures, table and notes ({@link SurvivalCurvesSection}) when a trial file has curves, else why there are none.
     */
    private String survivalCurves() {
        if (curvesTable != null) {
            return SURVIVAL_CURVES_MARKER + '\n' + SurvivalCurvesSection.html(curvesSummary, kmFigures, curvesTable);
        }
        return SURVIVAL_CURVES_MARKER + '\n'
                + "<p>The trial files hold no patient-level data and no digitised survival curves (the seed"
                        + " studies publish medians only), so no Kaplan-Meier curve is drawn from them; reported medians"
                        + " are in the median chart above. For patient-level data: <code>trialmeta km --input IPD.csv"
                        + " --time T --event E --group G --plot km.svg</code>; for a published curve, digitise it and"
                        + " rebuild the patient data first with <code>trialmeta reconstruct --curve POINTS.csv --at-risk"
                        + " RISK.csv --out IPD.csv</code> (Guyot et al. 2012).</p>\n";
    }

    private List<Html.NavItem> tableNav() {
        List<Html.NavItem> out = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            out.add(new Html.NavItem("table-" + tables.get(i).id(), "Table " + (i + 1) + ". " + tables.get(i).title()));
        }
        return out;
    }

    private void tablesHtml(Writer out) throws IOException {
        for (Table t : tables) {
            tableHtml(t, out);
        }
    }

    /** A table as the page shows it: the table, then links to its files ({@link #tableFiles}). */
    static void tableHtml(Table t, Writer out) throws IOException {
        TableWriter.htmlFragment(t, out);
        StringBuilder h = new StringBuilder("<p class=\"downloads\">Download: ");
        links(h, "tables/" + t.id(), List.of("csv", "md", "html", "docx"));
        out.append(h).append("</p>\n");
    }

    private String sourcesHtml() {
        StringBuilder h = new StringBuilder("<ul>\n");
        for (Source s : repo.sources()) {
            h.append("<li id=\"source-").append(Escape.html(s.id())).append("\"><code>").append(Escape.html(s.id()))
                    .append("</code>: ").append(Escape.html(s.citation())).append(" (").append(Escape.html(
                            s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append(')');
            s.doi().ifPresent(d -> h.append(" <a href=\"https://doi.org/").append(Escape.html(d)).append("\">doi:")
                    .append(Escape.html(d)).append("</a>"));
            s.pmid().ifPresent(p -> h.append(" <a href=\"https://pubmed.ncbi.nlm.nih.gov/").append(Escape.html(p))
                    .append("/\">PMID ").append(Escape.html(p)).append("</a>"));
            s.url().ifPresent(u -> h.append(" <a href=\"").append(Escape.html(u)).append("\">link</a>"));
            s.note().ifPresent(n -> h.append(". <em>").append(Escape.html(n)).append("</em>"));
            h.append("</li>\n");
        }
        return h.append("</ul>\n").toString();
    }

    private String versionsHtml() {
        StringBuilder h = new StringBuilder("<p>").append(Escape.html(meta.softwareVersion()))
                .append(". Full analysis results: <a href=\"analysis.json\">analysis.json</a>.</p>\n");
        h.append("<table class=\"data\" id=\"table-data-files\"><caption>Trial files (SHA-256)</caption>\n<thead><tr>"
                + "<th>File</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
        for (ReportMeta.DataFile f : meta.dataFiles()) {
            h.append("<tr><td>").append(Escape.html(f.name())).append("</td><td><code>").append(Escape.html(f.sha256()))
                    .append("</code></td></tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /** A network graph of the "Network" section, shown as the figures of the "Figures" section are. */
    private String networkFigure(String name) {
        NetworkSection.Graph g = NetworkSection.graphs(networks).stream().filter(x -> x.name().equals(name))
                .findFirst().orElseThrow();
        StringBuilder h = new StringBuilder();
        figureHtml(h, new FigureEntry(g.name(), g.caption(), g.figure()), "");
        return h.toString();
    }

    /** Download links to {@code base.EXT} for each extension, separated by middle dots. */
    private static void links(StringBuilder h, String base, List<String> exts) {
        for (int i = 0; i < exts.size(); i++) {
            if (i > 0) {
                h.append(" \u00b7 ");
            }
            h.append("<a href=\"").append(Escape.html(base)).append('.').append(exts.get(i)).append("\" download>")
                    .append(exts.get(i).toUpperCase(Locale.ROOT)).append("</a>");
        }
    }

    /**
     * The reviewer check's section: {@link #REVIEWER_CHECK_MARKER}, one sentence on what it does, the counts, the
     * errors and warnings in a table, and the info findings in a collapsed {@code <details>}.
     */
    private void reviewerCheck(Writer out) throws IOException {
        out.append(REVIEWER_CHECK_MARKER + '\n'
                + "<p>Every reported figure the data allow is recomputed from the counts, and sources and cuts of the"
                + " same figure are compared (<code>trialmeta check</code>; hover a rule for its sentence).</p>\n");
        check.html().to(out);
    }
}

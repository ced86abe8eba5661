package org.trialmeta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.AnalysisResults;
import org.trialmeta.analysis.EfficacyAnalysis;
import org.trialmeta.analysis.SurvivalCurveAnalysis;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.TrialNetwork;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.model.InputException;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.Report;
import org.trialmeta.report.ReportMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta report}: every analysis over the repository into one HTML page plus figure and table files.
 * Parse → {@link EfficacyAnalysis} and {@link ReviewerCheck} → {@link Report} lays the results out → files.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs every analysis over the trials and writes index.html (a navigation to every section,"
                + " figure and table; figures inline with a download link per format; tables; the reviewer check, errors"
                + " and warnings first; data-status legend, sources, software and data versions; fits a laptop screen"
                + " and prints on A4), each figure (PNG 300 dpi / SVG / PDF / PPTX), each table (CSV, Markdown, HTML,"
                + " DOCX) and analysis.json.",
            "Reproducible: the date shown is the latest date in the data, never the clock. Nothing is written when an"
                + " analysis or a figure fails; each file is replaced atomically."})
public final class ReportCommand implements Callable<Integer> {

    /** Statuses the report admits by default: all, every non-confirmed datum marked in figures and tables. */
    public static final String REPORT_DEFAULT_STATUSES = "confirmed,secondary,unverified,derived";

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = "png,svg,pdf,pptx",
            description = "Figure formats, comma-separated: png, svg, pdf, pptx (editable slides) (default: ${DEFAULT-VALUE}).")
    String formats;

    @Option(names = "--statuses", paramLabel = "LIST", defaultValue = REPORT_DEFAULT_STATUSES,
            description = "Evidence statuses admitted, comma-separated (default: ${DEFAULT-VALUE}: every datum is shown,"
                    + " non-confirmed ones marked; use confirmed,secondary,derived to leave unverified data out).")
    String statuses;

    @Override
    public Integer call() {
        EnumSet<FigureWriter.Format> fs;
        try {
            fs = FigureWriter.Format.parseList(formats);
        } catch (IllegalArgumentException e) {
            throw new InputException("--formats: " + e.getMessage());
        }
        StatusFilter filter = StatusFilter.parse(statuses);
        OutputPaths.reportDirectory("--out", out, trials.dir);
        PrintWriter o = spec.commandLine().getOut();
        o.println("report: loading trials from " + trials.dir);
        o.flush();
        TrialRepository repo = trials.load(spec.commandLine().getErr());
        o.println("report: analyses (statuses admitted: " + filter.describe() + ")");
        o.flush();
        AnalysisResults results = EfficacyAnalysis.run(repo, filter);
        o.println("report: reviewer check");
        o.flush();
        // laid out at once, so that the findings are not held while the figures are drawn (8,000 trial files: 18 MB)
        Report.CheckSection check = Report.CheckSection.of(ReviewerCheck.run(repo));
        SurvivalCurveAnalysis.Result curves = SurvivalCurveAnalysis.run(repo, filter);
        ReportMeta meta = Report.meta(version(), trials.dir, repo);
        Report.Built built = Report.build(repo, results, check, curves, TrialNetwork.all(repo, filter), meta, fs,
                line -> {
            o.println("report: " + line);
            o.flush();
        });
        o.println("report: writing " + built.contents().size() + " files to " + out);
        o.flush(); // the tables, analysis.json and index.html are made as they are written: the longest step
        List<Path> written = Report.write(built, out);
        for (Path p : written) {
            o.println(p);
        }
        o.flush();
        return ExitCodes.OK;
    }

    /** "trialmeta VERSION" as in the jar manifest ("development" when run from classes). */
    static String version() {
        return new VersionProvider().getVersion()[0];
    }
}

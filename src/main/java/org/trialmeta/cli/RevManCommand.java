package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.RevManAnalysis;
import org.trialmeta.analysis.RevManVerify;
import org.trialmeta.model.InputException;
import org.trialmeta.present.RevManSummary;
import org.trialmeta.present.RevManText;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.ForestPlot;
import org.trialmeta.report.RevManForest;
import org.trialmeta.repository.AtomicFiles;
import org.trialmeta.repository.RevManCsvReader;
import org.trialmeta.repository.RevManReader;
import org.trialmeta.repository.RevManReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta revman FILE.rm5}: every analysis of a RevMan 5 review recomputed from its study data with RevMan's
 * algorithms ({@link org.trialmeta.stats.meta.RevMan5}), as a table or JSON, optionally with one forest plot per
 * analysis and a comparison with the results stored in the file. Parse → recompute → (verify) → render.
 */
@Command(
        name = "revman",
        mixinStandardHelpOptions = true,
        description = {
            "Recompute every analysis of a RevMan 5 review (.rm5, or RevMan's CSV export of 'Data and analyses')",
            "from its study data with RevMan 5's algorithms (Deeks & Higgins 2010): M-H, IV, Peto, O-E;",
            "fixed or DerSimonian-Laird random effects; subgroups and the test for subgroup differences.",
            "Exit 1 with --verify when a result stored in the file disagrees."
        })
public final class RevManCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.rm5", description = "RevMan 5 review (.rm5) or its CSV data export (.csv).")
    Path file;

    @Mixin
    FormatOption format;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write one forest plot per analysis into DIR.")
    Path plots;

    @Option(names = "--formats", defaultValue = "png", paramLabel = "png,svg,pdf",
            description = "Figure formats for --plots. Default: ${DEFAULT-VALUE}.")
    String formats;

    @Option(names = "--verify", description = "Compare the recomputed results with those stored in the file and list "
            + "every difference and data anomaly; exit 1 when a stored result disagrees.")
    boolean verify;

    @Override
    public Integer call() {
        format.validate();
        EnumSet<FigureWriter.Format> figureFormats = plots == null ? null : figureFormats();
        RevManReview review = read(file);
        List<RevManAnalysis> analyses = RevManAnalysis.of(review);
        List<RevManVerify.Finding> findings = verify ? RevManVerify.verify(review, analyses) : null;
        RevManSummary summary = RevManSummary.of(review.title(), analyses, findings);
        if (plots != null) {
            writePlots(summary, figureFormats);
        }
        format.stream(spec.commandLine().getOut(), summary, (s, out) -> out.print(RevManText.render(s)));
        return findings != null && RevManVerify.anyMismatch(findings) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** A .csv file is RevMan's data export; anything else is read as an .rm5 review. */
    static RevManReview read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? RevManCsvReader.read(file) : RevManReader.read(file);
    }

    private EnumSet<FigureWriter.Format> figureFormats() {
        try {
            return FigureWriter.Format.parseList(formats);
        } catch (IllegalArgumentException e) {
            throw new InputException("--formats: " + e.getMessage());
        }
    }

    private void writePlots(RevManSummary summary, EnumSet<FigureWriter.Format> figureFormats) {
        List<RevManSummary.Analysis> analyses = summary.analyses();
        List<String> names = RevManForest.fileNames(analyses);
        for (String name : names) {
            for (Path f : FigureWriter.files(plots, name, figureFormats)) {
                OutputPaths.notAnInput("--plots", f, "FILE.rm5", file);
            }
        }
        AtomicFiles.createDirectories(plots);   // a file in the way: exit 2 as for every output path
        List<Plot> figures = new ArrayList<>();
        for (int i = 0; i < analyses.size(); i++) {
            String name = names.get(i);
            RevManForest.of(analyses.get(i)).ifPresent(d -> figures.add(new Plot(name, new ForestPlot(d))));
        }
        // every plot's size checked before any is drawn (exit 2, nothing written); then drawn on every core, each file
        // written whole by one thread
        for (Plot p : figures) {
            FigureWriter.checkSize(p.figure(), plots, p.name(), figureFormats);
        }
        FigureWriter.drawAll(figures, p -> FigureWriter.write(p.figure(), plots, p.name(), figureFormats));
    }

    private record Plot(String name, ForestPlot figure) {}
}

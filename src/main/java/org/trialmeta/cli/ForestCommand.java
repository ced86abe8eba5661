package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.present.Formats;
import org.trialmeta.present.JournalStyle;
import org.trialmeta.present.PoolSummary;
import org.trialmeta.report.FigureStyle;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.ForestPlot;
import org.trialmeta.report.ForestPlotData;
import org.trialmeta.report.PoolForest;
import org.trialmeta.repository.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta forest}: the forest plot of a meta-analysis of the user's CSV, in a journal's style, drawn from
 * exactly the numbers {@code pool} prints (the same options, one computation), to PNG, SVG, PDF or editable PPTX.
 */
@Command(name = "forest", mixinStandardHelpOptions = true,
        description = {"Forest plot of a meta-analysis of your CSV (the numbers of 'trialmeta pool' with the same options),",
            "in the style of RevMan 5, JAMA, The BMJ or metafor; to .png (300 dpi), .svg, .pdf or .pptx (editable shapes).",
            "Optional columns: label_1,label_2 (group names; experimental first), year (for --sort year)."})
public final class ForestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PoolOptions pool;

    @Mixin
    ForestOptions figure;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Output file: .png, .svg, .pdf or .pptx; repeat for several formats.")
    List<Path> out;

    /** The figure settings of a {@code forest} call. */
    record Settings(PoolForest.Options options, String[] favours, FigureStyle figureStyle, int dpi) {
    }

    @Override
    public Integer call() {
        Settings settings = figure.settings();
        FigureFiles.formats("--out", out, "--input", pool.input.file);
        PoolOptions.Prepared p = pool.prepare();
        PoolSummary summary = PoolSummary.of(p.fit(pool.input.file.toString()));
        draw(summary, p, settings, "--out", out, spec);
        return ExitCodes.OK;
    }

    /** {@code forest}'s defaults, for {@code pool --plot}. */
    static Settings defaults() {
        return new Settings(new PoolForest.Options(JournalStyle.META, "", null, PoolForest.Sort.INPUT, Optional.empty(), true),
                null, FigureStyle.JOURNAL_PAGE, org.trialmeta.report.FigureWriter.DEFAULT_DPI);
    }

    /** Draws the forest plot of {@code summary} to each of {@code files} of {@code option} (format from the extension). */
    static void draw(PoolSummary summary, PoolOptions.Prepared p, Settings settings, String option, List<Path> files,
            CommandSpec spec) {
        CsvTable t = p.table();
        String[] groupLabels = {t.hasColumn("label_1") ? t.string("label_1", 0) : "Experimental",
            t.hasColumn("label_2") ? t.string("label_2", 0) : "Control"};
        int[] years = settings.options().sort() == PoolForest.Sort.YEAR ? t.requireColumns("year").counts("year") : null;
        settings.options().axisLimits().filter(r -> PoolForest.logScale(p.studies().measure()) && !(r.lower() > 0))
                .ifPresent(r -> {
                    throw new InputException("--xlim: '" + Formats.general(r.lower()) + "," + Formats.general(r.upper())
                            + "' (" + p.studies().measure() + " is drawn on a log scale: both limits must be above 0)");
                });
        ForestPlotData data = PoolForest.of(summary, p.studies(), p.groups(), years, groupLabels, settings.options());
        ForestPlot figure;
        try {
            figure = new ForestPlot(data, settings.figureStyle());
        } catch (IllegalArgumentException e) {
            if (settings.figureStyle().targetHeight() > 0) {
                throw new InputException("--height-cm: " + e.getMessage());
            }
            throw e;
        }
        Path input = t.name() == null ? null : Path.of(t.name());
        FigureFiles.write(figure, files, FigureFiles.formats(option, files, "--input", input), settings.dpi(),
                spec.commandLine().getErr());
    }
}

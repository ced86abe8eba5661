package org.trialmeta.cli;

import org.trialmeta.repository.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialmeta.analysis.KmCox;
import org.trialmeta.analysis.KmFit;
import org.trialmeta.analysis.KmInput;
import org.trialmeta.model.InputException;
import org.trialmeta.present.CoxSummary;
import org.trialmeta.present.DisplayUnit;
import org.trialmeta.present.Formats;
import org.trialmeta.present.KmFigureText;
import org.trialmeta.present.KmSummary;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.KaplanMeierFigure;
import org.trialmeta.report.SurvivalPlot;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How {@code km} draws its curves (a picocli mixin): the {@code --plot} files, time and display units, group labels,
 * CI bands, the y-axis label and the shared {@link FigureOptions}. {@link #check} validates every option before
 * anything is computed; {@link #write} draws the figure from the fit and its summary.
 */
public final class KmPlotOptions {

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the curves (censor marks, medians, numbers at risk, and on the plot the medians"
                    + " with CIs, the log-rank p and with two groups the Cox HR) to FILE: .png (--dpi), .svg, .pdf or"
                    + " .pptx (editable shapes); repeat for several formats.")
    List<Path> plots = new ArrayList<>();

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "",
            description = "Unit of the input times, shown on the plot's axis, e.g. months; one of days, weeks, months,"
                    + " years for --display-unit.")
    String timeUnit;

    @Option(names = "--display-unit", paramLabel = "days|weeks|months|years",
            description = "Draw the time axis in this unit, converting the input times (in --time-unit) with 1 week ="
                    + " 7 days, 1 month = 365.25/12 days, 1 year = 365.25 days, as survminer's xscale.")
    String displayUnit;

    @Option(names = "--labels", paramLabel = "A,B,...",
            description = "Group names on the plot, comma-separated, one per group in the order of the output"
                    + " (default: the values of --group).")
    String labels;

    @Option(names = "--ci-bands", description = "Draw the pointwise CI bands (off by default, as survminer).")
    boolean ciBands;

    @Mixin
    FigureOptions figure;

    @Option(names = "--y-label", paramLabel = "TEXT", defaultValue = "Survival probability",
            description = "Y-axis label of the plot. Default: ${DEFAULT-VALUE}.")
    String yLabel;

    /** The checked options: the files' formats and the time units (null without {@code --display-unit}). */
    record Checked(List<FigureWriter.Format> formats, DisplayUnit[] units) {}

    /** Checks the files (never an input), the figure options and the units; exit 2 with one line. */
    Checked check(Path input) {
        List<FigureWriter.Format> formats = FigureFiles.formats("--plot", plots, "--input", input);
        figure.check();
        return new Checked(formats, units());
    }

    /** Whether a figure is asked for ({@code --plot}). */
    boolean wanted() {
        return !plots.isEmpty();
    }

    /** Draws the figure to every {@code --plot} file; nothing without {@code --plot}. */
    void write(Checked checked, KmInput patients, KmFit fit, KmSummary summary, PrintWriter err) {
        if (!plots.isEmpty()) {
            FigureFiles.write(plot(patients, fit, summary, checked.units()), plots, checked.formats(), figure.dpi(),
                    err);
        }
    }

    /** The input's and the axis's time units with {@code --display-unit}, else null; exit 2 with one line. */
    private DisplayUnit[] units() {
        if (displayUnit == null) {
            return null;
        }
        DisplayUnit to = DisplayUnit.fromName(displayUnit);
        if (to == null) {
            throw new InputException("--display-unit: '" + displayUnit + "' (allowed: days, weeks, months, years)");
        }
        DisplayUnit from = DisplayUnit.fromName(timeUnit);
        if (from == null) {
            throw new InputException("--display-unit needs --time-unit days, weeks, months or years (the unit of the"
                    + " input times), not '" + timeUnit + "'");
        }
        return new DisplayUnit[] {from, to};
    }

    /** The group names on the plot: {@code --labels}, one per curve, else the curves' labels; exit 2 with one line. */
    private List<String> plotLabels(List<String> groups) {
        if (labels == null) {
            return groups;
        }
        List<String> out = new ArrayList<>();
        for (String l : labels.split(",", -1)) {
            out.add(l.strip());
        }
        if (out.size() != groups.size()) {
            throw new InputException("--labels: " + out.size() + (out.size() == 1 ? " label" : " labels") + " for "
                    + groups.size() + (groups.size() == 1 ? " group" : " groups") + " (" + Messages.list(groups)
                    + "); give one per group, in that order");
        }
        for (String l : out) {
            if (l.isEmpty() || l.length() > FigureOptions.MAX_TITLE) {
                throw new InputException("--labels: '" + labels + "' (each label 1 to " + FigureOptions.MAX_TITLE
                        + " characters)");
            }
        }
        return out;
    }

    /** The figure: curves, annotation block from the summaries, in the figure options' style. */
    private SurvivalPlot plot(KmInput patients, KmFit fit, KmSummary summary, DisplayUnit[] units) {
        List<String> names = plotLabels(fit.curves().labels());
        Optional<CoxSummary> cox = null;
        if (fit.curves().size() == 2 && patients.groups() != null) {
            cox = KmCox.of(patients, fit.level()).map(CoxSummary::of);
        }
        double inDays = units == null ? 1 : units[0].days();
        double axisDays = units == null ? 1 : units[1].days();
        String unit = units == null ? timeUnit : units[1].label();
        List<String> annotation = KmFigureText.annotation(summary, names, cox, figure.journalStyle(),
                t -> t * inDays / axisDays, unit);
        List<String> notes = annotation.stream().anyMatch(l -> l.contains(Formats.MISSING))
                ? List.of(Formats.MISSING_MEANING + " (a median or CI limit not reached, or a Cox model that cannot be"
                        + " fitted)")
                : List.of();
        var options = new KaplanMeierFigure.Options(figure.title(), yLabel, unit, inDays, axisDays, ciBands, annotation,
                notes);
        try {
            return KaplanMeierFigure.figure(options, names, fit.curves().curves(), figure.figureStyle());
        } catch (IllegalArgumentException e) {
            if (figure.heightGiven()) {
                throw new InputException("--height-cm: " + e.getMessage());
            }
            throw e;
        }
    }
}

package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.KmCox;
import org.trialmeta.analysis.KmFit;
import org.trialmeta.analysis.KmInput;
import org.trialmeta.model.InputException;
import org.trialmeta.present.CoxSummary;
import org.trialmeta.present.DisplayUnit;
import org.trialmeta.present.Formats;
import org.trialmeta.present.KmFigureText;
import org.trialmeta.present.KmSummary;
import org.trialmeta.present.KmText;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.KaplanMeierFigure;
import org.trialmeta.report.SurvivalPlot;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.survival.ConfType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta km}: Kaplan-Meier curves per group with median, restricted mean and, with {@code --group}, the
 * G-rho log-rank test, as R's survfit / print(survfit) / survdiff. Parse → {@link KmFit} → {@link KmSummary} →
 * text or JSON (and the figure with {@code --plot}).
 */
@Command(name = "km", mixinStandardHelpOptions = true,
        description = {"Kaplan-Meier estimate (Greenwood variance) per group, median with CI and restricted mean"
                + " (as R survival::survfit / print(survfit, rmean=)), and with --group the log-rank / G-rho test"
                + " (as survdiff).",
            "Input: a CSV with a time column and an event column (1 = event, 0 = censored)."})
public final class KmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOption input;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of follow-up times (>= 0).")
    String timeColumn;

    @Option(names = "--event", required = true, paramLabel = "COL",
            description = "Column of event indicators: 1 = event, 0 = censored.")
    String eventColumn;

    @Option(names = "--group", paramLabel = "COL", description = "Column of group labels: one curve per group and a log-rank test.")
    String groupColumn;

    @Option(names = "--strata", paramLabel = "COL", description = "Column of strata for a stratified log-rank test (needs --group).")
    String strataColumn;

    @Option(names = "--conf-type", paramLabel = "TYPE", defaultValue = "log",
            description = "Confidence interval type: log, log-log, plain or none (default: ${DEFAULT-VALUE}, as survfit).")
    String confType;

    @Mixin
    LevelOption level;

    @Option(names = "--rho", paramLabel = "RHO", defaultValue = "0",
            description = "G-rho test weight S(t-)^rho: 0 = log-rank, 1 = Peto-Peto (default: ${DEFAULT-VALUE}, as survdiff).")
    double rho;

    @Option(names = "--tau", paramLabel = "TIME",
            description = "Upper limit of the restricted mean (default: the largest last follow-up time over the groups,"
                    + " survival's \"common\" limit).")
    Double tau;

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

    @Mixin
    FormatOption format;

    @Mixin
    RowsOption rows;

    @Override
    public Integer call() {
        boolean json = format.json();
        List<FigureWriter.Format> formats = FigureFiles.formats("--plot", plots, "--input", input.file);
        figure.check();
        DisplayUnit[] units = units();
        org.trialmeta.present.RowLimit limit = rows.limit();
        ConfType ct;
        try {
            ct = ConfType.fromRName(confType);
        } catch (IllegalArgumentException e) {
            throw new InputException("--conf-type: '" + confType + "' (must be one of log, log-log, plain, none)");
        }
        double lev = level.fraction(1);
        OptionChecks.finite("--rho", rho);
        if (strataColumn != null && groupColumn == null) {
            throw new InputException("--strata needs --group (the strata stratify the log-rank test between groups)");
        }
        OptionChecks.positiveFinite("--tau", tau);
        KmInput patients = KmInput.read(input.read(), timeColumn, eventColumn, groupColumn, strataColumn);
        KmFit fit = KmFit.of(patients, ct, lev, rho, tau);
        KmSummary summary = KmSummary.of(fit);
        if (!plots.isEmpty()) {
            FigureFiles.write(plot(patients, fit, summary, units), plots, formats, figure.dpi(),
                    spec.commandLine().getErr());
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.write(summary, out);
        } else {
            KmText.render(summary, limit, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The figure format of a {@code --plot} file from its extension; exit 2 unless .png, .svg or .pdf. */
    static FigureWriter.Format plotFormat(Path plot) {
        String name = plot.getFileName() == null ? "" : plot.getFileName().toString();
        int dot = name.lastIndexOf('.');
        try {
            return FigureWriter.Format.parse(dot < 0 ? "" : name.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InputException("--plot: '" + plot + "' (the file must end in .png, .svg or .pdf)");
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
                    + groups.size() + (groups.size() == 1 ? " group" : " groups") + " (" + String.join(", ", groups)
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

package org.trialmeta.cli;

import java.util.concurrent.Callable;
import org.trialmeta.analysis.KmFit;
import org.trialmeta.analysis.KmInput;
import org.trialmeta.model.InputException;
import org.trialmeta.present.KmSummary;
import org.trialmeta.present.KmText;
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

    @Option(names = "--group", paramLabel = "COL", description = "Column of group labels: one curve per group and a"
            + " log-rank test (at most 100 groups; a row whose label is empty or NA is refused).")
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
            description = "Upper limit of the restricted mean, at most 1e15 (default: the largest last follow-up time"
                    + " over the groups, survival's \"common\" limit).")
    Double tau;

    @Mixin
    KmPlotOptions plot;

    @Mixin
    FormatOption format;

    @Mixin
    RowsOption rows;

    @Override
    public Integer call() {
        format.validate();
        KmPlotOptions.Checked figure = plot.check(input.file);
        org.trialmeta.present.RowLimit limit = rows.limit();
        ConfType ct;
        try {
            ct = ConfType.fromRName(confType);
        } catch (IllegalArgumentException e) {
            throw new InputException("--conf-type: '" + confType + "' (must be one of log, log-log, plain, none)");
        }
        double lev = level.fraction();
        OptionChecks.finite("--rho", rho);
        if (strataColumn != null && groupColumn == null) {
            throw new InputException("--strata needs --group (the strata stratify the log-rank test between groups)");
        }
        OptionChecks.timeLimit("--tau", tau);
        KmSummary summary = fitAndPlot(figure, ct, lev);
        format.stream(spec.commandLine().getOut(), summary, (s, out) -> KmText.render(s, limit, out));
        return ExitCodes.OK;
    }

    /**
     * Reads, fits and writes the figure if asked. Without a figure or strata the patients' columns are gathered per
     * group and let go before the curves are fitted (the expression keeps no reference to them); in every case they
     * are garbage once it returns, so the output, which reads the curves only, is written without them. On 10⁶ rows
     * the heap {@code km} needs, 85 MB before, is that of the grouped times and the curves.
     */
    private KmSummary fitAndPlot(KmPlotOptions.Checked figure, ConfType ct, double lev) {
        if (!plot.wanted() && strataColumn == null) {
            return KmSummary.of(KmFit.of(KmFit.Grouped.of(readPatients()), ct, lev, rho, tau));
        }
        KmInput patients = readPatients();
        KmFit fit = KmFit.of(patients, ct, lev, rho, tau);
        KmSummary summary = KmSummary.of(fit);
        plot.write(figure, patients, fit, summary, spec.commandLine().getErr());
        return summary;
    }

    private KmInput readPatients() {
        return KmInput.read(input.read(), timeColumn, eventColumn, groupColumn, strataColumn);
    }
}

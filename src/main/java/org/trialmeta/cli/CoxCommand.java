package org.trialmeta.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.CoxFit;
import org.trialmeta.analysis.CoxInput;
import org.trialmeta.present.CoxSummary;
import org.trialmeta.present.CoxText;
import org.trialmeta.stats.survival.Ties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta cox}: Cox proportional-hazards regression on patient-level data, as R's coxph. Parse →
 * {@link CoxFit} → {@link CoxSummary} → text or JSON; the convergence warning also goes to standard error.
 */
@Command(name = "cox", mixinStandardHelpOptions = true,
        description = {"Cox proportional-hazards regression on a patient-level CSV, as R survival 3.5"
                + " coxph(Surv(time, event) ~ covariates + strata(s), ties=), with cox.zph proportional-hazards"
                + " tests (transform km).",
            "Rows with a missing value are refused (no silent row dropping)."})
public final class CoxCommand implements Callable<Integer> {

    /** Tie handling as spelled on the command line. */
    enum TiesOption {
        efron(Ties.EFRON), breslow(Ties.BRESLOW);

        final Ties ties;

        TiesOption(Ties ties) {
            this.ties = ties;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOption input;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "Follow-up time column.")
    String timeColumn;

    @Option(names = "--event", required = true, paramLabel = "COL",
            description = "Event column: 1 = event, 0 = censored.")
    String eventColumn;

    @Option(names = "--covariate", required = true, paramLabel = "COL",
            description = "Numeric covariate column (repeat for several).")
    List<String> covariates;

    @Option(names = "--strata", paramLabel = "COL", description = "Stratification column (any text), as strata(COL).")
    String strataColumn;

    @Option(names = "--ties", defaultValue = "efron", paramLabel = "efron|breslow",
            description = "Tie handling: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TiesOption ties;

    @Mixin
    LevelOption level;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        double lev = level.fraction();
        OptionChecks.distinct("--covariate", covariates);
        CoxInput patients = CoxInput.read(input.read(), timeColumn, eventColumn, covariates, strataColumn);
        CoxSummary summary = CoxSummary.of(CoxFit.of(patients, ties.ties, lev));
        format.print(spec.commandLine().getOut(), summary, CoxText::render);
        if (summary.warning() != null) {
            TrialMetaCommand.printError(spec.commandLine().getErr(), "warning: " + summary.warning());
        }
        return ExitCodes.OK;
    }
}

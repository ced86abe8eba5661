package org.trialmeta.cli;

import java.util.concurrent.Callable;
import org.trialmeta.present.MedianComparisonSummary;
import org.trialmeta.present.MedianComparisonText;
import org.trialmeta.stats.survival.summary.MedianComparison;
import org.trialmeta.stats.survival.summary.ReportedMedian;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta median-compare}: difference, ratio and % increase in lifespan of two published medians. Parse →
 * {@link MedianComparison#all} → {@link MedianComparisonSummary} → text or JSON.
 */
@Command(name = "median-compare", mixinStandardHelpOptions = true,
        description = {"Compare two published median survival times (treated vs control): difference, ratio and"
                + " percent increase in lifespan ((treated/control - 1) x 100), with CIs when both medians have CIs"
                + " (SE of each log median from its CI width on the log scale, assuming approximate log-normality).",
            "A median may be NR (not reached) or NA (not reported): the contrasts are then not estimable."})
public final class MedianCompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--treated", required = true, paramLabel = "MEDIAN|NR|NA", description = "Treated-arm median.")
    String treated;

    @Option(names = "--treated-ci", paramLabel = "LOWER,UPPER", description = "CI of the treated median (UPPER may be NR).")
    String treatedCi;

    @Option(names = "--control", required = true, paramLabel = "MEDIAN|NR|NA", description = "Control-arm median.")
    String control;

    @Option(names = "--control-ci", paramLabel = "LOWER,UPPER", description = "CI of the control median (UPPER may be NR).")
    String controlCi;

    @Option(names = "--ci-level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Level of the reported median CIs in percent (default: ${DEFAULT-VALUE}).")
    double ciLevel;

    @Mixin
    LevelOption level;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        double lv = level.fraction();
        double cl = OptionChecks.level("--ci-level", ciLevel);
        ReportedMedian t = SummaryInputs.median("--treated", treated, treatedCi, cl);
        ReportedMedian c = SummaryInputs.median("--control", control, controlCi, cl);
        MedianComparisonSummary summary = MedianComparisonSummary.of(MedianComparison.all(t, c, lv), lv);
        format.print(spec.commandLine().getOut(), summary, MedianComparisonText::render);
        return ExitCodes.OK;
    }
}

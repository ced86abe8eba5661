package org.trialmeta.cli;

import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.present.TwoProportionsSummary;
import org.trialmeta.present.TwoProportionsText;
import org.trialmeta.stats.proportion.TwoProportions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta orr-diff}: two response rates compared (e.g. KRAS-mutant vs wild-type). Parse →
 * {@link TwoProportions#compare} → {@link TwoProportionsSummary} → text or JSON.
 */
@Command(
        name = "orr-diff",
        aliases = "compare-orr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compare two response rates x1/n1 (group 1) vs x2/n2 (group 2): risk difference with Newcombe"
                    + " (hybrid Wilson score), Miettinen-Nurminen and Wald CIs; risk ratio (log CI); odds ratio"
                    + " (Woolf logit CI, and conditional MLE with exact CI as fisher.test); Fisher's exact p"
                    + " (two-sided) and Pearson chi-square p with and without Yates' correction.",
            "Where a cell is 0, 1/2 is added to every cell for the RR and Woolf OR (as metafor escalc)."
        })
public final class OrrDiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--x1", required = true, paramLabel = "X1", description = "Responders in group 1.")
    int x1;

    @Option(names = "--n1", required = true, paramLabel = "N1", description = "Evaluable patients in group 1.")
    int n1;

    @Option(names = "--x2", required = true, paramLabel = "X2", description = "Responders in group 2.")
    int x2;

    @Option(names = "--n2", required = true, paramLabel = "N2", description = "Evaluable patients in group 2.")
    int n2;

    @Option(names = "--label1", paramLabel = "NAME", defaultValue = "group 1",
            description = "Name of group 1, e.g. KRAS-mutant (default: ${DEFAULT-VALUE}).")
    String label1;

    @Option(names = "--label2", paramLabel = "NAME", defaultValue = "group 2",
            description = "Name of group 2, e.g. KRAS-wild-type (default: ${DEFAULT-VALUE}).")
    String label2;

    @Mixin
    LevelOption level;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        OrrCommand.checkCounts("--x1", x1, "--n1", n1);
        OrrCommand.checkCounts("--x2", x2, "--n2", n2);
        if ((long) n1 + n2 > Integer.MAX_VALUE) {
            throw new InputException("--n1 + --n2: " + ((long) n1 + n2) + " (must not exceed " + Integer.MAX_VALUE + ")");
        }
        TwoProportionsSummary summary = TwoProportionsSummary.of(
                new TwoProportions(x1, n1, x2, n2).compare(level.fraction()), label1, label2);
        format.print(spec.commandLine().getOut(), summary, TwoProportionsText::render);
        return ExitCodes.OK;
    }
}

package org.trialmeta.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.analysis.RegressAnalysis;
import org.trialmeta.model.InputException;
import org.trialmeta.present.RegressSummary;
import org.trialmeta.present.RegressText;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.meta.Design;
import org.trialmeta.stats.meta.MetaAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta regress}: meta-regression of a CSV of studies on moderator columns, as metafor's
 * {@code rma(escalc(...), mods = ~ a + b, method =, test =, level =)} and {@code permutest(res, iter = n)}.
 * Parse → {@link RegressAnalysis} → {@link RegressSummary} → text or JSON.
 */
@Command(
        name = "regress",
        mixinStandardHelpOptions = true,
        resourceBundle = "org.trialmeta.cli.RegressCommand",   // the help of --method and --test for a model with moderators
        description = {
            "Meta-regression on moderators (fixed or mixed effects, as R metafor's rma(mods = ~ ...)), with optional"
                    + " permutation p-values (as permutest).",
            "CSV columns as pool plus the moderator columns: a column of numbers is a covariate, a column of text a"
                    + " factor (treatment coding; the first level in code-point order, as R's sort(method = \"radix\"), is"
                    + " the reference, coefficients named COL=LEVEL). A moderator column that is constant or a"
                    + " linear combination of the columns before it is dropped, as metafor drops it."
        })
public final class RegressCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--mods", required = true, paramLabel = "COL[,COL...]",
            description = "Moderator columns, comma-separated.")
    String mods;

    @Mixin
    TestOption test;

    @Mixin
    LevelOption level;

    @Option(names = "--permutations", paramLabel = "N",
            description = "Permutation p-values from N permutations of the moderators (all distinct ones when there are"
                    + " at most N: the exact test); needs --seed.")
    Integer permutations;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random permutations (with --permutations).")
    Long seed;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        List<String> columns = RegressAnalysis.moderators("--mods", mods);
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(model.measure).withMethod(model.estimator())
                .withTest(test.type()).withLevel(level.fraction());
        OptionChecks.together("--permutations", permutations, "--seed", seed);
        OptionChecks.atLeast("--permutations", permutations, 2);
        if (permutations != null && permutations > RegressAnalysis.MAX_PERMUTATIONS) {
            throw new InputException("--permutations: " + permutations + " (must be <= " + RegressAnalysis.MAX_PERMUTATIONS
                    + ")");
        }
        format.validate();
        Inputs in = read(columns);
        RegressSummary summary = RegressSummary.of(RegressAnalysis.of(in.studies(), in.design(), o, permutations, seed,
                model.file()));
        format.print(spec.commandLine().getOut(), summary, RegressText::render);
        return ExitCodes.OK;
    }

    private record Inputs(PoolInput studies, Design design) {}

    /** The studies and the design, read in a frame of their own: the CSV table is not held while the model is fitted. */
    private Inputs read(List<String> columns) {
        CsvTable table = model.table();
        return new Inputs(model.studies(table), RegressAnalysis.design(table, columns));
    }
}

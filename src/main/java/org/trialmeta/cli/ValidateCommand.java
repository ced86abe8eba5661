package org.trialmeta.cli;

import java.util.concurrent.Callable;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.SurvivalCurveAnalysis;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.TrialText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialmeta validate}: loads and checks every trial file and sources.yaml. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check the trial files: schema, value rules, ids and source references.",
            "Prints 'N trials, M outcomes, K sources: OK', or every problem (file: path: value (rule)) and exits 2."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Override
    public Integer call() {
        TrialRepository repo = trials.load(spec.commandLine().getErr());
        // digitised curves: what the report would refuse (a curve that cannot be interpreted) is refused here too
        SurvivalCurveAnalysis.run(repo, StatusFilter.ALL);
        spec.commandLine().getOut().print(TrialText.validated(repo));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

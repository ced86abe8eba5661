package org.trialmeta.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.trialmeta.present.TrialSummary;
import org.trialmeta.present.TrialText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialmeta list}: one row per trial. Parse → load → {@link TrialSummary} per trial → text or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the trials: study, phase, indication, arms, subgroups, endpoints and the number of data per status.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        List<TrialSummary> rows = TrialSummary.of(trials.load(spec.commandLine().getErr()));
        format.print(spec.commandLine().getOut(), rows, TrialText::list);
        return ExitCodes.OK;
    }
}

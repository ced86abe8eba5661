package org.trialmeta.cli;

import java.util.concurrent.Callable;
import org.trialmeta.model.Trial;
import org.trialmeta.present.TrialText;
import org.trialmeta.repository.TrialYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialmeta show ID}: one trial with every outcome and its provenance. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show one trial: arms, subgroups, cuts and every outcome with status and source.",
            "json and yaml print the trial in the schema of the trial files."})
public final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Parameters(index = "0", paramLabel = "ID", description = "Trial id, e.g. as shown by 'trialmeta list'.")
    String id;

    @Mixin
    FormatOption.WithYaml format;

    @Override
    public Integer call() {
        OutputFormat f = format.format();
        Trial t = trials.load(spec.commandLine().getErr()).requireTrial(id);
        spec.commandLine().getOut().print(switch (f) {
            case JSON -> TrialYaml.writeJson(t);
            case YAML -> TrialYaml.write(t);
            default -> TrialText.show(t);
        });
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

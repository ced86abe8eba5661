package org.trialmeta.cli;

import org.trialmeta.present.TextTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.Arm;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
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
        TrialRepository repo = trials.load(spec.commandLine().getErr());
        Trial t = repo.requireTrial(id);
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (f) {
            case JSON -> TrialYaml.writeJson(t);
            case YAML -> TrialYaml.write(t);
            default -> table(t);
        });
        out.flush();
        return ExitCodes.OK;
    }

    static String table(Trial t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.id()).append(": ").append(t.name()).append('\n');
        if (!t.registryIds().isEmpty()) {
            sb.append("  registry:   ").append(String.join(", ", t.registryIds())).append('\n');
        }
        sb.append("  phase:      ").append(t.phase().label()).append(" (").append(Text.lower(t.setting())).append(")\n");
        sb.append("  species:    ").append(t.species());
        t.modelSystem().ifPresent(m -> sb.append(", ").append(m));
        sb.append('\n');
        sb.append("  indication: ").append(t.indication()).append('\n');
        sb.append("  design:     ").append(t.design()).append('\n');
        sb.append("  sources:    ").append(String.join(", ", t.sources())).append('\n');
        t.note().ifPresent(n -> sb.append("  note:       ").append(n).append('\n'));
        for (AnalysisCut c : t.cuts()) {
            sb.append("  cut ").append(c.id()).append(": ").append(c.label());
            c.cutoff().ifPresent(d -> sb.append(", data cut-off ").append(d));
            sb.append('\n');
        }
        for (Arm a : t.arms()) {
            sb.append("  arm ").append(a.id()).append(": ").append(a.name());
            a.n().ifPresent(n -> sb.append(", n=").append(n));
            sb.append('\n');
        }
        sb.append('\n');
        TextTable table = new TextTable("arm", "subgroup", "cut", "endpoint", "value", "status", "source");
        for (Arm a : t.arms()) {
            for (Outcome o : a.outcomes()) {
                table.row(a.id(), o.subgroup(), o.cut(), o.label(), Text.value(o), Text.status(o), Text.sources(o));
            }
        }
        sb.append(table.render());
        return sb.toString();
    }
}

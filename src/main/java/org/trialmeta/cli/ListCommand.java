package org.trialmeta.cli;

import org.trialmeta.present.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialmeta.model.Arm;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Subgroup;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta list}: one row per trial. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the trials: study, phase, indication, arms, subgroups, endpoints and the number of data per status.")
public final class ListCommand implements Callable<Integer> {

    /** One row of the list (also the JSON shape). */
    public record TrialSummary(String id, String name, String phase, String setting, String indication, int arms,
            List<String> subgroups, List<String> endpoints, int outcomes, Map<String, Integer> statusCounts) {}

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        if (!format.equalsIgnoreCase("table") && !format.equalsIgnoreCase("json")) {
            throw new org.trialmeta.model.InputException("--format: '" + format + "' (allowed: table, json)");
        }
        TrialRepository repo = trials.load(spec.commandLine().getErr());
        List<TrialSummary> rows = new ArrayList<>();
        for (Trial t : repo.trials()) {
            rows.add(summary(t));
        }
        var out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(Json.write(rows));
        } else {
            TextTable table = new TextTable("study", "phase", "setting", "indication", ">arms", "subgroups", "endpoints",
                    ">outcomes", ">confirmed", ">secondary", ">unverified", ">derived");
            for (TrialSummary s : rows) {
                table.row(s.id(), s.phase(), s.setting(), s.indication(), s.arms(), String.join(", ", s.subgroups()),
                        String.join(", ", s.endpoints()), s.outcomes(),
                        s.statusCounts().get("confirmed"), s.statusCounts().get("secondary"),
                        s.statusCounts().get("unverified"), s.statusCounts().get("derived"));
            }
            out.print(table.render());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static TrialSummary summary(Trial t) {
        Set<String> endpoints = new LinkedHashSet<>();
        for (Arm a : t.arms()) {
            for (Outcome o : a.outcomes()) {
                endpoints.add(o instanceof org.trialmeta.model.BiomarkerChange ? "biomarker" : o.label());
            }
        }
        return new TrialSummary(t.id(), t.name(), t.phase().label(), Text.lower(t.setting()), t.indication(),
                t.arms().size(), t.subgroups().stream().map(Subgroup::id).toList(), List.copyOf(endpoints),
                t.outcomeCount(), statusCounts(t));
    }

    /** Provenances per status (lower-case keys, every status present, in enum order). */
    static Map<String, Integer> statusCounts(Trial t) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<EvidenceStatus, Integer> e : TrialRepository.statusCounts(t).entrySet()) {
            out.put(Text.lower(e.getKey()), e.getValue());
        }
        return out;
    }
}

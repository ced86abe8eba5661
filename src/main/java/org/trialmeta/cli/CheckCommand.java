package org.trialmeta.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialmeta.check.CheckReport;
import org.trialmeta.check.Finding;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.check.Severity;
import org.trialmeta.model.InputException;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta check}: the reviewer's recomputation of reported figures. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Reviewer check: recompute reported percentages and CIs from the counts, test percentages "
                + "without counts for consistency with n (GRIM), and check that biomarker subgroups add up to "
                + "the overall figure.",
            "Exit 0 when there is no ERROR finding, 1 when there is, 2 for invalid trial files."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|md",
            description = "Output format: table, json or md. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--min-severity", defaultValue = "info", paramLabel = "info|warning|error",
            description = "Show findings at or above this severity. Default: ${DEFAULT-VALUE}.")
    String minSeverity;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "json", "md").contains(fmt)) {
            throw new InputException("--format: '" + format + "' (allowed: table, json, md)");
        }
        Severity min;
        try {
            min = Severity.valueOf(minSeverity.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--min-severity: '" + minSeverity + "' (allowed: info, warning, error)");
        }
        TrialRepository repo = trials.load(spec.commandLine().getErr());
        CheckReport report = ReviewerCheck.run(repo);
        List<Finding> shown = report.atLeast(min);
        String text = switch (fmt) {
            case "json" -> json(report, shown);
            case "md" -> markdown(report, shown);
            default -> table(report, shown);
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return report.count(Severity.ERROR) > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static String summary(CheckReport r) {
        return String.format(Locale.ROOT, "%d error(s), %d warning(s), %d info", r.count(Severity.ERROR),
                r.count(Severity.WARNING), r.count(Severity.INFO));
    }

    private static String json(CheckReport r, List<Finding> shown) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("errors", r.count(Severity.ERROR));
        o.put("warnings", r.count(Severity.WARNING));
        o.put("infos", r.count(Severity.INFO));
        o.put("findings", shown.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            m.put("rule", f.rule());
            m.put("trial", f.trial());
            m.put("field", f.field());
            m.put("reported", f.reported());
            m.put("recomputed", f.recomputed());
            m.put("message", f.message());
            m.put("sources", f.sources());
            return m;
        }).toList());
        return Json.write(o);
    }

    private static String table(CheckReport r, List<Finding> shown) {
        TextTable t = new TextTable("severity", "rule", "trial", "field", "reported", "recomputed", "finding");
        for (Finding f : shown) {
            t.row(f.severity(), f.rule(), f.trial(), f.field(), f.reported(), f.recomputed(), f.message());
        }
        return t.render() + "\n" + summary(r) + "\n";
    }

    private static String markdown(CheckReport r, List<Finding> shown) {
        StringBuilder sb = new StringBuilder("# Reviewer check\n\n").append(summary(r)).append("\n\n");
        sb.append("| severity | rule | trial | field | reported | recomputed | finding | sources |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Finding f : shown) {
            sb.append("| ").append(f.severity()).append(" | ").append(md(f.rule())).append(" | ").append(md(f.trial()))
                    .append(" | ").append(md(f.field())).append(" | ").append(md(f.reported())).append(" | ")
                    .append(md(f.recomputed())).append(" | ").append(md(f.message())).append(" | ")
                    .append(md(String.join(", ", f.sources()))).append(" |\n");
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}

package org.trialmeta.cli;

import java.io.PrintWriter;
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

/**
 * {@code trialmeta check}: the reviewer check ({@link ReviewerCheck}). Exit 0 when no finding is an error,
 * 1 when at least one is (whatever {@code --min-severity} hides), 2 for invalid input.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Reviewer check: recompute every reported figure from the counts at the source's rounding",
            "(percent, binomial CI method, GRIM, subgroup sums, medians and CIs, cut changes, source",
            "discrepancies, evidence status, derived counts). Exit 0: no error; 1: errors found; 2: invalid input."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table, json or md (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "info",
            description = "Show findings at or above: info, warning or error (default: ${DEFAULT-VALUE}).")
    String minSeverity;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "json", "md").contains(fmt)) {
            throw new InputException("--format: '" + format + "' (allowed: table, json, md)");
        }
        Severity min = switch (minSeverity.toLowerCase(Locale.ROOT)) {
            case "info" -> Severity.INFO;
            case "warning" -> Severity.WARNING;
            case "error" -> Severity.ERROR;
            default -> throw new InputException("--min-severity: '" + minSeverity + "' (allowed: info, warning, error)");
        };
        TrialRepository repo = trials.load(spec.commandLine().getErr());
        CheckReport full = ReviewerCheck.run(repo);
        CheckReport shown = full.atLeast(min);
        PrintWriter out = spec.commandLine().getOut();
        switch (fmt) {
            case "json" -> out.print(json(full, shown, min));
            case "md" -> out.print(markdown(full, shown));
            default -> out.print(table(full, shown));
        }
        out.flush();
        return full.hasErrors() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static String summary(CheckReport full) {
        Map<Severity, Integer> c = full.counts();
        return String.format(Locale.ROOT, "%d error(s), %d warning(s), %d info", c.get(Severity.ERROR),
                c.get(Severity.WARNING), c.get(Severity.INFO));
    }

    private static String table(CheckReport full, CheckReport shown) {
        TextTable t = new TextTable("severity", "rule", "trial", "field", "reported", "recomputed", "finding");
        for (Finding f : shown.findings()) {
            t.row(f.severity().label(), f.rule(), f.trial(), f.field(), f.reported(), f.recomputed(), f.message());
        }
        return t.render() + "\n" + summary(full) + "\n";
    }

    private static String markdown(CheckReport full, CheckReport shown) {
        StringBuilder b = new StringBuilder("| severity | rule | trial | field | reported | recomputed | finding | sources |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Finding f : shown.findings()) {
            b.append("| ").append(String.join(" | ", md(f.severity().label()), md(f.rule()), md(f.trial()),
                    md(f.field()), md(f.reported()), md(f.recomputed()), md(f.message()),
                    md(String.join("; ", f.sources())))).append(" |\n");
        }
        return b.append("\n").append(summary(full)).append("\n").toString();
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static String json(CheckReport full, CheckReport shown, Severity min) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        full.counts().forEach((s, n) -> counts.put(s.label(), n));
        root.put("counts", counts);
        root.put("minSeverity", min.label());
        root.put("findings", shown.findings().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().label());
            m.put("rule", f.rule());
            m.put("trial", f.trial());
            m.put("field", f.field());
            m.put("reported", f.reported());
            m.put("recomputed", f.recomputed());
            m.put("message", f.message());
            m.put("sources", f.sources());
            return m;
        }).toList());
        String s = Json.write(root);
        return s.endsWith("\n") ? s : s + "\n";
    }
}

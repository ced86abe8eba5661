package org.trialmeta.cli;

import org.trialmeta.present.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.proportion.ProportionCi;
import org.trialmeta.stats.proportion.ProportionEstimate;
import org.trialmeta.stats.proportion.Proportions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta orr}: an objective response rate with its confidence interval(s). */
@Command(
        name = "orr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Objective response rate (a single proportion) with its confidence interval.",
            "Methods: clopper-pearson (exact, as binom.test; the default), wilson and wilson-cc (as prop.test),"
                    + " agresti-coull, jeffreys, wald; 'all' lists every method."
        })
public final class OrrCommand implements Callable<Integer> {

    /** Output formats of the proportion commands. */
    enum Format { TABLE, JSON }

    @Spec
    CommandSpec spec;

    @Option(names = "--responders", required = true, paramLabel = "X", description = "Number of responders.")
    int responders;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of evaluable patients.")
    int n;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "clopper-pearson",
            description = "clopper-pearson|wilson|wilson-cc|agresti-coull|jeffreys|wald|all (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--level", paramLabel = "PERCENT", defaultValue = "95",
            description = "Confidence level in percent, strictly between 0 and 100 (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table|json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        checkCounts("--responders", responders, "--n", n);
        double lev = OptionChecks.level("--level", level);
        List<ProportionCi> methods = parseMethods(method);
        List<ProportionEstimate> results = new ArrayList<>();
        for (ProportionCi m : methods) {
            results.add(Proportions.confidenceInterval(responders, n, m, lev));
        }
        var out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("responders", responders);
            json.put("n", n);
            json.put("level", level);
            json.put("estimate", n > 0 ? (Double) ((double) responders / n) : null);
            List<Map<String, Object>> intervals = new ArrayList<>();
            for (ProportionEstimate e : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("method", e.method().cliName());
                row.put("lower", e.interval().map(Interval::lower).orElse(null));
                row.put("upper", e.interval().map(Interval::upper).orElse(null));
                intervals.add(row);
            }
            json.put("intervals", intervals);
            out.print(Json.write(json));
        } else {
            out.printf(Locale.ROOT, "ORR %d/%d%s, %s%% confidence interval%n", responders, n,
                    n > 0 ? String.format(Locale.ROOT, " = %s%%", pct(results.get(0).estimate().getAsDouble())) : "",
                    OptionChecks.text(level));
            if (n == 0) {
                out.println("not estimable: no evaluable patients (n = 0)");
            } else {
                TextTable t = new TextTable("method", ">ORR %", ">lower %", ">upper %");
                for (ProportionEstimate e : results) {
                    Interval ci = e.interval().orElseThrow();
                    t.row(e.method().cliName(), pct(e.estimate().getAsDouble()), pct(ci.lower()), pct(ci.upper()));
                }
                out.print(t.render());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static List<ProportionCi> parseMethods(String name) {
        if (name.trim().equalsIgnoreCase("all")) {
            return List.of(ProportionCi.values());
        }
        try {
            return List.of(ProportionCi.parse(name));
        } catch (IllegalArgumentException e) {
            throw new InputException("--method: '" + name
                    + "' is not one of clopper-pearson, wilson, wilson-cc, agresti-coull, jeffreys, wald, all");
        }
    }

    static void checkCounts(String xName, int x, String nName, int n) {
        if (n < 0) {
            throw new InputException(nName + ": " + n + " (must not be negative)");
        }
        if (x < 0) {
            throw new InputException(xName + ": " + x + " (must not be negative)");
        }
        if (x > n) {
            throw new InputException(xName + ": " + x + " > " + nName + " " + n + " (responders must not exceed patients)");
        }
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f", 100 * p);
    }
}

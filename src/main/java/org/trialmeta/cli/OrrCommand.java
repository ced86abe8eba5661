package org.trialmeta.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.present.ProportionSummary;
import org.trialmeta.present.ProportionText;
import org.trialmeta.stats.proportion.ProportionCi;
import org.trialmeta.stats.proportion.ProportionEstimate;
import org.trialmeta.stats.proportion.Proportions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta orr}: an objective response rate with its confidence interval(s). Parse → {@link Proportions}
 * → {@link ProportionSummary} → text or JSON.
 */
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

    @Spec
    CommandSpec spec;

    @Option(names = "--responders", required = true, paramLabel = "X", description = "Number of responders.")
    int responders;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of evaluable patients.")
    int n;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "clopper-pearson",
            description = "clopper-pearson|wilson|wilson-cc|agresti-coull|jeffreys|wald|all (default: ${DEFAULT-VALUE}).")
    String method;

    @Mixin
    LevelOption level;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        checkCounts("--responders", responders, "--n", n);
        double lev = level.fraction();
        List<ProportionEstimate> results = new ArrayList<>();
        for (ProportionCi m : parseMethods(method)) {
            results.add(Proportions.confidenceInterval(responders, n, m, lev));
        }
        ProportionSummary summary = ProportionSummary.of(results);
        format.print(spec.commandLine().getOut(), summary, ProportionText::render);
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

    /** Counts x of n: neither negative, x not above n (exit 2 with one line naming the options). */
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
}

package org.trialmeta.cli;

import org.trialmeta.present.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.proportion.ChiSquareResult;
import org.trialmeta.stats.proportion.ProportionComparison;
import org.trialmeta.stats.proportion.ProportionEstimate;
import org.trialmeta.stats.proportion.RatioEstimate;
import org.trialmeta.stats.proportion.RiskDifference;
import org.trialmeta.stats.proportion.TwoProportions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta orr-diff}: two response rates compared (e.g. KRAS-mutant vs wild-type). */
@Command(
        name = "orr-diff",
        aliases = "compare-orr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compare two response rates x1/n1 (group 1) vs x2/n2 (group 2): risk difference with Newcombe"
                    + " (hybrid Wilson score), Miettinen-Nurminen and Wald CIs; risk ratio (log CI); odds ratio"
                    + " (Woolf logit CI, and conditional MLE with exact CI as fisher.test); Fisher's exact p"
                    + " (two-sided) and Pearson chi-square p with and without Yates' correction.",
            "Where a cell is 0, 1/2 is added to every cell for the RR and Woolf OR (as metafor escalc)."
        })
public final class OrrDiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--x1", required = true, paramLabel = "X1", description = "Responders in group 1.")
    int x1;

    @Option(names = "--n1", required = true, paramLabel = "N1", description = "Evaluable patients in group 1.")
    int n1;

    @Option(names = "--x2", required = true, paramLabel = "X2", description = "Responders in group 2.")
    int x2;

    @Option(names = "--n2", required = true, paramLabel = "N2", description = "Evaluable patients in group 2.")
    int n2;

    @Option(names = "--label1", paramLabel = "NAME", defaultValue = "group 1",
            description = "Name of group 1, e.g. KRAS-mutant (default: ${DEFAULT-VALUE}).")
    String label1;

    @Option(names = "--label2", paramLabel = "NAME", defaultValue = "group 2",
            description = "Name of group 2, e.g. KRAS-wild-type (default: ${DEFAULT-VALUE}).")
    String label2;

    @Option(names = "--level", paramLabel = "PERCENT", defaultValue = "95",
            description = "Confidence level in percent, strictly between 0 and 100 (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table|json (default: ${DEFAULT-VALUE}).")
    OrrCommand.Format format;

    @Override
    public Integer call() {
        OrrCommand.checkCounts("--x1", x1, "--n1", n1);
        OrrCommand.checkCounts("--x2", x2, "--n2", n2);
        if ((long) n1 + n2 > Integer.MAX_VALUE) {
            throw new InputException("--n1 + --n2: " + ((long) n1 + n2) + " (must not exceed " + Integer.MAX_VALUE + ")");
        }
        double lev = OptionChecks.level("--level", level);
        ProportionComparison c = new TwoProportions(x1, n1, x2, n2).compare(lev);
        var out = spec.commandLine().getOut();
        out.print(format == OrrCommand.Format.JSON ? json(c) : table(c));
        out.flush();
        return ExitCodes.OK;
    }

    private String json(ProportionComparison c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("x1", x1);
        j.put("n1", n1);
        j.put("x2", x2);
        j.put("n2", n2);
        j.put("label1", label1);
        j.put("label2", label2);
        j.put("level", level);
        j.put("group1", group(c.group1()));
        j.put("group2", group(c.group2()));
        Map<String, Object> rd = new LinkedHashMap<>();
        rd.put("estimable", c.riskDifferenceWald().estimable());
        rd.put("estimate", value(c.riskDifferenceWald().estimate()));
        List<Map<String, Object>> intervals = new ArrayList<>();
        for (RiskDifference d : List.of(c.riskDifferenceNewcombe(), c.riskDifferenceMiettinenNurminen(),
                c.riskDifferenceWald())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", d.method().cliName());
            m.put("lower", d.interval().map(Interval::lower).orElse(null));
            m.put("upper", d.interval().map(Interval::upper).orElse(null));
            intervals.add(m);
        }
        rd.put("intervals", intervals);
        j.put("risk_difference", rd);
        j.put("risk_ratio", ratio(c.riskRatio()));
        j.put("odds_ratio", ratio(c.oddsRatio()));
        j.put("odds_ratio_conditional", ratio(c.conditionalOddsRatio()));
        j.put("fisher_pval", value(c.fisherExactP()));
        j.put("chisq", chi(c.chiSquare()));
        j.put("chisq_yates", chi(c.chiSquareYates()));
        return Json.write(j);
    }

    private static Map<String, Object> group(ProportionEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("responders", e.x());
        m.put("n", e.n());
        m.put("estimate", value(e.estimate()));
        m.put("ci_method", e.method().cliName());
        m.put("lower", e.interval().map(Interval::lower).orElse(null));
        m.put("upper", e.interval().map(Interval::upper).orElse(null));
        return m;
    }

    private static Map<String, Object> ratio(RatioEstimate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method().cliName());
        m.put("estimable", r.estimable());
        m.put("estimate", value(r.estimate()));
        m.put("lower", r.interval().map(Interval::lower).orElse(null));
        m.put("upper", r.interval().map(Interval::upper).orElse(null));
        m.put("zero_cell_correction", r.zeroCellCorrection());
        // JSON has no infinity: the conditional MLE (and its upper limit) is +Inf at the edge of the support
        m.put("estimate_infinite", r.estimate().isPresent() && r.estimate().getAsDouble() == Double.POSITIVE_INFINITY);
        m.put("upper_infinite", r.interval().map(i -> i.upper() == Double.POSITIVE_INFINITY).orElse(false));
        return m;
    }

    private static Map<String, Object> chi(ChiSquareResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statistic", value(r.statistic()));
        m.put("df", r.df());
        m.put("pval", value(r.pValue()));
        return m;
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private String table(ProportionComparison c) {
        StringBuilder sb = new StringBuilder();
        String lev = OptionChecks.text(level);
        TextTable groups = new TextTable("group", ">responders", ">n", ">ORR %", ">" + lev + "% CI (Clopper-Pearson)");
        for (var g : List.of(Map.entry(label1, c.group1()), Map.entry(label2, c.group2()))) {
            ProportionEstimate e = g.getValue();
            groups.row(g.getKey(), e.x(), e.n(),
                    e.estimate().isPresent() ? OrrCommand.pct(e.estimate().getAsDouble()) : "not estimable",
                    e.interval().map(i -> OrrCommand.pct(i.lower()) + " to " + OrrCommand.pct(i.upper())).orElse(""));
        }
        sb.append(groups.render()).append('\n');
        TextTable effects = new TextTable("measure (" + label1 + " vs " + label2 + ")", ">estimate", ">" + lev + "% CI");
        for (RiskDifference d : List.of(c.riskDifferenceNewcombe(), c.riskDifferenceMiettinenNurminen(),
                c.riskDifferenceWald())) {
            String name = switch (d.method()) {
                case NEWCOMBE -> "risk difference, pp (Newcombe)";
                case MIETTINEN_NURMINEN -> "risk difference, pp (Miettinen-Nurminen)";
                case WALD -> "risk difference, pp (Wald)";
            };
            effects.row(name,
                    d.estimate().isPresent() ? OrrCommand.pct(d.estimate().getAsDouble()) : "not estimable",
                    d.interval().map(i -> OrrCommand.pct(i.lower()) + " to " + OrrCommand.pct(i.upper())).orElse(""));
        }
        boolean corrected = false;
        for (var r : List.of(Map.entry("risk ratio (log CI)", c.riskRatio()),
                Map.entry("odds ratio (Woolf CI)", c.oddsRatio()),
                Map.entry("odds ratio (conditional MLE, exact CI)", c.conditionalOddsRatio()))) {
            RatioEstimate e = r.getValue();
            corrected |= e.zeroCellCorrection();
            effects.row(r.getKey() + (e.zeroCellCorrection() ? " *" : ""),
                    e.estimate().isPresent() ? ratioText(e.estimate().getAsDouble()) : "not estimable",
                    e.interval().map(i -> ratioText(i.lower()) + " to " + ratioText(i.upper())).orElse(""));
        }
        sb.append(effects.render());
        if (corrected) {
            sb.append("* a cell is 0: 1/2 added to every cell (as metafor escalc)\n");
        }
        sb.append('\n');
        TextTable tests = new TextTable("test", ">statistic", ">p");
        tests.row("Fisher's exact, two-sided", "", pText(c.fisherExactP()));
        tests.row("Pearson chi-square", statText(c.chiSquare().statistic()), pText(c.chiSquare().pValue()));
        tests.row("chi-square, Yates-corrected", statText(c.chiSquareYates().statistic()),
                pText(c.chiSquareYates().pValue()));
        sb.append(tests.render());
        return sb.toString();
    }

    private static String ratioText(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "Inf";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.1f" : "%.3f", v);
    }

    private static String statText(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "not estimable";
    }

    private static String pText(OptionalDouble v) {
        if (v.isEmpty()) {
            return "not estimable";
        }
        double p = v.getAsDouble();
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}

package org.trialmeta.cli;

import org.trialmeta.present.TextTable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.AnalysisResults;
import org.trialmeta.analysis.EfficacyAnalysis;
import org.trialmeta.analysis.Exclusion;
import org.trialmeta.analysis.NumberText;
import org.trialmeta.analysis.ProportionRow;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.SubgroupComparison;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.InputException;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta compare --trial ID --endpoint ORR --by KRAS}: mutant vs wild-type in one study. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Biomarker-mutant vs wild-type response in one study, per analysis cut with both subgroups' "
                + "counts: each subgroup's rate (Clopper-Pearson CI), OR and RR (as metafor escalc, Wald CI on the "
                + "log scale), RD (Wald CI), conditional MLE OR with exact CI and Fisher's exact p (as fisher.test).",
            "States the data used (status, cut-off, source) and every datum excluded, with the reason."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Option(names = "--trial", paramLabel = "ID", required = true, description = "Trial id (see 'trialmeta list').")
    String trial;

    @Option(names = "--endpoint", paramLabel = "ENDPOINT", defaultValue = "ORR",
            description = "Binary endpoint: ORR, CR, PR, SD, PD, DCR, CBR (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--by", paramLabel = "BIOMARKER", defaultValue = "KRAS",
            description = "Biomarker whose mutant and wild-type subgroups are compared (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--statuses", paramLabel = "LIST", defaultValue = StatusFilter.DEFAULT_TEXT,
            description = "Evidence statuses admitted, comma-separated (default: ${DEFAULT-VALUE}).")
    String statuses;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    String format;

    /** The JSON shape. */
    public record CompareOutput(String trial, String endpoint, String biomarker, List<String> statuses,
            List<ProportionRow> proportions, List<SubgroupComparison> comparisons, List<Exclusion> exclusions) {}

    @Override
    public Integer call() {
        if (!format.equalsIgnoreCase("table") && !format.equalsIgnoreCase("json")) {
            throw new InputException("--format: '" + format + "' (allowed: table, json)");
        }
        BinaryEndpoint ep;
        try {
            ep = BinaryEndpoint.valueOf(endpoint.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--endpoint: '" + endpoint + "' (allowed: ORR, CR, PR, SD, PD, DCR, CBR)");
        }
        StatusFilter filter = StatusFilter.parse(statuses);
        TrialRepository repo = trials.load(spec.commandLine().getErr());
        AnalysisResults all = EfficacyAnalysis.compareTrial(repo, trial, filter, by, ep);
        // only what concerns this endpoint's comparison (the service also reports medians etc.)
        List<Exclusion> exclusions = all.exclusions().stream()
                .filter(e -> e.data().endpoint().equals(ep.name())).toList();
        AnalysisResults r = all;
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(Json.write(new CompareOutput(trial, ep.name(), by, r.statuses(), r.proportions(),
                    r.comparisons(), exclusions)));
            out.flush();
            return ExitCodes.OK;
        }
        out.println(trial + ": " + ep + " by " + by + " status, statuses admitted: " + String.join(", ", r.statuses()));
        if (r.comparisons().isEmpty()) {
            out.println("no analysis cut has admitted counts for both " + by + " mutant and wild-type subgroups");
        }
        for (SubgroupComparison c : r.comparisons()) {
            out.println();
            out.println("cut " + c.cut() + " (" + c.cutLabel() + (c.cutoff() == null ? "" : ", cut-off " + c.cutoff())
                    + "), arm " + c.arm());
            TextTable t = new TextTable("subgroup", ">responders", ">evaluable", ">rate", ">95% CI (Clopper-Pearson)",
                    "status", "source");
            Map<String, ProportionRow> rows = new LinkedHashMap<>();
            for (ProportionRow p : r.proportions()) {
                if (p.data().cut().equals(c.cut()) && p.data().arm().equals(c.arm())) {
                    rows.put(p.data().subgroup(), p);
                }
            }
            for (ProportionRow p : rows.values()) {
                t.row(p.data().subgroup(), p.responders(), p.evaluable(), NumberText.percent(p.estimate()),
                        NumberText.fixed(100 * p.ciLower(), 1) + "\u2013" + NumberText.fixed(100 * p.ciUpper(), 1),
                        p.data().status(), p.data().source());
            }
            out.print(t.render());
            TextTable m = new TextTable("measure (mutant vs wild-type)", ">estimate", ">95% CI", "method");
            m.row("odds ratio", NumberText.fixed(c.oddsRatio(), 3), range(c.orLower(), c.orUpper(), 3), "Woolf (escalc OR)");
            m.row("odds ratio (conditional MLE)", NumberText.fixed(c.conditionalOr(), 3),
                    range(c.condOrLower(), c.condOrUpper(), 3), "exact (fisher.test)");
            m.row("risk ratio", NumberText.fixed(c.riskRatio(), 3), range(c.rrLower(), c.rrUpper(), 3), "log (escalc RR)");
            m.row("risk difference", NumberText.fixed(c.riskDifference(), 3), range(c.rdLower(), c.rdUpper(), 3),
                    "Wald (escalc RD)");
            m.row("Fisher exact p (two-sided)", NumberText.p(c.fisherP()), "", "fisher.test");
            out.print(m.render());
            out.println("pooling: " + (c.selected() ? "used (" + c.selection() + ")" : c.selection()));
        }
        if (!exclusions.isEmpty()) {
            out.println();
            out.println("excluded:");
            for (Exclusion e : exclusions) {
                out.println("  " + e.data().describe() + ": " + e.reason() + " [" + e.analysis() + "]");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String range(Double lo, Double hi, int digits) {
        return lo == null || hi == null ? "" : NumberText.fixed(lo, digits) + "\u2013" + NumberText.fixed(hi, digits);
    }
}

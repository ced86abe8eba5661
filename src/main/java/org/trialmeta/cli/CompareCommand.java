package org.trialmeta.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.EfficacyAnalysis;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.InputException;
import org.trialmeta.present.TrialComparison;
import org.trialmeta.present.TrialComparisonText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta compare --trial ID --endpoint ORR --by KRAS}: mutant vs wild-type in one study. Parse →
 * {@link EfficacyAnalysis#compareTrial} → {@link TrialComparison} → text or JSON.
 */
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

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        BinaryEndpoint ep = endpoint();
        StatusFilter filter = StatusFilter.parse(statuses);
        var repo = trials.load(spec.commandLine().getErr());
        TrialComparison c = TrialComparison.of(trial, ep.name(),
                EfficacyAnalysis.compareTrial(repo, trial, filter, by, ep));
        format.print(spec.commandLine().getOut(), c, TrialComparisonText::render);
        return ExitCodes.OK;
    }

    private BinaryEndpoint endpoint() {
        try {
            return BinaryEndpoint.valueOf(endpoint.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--endpoint: '" + endpoint + "' (allowed: ORR, CR, PR, SD, PD, DCR, CBR)");
        }
    }
}

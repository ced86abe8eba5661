package org.trialmeta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialmeta.check.CheckOptions;
import org.trialmeta.check.CheckReport;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.check.Severity;
import org.trialmeta.present.CheckSummary;
import org.trialmeta.present.CheckText;
import org.trialmeta.present.Written;
import org.trialmeta.repository.ClinicalTrialsGov;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta check}: the reviewer check over the curated trials. Parse → {@link ReviewerCheck} →
 * {@link CheckText} (table, Markdown) or {@link CheckSummary} (JSON).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Recompute every reported figure that can be recomputed and flag what does not add up:"
                + " percentages from counts, binomial CIs (which method reproduces them), GRIM consistency,"
                + " subgroup sums, medians against their CIs, interim vs final cuts, the same figure from two"
                + " sources, cut-off dates, derived arithmetic; unverified and secondary data are listed with what"
                + " would confirm them.",
            "Exit code: 0 no errors, 1 errors found, 2 invalid input."})
public final class CheckCommand implements Callable<Integer> {

    /** Minimum severity listed. */
    enum MinSeverity {
        INFO(Severity.INFO), WARNING(Severity.WARNING), ERROR(Severity.ERROR);

        final Severity severity;

        MinSeverity(Severity severity) {
            this.severity = severity;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    TrialsOption trials;

    @Mixin
    FormatOption.WithMarkdown format;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "info",
            description = "Least serious findings listed: info|warning|error (default: ${DEFAULT-VALUE}). "
                    + "The exit code counts errors whatever is listed.")
    MinSeverity minSeverity;

    @Option(names = "--large-change", paramLabel = "POINTS", defaultValue = "10",
            description = "A change of at least this many percentage points in a response rate between two cuts"
                    + " is a warning (default: ${DEFAULT-VALUE}).")
    double largeChange;

    @Option(names = "--max-median-years", paramLabel = "YEARS", defaultValue = "20",
            description = "A clinical median duration above this is implausible (default: ${DEFAULT-VALUE}).")
    double maxMedianYears;

    @Option(names = "--max-animal-lifespan", paramLabel = "DAYS", defaultValue = "1096",
            description = "Animal survival beyond this many days is implausible (default: ${DEFAULT-VALUE}).")
    double maxAnimalLifespan;

    @Option(names = "--registry", paramLabel = "FILE.json",
            description = "A ClinicalTrials.gov API v2 study record to compare with the publications of the trial that"
                    + " lists its NCT id (repeatable; rule registry-vs-publication).")
    List<Path> registry = new ArrayList<>();

    @Override
    public Integer call() {
        OutputFormat f = format.format();
        CheckOptions options = options();
        List<ClinicalTrialsGov.Record> records = registry.stream().map(ClinicalTrialsGov::read).toList();
        CheckReport report = ReviewerCheck.run(trials.load(spec.commandLine().getErr()), options, records);
        Severity min = minSeverity.severity;
        PrintWriter out = spec.commandLine().getOut();
        switch (f) { // streamed: thousands of trials give tens of MB (8,000 generated trials: 47 MB of JSON)
            case JSON -> FormatOption.json(out, CheckSummary.of(report, min));
            case MD -> Written.to(out, w -> CheckText.markdown(report, min, w));
            default -> Written.to(out, w -> CheckText.table(report, min, w));
        }
        out.flush();
        return report.hasErrors() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private CheckOptions options() {
        return new CheckOptions(OptionChecks.positiveFinite("--max-median-years", maxMedianYears),
                OptionChecks.positiveFinite("--max-animal-lifespan", maxAnimalLifespan),
                OptionChecks.positiveFinite("--large-change", largeChange));
    }
}

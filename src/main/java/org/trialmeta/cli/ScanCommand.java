package org.trialmeta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trialmeta.check.CheckOptions;
import org.trialmeta.check.ScanCheck;
import org.trialmeta.check.ScanReport;
import org.trialmeta.document.DocumentLimits;
import org.trialmeta.document.DocumentReader;
import org.trialmeta.present.AnnotatedHtml;
import org.trialmeta.present.ScanSummary;
import org.trialmeta.present.ScanText;
import org.trialmeta.present.Written;
import org.trialmeta.repository.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta scan FILE}: the reviewer check on a manuscript as it is. Read ({@link DocumentReader}) →
 * extract and check ({@link ScanCheck}) → table, JSON or the annotated HTML ({@link ScanText}, {@link ScanSummary},
 * {@link AnnotatedHtml}).
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check the statistics a clinical paper reports, as written: proportions and their CIs (which"
                + " binomial method reproduces them), n (%%) rows, hazard/odds/risk ratios (log-symmetry of the CI, the"
                + " p-value the CI implies, the relative reduction printed with them), CR + PR = ORR, DCR >= ORR,"
                + " medians against their CIs, against the HR and against follow-up and OS. Reads .txt, .md, .html, .pdf and .docx (rules: docs/reviewer-check.md).",
            "Exit code: 0 no errors, 1 errors found, 2 invalid input."})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The document: .txt, .md, .html, .pdf or .docx.")
    Path file;

    @Mixin
    FormatOption.WithHtml format;

    @Option(names = "--out", paramLabel = "FILE.html",
            description = "Also write the annotated document: every statistic highlighted with its explanation.")
    Path out;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "info",
            description = "Least serious findings listed: info|warning|error (default: ${DEFAULT-VALUE}). "
                    + "The exit code counts errors whatever is listed.")
    CheckCommand.MinSeverity minSeverity;

    @Option(names = "--max-median-years", paramLabel = "YEARS", defaultValue = "20",
            description = "A clinical median above this is implausible (default: ${DEFAULT-VALUE}).")
    double maxMedianYears;

    @Override
    public Integer call() {
        OutputFormat f = format.format();
        OutputPaths.notAnInput("--out", out, "FILE", file); // before reading: nothing is written on a refusal
        CheckOptions options = new CheckOptions(OptionChecks.positiveFinite("--max-median-years", maxMedianYears),
                CheckOptions.DEFAULTS.maxAnimalLifespanDays(), CheckOptions.DEFAULTS.largeChangePoints());
        ScanReport report = ScanCheck.run(DocumentReader.read(file, DocumentLimits.DEFAULTS), options);
        if (out != null) {
            AtomicFiles.write(out, os -> Written.utf8(os, w -> AnnotatedHtml.render(report, w)));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        switch (f) {
            // streamed: a long document's findings make tens of MB of JSON (a 6 MB text: 57 MB)
            case JSON -> FormatOption.json(stdout, ScanSummary.of(report, minSeverity.severity));
            case HTML -> Written.to(stdout, w -> AnnotatedHtml.render(report, w));
            default -> ScanText.table(report, minSeverity.severity, stdout);
        }
        stdout.flush();
        if (out != null) {
            spec.commandLine().getErr().println("trialmeta: wrote " + out);
            spec.commandLine().getErr().flush();
        }
        return report.hasErrors() ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}

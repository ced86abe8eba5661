package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.ReconstructInput;
import org.trialmeta.present.ReconstructSummary;
import org.trialmeta.present.ReconstructText;
import org.trialmeta.repository.AtomicFiles;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.survival.ReconstructedIpd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta reconstruct}: individual patient data from a digitised KM curve (Guyot et al. 2012). Parse →
 * {@link ReconstructInput#reconstruct} → the CSV file and a {@link ReconstructSummary} as text or JSON.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = {"Reconstruct individual patient data from a digitised Kaplan-Meier curve and its"
                + " numbers-at-risk table (Guyot et al. 2012, BMC Med Res Methodol 12:9).",
            "POINTS.csv: columns time,survival (survival as a fraction 0-1). RISK.csv: columns time,n_risk"
                + " (first row at time 0). Output CSV: columns time,event (1 = event, 0 = censored),"
                + " one row per patient, written atomically."})
public final class ReconstructCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--curve", required = true, paramLabel = "POINTS.csv",
            description = "Digitised points: columns time,survival (fractions in [0, 1]).")
    Path curve;

    @Option(names = "--at-risk", required = true, paramLabel = "RISK.csv",
            description = "Numbers at risk: columns time,n_risk; the first time must be 0.")
    Path atRisk;

    @Option(names = "--out", required = true, paramLabel = "IPD.csv", description = "Output CSV: columns time,event.")
    Path out;

    @Option(names = "--total-events", paramLabel = "N", description = "Reported total number of events (optional).")
    Integer totalEvents;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        boolean json = format.json();
        OutputPaths.notAnInput("--out", out, "--curve", curve);
        OutputPaths.notAnInput("--out", out, "--at-risk", atRisk);
        OptionChecks.atLeast("--total-events", totalEvents, 0);
        ReconstructedIpd ipd = ReconstructInput.read(curve, atRisk, totalEvents).reconstruct();
        AtomicFiles.writeString(out, ReconstructText.ipdCsv(ipd));
        ReconstructSummary summary = ReconstructSummary.of(ipd, out);
        spec.commandLine().getOut().print(json ? Json.write(summary) : ReconstructText.render(summary));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.AtomicFiles;
import org.trialmeta.repository.CsvCells;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.survival.AtRiskTable;
import org.trialmeta.stats.survival.DigitisedCurve;
import org.trialmeta.stats.survival.GuyotReconstruction;
import org.trialmeta.stats.survival.ReconstructedIpd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta reconstruct}: individual patient data from a digitised KM curve (Guyot et al. 2012). */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = {"Reconstruct individual patient data from a digitised Kaplan-Meier curve and its"
                + " numbers-at-risk table (Guyot et al. 2012, BMC Med Res Methodol 12:9).",
            "POINTS.csv: columns time,survival (survival as a fraction 0-1). RISK.csv: columns time,n_risk"
                + " (first row at time 0). Output CSV: columns time,event (1 = event, 0 = censored),"
                + " one row per patient, written atomically."})
public final class ReconstructCommand implements Callable<Integer> {

    /** Output formats of the summary printed on stdout. */
    enum Format { table, json }

    /**
     * Largest number at risk at time 0: the reconstruction holds one record per patient, and a typo such
     * as 2000000000 would otherwise exhaust memory. No published Kaplan-Meier arm comes near 10^6.
     */
    static final int MAX_PATIENTS = 1_000_000;

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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Format of the summary on stdout: table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (totalEvents != null && totalEvents < 0) {
            throw new InputException("--total-events: " + totalEvents + " (must be >= 0)");
        }
        OutputPaths.notAnInput("--out", out, "--curve", curve);
        OutputPaths.notAnInput("--out", out, "--at-risk", atRisk);
        CsvTable pts = CsvTable.read(curve).requireColumns("time", "survival").requireRows(1);
        CsvTable risk = CsvTable.read(atRisk).requireColumns("time", "n_risk").requireRows(1);
        double[] t = pts.doubles("time");
        double[] s = pts.doubles("survival");
        for (int r = 0; r < t.length; r++) {
            if (t[r] < 0) {
                throw pts.cellError("time", r, pts.string("time", r), "a time must not be negative");
            }
            if (s[r] < 0 || s[r] > 1) {
                throw pts.cellError("survival", r, pts.string("survival", r),
                        "survival must be a fraction in [0, 1], not a percentage");
            }
        }
        double[] rt = risk.doubles("time");
        int[] rn = risk.counts("n_risk");
        if (rt[0] != 0) {
            throw risk.cellError("time", 0, risk.string("time", 0), "the first at-risk time must be 0");
        }
        for (int r = 1; r < rt.length; r++) {
            if (!(rt[r] > rt[r - 1])) {
                throw risk.cellError("time", r, risk.string("time", r), "at-risk times must be strictly increasing");
            }
            if (rn[r] > rn[0]) {
                throw risk.cellError("n_risk", r, risk.string("n_risk", r),
                        "must not exceed the number at risk at time 0 (" + rn[0] + ")");
            }
        }
        if (rn[0] < 1) {
            throw risk.cellError("n_risk", 0, risk.string("n_risk", 0), "the number at risk at time 0 must be >= 1");
        }
        if (rn[0] > MAX_PATIENTS) {
            throw risk.cellError("n_risk", 0, risk.string("n_risk", 0),
                    "the number at risk at time 0 must be at most " + MAX_PATIENTS);
        }
        if (totalEvents != null && totalEvents > rn[0]) {
            throw new InputException("--total-events: " + totalEvents + " (must not exceed the number at risk at time 0, "
                    + rn[0] + ", in " + atRisk + ")");
        }
        ReconstructedIpd ipd;
        try {
            ipd = GuyotReconstruction.reconstruct(new DigitisedCurve(t, s), new AtRiskTable(rt, rn),
                    totalEvents == null ? OptionalInt.empty() : OptionalInt.of(totalEvents));
        } catch (IllegalArgumentException e) {
            throw new InputException(curve + " with " + atRisk + ": " + e.getMessage());
        }
        StringBuilder csv = new StringBuilder("time,event\n");
        double[] it = ipd.time();
        int[] ie = ipd.event();
        for (int i = 0; i < it.length; i++) {
            csv.append(CsvCells.line(List.of(Double.toString(it[i]), Integer.toString(ie[i]))));
        }
        AtomicFiles.writeString(out, csv.toString());
        if (format == Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("n", ipd.size());
            m.put("events", ipd.events());
            m.put("censored", ipd.size() - ipd.events());
            spec.commandLine().getOut().print(Json.write(m));
        } else {
            spec.commandLine().getOut().println("wrote " + ipd.size() + " patients (" + ipd.events() + " events, "
                    + (ipd.size() - ipd.events()) + " censored) to " + out);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

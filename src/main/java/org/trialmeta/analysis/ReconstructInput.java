package org.trialmeta.analysis;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.survival.AtRiskTable;
import org.trialmeta.stats.survival.DigitisedCurve;
import org.trialmeta.stats.survival.GuyotReconstruction;
import org.trialmeta.stats.survival.ReconstructedIpd;

/**
 * The inputs of {@code reconstruct}, validated: a digitised curve ({@code time,survival}, survival as a fraction)
 * and its numbers-at-risk table ({@code time,n_risk}, first row at time 0), and optionally the reported total
 * number of events. Every problem is an {@link InputException} naming the file, line, column, value and rule.
 *
 * @param curveTimes    digitised times, &ge; 0
 * @param survival      digitised survival, in [0, 1]
 * @param riskTimes     at-risk times, strictly increasing from 0
 * @param nRisk         numbers at risk, the first in [1, {@link #MAX_PATIENTS}], none above the first
 * @param totalEvents   the reported total number of events, when given
 * @param names         "CURVE with AT-RISK", for messages
 */
public record ReconstructInput(double[] curveTimes, double[] survival, double[] riskTimes, int[] nRisk,
        OptionalInt totalEvents, String names) {

    /**
     * Largest number at risk at time 0: the reconstruction holds one record per patient, and a typo such
     * as 2000000000 would otherwise exhaust memory. No published Kaplan-Meier arm comes near 10^6.
     */
    public static final int MAX_PATIENTS = 1_000_000;

    /** Reads and validates both files; {@code totalEvents} (null when not given) must already be &ge; 0. */
    public static ReconstructInput read(Path curve, Path atRisk, Integer totalEvents) {
        CsvTable points = CsvTable.read(curve).requireColumns("time", "survival").requireRows(1);
        CsvTable risk = CsvTable.read(atRisk).requireColumns("time", "n_risk").requireRows(1);
        double[] t = points.doubles("time");
        double[] s = points.doubles("survival");
        for (int r = 0; r < t.length; r++) {
            if (t[r] < 0) {
                throw points.cellError("time", r, points.string("time", r), "a time must not be negative");
            }
            if (s[r] < 0 || s[r] > 1) {
                throw points.cellError("survival", r, points.string("survival", r),
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
                    + rn[0] + ", in " + risk.name() + ")");
        }
        return new ReconstructInput(t, s, rt, rn, totalEvents == null ? OptionalInt.empty() : OptionalInt.of(totalEvents),
                points.name() + " with " + risk.name());
    }

    /**
     * The patients rebuilt by Guyot et al.'s algorithm ({@link GuyotReconstruction}).
     *
     * @throws InputException when the curve and the table do not fit together, naming both files
     */
    public ReconstructedIpd reconstruct() {
        try {
            return GuyotReconstruction.reconstruct(new DigitisedCurve(curveTimes, survival),
                    new AtRiskTable(riskTimes, nRisk), totalEvents);
        } catch (IllegalArgumentException e) {
            throw new InputException(names + ": " + e.getMessage());
        }
    }
}

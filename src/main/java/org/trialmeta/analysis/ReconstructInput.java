package org.trialmeta.analysis;

import java.util.OptionalInt;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.DigitiserCsv;
import org.trialmeta.stats.survival.AtRiskTable;
import org.trialmeta.stats.survival.ClickStyle;
import org.trialmeta.stats.survival.DigitisationException;
import org.trialmeta.stats.survival.DigitisationRepair;
import org.trialmeta.stats.survival.DigitisedCurve;
import org.trialmeta.stats.survival.DigitisingTolerance;
import org.trialmeta.stats.survival.PreparedCurve;
import org.trialmeta.stats.survival.Repair;
import org.trialmeta.stats.survival.SurvivalScale;

/**
 * One arm's inputs of {@code reconstruct}, read and checked: the digitised points and the numbers-at-risk table
 * ({@link DigitiserCsv}: CSV with a header, WebPlotDigitizer's headerless export, semicolons with decimal commas)
 * and the reported total of events. What can be repaired is left to {@link #prepare}; what cannot be read is
 * refused here with the file, line, column, value and rule ({@link InputException}).
 *
 * @param arm         the arm's name
 * @param curve       the points file as read
 * @param risk        the at-risk file as read
 * @param points      the points as read (survival on the file's scale)
 * @param atRisk      the numbers at risk
 * @param totalEvents the reported total of events, when given
 */
public record ReconstructInput(String arm, DigitiserCsv.Read curve, DigitiserCsv.Read risk, DigitisedCurve points,
        AtRiskTable atRisk, OptionalInt totalEvents) {

    /**
     * Largest number at risk at time 0: the reconstruction holds one record per patient, and a typo such
     * as 2000000000 would otherwise exhaust memory. No published Kaplan-Meier arm comes near 10^6.
     */
    public static final int MAX_PATIENTS = 1_000_000;

    /** Reads and checks one arm's files. */
    public static ReconstructInput read(ArmSpec spec) {
        DigitiserCsv.Read c = DigitiserCsv.read(spec.curve(), DigitiserCsv.Kind.CURVE);
        DigitiserCsv.Read r = DigitiserCsv.read(spec.atRisk(), DigitiserCsv.Kind.AT_RISK);
        return of(spec.name(), c, r, spec.totalEvents(),
                spec.name().isEmpty() ? "--total-events" : "--arm " + spec.name() + " events");
    }

    /**
     * Checks one arm's files as read (the same checks whether they come from the command line or a trial file).
     *
     * @param name        the arm's name
     * @param c           the points
     * @param r           the numbers at risk
     * @param totalEvents the reported total of events, or null
     * @param eventsLabel how the total was given, for messages (e.g. "--total-events")
     */
    public static ReconstructInput of(String name, DigitiserCsv.Read c, DigitiserCsv.Read r, Integer totalEvents,
            String eventsLabel) {
        CsvTable points = c.table().requireRows(1);
        CsvTable risk = r.table().requireRows(1);
        double[] t = points.doubles(c.timeColumn());
        double[] s = points.doubles(c.valueColumn());
        double[] rt = risk.doubles(r.timeColumn());
        int[] rn = risk.counts(r.valueColumn());
        String tc = r.timeColumn();
        String nc = r.valueColumn();
        if (rt[0] != 0) {
            throw risk.cellError(tc, 0, risk.string(tc, 0), "the first at-risk time must be 0 (the number of patients"
                    + " at the start)");
        }
        if (rn[0] < 1) {
            throw risk.cellError(nc, 0, risk.string(nc, 0), "the number at risk at time 0 must be >= 1");
        }
        if (rn[0] > MAX_PATIENTS) {
            throw risk.cellError(nc, 0, risk.string(nc, 0), "the number at risk at time 0 must be at most "
                    + MAX_PATIENTS);
        }
        for (int i = 1; i < rt.length; i++) {
            if (!(rt[i] > rt[i - 1])) {
                throw risk.cellError(tc, i, risk.string(tc, i), "at-risk times must be strictly increasing");
            }
            if (rn[i] > rn[i - 1]) {
                throw risk.cellError(nc, i, risk.string(nc, i), "numbers at risk never rise: " + rn[i] + " after "
                        + rn[i - 1] + " at time " + risk.string(tc, i - 1) + (rn[i] > rn[0]
                        ? " (and more than the " + rn[0] + " at time 0)" : ""));
            }
        }
        if (totalEvents != null && totalEvents > rn[0]) {
            throw new InputException(eventsLabel + ": " + totalEvents + " (must not exceed the number at risk at time 0, "
                    + rn[0] + ", in " + risk.name() + ")");
        }
        return new ReconstructInput(name, c, r, new DigitisedCurve(t, s), new AtRiskTable(rt, rn),
                totalEvents == null ? OptionalInt.empty() : OptionalInt.of(totalEvents));
    }

    /**
     * The points and table ready for reconstruction, with the repairs listed; with {@code strict}, any repair is
     * refused instead (one line naming the file and line of the first point it would touch).
     *
     * @throws InputException naming file, line, column and value when the input cannot be interpreted
     */
    public PreparedCurve prepare(SurvivalScale scale, ClickStyle clicks, DigitisingTolerance tolerance,
            boolean strict) {
        PreparedCurve p;
        try {
            p = DigitisationRepair.prepare(points, atRisk, scale, clicks, tolerance);
        } catch (DigitisationException e) {
            DigitiserCsv.Read f = e.source() == Repair.Source.CURVE ? curve : risk;
            String col = e.column().equals("time") ? f.timeColumn() : f.valueColumn();
            throw f.table().cellError(col, e.index(), f.table().string(col, e.index()), e.rule());
        }
        if (strict && !p.repairs().isEmpty()) {
            Repair r = p.repairs().get(0);
            String where = where(r);
            throw new InputException(where + ": --strict: would need repair " + r.kind().code() + ": "
                    + r.description() + (p.repairs().size() > 1 ? " (and " + (p.repairs().size() - 1) + " more)" : ""));
        }
        return p;
    }

    /** "FILE: line L" of the first input point or row a repair touched (the file alone when it touched none). */
    public String where(Repair r) {
        DigitiserCsv.Read f = r.source() == Repair.Source.CURVE ? curve : risk;
        for (Repair.Touched t : r.points()) {
            if (t.index() >= 0) {
                return f.table().name() + ": line " + f.table().line(t.index());
            }
        }
        return f.table().name();
    }

    /** The file line of input point or row {@code index} of the given source, or -1 for an inserted point. */
    public int line(Repair.Source source, int index) {
        return index < 0 ? -1 : (source == Repair.Source.CURVE ? curve : risk).table().line(index);
    }

    /** The file a repair of {@code source} is about. */
    public String file(Repair.Source source) {
        return (source == Repair.Source.CURVE ? curve : risk).table().name();
    }
}

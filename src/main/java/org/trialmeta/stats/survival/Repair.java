package org.trialmeta.stats.survival;

import java.util.List;
import java.util.Objects;

/**
 * One repair of a digitised input ({@link DigitisationRepair}): what was done, in one line, and every point it
 * touched.
 *
 * @param kind        what was done
 * @param source      the curve's points or the at-risk table's rows
 * @param description one line saying what and why, with the numbers
 * @param points      the points or rows touched (input order)
 */
public record Repair(RepairKind kind, Source source, String description, List<Touched> points) {

    /** Which input a repair touched. */
    public enum Source {
        /** The digitised points. */
        CURVE,
        /** The numbers-at-risk table. */
        AT_RISK
    }

    public Repair {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(description, "description");
        points = List.copyOf(points);
    }

    /**
     * A point (or at-risk row) before and after a repair.
     *
     * @param index    its 0-based position in the input, or -1 for a point the repair inserted
     * @param time     its time as read (NaN for an inserted point)
     * @param value    its survival (points, as read, before any rescaling) or number at risk (rows), as read; NaN
     *                 for an inserted point
     * @param newTime  its time after the repair; NaN when removed (or not applicable)
     * @param newValue its survival as a fraction, or number at risk, after the repair; NaN when removed
     */
    public record Touched(int index, double time, double value, double newTime, double newValue) {
    }
}

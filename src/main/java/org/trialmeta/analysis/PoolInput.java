package org.trialmeta.analysis;

import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;

/**
 * The study rows of a {@code pool} CSV, validated for the effect measure: 2×2 counts {@code study,ai,n1i,ci,n2i}
 * (OR, RR, RD), single-group counts {@code study,xi,ni} (proportions), or {@code study,yi,vi} (GEN).
 * Every problem is an {@link org.trialmeta.model.InputException} naming the file, row, column, value and rule.
 *
 * @param names   study labels, in input order
 * @param measure the effect measure
 * @param ai      events in group 1 (proportions: xi); null for GEN
 * @param n1i     size of group 1 (proportions: ni); null for GEN
 * @param ci      events in group 2; null unless two-group
 * @param n2i     size of group 2; null unless two-group
 * @param yi      generic estimates; null unless GEN
 * @param vi      their sampling variances; null unless GEN
 */
public record PoolInput(String[] names, EffectMeasure measure, int[] ai, int[] n1i, int[] ci, int[] n2i, double[] yi,
        double[] vi) {

    /**
     * Range of generic estimates |yi| and sampling variances vi accepted with GEN. Weights 1/vi enter the
     * estimators up to the fourth power; outside these ranges double-precision sums overflow or cancel and the
     * fit would be NaN. No effect size on any published scale comes near them.
     */
    public static final double MAX_ABS_YI = 1e10;
    public static final double MIN_VI = 1e-20;
    public static final double MAX_VI = 1e20;

    /** The effect sizes (as metafor {@code escalc} with its default zero-cell correction). */
    public EffectSizes effectSizes() {
        return switch (measure.kind()) {
            case TWO_GROUP -> EffectSizes.twoGroup(measure, ai, n1i, ci, n2i);
            case SINGLE_PROPORTION -> EffectSizes.proportion(measure, ai, n1i);
            case GENERIC -> EffectSizes.generic(yi, vi);
        };
    }

    /** Reads and validates the columns that {@code m} needs. */
    public static PoolInput read(CsvTable t, EffectMeasure m) {
        switch (m.kind()) {
            case TWO_GROUP -> {
                t.requireColumns("study", "ai", "n1i", "ci", "n2i").requireRows(1);
                String[] names = t.strings("study");
                int[] ai = t.counts("ai");
                int[] n1i = t.counts("n1i");
                int[] ci = t.counts("ci");
                int[] n2i = t.counts("n2i");
                for (int r = 0; r < names.length; r++) {
                    checkGroup(t, r, "ai", ai[r], "n1i", n1i[r]);
                    checkGroup(t, r, "ci", ci[r], "n2i", n2i[r]);
                }
                return new PoolInput(names, m, ai, n1i, ci, n2i, null, null);
            }
            case SINGLE_PROPORTION -> {
                t.requireColumns("study", "xi", "ni").requireRows(1);
                String[] names = t.strings("study");
                int[] xi = t.counts("xi");
                int[] ni = t.counts("ni");
                for (int r = 0; r < names.length; r++) {
                    checkGroup(t, r, "xi", xi[r], "ni", ni[r]);
                }
                return new PoolInput(names, m, xi, ni, null, null, null, null);
            }
            default -> {
                t.requireColumns("study", "yi", "vi").requireRows(1);
                String[] names = t.strings("study");
                double[] yi = t.doubles("yi");
                double[] vi = t.doubles("vi");
                for (int r = 0; r < names.length; r++) {
                    if (!(vi[r] > 0)) {
                        throw t.cellError("vi", r, t.string("vi", r), "a sampling variance must be greater than 0");
                    }
                    if (vi[r] < MIN_VI || vi[r] > MAX_VI) {
                        throw t.cellError("vi", r, t.string("vi", r), "a sampling variance must be between 1e-20 and 1e20");
                    }
                    if (Math.abs(yi[r]) > MAX_ABS_YI) {
                        throw t.cellError("yi", r, t.string("yi", r), "an estimate must be between -1e10 and 1e10");
                    }
                }
                return new PoolInput(names, m, null, null, null, null, yi, vi);
            }
        }
    }

    private static void checkGroup(CsvTable t, int row, String events, int e, String total, int n) {
        if (n < 1) {
            throw t.cellError(total, row, t.string(total, row), "a group must have at least 1 participant");
        }
        if (e > n) {
            throw t.cellError(events, row, t.string(events, row), "events must not exceed " + total + " = " + n);
        }
    }
}

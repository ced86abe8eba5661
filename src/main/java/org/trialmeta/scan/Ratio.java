package org.trialmeta.scan;

/**
 * A hazard, odds or risk ratio as printed: "HR 0.72 (95% CI 0.62–0.83; P&lt;0.001)", "hazard ratio for death,
 * 0·63; 95% CI 0·51–0·78; p&lt;0·0001", a table cell under "Hazard Ratio (95% CI)".
 *
 * @param start    span start
 * @param end      span end
 * @param context  sentence or table row
 * @param column   table column, or -1
 * @param measure  HR, OR or RR
 * @param estimate the ratio
 * @param lower    CI lower end, or null
 * @param upper    CI upper end, or null
 * @param level    CI level in percent
 * @param p        the p-value printed with it, or null
 * @param endpoint the endpoint it compares (OS, PFS, ...), when its sentence or row names one
 * @param change   the relative change its sentence prints with it, in percent ("reduced the risk of death by 48%",
 *                 "a 35% higher risk"), or null
 * @param increase whether {@code change} is an increase (else a reduction)
 */
public record Ratio(int start, int end, int context, int column, String measure, Num estimate, Num lower, Num upper,
        double level, PStat p, String endpoint, Num change, boolean increase) implements Statistic {

    /** A ratio without a relative change printed with it. */
    public Ratio(int start, int end, int context, int column, String measure, Num estimate, Num lower, Num upper,
            double level, PStat p, String endpoint) {
        this(start, end, context, column, measure, estimate, lower, upper, level, p, endpoint, null, false);
    }

    Ratio withP(PStat value, int newEnd) {
        return new Ratio(start, Math.max(end, newEnd), context, column, measure, estimate, lower, upper, level, value,
                endpoint, change, increase);
    }

    /** The same ratio with its relative change, its span widened to take in the change's "48%" ({@code to}). */
    Ratio withChange(Num value, boolean up, int to) {
        return new Ratio(Math.min(start, value.start()), Math.max(end, to), context, column, measure, estimate, lower,
                upper, level, p, endpoint, value, up);
    }
}

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
 */
public record Ratio(int start, int end, int context, int column, String measure, Num estimate, Num lower, Num upper,
        double level, PStat p, String endpoint) implements Statistic {

    Ratio withP(PStat value, int newEnd) {
        return new Ratio(start, Math.max(end, newEnd), context, column, measure, estimate, lower, upper, level, value,
                endpoint);
    }
}

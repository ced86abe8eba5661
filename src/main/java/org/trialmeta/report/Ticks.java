package org.trialmeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Axis limits and tick values. Log axes use the 1–2–5 series (0.1, 0.2, 0.5, 1, 2, 5, 10 …), thinned
 * to decades plus the limits when that would give more than seven ticks; linear axes use steps of 1,
 * 2, 2.5 or 5 × 10^k aiming at about five intervals.
 */
final class Ticks {

    private static final double[] LOG_MANTISSAS = {1, 2, 5};
    private static final double[] LINEAR_STEPS = {1, 2, 2.5, 5, 10};

    private Ticks() {}

    /** Limits snapped outward to the 1–2–5 series: [largest ≤ lo, smallest ≥ hi]. */
    static double[] logLimits(double lo, double hi) {
        List<Double> series = logSeries(lo / 10, hi * 10);
        double a = lo;
        double b = hi;
        for (double s : series) {
            if (s <= lo * (1 + 1e-9)) {
                a = s;
            }
        }
        for (int i = series.size() - 1; i >= 0; i--) {
            if (series.get(i) >= hi * (1 - 1e-9)) {
                b = series.get(i);
            }
        }
        if (a >= b) {
            a = a / 2;
            b = b * 2;
        }
        if (logSeries(a, b).size() > 7) {
            // wide range: ticks will be decades only, so the limits should be decades too
            a = Double.parseDouble("1E" + (int) Math.floor(Math.log10(a) + 1e-9));
            b = Double.parseDouble("1E" + (int) Math.ceil(Math.log10(b) - 1e-9));
        }
        return new double[] {a, b};
    }

    /** 1–2–5 series values within [lo, hi] (inclusive, with rounding tolerance). */
    static List<Double> logSeries(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        int k0 = (int) Math.floor(Math.log10(lo)) - 1;
        int k1 = (int) Math.ceil(Math.log10(hi)) + 1;
        for (int k = k0; k <= k1; k++) {
            for (double m : LOG_MANTISSAS) {
                double v = Double.parseDouble(m + "E" + k);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * Candidate ticks on a log axis in priority order (null value, limits, then the rest); the caller
     * drops lower-priority ticks whose labels would collide.
     */
    static List<Double> logTicks(double min, double max, double nullValue) {
        List<Double> series = logSeries(min, max);
        TreeSet<Double> chosen = new TreeSet<>();
        if (series.size() > 7) {
            for (double v : series) {
                double l = Math.log10(v);
                if (Math.abs(l - Math.rint(l)) < 1e-9) {
                    chosen.add(v);
                }
            }
        } else {
            chosen.addAll(series);
        }
        return prioritise(chosen, min, max, nullValue);
    }

    /** Limits snapped outward to a nice step; returns {min, max, step}. */
    static double[] linearLimits(double lo, double hi, int intervals) {
        if (lo == hi) {
            double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= d;
            hi += d;
        }
        double raw = (hi - lo) / intervals;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * 10;
        for (double s : LINEAR_STEPS) {
            if (s * mag >= raw * (1 - 1e-9)) {
                step = s * mag;
                break;
            }
        }
        double a = Math.floor(lo / step + 1e-9) * step;
        double b = Math.ceil(hi / step - 1e-9) * step;
        return new double[] {clean(a), clean(b), step};
    }

    /** Ticks every {@code step} from {@code min} to {@code max}, in priority order. */
    static List<Double> linearTicks(double min, double max, double step, double nullValue) {
        TreeSet<Double> chosen = new TreeSet<>();
        double first = Math.ceil(min / step - 1e-9) * step;
        for (int i = 0; ; i++) {
            double v = clean(first + i * step);
            if (v > max + step * 1e-9) {
                break;
            }
            chosen.add(v);
            if (i > 1000) {
                break;
            }
        }
        return prioritise(chosen, min, max, nullValue);
    }

    /** A step for a linear axis of fixed limits, aiming at {@code intervals} intervals. */
    static double linearStep(double min, double max, int intervals) {
        return linearLimits(min, max, intervals)[2];
    }

    private static List<Double> prioritise(TreeSet<Double> ticks, double min, double max, double nullValue) {
        List<Double> out = new ArrayList<>();
        if (Double.isFinite(nullValue) && nullValue >= min * (1 - 1e-12) && nullValue <= max * (1 + 1e-12)) {
            out.add(nullValue);
        }
        for (double v : new double[] {ticks.isEmpty() ? min : ticks.first(), ticks.isEmpty() ? max : ticks.last()}) {
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        for (double v : ticks) {
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Rounds away binary noise (0.30000000000000004 → 0.3). */
    static double clean(double v) {
        if (v == 0) {
            return 0;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }
}

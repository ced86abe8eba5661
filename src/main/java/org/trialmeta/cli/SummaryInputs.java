package org.trialmeta.cli;

import java.util.Locale;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.survival.summary.ReportedMedian;

/** Parsing of published-summary values typed on the command line (medians, "NR", CIs). */
final class SummaryInputs {

    /**
     * Largest median or CI end accepted, and the reciprocal of the smallest median: the difference, ratio and
     * percent increase of two such medians stay finite (a ratio of 10^30 at most). 1e308 overflowed the ratio
     * (exit 1, "internal error"); no time in any unit comes near either bound.
     */
    static final double MAX_TIME = 1e15;

    private SummaryInputs() {}

    /**
     * A median as typed: a positive number, {@code NR} (not reached) or {@code NA} (not reported); the CI
     * as {@code LOWER,UPPER} where the upper end may be {@code NR}.
     *
     * @param ciLevel the level of the CI as a fraction
     */
    static ReportedMedian median(String option, String value, String ci, double ciLevel) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.equals("NR")) {
            return ReportedMedian.notReached();
        }
        if (v.equals("NA")) {
            return ReportedMedian.notReported();
        }
        double m = number(option, value);
        if (!(m > 0)) {
            throw new InputException(option + " " + value + ": a median must be > 0 (or NR / NA)");
        }
        if (!(m >= 1 / MAX_TIME && m <= MAX_TIME)) {
            throw new InputException(option + " " + value + ": a median must lie between 1e-15 and 1e15 (or be NR / NA);"
                    + " the contrasts of two such medians stay finite");
        }
        if (ci == null) {
            return ReportedMedian.value(m);
        }
        String[] parts = ci.split(",", -1);
        if (parts.length != 2) {
            throw new InputException(option + "-ci " + ci + ": expected LOWER,UPPER, e.g. 9.1,13.8 (UPPER may be NR)");
        }
        double lo = number(option + "-ci", parts[0]);
        double hi = parts[1].strip().equalsIgnoreCase("NR") ? Double.POSITIVE_INFINITY : number(option + "-ci", parts[1]);
        if (hi != Double.POSITIVE_INFINITY && !(hi <= MAX_TIME)) {
            throw new InputException(option + "-ci " + ci + ": the upper end must be at most 1e15 (or NR)");
        }
        if (!(lo <= m && m <= hi) || lo < 0) {
            throw new InputException(option + "-ci " + ci + ": must satisfy 0 <= lower <= median (" + value
                    + ") <= upper");
        }
        return ReportedMedian.value(m, new Interval(lo, hi), ciLevel);
    }

    /** A median as typed, or null when the option was not given. */
    static ReportedMedian medianIfGiven(String option, String value, String ci, double ciLevel) {
        return value == null ? null : median(option, value, ci, ciLevel);
    }

    /** An interval typed as {@code LOWER,UPPER}, e.g. a reported CI; null when the option was not given. */
    static Interval intervalIfGiven(String option, String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new InputException(option + " " + text + ": expected LOWER,UPPER, e.g. 0.62,0.91");
        }
        double lo = number(option, parts[0]);
        double hi = number(option, parts[1]);
        if (!(lo <= hi)) {
            throw new InputException(option + " " + text + ": the lower end must not exceed the upper end");
        }
        return new Interval(lo, hi);
    }

    static double number(String option, String text) {
        String s = text.strip();
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new InputException(option + " '" + text + "': not a decimal number");
        }
        return Double.parseDouble(s);
    }
}

package org.trialmeta.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trialmeta.analysis.KmInput;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary;

/**
 * Checks of command-line option values shared by the commands. Every failure is an {@link InputException}
 * whose one line names the option, the value and the rule: {@code --ratio: -1 (must be a finite number > 0)}.
 * The nullable overloads accept an option that was not given ({@code null}) and check it only when present.
 */
final class OptionChecks {

    private OptionChecks() {}

    /**
     * A confidence level in percent strictly between 1 and 100 (0.95 typed for 95 % is refused, not read as a 0.95 %
     * interval); returns it as a fraction (95 → 0.95).
     */
    static double level(String option, double percent) {
        if (!(percent > 1 && percent < 100)) {
            throw fail(option, text(percent), "must be a percentage strictly between 1 and 100, e.g. 95");
        }
        return percent / 100;
    }

    /** A finite number. */
    static double finite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw fail(option, text(value), "must be a finite number");
        }
        return value;
    }

    /** A finite number, when given. */
    static Double finite(String option, Double value) {
        return value == null ? null : finite(option, value.doubleValue());
    }

    /** A finite number &gt; 0. */
    static double positiveFinite(String option, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw fail(option, text(value), "must be a finite number > 0");
        }
        return value;
    }

    /** A finite number &gt;= 0. */
    static double nonNegativeFinite(String option, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw fail(option, text(value), "must be a finite number >= 0");
        }
        return value;
    }

    /** A finite number &gt; 0, when given. */
    static Double positiveFinite(String option, Double value) {
        return value == null ? null : positiveFinite(option, value.doubleValue());
    }

    /**
     * A time limit (e.g. a restricted mean's tau) in (0, {@link KmInput#MAX_TIME}], when given: bounded as the input
     * times are, so that the areas and variances summed up to it stay finite.
     */
    static Double timeLimit(String option, Double value) {
        positiveFinite(option, value);
        if (value != null && value > KmInput.MAX_TIME) {
            throw fail(option, text(value), "must be at most 1e15, the largest follow-up time accepted");
        }
        return value;
    }

    /** A p-value in (0, 1], when given. */
    static Double pValue(String option, Double value) {
        if (value != null && value == 0) {
            // a value below the smallest double (1e-400) is read as 0
            throw fail(option, text(value), "must be a p-value in (0, 1]; a p of 0, or one too small for a double"
                    + " (below about 1e-308), has no z statistic");
        }
        if (value != null && !(value > 0 && value <= 1)) {
            throw fail(option, text(value), "must be a p-value in (0, 1]");
        }
        if (value != null && value < HazardRatioFromSummary.MIN_P) {
            throw fail(option, text(value), "must be at least 2.2e-308, the smallest normal double (a smaller p"
                    + " keeps too few digits for a z statistic)");
        }
        return value;
    }

    /** A whole number of at least {@code min}, when given (e.g. a count of events). */
    static Integer atLeast(String option, Integer value, int min) {
        if (value != null && value < min) {
            throw fail(option, value.toString(), "must be >= " + min);
        }
        return value;
    }

    /** A repeatable option whose values must differ, e.g. {@code --covariate x --covariate x}. */
    static void distinct(String option, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new InputException(option + " " + v + ": given twice");
            }
        }
    }

    /** Two options that only make sense together: both given or neither. */
    static void together(String option, Object value, String otherOption, Object otherValue) {
        if ((value == null) != (otherValue == null)) {
            throw new InputException(option + " and " + otherOption + " must be given together");
        }
    }

    private static InputException fail(String option, String value, String rule) {
        return new InputException(option + ": " + value + " (" + rule + ")");
    }

    /** A number as typed: whole numbers without ".0", others as Java prints them. */
    static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

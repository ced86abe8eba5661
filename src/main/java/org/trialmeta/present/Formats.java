package org.trialmeta.present;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.repository.DecimalText;
import org.trialmeta.stats.Interval;

/**
 * The one place that decides how a number reaches a reader (metafor's {@code formatters.r}: {@code fmtp},
 * {@code fmtx}): fixed digits, p-values, confidence intervals in the journals' styles, percentages, levels and
 * the one token for a value that is missing or not estimable. Every text output (CLI tables, the report's
 * tables and figures, Markdown, DOCX) formats through this class; JSON carries the full-precision numbers and
 * {@code null} instead.
 *
 * <p>All methods are pure, use {@link Locale#ROOT} and never print {@code NaN}, {@code Infinity} or
 * {@code -0.00}: a value that is absent or not finite is written {@link #MISSING}.
 */
public final class Formats {

    /** The token for a value that is missing or not estimable, in every text output (JSON: {@code null}). */
    public static final String MISSING = "NE";

    /** The token for +∞ where infinity is a legitimate value (a conditional MLE odds ratio), as R prints it. */
    public static final String INFINITE = "Inf";

    /** What {@link #MISSING} means, for table footnotes and legends. */
    public static final String MISSING_MEANING = "NE = not estimable";

    private Formats() {}

    /** {@code v} with {@code digits} decimals ("0.52", never "-0.00"); {@link #MISSING} when not finite. */
    public static String fixed(double v, int digits) {
        if (!Double.isFinite(v)) {
            return MISSING;
        }
        String s = DecimalText.fixed(v, digits);
        return isNegativeZero(s) ? s.substring(1) : s;
    }

    /**
     * {@link #fixed(double, int)} for a number drawn in a figure's column, which must stay narrow: from 10<sup>6</sup>
     * up in magnitude, three significant digits in exponent form ("9.77e+85": the CI end of a study with a huge
     * variance on a ratio scale, which fixed notation writes with 86 digits), {@link #INFINITE} or "-Inf" for an
     * infinite end (the exponential of a log-scale end beyond 709.78, as R prints it), {@link #MISSING} when NaN.
     */
    public static String compact(double v, int digits) {
        if (Double.isInfinite(v)) {
            return v > 0 ? INFINITE : "-" + INFINITE;
        }
        return Math.abs(v) >= 1e6 ? significant(v, 3) : fixed(v, digits);
    }

    /** {@link #fixed(double, int)}, or {@link #MISSING} when empty. */
    public static String fixed(OptionalDouble v, int digits) {
        return v.isPresent() ? fixed(v.getAsDouble(), digits) : MISSING;
    }

    /** {@link #fixed(double, int)}, or {@link #MISSING} when null. */
    public static String fixed(Double v, int digits) {
        return v == null ? MISSING : fixed(v.doubleValue(), digits);
    }

    private static boolean isNegativeZero(String s) {
        if (s.isEmpty() || s.charAt(0) != '-') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * A number as a reader types it: whole numbers without decimals ("12"), others with up to 6 significant digits
     * and no trailing zeros ("0.25", "1.5e-07"). For times, test statistics and settings echoed back.
     */
    public static String general(double v) {
        if (!Double.isFinite(v)) {
            return MISSING;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String t = DecimalText.significant(v, 6);
        if (t.contains("e") || !t.contains(".")) {
            return t;
        }
        int end = t.length();
        while (t.charAt(end - 1) == '0') {
            end--;
        }
        if (t.charAt(end - 1) == '.') {
            end--;
        }
        return t.substring(0, end);
    }

    /** {@link #general(double)}, or {@link #MISSING} when empty. */
    public static String general(OptionalDouble v) {
        return v.isPresent() ? general(v.getAsDouble()) : MISSING;
    }

    /** {@link #general(double)}, or {@link #MISSING} when null. */
    public static String general(Double v) {
        return v == null ? MISSING : general(v.doubleValue());
    }

    /**
     * {@code v} with {@code digits} significant digits, as C's {@code %.<digits>g} (and R's {@code print} of a
     * coxph fit): "0.9632", "1.968", "0.005770", "5.456e+09" (exponent form below 1e-4 and from 10^digits up,
     * trailing zeros kept so that a column reads at one precision). {@link #MISSING} when not finite. For
     * hazard ratios, coefficients and statistics whose magnitude varies over orders.
     */
    public static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return MISSING;
        }
        String s = DecimalText.significant(v, digits);
        return isNegativeZero(s) ? s.substring(1) : s;
    }

    /** {@link #significant(double, int)}, or {@link #MISSING} when null. */
    public static String significant(Double v, int digits) {
        return v == null ? MISSING : significant(v.doubleValue(), digits);
    }

    /**
     * A ratio (odds ratio, risk ratio) in a text table: 3 decimals below 100, 1 decimal from 100 ("3.733",
     * "142.5"), and {@link #INFINITE} for +∞, which a conditional maximum-likelihood odds ratio is at the edge of
     * its support (R's {@code fisher.test} prints {@code Inf}): infinite is a value, not a missing one.
     * {@link #MISSING} when NaN.
     */
    public static String ratio(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return INFINITE;
        }
        return fixed(v, Math.abs(v) >= 100 ? 1 : 3);
    }

    /**
     * A number at full precision for machine-read text (CSV cells), as Java writes a double; empty when null or not
     * finite (a CSV cell with no value, as R's {@code write.csv(na = "")}).
     */
    public static String exact(Double v) {
        return v == null || !Double.isFinite(v) ? "" : Double.toString(v);
    }

    /** A confidence level given as a fraction, in percent: 0.95 → "95", 0.975 → "97.5". */
    public static String level(double fraction) {
        return general(Math.round(fraction * 1e10) / 1e8);
    }

    /** A proportion as a percentage with {@code digits} decimals: 0.4386 → "43.9%". */
    public static String percent(double proportion, int digits) {
        return Double.isFinite(proportion) ? fixed(100 * proportion, digits) + "%" : MISSING;
    }

    /** {@link #percent(double, int)}, or {@link #MISSING} when null. */
    public static String percent(Double proportion, int digits) {
        return proportion == null ? MISSING : percent(proportion.doubleValue(), digits);
    }

    // ---- p-values ---------------------------------------------------------------------------------------

    /**
     * A p-value at full text precision: 4 decimals, "&lt;0.0001" below 0.0001 (metafor's {@code fmtp} with
     * {@code digits = 4}). {@link #MISSING} when not finite.
     */
    public static String p(double p) {
        if (!Double.isFinite(p)) {
            return MISSING;
        }
        return p < 1e-4 ? "<0.0001" : fixed(p, 4);
    }

    /** {@link #p(double)}, or {@link #MISSING} when empty. */
    public static String p(OptionalDouble p) {
        return p.isPresent() ? p(p.getAsDouble()) : MISSING;
    }

    /** {@link #p(double)}, or {@link #MISSING} when null. */
    public static String p(Double p) {
        return p == null ? MISSING : p(p.doubleValue());
    }

    /**
     * A p-value as journals print it (NEJM, The Lancet, The BMJ): 2 decimals from 0.01 up, 3 decimals below,
     * "&lt;0.001" below 0.001; "&gt;0.99" above 0.99. {@link #MISSING} when not finite or null.
     */
    public static String pJournal(Double p) {
        if (p == null || !Double.isFinite(p)) {
            return MISSING;
        }
        if (p < 0.001) {
            return "<0.001";
        }
        if (p > 0.99) {
            return ">0.99";
        }
        return fixed(p, p < 0.01 ? 3 : 2);
    }

    /**
     * "p = 0.0123", "p &lt; 0.0001", "p not estimable": a p-value in running text, never "p = &lt;0.0001".
     */
    public static String pEquals(String name, String formattedP) {
        if (formattedP.equals(MISSING)) {
            return name + " not estimable";
        }
        char first = formattedP.charAt(0);
        return first == '<' || first == '>' ? name + " " + first + " " + formattedP.substring(1)
                : name + " = " + formattedP;
    }

    /** {@code pEquals("p", p(value))}. */
    public static String pEquals(double p) {
        return pEquals("p", p(p));
    }

    /** {@code pEquals("p", p(value))}, "p not estimable" when empty. */
    public static String pEquals(OptionalDouble p) {
        return pEquals("p", p(p));
    }

    /**
     * A p-value as RevMan 5 prints it in its forest plots: "P = 0.13" (2 decimals from 0.01 up; one more decimal per
     * decade below, up to 5), "P &lt; 0.00001" below 0.00001; "P not estimable" when not finite or null.
     */
    public static String pRevMan(Double p) {
        if (p == null || !Double.isFinite(p)) {
            return "P not estimable";
        }
        if (p < 0.00001) {
            return "P < 0.00001";
        }
        int digits = p >= 0.01 ? 2 : p >= 0.001 ? 3 : p >= 0.0001 ? 4 : 5;
        return "P = " + fixed(p, digits);
    }

    // ---- confidence intervals ---------------------------------------------------------------------------

    /**
     * "[0.52, 0.87]", "(0.52–0.87)", "(0.52 to 0.87)" or "0.52 to 0.87" with {@code digits} decimals;
     * {@link #MISSING} when an end is not finite (an interval with an infinite end, e.g. the HR of a Cox
     * coefficient that diverges, is not estimable as a whole).
     */
    public static String ci(double lower, double upper, int digits, CiStyle style) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return MISSING;
        }
        return wrap(fixed(lower, digits), fixed(upper, digits), style);
    }

    /**
     * A ratio's confidence interval with the digits of {@link #ratio(double)}: "[1.535, 9.078]", and
     * "[0.512, Inf]" for the exact interval of an infinite conditional MLE; {@link #MISSING} when an end is NaN.
     */
    public static String ratioCi(double lower, double upper, CiStyle style) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            return MISSING;
        }
        return wrap(ratio(lower), ratio(upper), style);
    }

    /**
     * An interval of two ends already written, for an end that is not a number: a median's CI whose upper end was
     * not reached, "(14.8–NR)". The dash style falls back to "to" when an end is negative, as for numbers.
     */
    public static String ci(String lower, String upper, CiStyle style) {
        return wrap(lower, upper, style);
    }

    /**
     * As {@link #ci(double, double, int, CiStyle)} with {@code digits} significant digits
     * ({@link #significant(double, int)}): "0.9524 to 0.9742", "1.392 to 7.486". For ratios whose ends differ in
     * magnitude.
     */
    public static String ciSignificant(double lower, double upper, int digits, CiStyle style) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return MISSING;
        }
        return wrap(significant(lower, digits), significant(upper, digits), style);
    }

    /** {@link #ci(double, double, int, CiStyle)} with the ends written by {@link #compact(double, int)}, for figures. */
    public static String ciCompact(double lower, double upper, int digits, CiStyle style) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            return MISSING;
        }
        return wrap(compact(lower, digits), compact(upper, digits), style);
    }

    private static String wrap(String a, String b, CiStyle style) {
        return switch (style) {
            case BRACKETS -> "[" + a + ", " + b + "]";
            case PAREN_DASH -> a.startsWith("-") || b.startsWith("-") ? "(" + a + " to " + b + ")"
                    : "(" + a + "\u2013" + b + ")";
            case PAREN_TO -> "(" + a + " to " + b + ")";
            case TO -> a + " to " + b;
        };
    }

    /** {@link #ci(double, double, int, CiStyle)} of an interval, or {@link #MISSING} when absent. */
    public static String ci(Optional<Interval> ci, int digits, CiStyle style) {
        return ci.map(c -> ci(c.lower(), c.upper(), digits, style)).orElse(MISSING);
    }

    /** {@link #ci(double, double, int, CiStyle)}, or {@link #MISSING} when an end is null. */
    public static String ci(Double lower, Double upper, int digits, CiStyle style) {
        return lower == null || upper == null ? MISSING : ci(lower.doubleValue(), upper.doubleValue(), digits, style);
    }

    /**
     * "0.68 [0.52, 0.87]": an estimate with its interval; the estimate alone when the interval is missing;
     * {@link #MISSING} when the estimate is.
     */
    public static String estimateCi(Double estimate, Double lower, Double upper, int digits, CiStyle style) {
        if (estimate == null || !Double.isFinite(estimate)) {
            return MISSING;
        }
        String ci = ci(lower, upper, digits, style);
        return fixed(estimate, digits) + (ci.equals(MISSING) ? "" : " " + ci);
    }

    /** A percentage with its CI from proportions: "43.9% (30.7–57.6)". */
    public static String percentCi(Double p, Double lower, Double upper, int digits, CiStyle style) {
        if (p == null || !Double.isFinite(p)) {
            return MISSING;
        }
        String ci = lower == null || upper == null ? MISSING : ci(100 * lower, 100 * upper, digits, style);
        return percent(p, digits) + (ci.equals(MISSING) ? "" : " " + ci);
    }
}

package org.trialmeta.check;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;
import org.trialmeta.repository.DecimalText;

/**
 * Reported numbers and their rounding.
 *
 * <p>The precision of a reported number is the number of decimals it was printed with: 44 has 0,
 * 42.3 has 1. The loader keeps numbers as doubles, so a trailing zero is lost (a printed "42.0" reads
 * as 42 and is checked at integer rounding): that makes a check more lenient, never stricter.
 *
 * <p>A recomputed value x is consistent with a reported r printed with d decimals when
 * |x − r| ≤ ½·10<sup>−d</sup> (closed, so both round-half-up and round-half-even sources pass at an
 * exact half), with an absolute slack of {@value #SLACK} for binary floating point.
 */
final class Precision {

    /** Floating-point slack on the percent scale; far below the gap between distinct k/n. */
    static final double SLACK = 1e-9;

    private Precision() {}

    /** Number of decimals a reported value was printed with (0 for 44, 1 for 42.3). */
    static int decimals(double reported) {
        BigDecimal b = BigDecimal.valueOf(reported).stripTrailingZeros();
        return Math.max(0, b.scale());
    }

    /** Half a unit of the last printed decimal: 0.5 for integers, 0.05 for one decimal. */
    static double halfUnit(int decimals) {
        return 0.5 * Math.pow(10, -decimals);
    }

    /** Whether {@code exact} rounds to {@code reported} at the decimals {@code reported} was printed with. */
    static boolean roundsTo(double exact, double reported) {
        return roundsTo(exact, reported, decimals(reported));
    }

    static boolean roundsTo(double exact, double reported, int decimals) {
        return Math.abs(exact - reported) <= halfUnit(decimals) + SLACK;
    }

    /** A reported number as printed: 44, 42.3 (no trailing zeros, no exponent). */
    static String text(double reported) {
        return BigDecimal.valueOf(reported).stripTrailingZeros().toPlainString();
    }

    /** {@code value} with exactly {@code decimals} decimals, as {@code String.format("%.Nf")} ({@link DecimalText}). */
    static String fixed(double value, int decimals) {
        return DecimalText.fixed(value, decimals);
    }

    /** {@code value} rounded half-up to {@code decimals}, as a source would print it. */
    static String rounded(double value, int decimals) {
        return new BigDecimal(Double.toString(value)).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString().replaceFirst("^-0$", "0");
    }

    /**
     * The responder counts k in [0, n] for which 100·k/n rounds to {@code percent} at its printed
     * precision (GRIM: Brown NJL, Heathers JAJ. Soc Psychol Personal Sci 2017;8:363–369,
     * doi:10.1177/1948550616673876). Empty when no integer count can give the percentage.
     *
     * <p>The counts form one run of consecutive integers (100·k/n grows with k), so they are found in
     * closed form: the run lies within one of [n(p−h)/100, n(p+h)/100] (h half a printed unit), and only
     * its two ends are searched for, a few steps each. The list is a view of that run: O(1) memory and
     * time whatever n (n = 2·10<sup>9</sup> at integer rounding allows 2·10<sup>7</sup> counts).
     */
    static List<Integer> candidateCounts(double percent, int n) {
        return candidateCounts(percent, decimals(percent), n);
    }

    /** {@link #candidateCounts(double, int)} with the printed decimals of {@code percent} already known. */
    static List<Integer> candidateCounts(double percent, int decimals, int n) {
        if (n <= 0) {
            return List.of();
        }
        double h = halfUnit(decimals);
        // the run's ends lie within 1 of these estimates (double error on n·p/100 is far below 1, SLACK·n/100 < 1)
        long lo = Math.max(0, (long) Math.floor(n * (percent - h) / 100.0) - 2);
        long hi = Math.min(n, (long) Math.ceil(n * (percent + h) / 100.0) + 2);
        long first = lo;
        while (first <= hi && !roundsTo(100.0 * first / n, percent, decimals)) {
            first++;
        }
        if (first > hi) {
            return List.of();
        }
        long last = hi;
        while (last > first && !roundsTo(100.0 * last / n, percent, decimals)) {
            last--;
        }
        return new Run((int) first, (int) last);
    }

    /**
     * The denominators m ≥ k for which 100·k/m rounds to {@code percent} at {@code decimals}: what a printed
     * percentage says about the denominator of a known count k. They form one run (100·k/m falls as m grows), inside
     * [100k/(p+h), 100k/(p−h)] (h half a printed unit); as in {@link #candidateCounts}, only the run's two ends are
     * searched for, a few steps each. Needs k ≥ 1 and p − h > 0 (otherwise every large m qualifies); empty when no
     * denominator gives the percentage.
     */
    static List<Integer> candidateDenominators(int k, double percent, int decimals) {
        double h = halfUnit(decimals);
        if (k < 1 || !(percent - h > 0)) {
            throw new IllegalArgumentException("candidate denominators of " + k + " at " + percent
                    + "%: unbounded (needs k >= 1 and a percentage above half a printed unit)");
        }
        long lo = Math.max(k, (long) Math.floor(100.0 * k / (percent + h)) - 2);
        long hi = Math.min(Integer.MAX_VALUE, (long) Math.ceil(100.0 * k / (percent - h)) + 2);
        long first = lo;
        while (first <= hi && first - lo <= 4 && !roundsTo(100.0 * k / first, percent, decimals)) {
            first++;
        }
        if (first > hi || !roundsTo(100.0 * k / first, percent, decimals)) {
            return List.of();
        }
        long last = hi;
        while (last > first && !roundsTo(100.0 * k / last, percent, decimals)) {
            last--;
        }
        return new Run((int) first, (int) last);
    }

    /** The consecutive integers first..last as an unmodifiable list (never materialised). */
    static final class Run extends AbstractList<Integer> implements RandomAccess {
        private final int first;
        private final int last;

        Run(int first, int last) {
            if (first > last) {
                throw new IllegalArgumentException("run " + first + ".." + last + ": first > last");
            }
            this.first = first;
            this.last = last;
        }

        @Override
        public Integer get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("index " + index + " of " + size());
            }
            return first + index;
        }

        @Override
        public int size() {
            return last - first + 1;
        }
    }

    /** A recomputed p-value: "0.034", "0.0005", "1.0e-05". */
    static String p(double p) {
        if (p >= 0.01) {
            return fixed(p, 3);
        }
        if (p >= 1e-4) {
            return fixed(p, 4);
        }
        return String.format(Locale.ROOT, "%.1e", p);
    }

    /** "25/57 = 43.9%" with one decimal more than the reported precision (at least one). */
    static String ratio(int k, int n, int reportedDecimals) {
        return k + "/" + n + " = " + fixed(100.0 * k / n, Math.max(1, reportedDecimals + 1)) + "%";
    }
}

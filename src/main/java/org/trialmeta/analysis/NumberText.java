package org.trialmeta.analysis;

import java.util.Locale;

/** Number formatting shared by the CLI and the report (Locale.ROOT; "NE" for not estimable). */
public final class NumberText {

    /** Shown for a value that is not estimable. */
    public static final String NE = "NE";

    private NumberText() {}

    /** {@code v} with {@code digits} decimals, or "NE" when null or not finite. */
    public static String fixed(Double v, int digits) {
        if (v == null || !Double.isFinite(v)) {
            return NE;
        }
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /** A proportion as a percentage with one decimal, e.g. 0.4386 → "43.9%". */
    public static String percent(Double p) {
        return p == null ? NE : fixed(100 * p, 1) + "%";
    }

    /** "43.9% (30.7–57.6)" from a proportion and its CI. */
    public static String percentCi(Double p, Double lo, Double hi) {
        if (p == null) {
            return NE;
        }
        return percent(p) + " (" + fixed(100 * lo, 1) + "\u2013" + fixed(100 * hi, 1) + ")";
    }

    /** "3.73 (1.52–9.17)". */
    public static String ci(Double v, Double lo, Double hi, int digits) {
        if (v == null) {
            return NE;
        }
        return fixed(v, digits) + (lo == null || hi == null ? "" : " (" + fixed(lo, digits) + "\u2013" + fixed(hi, digits) + ")");
    }

    /** A p-value: "<0.001" below 0.001, else 3 decimals (4 below 0.01). */
    public static String p(Double p) {
        if (p == null || !Double.isFinite(p)) {
            return NE;
        }
        if (p < 0.001) {
            return "<0.001";
        }
        return fixed(p, p < 0.01 ? 4 : 3);
    }
}

package org.trialmeta.stats.meta;

import java.util.Objects;

/**
 * Settings of Mantel-Haenszel and Peto pooling of 2×2 tables, named as the arguments of metafor's
 * {@code rma.mh()} and {@code rma.peto()}.
 *
 * <p>{@code add}, {@code to} and {@code drop00} act only on the study-level estimates {@code yi}/{@code vi}
 * (metafor passes {@code add[1]}, {@code to[1]}, {@code drop00[1]} to {@code escalc}); these give the
 * heterogeneity statistics Q, I², H² of Mantel-Haenszel pooling and the per-study rows of the result.
 * The pooled Mantel-Haenszel and Peto estimates always use the tables as observed, as metafor's defaults
 * ({@code add[2] = 0}, {@code to[2] = "none"}, {@code drop00[2] = FALSE}).
 *
 * @param level   confidence level as a fraction in (0, 1) ({@link org.trialmeta.stats.ConfidenceLevel}); metafor {@code level = 95}
 * @param add     amount added to the cells of the tables chosen by {@code to}; metafor {@code add = 1/2}
 * @param to      which tables get {@code add}; metafor {@code to = "only0"}
 * @param drop00  whether tables with no events in either group, or only events in both groups, get no
 *                {@code yi}/{@code vi} (they still enter the pooled estimate); metafor {@code drop00 = TRUE}
 * @param correct whether the Cochran-Mantel-Haenszel test (odds ratio only) uses the continuity
 *                correction 1/2; metafor {@code correct = TRUE}. Ignored by the other measures and by Peto.
 */
public record TwoByTwoPoolOptions(double level, double add, AddTo to, boolean drop00, boolean correct) {

    /** Which tables receive the amount {@code add} in every cell, as metafor's {@code to} argument. */
    public enum AddTo {
        /** Every table ({@code to = "all"}). */
        ALL,
        /** Only tables with a zero cell ({@code to = "only0"}, the default). */
        ONLY0,
        /** Every table, if any table has a zero cell ({@code to = "if0all"}). */
        IF0ALL,
        /** No table ({@code to = "none"}). */
        NONE
    }

    /** metafor's defaults: {@code level = 95, add = 1/2, to = "only0", drop00 = TRUE, correct = TRUE}. */
    public static final TwoByTwoPoolOptions DEFAULTS = new TwoByTwoPoolOptions(0.95, 0.5, AddTo.ONLY0, true, true);

    public TwoByTwoPoolOptions {
        org.trialmeta.stats.ConfidenceLevel.check(level);
        if (!(add >= 0) || Double.isInfinite(add)) {
            throw new IllegalArgumentException("add " + add + " must be finite and >= 0");
        }
        Objects.requireNonNull(to, "to must not be null");
    }

    /** A copy with another confidence level (a fraction, e.g. 0.95). */
    public TwoByTwoPoolOptions withLevel(double newLevel) {
        return new TwoByTwoPoolOptions(newLevel, add, to, drop00, correct);
    }

    /** A copy with another zero-cell correction. */
    public TwoByTwoPoolOptions withCorrection(double newAdd, AddTo newTo) {
        return new TwoByTwoPoolOptions(level, newAdd, newTo, drop00, correct);
    }

    /** A copy with another {@code drop00}. */
    public TwoByTwoPoolOptions withDrop00(boolean newDrop00) {
        return new TwoByTwoPoolOptions(level, add, to, newDrop00, correct);
    }

    /** A copy with or without the continuity correction of the Cochran-Mantel-Haenszel test. */
    public TwoByTwoPoolOptions withCorrect(boolean newCorrect) {
        return new TwoByTwoPoolOptions(level, add, to, drop00, newCorrect);
    }
}

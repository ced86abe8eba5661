package org.trialmeta.stats.meta;

/**
 * Effect size measures, named as metafor's {@code escalc(measure=)}.
 * Two-group measures take 2×2 counts (events and totals per group); single-group measures take
 * events and a total; {@link #GEN} takes an estimate and its sampling variance as given.
 */
public enum EffectMeasure {
    /** Log odds ratio (two groups). */
    OR(Kind.TWO_GROUP),
    /** Log risk ratio (two groups). */
    RR(Kind.TWO_GROUP),
    /** Risk difference (two groups). */
    RD(Kind.TWO_GROUP),
    /** Logit-transformed proportion. */
    PLO(Kind.SINGLE_PROPORTION),
    /** Freeman-Tukey double arcsine transformed proportion. */
    PFT(Kind.SINGLE_PROPORTION),
    /** Arcsine square-root transformed proportion. */
    PAS(Kind.SINGLE_PROPORTION),
    /** Raw proportion. */
    PR(Kind.SINGLE_PROPORTION),
    /** Log-transformed proportion. */
    PLN(Kind.SINGLE_PROPORTION),
    /** Generic: estimates {@code yi} with sampling variances {@code vi} as supplied. */
    GEN(Kind.GENERIC);

    /** What data a measure is computed from. */
    public enum Kind { TWO_GROUP, SINGLE_PROPORTION, GENERIC }

    private final Kind kind;

    EffectMeasure(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

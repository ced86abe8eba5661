package org.trialmeta.stats.meta;

/**
 * Effect size measures, named as metafor's {@code escalc(measure=)}.
 * Two-group measures take 2×2 counts (events and totals per group); single-group measures take
 * events and a total; continuous measures take means, SDs and sizes per group; {@link #GEN} takes an estimate
 * and its sampling variance as given; {@link #HR} takes a published hazard ratio in one of three forms.
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
    /** Raw mean difference (two groups). */
    MD(Kind.CONTINUOUS),
    /** Standardised mean difference, Hedges' g with the exact bias correction (two groups). */
    SMD(Kind.CONTINUOUS),
    /** Log ratio of means (two groups, positive means). */
    ROM(Kind.CONTINUOUS),
    /** Log hazard ratio from a published HR with CI, a log HR with SE, or the log-rank O − E and V. */
    HR(Kind.HAZARD_RATIO),
    /** Generic: estimates {@code yi} with sampling variances {@code vi} as supplied. */
    GEN(Kind.GENERIC);

    /** What data a measure is computed from. */
    public enum Kind { TWO_GROUP, SINGLE_PROPORTION, CONTINUOUS, HAZARD_RATIO, GENERIC }

    private final Kind kind;

    EffectMeasure(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

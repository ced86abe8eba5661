package org.trialmeta.stats.meta;

/**
 * Continuity correction for zero cells, as metafor's {@code escalc(add=, to=)}.
 *
 * <p>With {@link To#ONLY0} the constant {@code add} is added to every cell of the studies that have a
 * zero cell (2×2: any of ai, bi, ci, di; proportions: xi or ni−xi); {@link To#ALL} adds it to every
 * cell of every study; {@link To#IF0ALL} adds it to every study when any study has a zero cell;
 * {@link To#NONE} never adds. metafor's defaults are {@code add = 1/2, to = "only0"} for OR, RR, RD,
 * PLO, PR and PLN, and {@code add = 0} for PAS and PFT ({@link #metaforDefault(EffectMeasure)}).
 *
 * @param add the constant added to the cells, finite and not negative
 * @param to  which studies receive it
 */
public record ZeroCellCorrection(double add, To to) {

    /** Which studies receive the correction, as {@code escalc(to=)}. */
    public enum To {
        /** {@code to = "all"}. */
        ALL,
        /** {@code to = "only0"} (metafor's default). */
        ONLY0,
        /** {@code to = "if0all"}. */
        IF0ALL,
        /** {@code to = "none"}. */
        NONE
    }

    public ZeroCellCorrection {
        if (!(Double.isFinite(add) && add >= 0)) {
            throw new IllegalArgumentException("zero-cell correction add " + add + " must be finite and >= 0");
        }
        if (to == null) {
            throw new IllegalArgumentException("zero-cell correction to must not be null");
        }
    }

    /** No correction at all. */
    public static ZeroCellCorrection none() {
        return new ZeroCellCorrection(0, To.NONE);
    }

    /**
     * metafor 3.8 {@code escalc} defaults: {@code add = 1/2, to = "only0"}, except {@code add = 0} for
     * PAS and PFT (metafor sets {@code add <- 0} for these when {@code add} is not given) and no
     * correction for the measures without counts (MD, SMD, ROM, HR, GEN).
     */
    public static ZeroCellCorrection metaforDefault(EffectMeasure measure) {
        return switch (measure) {
            case OR, RR, RD, PLO, PR, PLN -> new ZeroCellCorrection(0.5, To.ONLY0);
            case PAS, PFT -> new ZeroCellCorrection(0, To.ONLY0);
            case MD, SMD, ROM, HR, GEN -> none();
        };
    }
}

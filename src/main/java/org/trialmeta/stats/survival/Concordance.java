package org.trialmeta.stats.survival;

/**
 * Harrell's concordance of a Cox model's linear predictor with the observed survival, as survival
 * 3.5's {@code concordance(fit)} / {@code summary(fit)$concordance}: over comparable pairs (the
 * earlier time is an event; a censoring tied with an event time counts as later; pairs within a
 * stratum only), C = (concordant + tiedX / 2) / (concordant + discordant + tiedX), where concordant
 * means the subject with the higher risk score fails first. Pairs tied on time ({@code tiedY},
 * {@code tiedXY}) do not enter C. The standard error is the infinitesimal-jackknife one that
 * {@code concordancefit} reports ({@code sqrt(var)}).
 *
 * <p>Harrell FE et al. Evaluating the yield of medical tests. JAMA 1982;247:2543–2546.
 */
public record Concordance(double value, double standardError, long concordant, long discordant,
        long tiedX, long tiedY, long tiedXY) {
    public Concordance {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("concordance " + value + " must be in [0, 1]");
        }
        if (!(standardError >= 0) || Double.isInfinite(standardError)) {
            throw new IllegalArgumentException("concordance standard error " + standardError + " must be finite and >= 0");
        }
    }
}

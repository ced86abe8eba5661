package org.trialmeta.stats.survival.summary;

import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.Interval;

/**
 * A log hazard ratio (treated/research vs control) and its variance derived from published
 * summaries, ready for generic inverse-variance pooling (yi = logHr, vi = variance).
 *
 * @param logHr log hazard ratio
 * @param variance its variance, finite and > 0
 * @param method the method used (paper, equation in words) and its assumption
 */
public record LogHazardRatio(double logHr, double variance, String method) {
    public LogHazardRatio {
        if (!Double.isFinite(logHr)) {
            throw new IllegalArgumentException("log HR " + logHr + " must be finite");
        }
        if (!(variance > 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("log HR variance " + variance + " must be finite and > 0");
        }
        Objects.requireNonNull(method, "method");
    }

    /** exp(logHr). */
    public double hazardRatio() {
        return Math.exp(logHr);
    }

    /** sqrt(variance). */
    public double standardError() {
        return Math.sqrt(variance);
    }

    /** Wald CI of the hazard ratio, exp(logHr ± z_{(1+level)/2} se). */
    public Interval hazardRatioCi(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " must be in (0, 1)");
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new Interval(Math.exp(logHr - z * standardError()), Math.exp(logHr + z * standardError()));
    }
}

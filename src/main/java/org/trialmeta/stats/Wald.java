package org.trialmeta.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Wald intervals and tests on the normal scale: the critical value z(1 − α/2) of a confidence level and the
 * two-sided p-value 2·(1 − Φ(|z|)) of a z statistic (R: {@code qnorm(1 - alpha/2)}, {@code 2 * pnorm(-abs(z))}).
 */
public final class Wald {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Wald() {}

    /** z(1 − α/2) for a level given as a fraction (1.959964… for 0.95). */
    public static double critical(double level) {
        return STANDARD_NORMAL.inverseSurvivalProbability(ConfidenceLevel.alpha(ConfidenceLevel.check(level)) / 2);
    }

    /** The two-sided p-value of {@code estimate / se}. */
    public static double twoSidedP(double estimate, double se) {
        return 2 * STANDARD_NORMAL.survivalProbability(Math.abs(estimate / se));
    }
}

package org.trialmeta.stats.nma;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * P-scores (Rücker &amp; Schwarzer 2015, doi:10.1186/s12874-015-0060-8; netmeta {@code netrank}): the mean over the
 * other treatments j of the one-sided p-value-like certainty that treatment i is better,
 * P_i = (1/(T − 1)) Σ_{j≠i} Φ(±(θ_i − θ_j)/SE(θ_i − θ_j)), with the sign − when small values are good (e.g. a log
 * odds ratio of an adverse event) and + when large values are good.
 */
public final class PScores {

    private static final NormalDistribution Z = NormalDistribution.of(0, 1);

    private PScores() {}

    /** P-score of every treatment, in the result's treatment order. */
    public static double[] of(NmaResult r, boolean smallValuesGood) {
        int t = r.size();
        double[] p = new double[t];
        for (int i = 0; i < t; i++) {
            double s = 0;
            for (int j = 0; j < t; j++) {
                if (i != j) {
                    double z = r.estimate(i, j) / r.se(i, j);
                    s += Z.cumulativeProbability(smallValuesGood ? -z : z);
                }
            }
            p[i] = s / (t - 1);
        }
        return p;
    }
}

package org.trialmeta.stats.nma;

import java.util.Arrays;

/**
 * One study of a network on the analysis scale: its arms' treatments and its contrasts against its first arm
 * (the baseline), with their covariance. A multi-arm study's contrasts share the baseline arm, so they are
 * correlated: with arm variances s_b (baseline) and s_j, Var(y_j) = s_j + s_b and Cov(y_j, y_k) = s_b. For contrasts
 * given as all pairs with variances v_ij the same matrix is Cov(y_j, y_k) = (v_bj + v_bk − v_jk)/2 (Rücker 2012,
 * the projection netmeta's {@code multiarm} makes).
 *
 * @param label      the study's name
 * @param treatments treatment indices of its arms, baseline first, all different
 * @param y          contrasts arm j vs the baseline, j = 1..a−1 (length a−1)
 * @param cov        their covariance ((a−1)×(a−1), symmetric, positive definite)
 */
public record NmaStudy(String label, int[] treatments, double[] y, double[][] cov) {

    public NmaStudy {
        int a = treatments.length;
        if (a < 2) {
            throw new IllegalArgumentException("study " + label + " has " + a + " arm(s); a study needs at least 2");
        }
        if (y.length != a - 1 || cov.length != a - 1) {
            throw new IllegalArgumentException("study " + label + ": " + a + " arms need " + (a - 1) + " contrasts");
        }
        if (Arrays.stream(treatments).distinct().count() != a) {
            throw new IllegalArgumentException("study " + label + " has two arms of the same treatment");
        }
        treatments = treatments.clone();
        y = y.clone();
        double[][] c = new double[a - 1][];
        for (int i = 0; i < a - 1; i++) {
            if (cov[i].length != a - 1) {
                throw new IllegalArgumentException("study " + label + ": covariance is not square");
            }
            c[i] = cov[i].clone();
            if (!(c[i][i] > 0) || !Double.isFinite(c[i][i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("study " + label + ": contrast " + (i + 1)
                        + " needs a finite estimate and a positive finite variance");
            }
        }
        cov = c;
    }

    /**
     * A study from its arms' estimates and variances (log odds, means, …): y_j = est_j − est_0,
     * Var(y_j) = var_j + var_0, Cov(y_j, y_k) = var_0.
     */
    public static NmaStudy fromArms(String label, int[] treatments, double[] estimate, double[] variance) {
        int a = treatments.length;
        if (estimate.length != a || variance.length != a) {
            throw new IllegalArgumentException("study " + label + ": one estimate and one variance per arm");
        }
        double[] y = new double[Math.max(0, a - 1)];
        double[][] cov = new double[Math.max(0, a - 1)][Math.max(0, a - 1)];
        for (int j = 1; j < a; j++) {
            y[j - 1] = estimate[j] - estimate[0];
            for (int k = 1; k < a; k++) {
                cov[j - 1][k - 1] = variance[0] + (j == k ? variance[j] : 0);
            }
        }
        return new NmaStudy(label, treatments, y, cov);
    }

    /**
     * A study from all its pairwise contrasts: {@code pairEstimate[j][0]} estimates arm j − arm 0 and
     * {@code pairVariance[j][k]} (j ≠ k, read for j &gt; k and j &gt; 0) is the variance of arm j − arm k. The basic
     * contrasts are y_j = d[j][0] with Cov(y_j, y_k) = (v_j0 + v_k0 − v_jk)/2.
     */
    public static NmaStudy fromPairs(String label, int[] treatments, double[][] pairEstimate, double[][] pairVariance) {
        int a = treatments.length;
        double[] y = new double[Math.max(0, a - 1)];
        double[][] cov = new double[Math.max(0, a - 1)][Math.max(0, a - 1)];
        for (int j = 1; j < a; j++) {
            y[j - 1] = pairEstimate[j][0];
            for (int k = 1; k < a; k++) {
                cov[j - 1][k - 1] = j == k ? pairVariance[j][0]
                        : (pairVariance[j][0] + pairVariance[k][0] - pairVariance[Math.max(j, k)][Math.min(j, k)]) / 2;
            }
        }
        return new NmaStudy(label, treatments, y, cov);
    }

    @Override
    public int[] treatments() {
        return treatments.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[][] cov() {
        return Matrices.copy(cov);
    }

    /** Whether the contrasts' covariance is positive definite (a multi-arm study's pairs must fit together). */
    public boolean positiveDefinite() {
        try {
            Matrices.cholesky(cov, 1e-10);
            return true;
        } catch (org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException
                | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return false;
        }
    }

    /** Number of arms. */
    public int arms() {
        return treatments.length;
    }

    /** Treatment of arm {@code j} (0 = baseline), without copying. */
    public int treatment(int j) {
        return treatments[j];
    }

    /** The contrast arm j vs arm k (j, k in 0..a−1) and its variance: {estimate, variance}. */
    public double[] pair(int j, int k) {
        double yj = j == 0 ? 0 : y[j - 1];
        double yk = k == 0 ? 0 : y[k - 1];
        double v = var(j) + var(k) - 2 * covariance(j, k);
        return new double[] {yj - yk, v};
    }

    private double var(int j) {
        return j == 0 ? 0 : cov[j - 1][j - 1];
    }

    private double covariance(int j, int k) {
        return j == 0 || k == 0 ? 0 : cov[j - 1][k - 1];
    }

    double yAt(int i) {
        return y[i];
    }

    double covAt(int i, int j) {
        return cov[i][j];
    }
}

package org.trialmeta.stats.nma;

import java.util.Arrays;

/**
 * One study of a network on the analysis scale: its arms' treatments and its contrasts against its first arm
 * (the baseline), with their covariance. A multi-arm study's contrasts share the baseline arm, so they are
 * correlated: with arm variances s_b (baseline) and s_j, Var(y_j) = s_j + s_b and Cov(y_j, y_k) = s_b. For contrasts
 * given as all pairs with variances v_ij the same matrix is Cov(y_j, y_k) = (v_bj + v_bk − v_jk)/2 (Rücker 2012,
 * the projection netmeta's {@code multiarm} makes).
 */
public final class NmaStudy {

    private final String label;
    private final int[] treatments;
    /**
     * The contrasts and then their covariance row by row, in one array: y_1..y_m, then Cov(y_i, y_j) at
     * {@code m + i·m + j} (m = a − 1). One array a study instead of three (with a double[][] of rows): a network of
     * 100,000 two-arm studies held in 14 MB instead of 19.
     */
    private final double[] data;

    /**
     * A study (the arrays are copied).
     *
     * @param label      the study's name
     * @param treatments treatment indices of its arms, baseline first, all different
     * @param y          contrasts arm j vs the baseline, j = 1..a−1 (length a−1)
     * @param cov        their covariance ((a−1)×(a−1), symmetric, positive definite)
     */
    public NmaStudy(String label, int[] treatments, double[] y, double[][] cov) {
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
        int m = a - 1;
        double[] d = new double[m + m * m];
        for (int i = 0; i < m; i++) {
            if (cov[i].length != m) {
                throw new IllegalArgumentException("study " + label + ": covariance is not square");
            }
            if (!(cov[i][i] > 0) || !Double.isFinite(cov[i][i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("study " + label + ": contrast " + (i + 1)
                        + " needs a finite estimate and a positive finite variance");
            }
            d[i] = y[i];
            System.arraycopy(cov[i], 0, d, m + i * m, m);
        }
        this.label = label;
        this.treatments = treatments.clone();
        this.data = d;
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

    /** The study's name. */
    public String label() {
        return label;
    }

    /** Treatment indices of its arms, baseline first (a copy). */
    public int[] treatments() {
        return treatments.clone();
    }

    /** Contrasts arm j vs the baseline, j = 1..a−1 (a copy). */
    public double[] y() {
        return Arrays.copyOf(data, treatments.length - 1);
    }

    /** Their covariance ((a−1)×(a−1), a copy). */
    public double[][] cov() {
        int m = treatments.length - 1;
        double[][] c = new double[m][];
        for (int i = 0; i < m; i++) {
            c[i] = Arrays.copyOfRange(data, m + i * m, m + (i + 1) * m);
        }
        return c;
    }

    /** Whether the contrasts' covariance is positive definite (a multi-arm study's pairs must fit together). */
    public boolean positiveDefinite() {
        try {
            Matrices.cholesky(cov(), 1e-10);
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
        double yj = j == 0 ? 0 : data[j - 1];
        double yk = k == 0 ? 0 : data[k - 1];
        double v = var(j) + var(k) - 2 * covariance(j, k);
        return new double[] {yj - yk, v};
    }

    private double var(int j) {
        return j == 0 ? 0 : covAt(j - 1, j - 1);
    }

    private double covariance(int j, int k) {
        return j == 0 || k == 0 ? 0 : covAt(j - 1, k - 1);
    }

    double yAt(int i) {
        return data[i];
    }

    double covAt(int i, int j) {
        int m = treatments.length - 1;
        return data[m + i * m + j];
    }
}

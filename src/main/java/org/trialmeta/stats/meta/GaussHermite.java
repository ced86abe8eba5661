package org.trialmeta.stats.meta;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Gauss-Hermite rule for the standard normal density: nodes z₁ &lt; … &lt; zₙ and weights w₁ … wₙ (Σ wⱼ = 1)
 * with Σ wⱼ f(zⱼ) = ∫ f(z) φ(z) dz exactly for polynomials f of degree ≤ 2n − 1. These are lme4's
 * {@code GHrule(n)} columns {@code z} and {@code w} (the "probabilists'" Hermite rule, physicists' nodes × √2).
 *
 * <p>Computed by Golub-Welsch: the nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix of the
 * orthonormal Hermite polynomials (zero diagonal, off-diagonal √j, j = 1 … n − 1; Golub &amp; Welsch, Math Comp
 * 1969;23:221–230); each node is then refined by Newton steps on the three-term recurrence pₙ₊₁(z) =
 * (z·pₙ(z) − √n·pₙ₋₁(z))/√(n + 1), and its weight is the Christoffel number 1/Σⱼ₌₀ⁿ⁻¹ pⱼ(zⱼ)². Finally the rule
 * is made exactly symmetric (zⱼ = −zₙ₊₁₋ⱼ, equal mirrored weights, a node at exactly 0 for odd n), as lme4 does.
 */
public final class GaussHermite {

    /** Largest number of nodes accepted (lme4's {@code GHrule} stops at 100 too). */
    public static final int MAX_POINTS = 100;

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * The n-point rule.
     *
     * @param n number of nodes, 1 … {@link #MAX_POINTS}
     * @throws IllegalArgumentException for n outside that range
     */
    public static GaussHermite of(int n) {
        if (n < 1 || n > MAX_POINTS) {
            throw new IllegalArgumentException("quadrature points " + n + " must be between 1 and " + MAX_POINTS);
        }
        double[] z = new double[n];
        if (n > 1) {
            double[][] jacobi = new double[n][n];
            for (int j = 1; j < n; j++) {
                jacobi[j][j - 1] = Math.sqrt(j);
                jacobi[j - 1][j] = Math.sqrt(j);
            }
            z = new EigenDecomposition(new Array2DRowRealMatrix(jacobi, false))
                    .getRealEigenvalues();
            Arrays.sort(z);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int step = 0; step < 3 && n > 1; step++) {
                double[] p = orthonormal(z[i], n);
                double derivative = Math.sqrt(n) * p[n - 1];
                z[i] -= p[n] / derivative;
            }
            double[] p = orthonormal(z[i], n);
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += p[j] * p[j];
            }
            w[i] = 1 / s;
        }
        for (int i = 0; i < n / 2; i++) {
            int m = n - 1 - i;
            double zi = (z[m] - z[i]) / 2;
            double wi = (w[i] + w[m]) / 2;
            z[i] = -zi;
            z[m] = zi;
            w[i] = wi;
            w[m] = wi;
        }
        if (n % 2 == 1) {
            z[n / 2] = 0;
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        return new GaussHermite(z, w);
    }

    /** p₀(z) … pₙ(z), the orthonormal Hermite polynomials for the standard normal weight. */
    private static double[] orthonormal(double z, int n) {
        double[] p = new double[n + 1];
        p[0] = 1;
        if (n >= 1) {
            p[1] = z;
        }
        for (int j = 1; j < n; j++) {
            p[j + 1] = (z * p[j] - Math.sqrt(j) * p[j - 1]) / Math.sqrt(j + 1.0);
        }
        return p;
    }

    /** Number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** The nodes, ascending. */
    public double[] nodes() {
        return nodes.clone();
    }

    /** The weights (sum 1). */
    public double[] weights() {
        return weights.clone();
    }

    double node(int j) {
        return nodes[j];
    }

    double weight(int j) {
        return weights[j];
    }
}

package org.trialmeta.stats.nma;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * netmeta's graph-theoretical method (Rücker 2012, doi:10.1002/jrsm.1058; netmeta {@code nma.ruecker} and
 * {@code multiarm}): every study gives all its pairwise contrasts; a multi-arm study's pairs get reduced weights from
 * the pseudoinverse of its Laplacian, L_s = (−½ C R C)⁺ with R_ij the variance of arm i − arm j (plus τ² for random
 * effects) and C = I − J/a, w_ij = −(L_s)_ij; the network Laplacian L = B'WB and its pseudoinverse L⁺ give the
 * treatment effects θ = L⁺B'Wy, Var(θ_i − θ_j) = L⁺_ii + L⁺_jj − 2L⁺_ij and Q = Σ w (y − θ_i + θ_j)².
 *
 * <p>For the same τ² these are the GLS estimates of {@link NetworkMetaAnalysis} (the tests show it on three
 * networks); kept as the independent second computation netmeta users know.
 */
public final class GraphTheoretical {

    /**
     * One pairwise contrast with its multi-arm adjusted weight.
     *
     * @param study  study index
     * @param t1     first treatment
     * @param t2     second treatment
     * @param y      estimate t1 − t2
     * @param weight adjusted weight (1/variance for a two-arm study)
     */
    public record Pair(int study, int t1, int t2, double y, double weight) {
    }

    /**
     * The fit.
     *
     * @param pairs the pairwise contrasts and weights
     * @param theta treatment effects (θ sums to zero; differences are what matter)
     * @param lplus the pseudoinverse L⁺ of the weighted Laplacian
     * @param q     Σ w (y − θ_t1 + θ_t2)²
     */
    public record Fit(List<Pair> pairs, double[] theta, double[][] lplus, double q) {

        /** θ_i − θ_j. */
        public double estimate(int i, int j) {
            return theta[i] - theta[j];
        }

        /** √(L⁺_ii + L⁺_jj − 2L⁺_ij). */
        public double se(int i, int j) {
            return Math.sqrt(lplus[i][i] + lplus[j][j] - 2 * lplus[i][j]);
        }
    }

    private GraphTheoretical() {}

    /** The fit of a connected network with between-study variance {@code tau2} (0: common effect). */
    public static Fit fit(Network network, double tau2) {
        int n = network.size();
        List<Pair> pairs = new ArrayList<>();
        for (int s = 0; s < network.studies().size(); s++) {
            NmaStudy st = network.studies().get(s);
            int a = st.arms();
            double[][] r = new double[a][a];
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < a; j++) {
                    r[i][j] = i == j ? 0 : st.pair(i, j)[1] + tau2;
                }
            }
            double[][] lp = new double[a][a];
            double[] rowMean = new double[a];
            double all = 0;
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < a; j++) {
                    rowMean[i] += r[i][j] / a;
                }
                all += rowMean[i] / a;
            }
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < a; j++) {
                    lp[i][j] = -0.5 * (r[i][j] - rowMean[i] - rowMean[j] + all);
                }
            }
            double[][] l = pinvLaplacian(lp);
            for (int i = 0; i < a; i++) {
                for (int j = i + 1; j < a; j++) {
                    pairs.add(new Pair(s, st.treatment(i), st.treatment(j), st.pair(i, j)[0], -l[i][j]));
                }
            }
        }
        double[][] lap = new double[n][n];
        double[] bwy = new double[n];
        for (Pair p : pairs) {
            lap[p.t1()][p.t1()] += p.weight();
            lap[p.t2()][p.t2()] += p.weight();
            lap[p.t1()][p.t2()] -= p.weight();
            lap[p.t2()][p.t1()] -= p.weight();
            bwy[p.t1()] += p.weight() * p.y();
            bwy[p.t2()] -= p.weight() * p.y();
        }
        double[][] lplus = pinvLaplacian(lap);
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                theta[i] += lplus[i][j] * bwy[j];
            }
        }
        double q = 0;
        for (Pair p : pairs) {
            double e = p.y() - theta[p.t1()] + theta[p.t2()];
            q += p.weight() * e * e;
        }
        return new Fit(List.copyOf(pairs), theta, lplus, q);
    }

    /** Moore-Penrose inverse of a symmetric matrix whose null space is the constant vector: (M + J/n)⁻¹ − J/n. */
    static double[][] pinvLaplacian(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = m[i][j] + 1.0 / n;
            }
        }
        double[][] inv = new LUDecomposition(MatrixUtils.createRealMatrix(a)).getSolver().getInverse().getData();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inv[i][j] -= 1.0 / n;
            }
        }
        return inv;
    }
}

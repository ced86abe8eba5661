package org.trialmeta.stats.nma;

import java.util.List;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Generalised least squares for contrast-based network models, study block by study block. Each study s has
 * contrasts y_s (arm j vs its baseline) with covariance Σ_s = S_s + τ² K_s, where K_s has 1 on the diagonal and
 * 1/2 elsewhere (a common between-study variance with correlation 1/2 between a multi-arm study's contrasts). The
 * design row of contrast j is c(t_j) − c(t_0), where c(t) is treatment t's row of the coding matrix (treatment
 * dummies against a reference for a network meta-analysis, component indicators for the additive component model).
 *
 * <p>At a given τ²: A = Σ X_s'Σ_s⁻¹X_s, β = A⁻¹ Σ X_s'Σ_s⁻¹y_s, Cov(β) = A⁻¹, Q = Σ r_s'Σ_s⁻¹r_s with
 * r_s = y_s − X_sβ, and the restricted log-likelihood as metafor's {@code rma.mv} writes it:
 * ℓ_R = −½[(n − p) log 2π + log|Σ| + log|A| + Q] + ½ log|X'X|. Its derivative in τ² is
 * ½[Σ r_s'Σ_s⁻¹K_sΣ_s⁻¹r_s − tr(PK)] with tr(PK) = Σ tr(Σ_s⁻¹K_s) − tr(A⁻¹ Σ X_s'Σ_s⁻¹K_sΣ_s⁻¹X_s).
 */
final class Gls {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final List<NmaStudy> studies;
    /** Per study and contrast: the indices of the design row's non-zero entries, and their values. */
    private final int[][][] nzIndex;
    private final double[][][] nzValue;
    private final int p;
    private final int n;
    private final double logDetXtX;

    /** The model of {@code studies} with treatment coding {@code coding} (rows: treatments, columns: parameters). */
    Gls(List<NmaStudy> studies, double[][] coding) {
        this.studies = studies;
        this.p = coding[0].length;
        this.nzIndex = new int[studies.size()][][];
        this.nzValue = new double[studies.size()][][];
        int count = 0;
        double[][] xtx = new double[p][p];
        for (int s = 0; s < studies.size(); s++) {
            NmaStudy st = studies.get(s);
            int m = st.arms() - 1;
            double[][] xs = new double[m][p];
            double[] base = coding[st.treatment(0)];
            for (int j = 0; j < m; j++) {
                double[] c = coding[st.treatment(j + 1)];
                for (int k = 0; k < p; k++) {
                    xs[j][k] = c[k] - base[k];
                }
                for (int a = 0; a < p; a++) {
                    if (xs[j][a] != 0) {
                        for (int b = 0; b < p; b++) {
                            xtx[a][b] += xs[j][a] * xs[j][b];
                        }
                    }
                }
            }
            nzIndex[s] = new int[m][];
            nzValue[s] = new double[m][];
            for (int j = 0; j < m; j++) {
                int nnz = 0;
                for (int k = 0; k < p; k++) {
                    nnz += xs[j][k] != 0 ? 1 : 0;
                }
                nzIndex[s][j] = new int[nnz];
                nzValue[s][j] = new double[nnz];
                for (int k = 0, q = 0; k < p; k++) {
                    if (xs[j][k] != 0) {
                        nzIndex[s][j][q] = k;
                        nzValue[s][j][q++] = xs[j][k];
                    }
                }
            }
            count += m;
        }
        this.n = count;
        this.logDetXtX = logDet(xtx, "the design");
    }

    /** Number of contrasts. */
    int n() {
        return n;
    }

    /** The largest sampling variance of a contrast (the scale of the data, for the bounds of τ²). */
    double maxVariance() {
        double m = 0;
        for (NmaStudy s : studies) {
            for (int i = 0; i < s.arms() - 1; i++) {
                m = Math.max(m, s.covAt(i, i));
            }
        }
        return m;
    }

    /** Number of parameters. */
    int p() {
        return p;
    }

    /**
     * The fit at τ².
     *
     * @param beta      parameter estimates
     * @param covBeta   their covariance A⁻¹
     * @param q         Σ r'Σ⁻¹r at this τ² (at τ² = 0 Cochran's Q of the model)
     * @param remlLogLik restricted log-likelihood
     * @param score     dℓ_R/dτ²
     * @param traceP    tr(PK) (the moment estimator's denominator at τ² = 0)
     */
    record Fit(double tau2, double[] beta, double[][] covBeta, double q, double remlLogLik, double score, double traceP) {
    }

    Fit at(double tau2) {
        int ns = studies.size();
        double[][][] sInv = new double[ns][][];
        double[][] a = new double[p][p];
        double[] c = new double[p];
        double logDetSigma = 0;
        for (int s = 0; s < ns; s++) {
            NmaStudy st = studies.get(s);
            int m = st.arms() - 1;
            double[][] sigma = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    sigma[i][j] = st.covAt(i, j) + tau2 * (i == j ? 1 : 0.5);
                }
            }
            double[][] si;
            if (m == 1) {
                si = new double[][] {{1 / sigma[0][0]}};
                logDetSigma += Math.log(sigma[0][0]);
            } else {
                CholeskyDecomposition ch = cholesky(sigma, "study " + st.label());
                si = ch.getSolver().getInverse().getData();
                logDetSigma += logDet(ch);
            }
            sInv[s] = si;
            int[][] idx = nzIndex[s];
            double[][] val = nzValue[s];
            for (int i = 0; i < m; i++) {
                double yi = st.yAt(i);
                for (int j = 0; j < m; j++) {
                    double w = si[i][j];
                    double yj = st.yAt(j);
                    int[] ia = idx[i];
                    int[] jb = idx[j];
                    for (int u = 0; u < ia.length; u++) {
                        double wu = w * val[i][u];
                        double[] row = a[ia[u]];
                        for (int v = 0; v < jb.length; v++) {
                            row[jb[v]] += wu * val[j][v];
                        }
                        c[ia[u]] += wu * yj;
                    }
                }
            }
        }
        symmetrise(a);
        CholeskyDecomposition ca = cholesky(a, "the network (treatment effects not identifiable)");
        double[][] aInv = ca.getSolver().getInverse().getData();
        double[] beta = new double[p];
        for (int k = 0; k < p; k++) {
            double v = 0;
            for (int l = 0; l < p; l++) {
                v += aInv[k][l] * c[l];
            }
            beta[k] = v;
        }
        double q = 0;
        double u = 0;
        double t1 = 0;
        double[][] b = new double[p][p];
        for (int s = 0; s < ns; s++) {
            NmaStudy st = studies.get(s);
            int m = st.arms() - 1;
            int[][] idx = nzIndex[s];
            double[][] val = nzValue[s];
            double[][] si = sInv[s];
            double[] r = new double[m];
            for (int i = 0; i < m; i++) {
                double v = st.yAt(i);
                for (int e = 0; e < idx[i].length; e++) {
                    v -= val[i][e] * beta[idx[i][e]];
                }
                r[i] = v;
            }
            double[] sr = mul(si, r);
            for (int i = 0; i < m; i++) {
                q += r[i] * sr[i];
            }
            // M = Σ⁻¹ K Σ⁻¹; K = ½(I + J)
            double[][] sk = new double[m][m];
            for (int i = 0; i < m; i++) {
                double rowSum = 0;
                for (int j = 0; j < m; j++) {
                    rowSum += si[i][j];
                }
                for (int j = 0; j < m; j++) {
                    sk[i][j] = 0.5 * (si[i][j] + rowSum);
                }
                t1 += sk[i][i];
            }
            double[][] mm = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double v = 0;
                    for (int l = 0; l < m; l++) {
                        v += sk[i][l] * si[l][j];
                    }
                    mm[i][j] = v;
                }
            }
            double[] mr = mul(mm, r);
            for (int i = 0; i < m; i++) {
                u += r[i] * mr[i];
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double w = mm[i][j];
                    for (int e = 0; e < idx[i].length; e++) {
                        double we = w * val[i][e];
                        double[] row = b[idx[i][e]];
                        for (int f = 0; f < idx[j].length; f++) {
                            row[idx[j][f]] += we * val[j][f];
                        }
                    }
                }
            }
        }
        double trAinvB = 0;
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                trAinvB += aInv[k][l] * b[l][k];
            }
        }
        double traceP = t1 - trAinvB;
        double ll = -0.5 * ((n - p) * LOG_2PI + logDetSigma + logDet(ca) + q) + 0.5 * logDetXtX;
        double score = 0.5 * (u - traceP);
        return new Fit(tau2, beta, aInv, q, ll, score, traceP);
    }

    private static double[] mul(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    private static void symmetrise(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                double v = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = v;
                a[j][i] = v;
            }
        }
    }

    private static CholeskyDecomposition cholesky(double[][] m, String what) {
        try {
            return Matrices.cholesky(m, 1e-12);
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new IllegalArgumentException(what + ": covariance or information matrix is not positive definite");
        }
    }

    private static double logDet(double[][] m, String what) {
        return logDet(cholesky(m, what));
    }

    /** log|M| = 2 Σ log L_ii (no overflow of the determinant itself). */
    private static double logDet(CholeskyDecomposition ch) {
        RealMatrix l = ch.getL();
        double s = 0;
        for (int i = 0; i < l.getRowDimension(); i++) {
            s += Math.log(l.getEntry(i, i));
        }
        return 2 * s;
    }
}

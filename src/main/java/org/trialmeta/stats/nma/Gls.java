package org.trialmeta.stats.nma;

import java.util.Arrays;
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
    /**
     * Study s's contrasts are contrasts {@code first[s]} to {@code first[s + 1] - 1}, and its block of Σ⁻¹ (m × m,
     * row by row) is at {@code block[s]} of the flat array {@link #at} fills: one array for all studies instead of an
     * array of arrays per study (a network of 100,000 two-arm studies: 2.4 MB instead of 7).
     */
    private final int[] first;
    private final int[] block;
    /**
     * Contrast c's design row has its non-zero entries in columns {@code nzIndex[nzStart[c] .. nzStart[c + 1] - 1]},
     * with values {@code nzValue[...]} (a treatment contrast has at most two).
     */
    private final int[] nzStart;
    private final int[] nzIndex;
    private final double[] nzValue;
    private final int p;
    private final int n;
    private final double logDetXtX;

    /** The model of {@code studies} with treatment coding {@code coding} (rows: treatments, columns: parameters). */
    Gls(List<NmaStudy> studies, double[][] coding) {
        this.studies = studies;
        this.p = coding[0].length;
        int ns = studies.size();
        this.first = new int[ns + 1];
        this.block = new int[ns + 1];
        int count = 0;
        int cells = 0;
        for (int s = 0; s < ns; s++) {
            int m = studies.get(s).arms() - 1;
            first[s] = count;
            block[s] = cells;
            count += m;
            cells += m * m;
        }
        first[ns] = count;
        block[ns] = cells;
        this.n = count;
        this.nzStart = new int[count + 1];
        int[] index = new int[2 * count];
        double[] value = new double[2 * count];
        int nz = 0;
        double[][] xtx = new double[p][p];
        double[] xs = new double[p];
        for (int s = 0; s < ns; s++) {
            NmaStudy st = studies.get(s);
            int m = st.arms() - 1;
            double[] base = coding[st.treatment(0)];
            for (int j = 0; j < m; j++) {
                double[] c = coding[st.treatment(j + 1)];
                for (int k = 0; k < p; k++) {
                    xs[k] = c[k] - base[k];
                }
                for (int a = 0; a < p; a++) {
                    if (xs[a] != 0) {
                        for (int b = 0; b < p; b++) {
                            xtx[a][b] += xs[a] * xs[b];
                        }
                    }
                }
                int contrast = first[s] + j;
                nzStart[contrast] = nz;
                for (int k = 0; k < p; k++) {
                    if (xs[k] != 0) {
                        if (nz == index.length) {
                            index = Arrays.copyOf(index, Math.max(2, 2 * index.length));
                            value = Arrays.copyOf(value, Math.max(2, 2 * value.length));
                        }
                        index[nz] = k;
                        value[nz++] = xs[k];
                    }
                }
            }
        }
        nzStart[count] = nz;
        this.nzIndex = index.length == nz ? index : Arrays.copyOf(index, nz);
        this.nzValue = value.length == nz ? value : Arrays.copyOf(value, nz);
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
        double[] sInv = new double[block[ns]];
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
            int at = block[s];
            if (m == 1) {
                sInv[at] = 1 / sigma[0][0];
                logDetSigma += Math.log(sigma[0][0]);
            } else {
                CholeskyDecomposition ch = cholesky(sigma, "study " + st.label());
                double[][] inv = ch.getSolver().getInverse().getData();
                for (int i = 0; i < m; i++) {
                    System.arraycopy(inv[i], 0, sInv, at + i * m, m);
                }
                logDetSigma += logDet(ch);
            }
            int c0 = first[s];
            for (int i = 0; i < m; i++) {
                int iFrom = nzStart[c0 + i];
                int iTo = nzStart[c0 + i + 1];
                for (int j = 0; j < m; j++) {
                    double w = sInv[at + i * m + j];
                    double yj = st.yAt(j);
                    int jFrom = nzStart[c0 + j];
                    int jTo = nzStart[c0 + j + 1];
                    for (int u = iFrom; u < iTo; u++) {
                        double wu = w * nzValue[u];
                        double[] row = a[nzIndex[u]];
                        for (int v = jFrom; v < jTo; v++) {
                            row[nzIndex[v]] += wu * nzValue[v];
                        }
                        c[nzIndex[u]] += wu * yj;
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
            int c0 = first[s];
            int at = block[s];
            double[] r = new double[m];
            for (int i = 0; i < m; i++) {
                double v = st.yAt(i);
                for (int e = nzStart[c0 + i]; e < nzStart[c0 + i + 1]; e++) {
                    v -= nzValue[e] * beta[nzIndex[e]];
                }
                r[i] = v;
            }
            double[] sr = mul(sInv, at, r);
            for (int i = 0; i < m; i++) {
                q += r[i] * sr[i];
            }
            // M = Σ⁻¹ K Σ⁻¹; K = ½(I + J)
            double[][] sk = new double[m][m];
            for (int i = 0; i < m; i++) {
                double rowSum = 0;
                for (int j = 0; j < m; j++) {
                    rowSum += sInv[at + i * m + j];
                }
                for (int j = 0; j < m; j++) {
                    sk[i][j] = 0.5 * (sInv[at + i * m + j] + rowSum);
                }
                t1 += sk[i][i];
            }
            double[] mm = new double[m * m]; // row by row
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double v = 0;
                    for (int l = 0; l < m; l++) {
                        v += sk[i][l] * sInv[at + l * m + j];
                    }
                    mm[i * m + j] = v;
                }
            }
            double[] mr = mul(mm, 0, r);
            for (int i = 0; i < m; i++) {
                u += r[i] * mr[i];
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double w = mm[i * m + j];
                    for (int e = nzStart[c0 + i]; e < nzStart[c0 + i + 1]; e++) {
                        double we = w * nzValue[e];
                        double[] row = b[nzIndex[e]];
                        for (int f = nzStart[c0 + j]; f < nzStart[c0 + j + 1]; f++) {
                            row[nzIndex[f]] += we * nzValue[f];
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

    /** The m × m block of {@code flat} at {@code at} (row by row) times {@code v}. */
    private static double[] mul(double[] flat, int at, double[] v) {
        int m = v.length;
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += flat[at + i * m + j] * v[j];
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

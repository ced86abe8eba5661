package org.trialmeta.stats.meta;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The mixed-effects meta-regression model y = Xβ + u + e for a full-rank k×p design X, as metafor's
 * {@code rma.uni(yi, vi, mods = X, intercept = FALSE)}. Every quantity of P = W − W X G X' W, G = (X'WX)⁻¹,
 * that the tau² estimators need is computed in O(k p²) without forming the k×k matrix P: with q_i = x_i' G x_i,
 * B = Σ w_i² x_i x_i' and C = Σ w_i² v_i x_i x_i' (p×p),
 * <pre>
 *   tr P      = Σ w_i − Σ w_i² q_i              y'Py  = Σ w_i r_i²,  y'PPy = Σ w_i² r_i²   (r = y − Xβ̂)
 *   Σ P∘P     = Σ w_i² − 2 Σ w_i³ q_i + tr(GBGB)
 *   tr PV     = Σ w_i v_i − Σ w_i² v_i q_i
 *   tr PVPV   = Σ w_i² v_i² − 2 Σ w_i³ v_i² q_i + tr(GCGC)
 *   Σ (PV)∘P  = Σ w_i² v_i − 2 Σ w_i³ v_i q_i + tr(GBGC)
 * </pre>
 * (P_ij = w_i δ_ij − w_i w_j x_i'Gx_j, expanded). X'WX is factored by Cholesky, as metafor's {@code .invcalc}.
 */
final class DesignModel implements ResidualModel {

    private final double[][] x;
    private final double[] y;
    private final double[] v;
    private final int k;
    private final int p;

    /** {@code x} is k×p (row i = study i), already checked to be of full column rank. */
    DesignModel(double[][] x, double[] y, double[] v) {
        this.x = x;
        this.y = y;
        this.v = v;
        this.k = y.length;
        this.p = x[0].length;
    }

    @Override
    public int k() {
        return k;
    }

    @Override
    public int p() {
        return p;
    }

    @Override
    public double[] y() {
        return y;
    }

    double[][] x() {
        return x;
    }

    double[] v() {
        return v;
    }

    /**
     * The fit for one weighting.
     *
     * @param beta  weighted least-squares coefficients G X'W y
     * @param g     G = (X'WX)⁻¹ (the unscaled covariance of beta)
     * @param other the remaining fields are those of {@link ResidualModel.Sums}
     */
    record Sums(double[] w, double[] beta, double[][] g, double sumW, double sumW2, double rss, double yppy, double trP,
            double sumPP, double trPV, double trPVPV, double sumPVP, double logDet) implements ResidualModel.Sums {
    }

    @Override
    public Sums sums(double tau2, boolean unit) {
        double[] w = new double[k];
        double[][] xtwx = new double[p][p];
        double[] xtwy = new double[p];
        for (int i = 0; i < k; i++) {
            double wi = unit ? 1.0 : 1.0 / (v[i] + tau2);
            w[i] = wi;
            double[] xi = x[i];
            for (int a = 0; a < p; a++) {
                double wxa = wi * xi[a];
                xtwy[a] += wxa * y[i];
                for (int b = 0; b <= a; b++) {
                    xtwx[a][b] += wxa * xi[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                xtwx[a][b] = xtwx[b][a];
            }
        }
        CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(xtwx, false), 1e-12, 0);
        RealMatrix gm = chol.getSolver().getInverse();
        double[][] g = gm.getData();
        double[] beta = gm.operate(xtwy);
        RealMatrix l = chol.getL();
        double logDet = 0;
        for (int a = 0; a < p; a++) {
            logDet += 2 * Math.log(l.getEntry(a, a));
        }
        double[][] bm = new double[p][p];
        double[][] cm = new double[p][p];
        double sumW = 0;
        double sumW2 = 0;
        double rss = 0;
        double yppy = 0;
        double trP = 0;
        double sumPP = 0;
        double trPV = 0;
        double trPVPV = 0;
        double sumPVP = 0;
        for (int i = 0; i < k; i++) {
            double[] xi = x[i];
            double wi = w[i];
            double vi = v[i];
            double fitted = 0;
            double q = 0;
            for (int a = 0; a < p; a++) {
                fitted += xi[a] * beta[a];
                double ga = 0;
                for (int b = 0; b < p; b++) {
                    ga += g[a][b] * xi[b];
                }
                q += xi[a] * ga;
            }
            double r = y[i] - fitted;
            double w2 = wi * wi;
            double w3 = w2 * wi;
            sumW += wi;
            sumW2 += w2;
            rss += wi * r * r;
            yppy += w2 * r * r;
            trP += wi - w2 * q;
            sumPP += w2 - 2 * w3 * q;
            trPV += wi * vi - w2 * vi * q;
            trPVPV += w2 * vi * vi - 2 * w3 * vi * vi * q;
            sumPVP += w2 * vi - 2 * w3 * vi * q;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    double xx = xi[a] * xi[b];
                    bm[a][b] += w2 * xx;
                    cm[a][b] += w2 * vi * xx;
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                bm[a][b] = bm[b][a];
                cm[a][b] = cm[b][a];
            }
        }
        RealMatrix gb = gm.multiply(new Array2DRowRealMatrix(bm, false));
        RealMatrix gc = gm.multiply(new Array2DRowRealMatrix(cm, false));
        sumPP += traceOfProduct(gb, gb);
        trPVPV += traceOfProduct(gc, gc);
        sumPVP += traceOfProduct(gb, gc);
        return new Sums(w, beta, g, sumW, sumW2, rss, yppy, trP, sumPP, trPV, trPVPV, sumPVP, logDet);
    }

    /** tr(AB) = Σ_ab A_ab B_ba. */
    private static double traceOfProduct(RealMatrix a, RealMatrix b) {
        double t = 0;
        int n = a.getRowDimension();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t += a.getEntry(i, j) * b.getEntry(j, i);
            }
        }
        return t;
    }

    @Override
    public double logLik(double tau2, boolean reml) {
        Sums st = sums(tau2, false);
        double sumLog = 0;
        for (int i = 0; i < k; i++) {
            sumLog += Math.log(v[i] + tau2);
        }
        double ll = -0.5 * sumLog - 0.5 * st.rss();
        return reml ? ll - 0.5 * st.logDet() : ll;
    }
}

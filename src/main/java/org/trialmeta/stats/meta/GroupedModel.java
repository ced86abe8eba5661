package org.trialmeta.stats.meta;

import java.util.Arrays;

/**
 * The random-effects model y_i = β_{g(i)} + u_i + e_i, u_i ~ N(0, tau²), e_i ~ N(0, v_i), with one mean
 * per group g (one group = intercept-only model; G groups = meta-regression on one categorical
 * moderator, which spans the same space as metafor's {@code mods = ~ factor(g)}).
 *
 * <p>Every quantity metafor computes with the k×k matrix P = W − W X (X'WX)⁻¹ X' W is computed here in
 * O(k) from per-group sums, because P is block diagonal with blocks W_g − w_g w_g'/s_g:
 * y'Py = Σ w (y − ȳ_g)², tr P = Σ_g (s_g − S2_g/s_g), Σ P∘P = Σ_g (S2_g − 2 S3_g/s_g + S2_g²/s_g²),
 * y'PPy = Σ w² (y − ȳ_g)², and the tr(PV), tr(PVPV), Σ PV∘P terms of the tau² standard errors.
 */
final class GroupedModel implements ResidualModel {
    final double[] y;
    final double[] v;
    final int[] g;
    final int groups;
    final int k;
    /**
     * The weights of the last {@link #rss(double, double[])} call, kept between calls: the Q-profile CI calls it some
     * 30 times, and a new array each time was 8 MB of allocation per call on 10⁶ studies (a young collection every
     * few calls). So a model is for one thread at a time, as every fit uses it.
     */
    private double[] scratch;

    GroupedModel(double[] y, double[] v, int[] g, int groups) {
        this.y = y;
        this.v = v;
        this.g = g;
        this.groups = groups;
        this.k = y.length;
    }

    static GroupedModel interceptOnly(double[] y, double[] v) {
        return new GroupedModel(y, v, new int[y.length], 1);
    }

    @Override
    public int k() {
        return k;
    }

    /** Number of mean parameters p. */
    @Override
    public int p() {
        return groups;
    }

    @Override
    public double[] y() {
        return y;
    }

    /** Sums for weights w_i = 1/(v_i + tau2) (or all 1 when {@code unit}). */
    @Override
    public Sums sums(double tau2, boolean unit) {
        int gn = groups;
        double[] s = new double[gn];
        double[] s2 = new double[gn];
        double[] s3 = new double[gn];
        double[] sy = new double[gn];
        double[] sw2v = new double[gn];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            double wi = unit ? 1.0 : 1.0 / (v[i] + tau2);
            w[i] = wi;
            int j = g[i];
            s[j] += wi;
            s2[j] += wi * wi;
            s3[j] += wi * wi * wi;
            sy[j] += wi * y[i];
            sw2v[j] += wi * wi * v[i];
        }
        double[] mean = new double[gn];
        for (int j = 0; j < gn; j++) {
            mean[j] = sy[j] / s[j];
        }
        double rss = 0;
        double yppy = 0;
        double trPV = 0;
        double trPVPV = 0;
        double sumPVP = 0;
        for (int i = 0; i < k; i++) {
            int j = g[i];
            double wi = w[i];
            double r = y[i] - mean[j];
            rss += wi * r * r;
            yppy += wi * wi * r * r;
            double pii = wi - wi * wi / s[j];
            trPV += pii * v[i];
            trPVPV += (wi * wi - 2 * wi * wi * wi / s[j]) * v[i] * v[i];
            sumPVP += v[i] * (wi * wi - 2 * wi * wi * wi / s[j] + wi * wi * s2[j] / (s[j] * s[j]));
        }
        double sumW = 0;
        double sumW2 = 0;
        double trP = 0;
        double sumPP = 0;
        double logDet = 0;
        for (int j = 0; j < gn; j++) {
            sumW += s[j];
            sumW2 += s2[j];
            trP += s[j] - s2[j] / s[j];
            sumPP += s2[j] - 2 * s3[j] / s[j] + s2[j] * s2[j] / (s[j] * s[j]);
            trPVPV += sw2v[j] * sw2v[j] / (s[j] * s[j]);
            logDet += Math.log(s[j]);
        }
        return new Sums(w, s, mean, sumW, sumW2, rss, yppy, trP, sumPP, trPV, trPVPV, sumPVP, logDet);
    }

    /**
     * Sums for one weighting.
     *
     * @param w      weights
     * @param s      per-group sum of weights (X'WX is diag(s) in the group-indicator basis)
     * @param mean   per-group weighted means (the estimates)
     * @param rss    y'Py (the generalised Q)
     * @param yppy   y'PPy
     * @param logDet log det X'WX
     */
    record Sums(double[] w, double[] s, double[] mean, double sumW, double sumW2, double rss, double yppy,
            double trP, double sumPP, double trPV, double trPVPV, double sumPVP, double logDet)
            implements ResidualModel.Sums {
    }

    /** ML (reml = false) or REML log-likelihood up to an additive constant, as metafor's ll.ML/ll.REML. */
    @Override
    public double logLik(double tau2, boolean reml) {
        double[] s = new double[groups];
        double rss = rss(tau2, s);
        double sumLog = 0;
        for (int i = 0; i < k; i++) {
            sumLog += Math.log(v[i] + tau2);
        }
        double ll = -0.5 * sumLog - 0.5 * rss;
        if (!reml) {
            return ll;
        }
        double logDet = 0;
        for (int j = 0; j < groups; j++) {
            logDet += Math.log(s[j]);
        }
        return ll - 0.5 * logDet;
    }

    /**
     * y'Py alone: the operations of {@link #sums} that give {@code rss}, in the same order (so the same bits),
     * without the sums only the tau² standard errors and the scoring step need.
     */
    @Override
    public double rss(double tau2) {
        return rss(tau2, new double[groups]);
    }

    /**
     * y'Py for weights 1/(v + tau2); {@code s} receives the per-group sums of weights. Each weight is computed once
     * and kept for the second pass (the same quotient, so the same bits as dividing again): the Q-profile CI calls
     * this some 30 times, which on 10⁶ studies was half of {@code pool}'s fitting time.
     */
    private double rss(double tau2, double[] s) {
        int gn = groups;
        double[] sy = new double[gn];
        double[] w = scratch;
        if (w == null) {
            w = new double[k];
            scratch = w;
        }
        if (gn == 1) {
            // one group (every plain meta-analysis): the sums in locals, added in the same order as below, so the
            // same bits, without a load and store of s[0] and sy[0] per study (the launcher's C1 compiler keeps
            // array elements in memory; on 10⁶ studies this loop is run some 30 times)
            double s0 = s[0];
            double sy0 = 0;
            for (int i = 0; i < k; i++) {
                double wi = 1.0 / (v[i] + tau2);
                w[i] = wi;
                s0 += wi;
                sy0 += wi * y[i];
            }
            s[0] = s0;
            sy[0] = sy0;
        } else {
            for (int i = 0; i < k; i++) {
                double wi = 1.0 / (v[i] + tau2);
                w[i] = wi;
                int j = g[i];
                s[j] += wi;
                sy[j] += wi * y[i];
            }
        }
        if (gn == 1) {
            double mean = sy[0] / s[0];
            double rss = 0;
            for (int i = 0; i < k; i++) {
                double r = y[i] - mean;
                rss += w[i] * r * r;
            }
            return rss;
        }
        double[] mean = new double[gn];
        for (int j = 0; j < gn; j++) {
            mean[j] = sy[j] / s[j];
        }
        double rss = 0;
        for (int i = 0; i < k; i++) {
            double r = y[i] - mean[g[i]];
            rss += w[i] * r * r;
        }
        return rss;
    }

    @Override
    public String toString() {
        return "GroupedModel[k=" + k + ", groups=" + groups + ", y=" + Arrays.toString(y) + "]";
    }
}

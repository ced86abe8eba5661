package org.trialmeta.stats.meta;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.stats.meta.TwoByTwoCommon.Het;
import org.trialmeta.stats.meta.TwoByTwoCommon.Wald;
import org.trialmeta.stats.meta.TwoByTwoPoolResult.ChiSquare;

/**
 * Mantel-Haenszel pooling of 2×2 tables (fixed/equal effects), as metafor 3.8 {@code rma.mh(ai, n1i, ci, n2i,
 * measure, add, to, drop00, correct, level)}. Table {@code i}: group 1 has {@code ai} events among {@code n1i},
 * group 2 {@code ci} among {@code n2i}; {@code bi = n1i − ai}, {@code di = n2i − ci}, {@code Ni = n1i + n2i}.
 *
 * <ul>
 * <li>OR: {@code OR_MH = Σ(ai·di/Ni) / Σ(bi·ci/Ni)}; variance of its log by Robins, Breslow and Greenland
 *     (Biometrics 1986;42:311–323, doi:10.2307/2531052):
 *     {@code ½[ΣPR/R² + Σ(PS+QR)/(R·S) + ΣQS/S²]} with {@code P = (ai+di)/Ni, Q = (bi+ci)/Ni,
 *     R = ai·di/Ni, S = bi·ci/Ni}. Not estimable when {@code ΣR = 0} or {@code ΣS = 0}.
 *     Also the Cochran-Mantel-Haenszel test (continuity corrected by default), Cochran's version, and the
 *     Breslow-Day test with Tarone's correction (Tarone, Biometrika 1985;72:91–95, doi:10.1093/biomet/72.1.91).</li>
 * <li>RR: {@code RR_MH = Σ(ai·n2i/Ni) / Σ(ci·n1i/Ni)}; variance of its log by Greenland and Robins
 *     (Biometrics 1985;41:55–68, doi:10.2307/2530643): {@code Σ(n1i·n2i·(ai+ci)/Ni² − ai·ci/Ni) / (R·S)}.
 *     Not estimable when {@code Σai = 0} or {@code Σci = 0}.</li>
 * <li>RD: {@code RD_MH = Σ(ai·n2i − ci·n1i)/Ni / Σ(n1i·n2i/Ni)} with the variance of Sato, Greenland and
 *     Robins (Biometrics 1989;45:1323–1324) as metafor.</li>
 * </ul>
 * CI and z test are Wald on the log scale (OR, RR) or raw scale (RD). Heterogeneity Q is the inverse-variance
 * Q of the {@code escalc} estimates around the MH estimate, {@code Q = Σ(yi − θ_MH)²/vi} with df {@code k.yi − 1};
 * I² = max(0, 100(Q − df)/Q), H² = Q/df; for {@code k.yi ≤ 1} metafor reports Q = 0, p = 1, I² = 0, H² = 1.
 * Weights in percent are metafor's {@code weights(res)}: {@code bi·ci/Ni} (OR), {@code ci·n1i/Ni} (RR),
 * {@code n1i·n2i/Ni} (RD), normalised. Tables with no events (or only events) in both groups stay in the pooled
 * estimate (where they carry no weight for OR/RR) but have no {@code yi} with {@code drop00}.
 */
public final class MantelHaenszel {

    private MantelHaenszel() {
    }

    /** Pools with metafor's defaults ({@link TwoByTwoPoolOptions#DEFAULTS}). */
    public static MantelHaenszelResult pool(EffectMeasure measure, int[] ai, int[] n1i, int[] ci, int[] n2i) {
        return pool(measure, ai, n1i, ci, n2i, TwoByTwoPoolOptions.DEFAULTS);
    }

    /**
     * Pools the tables by Mantel-Haenszel.
     *
     * @param measure OR, RR or RD
     * @param ai      events in group 1, {@code 0 ≤ ai ≤ n1i}
     * @param n1i     size of group 1, ≥ 1
     * @param ci      events in group 2, {@code 0 ≤ ci ≤ n2i}
     * @param n2i     size of group 2, ≥ 1
     * @param options level, zero-cell correction for {@code yi/vi}, drop00, CMH continuity correction
     * @throws IllegalArgumentException for an unsupported measure or invalid counts (naming array, study, value)
     */
    public static MantelHaenszelResult pool(EffectMeasure measure, int[] ai, int[] n1i, int[] ci, int[] n2i,
                                            TwoByTwoPoolOptions options) {
        Objects.requireNonNull(measure, "measure must not be null");
        Objects.requireNonNull(options, "options must not be null");
        if (measure != EffectMeasure.OR && measure != EffectMeasure.RR && measure != EffectMeasure.RD) {
            throw new IllegalArgumentException("measure " + measure
                    + " is not supported by Mantel-Haenszel pooling: use OR, RR or RD");
        }
        TwoByTwoTables t = TwoByTwoTables.of(ai, n1i, ci, n2i);
        int k = t.k;
        double[] n1 = new double[k];
        double[] n2 = new double[k];
        double[] nn = new double[k];
        for (int i = 0; i < k; i++) {
            n1[i] = t.ai[i] + t.bi[i];
            n2[i] = t.ci[i] + t.di[i];
            nn[i] = n1[i] + n2[i];
        }

        double beta;
        double variance;
        double betaExp = Double.NaN;
        double[] wi = new double[k];
        switch (measure) {
            case OR -> {
                double[] p = new double[k];
                double[] q = new double[k];
                double[] r = new double[k];
                double[] s = new double[k];
                for (int i = 0; i < k; i++) {
                    p[i] = t.ai[i] / nn[i] + t.di[i] / nn[i];
                    q[i] = t.bi[i] / nn[i] + t.ci[i] / nn[i];
                    r[i] = (t.ai[i] / nn[i]) * t.di[i];
                    s[i] = (t.bi[i] / nn[i]) * t.ci[i];
                    wi[i] = s[i];
                }
                double rSum = TwoByTwoCommon.sum(r);
                double sSum = TwoByTwoCommon.sum(s);
                if (rSum == 0 || sSum == 0) {
                    beta = Double.NaN;
                    variance = Double.NaN;
                } else {
                    double[] pr = new double[k];
                    double[] psqr = new double[k];
                    double[] qs = new double[k];
                    for (int i = 0; i < k; i++) {
                        pr[i] = p[i] * r[i];
                        psqr[i] = p[i] * s[i] + q[i] * r[i];
                        qs[i] = q[i] * s[i];
                    }
                    betaExp = rSum / sSum;
                    beta = Math.log(betaExp);
                    variance = 0.5 * (TwoByTwoCommon.sum(pr) / (rSum * rSum) + TwoByTwoCommon.sum(psqr) / (rSum * sSum)
                            + TwoByTwoCommon.sum(qs) / (sSum * sSum));
                }
            }
            case RR -> {
                double[] r = new double[k];
                double[] s = new double[k];
                double[] v = new double[k];
                for (int i = 0; i < k; i++) {
                    r[i] = t.ai[i] * (n2[i] / nn[i]);
                    s[i] = t.ci[i] * (n1[i] / nn[i]);
                    v[i] = (n1[i] / nn[i]) * (n2[i] / nn[i]) * (t.ai[i] + t.ci[i]) - (t.ai[i] / nn[i]) * t.ci[i];
                    wi[i] = (t.ci[i] / nn[i]) * n1[i];
                }
                if (TwoByTwoCommon.sum(t.ai) == 0 || TwoByTwoCommon.sum(t.ci) == 0) {
                    beta = Double.NaN;
                    variance = Double.NaN;
                } else {
                    double rSum = TwoByTwoCommon.sum(r);
                    double sSum = TwoByTwoCommon.sum(s);
                    beta = Math.log(rSum / sSum);
                    variance = TwoByTwoCommon.sum(v) / (rSum * sSum);
                }
            }
            default -> { // RD
                double[] num = new double[k];
                double[] den = new double[k];
                double[] v1 = new double[k];
                double[] v2 = new double[k];
                for (int i = 0; i < k; i++) {
                    double f1 = n1[i] / nn[i];
                    double f2 = n2[i] / nn[i];
                    num[i] = t.ai[i] * f2 - t.ci[i] * f1;
                    den[i] = n1[i] * f2;
                    v1[i] = t.ci[i] * (f1 * f1) - t.ai[i] * (f2 * f2) + f1 * f2 * (n2[i] - n1[i]) / 2;
                    v2[i] = t.ai[i] * (n2[i] - t.ci[i]) / nn[i] + t.ci[i] * (n1[i] - t.ai[i]) / nn[i];
                    wi[i] = f1 * n2[i];
                }
                double denSum = TwoByTwoCommon.sum(den);
                beta = TwoByTwoCommon.sum(num) / denSum;
                variance = (beta * TwoByTwoCommon.sum(v1) + TwoByTwoCommon.sum(v2) / 2) / (denSum * denSum);
            }
        }
        Wald wald = Wald.of(beta, variance, options.level());

        TwoByTwoEscalc e = TwoByTwoEscalc.of(t, measure.name(), options);
        int kYi = TwoByTwoCommon.countYi(e);
        Het het = kYi > 1 ? Het.of(TwoByTwoCommon.inverseVarianceQ(e, beta), kYi - 1) : Het.single();

        Optional<MantelHaenszelResult.OddsRatioTests> tests = measure == EffectMeasure.OR
                ? Optional.of(oddsRatioTests(t, n1, n2, nn, beta, betaExp, options.correct()))
                : Optional.empty();

        return new MantelHaenszelResult(measure, options, k, kYi, wald.estimate, wald.se, wald.zval, wald.pval,
                wald.ci, het.q(), het.df(), het.qPval(), het.i2(), het.h2(),
                TwoByTwoCommon.transformed(wald, measure != EffectMeasure.RD), TwoByTwoCommon.studies(e, wi), tests);
    }

    /** CMH, Cochran, Breslow-Day and Tarone statistics as computed in metafor's {@code rma.mh}. */
    private static MantelHaenszelResult.OddsRatioTests oddsRatioTests(TwoByTwoTables t, double[] n1, double[] n2,
                                                                      double[] nn, double beta, double betaExp,
                                                                      boolean correct) {
        int k = t.k;
        double[] xt = new double[k];
        double[] yt = new double[k];
        for (int i = 0; i < k; i++) {
            xt[i] = t.ai[i] + t.ci[i];
            yt[i] = t.bi[i] + t.di[i];
        }
        Optional<ChiSquare> cmh = Optional.empty();
        Optional<ChiSquare> cochran = Optional.empty();
        if (TwoByTwoCommon.sum(xt) != 0 && TwoByTwoCommon.sum(yt) != 0) {
            double[] dev = new double[k];
            double[] varCo = new double[k];
            double[] varMh = new double[k];
            for (int i = 0; i < k; i++) {
                dev[i] = t.ai[i] - (n1[i] / nn[i]) * xt[i];
                double f = (n1[i] / nn[i]) * (n2[i] / nn[i]);
                varCo[i] = f * (xt[i] * (yt[i] / nn[i]));
                varMh[i] = f * (xt[i] * (yt[i] / (nn[i] - 1)));
            }
            double d = Math.abs(TwoByTwoCommon.sum(dev)) - (correct ? 0.5 : 0.0);
            cochran = chiSquare(d * d / TwoByTwoCommon.sum(varCo), 1, true);
            cmh = chiSquare(d * d / TwoByTwoCommon.sum(varMh), 1, true);
        }
        if (Double.isNaN(beta)) {
            return new MantelHaenszelResult.OddsRatioTests(cmh, cochran, Optional.empty(), Optional.empty(), 0);
        }
        double[] n11 = new double[k];
        for (int i = 0; i < k; i++) {
            if (betaExp == 1) {
                n11[i] = (n1[i] / nn[i]) * xt[i];
            } else {
                double a = betaExp * (n1[i] + xt[i]) + (n2[i] - xt[i]);
                double b = Math.sqrt(a * a - 4 * n1[i] * xt[i] * betaExp * (betaExp - 1));
                n11[i] = (a - b) / (2 * (betaExp - 1));
            }
        }
        int kPos = 0;
        double[] bdTerms = new double[k];
        double[] devs = new double[k];
        double[] invs = new double[k];
        for (int i = 0; i < k; i++) {
            if (n11[i] > 0 && xt[i] > 0 && yt[i] > 0) {
                kPos++;
                double e11 = n11[i];
                double e12 = n1[i] - e11;
                double e21 = xt[i] - e11;
                double e22 = e11 - n1[i] - xt[i] + nn[i];
                double inv = 1 / (1 / e11 + 1 / e12 + 1 / e21 + 1 / e22);
                double dv = t.ai[i] - e11;
                bdTerms[i] = dv * dv / inv;
                devs[i] = dv;
                invs[i] = inv;
            }
        }
        double bd = Math.max(0, TwoByTwoCommon.sum(bdTerms));
        double devSum = TwoByTwoCommon.sum(devs);
        // like R's max(0, NaN), Math.max keeps NaN (no informative table): then not estimable
        double ta = Math.max(0, bd - devSum * devSum / TwoByTwoCommon.sum(invs));
        boolean withP = kPos > 1;
        int df = Math.max(0, kPos - 1);
        return new MantelHaenszelResult.OddsRatioTests(cmh, cochran, chiSquare(ta, df, withP),
                chiSquare(bd, df, withP), kPos);
    }

    private static Optional<ChiSquare> chiSquare(double statistic, int df, boolean withP) {
        if (!(statistic >= 0) || Double.isInfinite(statistic)) {
            return Optional.empty();
        }
        OptionalDouble p = withP ? OptionalDouble.of(TwoByTwoCommon.chiSquareUpper(statistic, df))
                : OptionalDouble.empty();
        return Optional.of(new ChiSquare(statistic, df, p));
    }
}

package org.trialmeta.stats.meta;

import java.util.Objects;
import java.util.OptionalDouble;
import org.trialmeta.stats.meta.TwoByTwoCommon.Het;
import org.trialmeta.stats.meta.TwoByTwoCommon.Wald;

/**
 * Peto's one-step pooled log odds ratio, as metafor 3.8 {@code rma.peto(ai, n1i, ci, n2i, add, to, drop00,
 * level)}. Yusuf S, Peto R, Lewis J, Collins R, Sleight P. Prog Cardiovasc Dis 1985;27:335–371,
 * doi:10.1016/S0033-0620(85)80003-7.
 *
 * <p>For table {@code i} with {@code xt = ai + ci} events, {@code yt = bi + di} non-events and
 * {@code Ni = n1i + n2i}: expected {@code Ei = xt·n1i/Ni}, hypergeometric variance
 * {@code Vi = xt·yt·(n1i/Ni)(n2i/Ni)/(Ni − 1)}. Pooled {@code log OR = Σ(ai − Ei)/ΣVi}, {@code se = 1/√ΣVi},
 * Wald CI and z test. Heterogeneity {@code Q = Σ(ai − Ei)²/Vi − (Σ(ai − Ei))²/ΣVi} over tables with
 * {@code Vi > 0} ({@code kPos} of them), df {@code k.yi − 1}, I² = max(0, 100(Q − df)/Q), H² = Q/df; when
 * {@code kPos ≤ 1} metafor reports p = 1, I² = 0, H² = 1. Weights in percent: {@code Vi/ΣVi·100}.
 * The per-study {@code yi/vi} are {@code escalc(measure = "PETO", add, to, drop00)}. When no table has both
 * outcomes ({@code ΣVi = 0}) metafor stops with an error; here the estimate and everything derived from it
 * are "not estimable" (empty).
 */
public final class Peto {

    private Peto() {
    }

    /** Pools with metafor's defaults ({@link TwoByTwoPoolOptions#DEFAULTS}). */
    public static PetoResult pool(int[] ai, int[] n1i, int[] ci, int[] n2i) {
        return pool(ai, n1i, ci, n2i, TwoByTwoPoolOptions.DEFAULTS);
    }

    /**
     * Pools the tables by Peto's method.
     *
     * @param ai      events in group 1, {@code 0 ≤ ai ≤ n1i}
     * @param n1i     size of group 1, ≥ 1
     * @param ci      events in group 2, {@code 0 ≤ ci ≤ n2i}
     * @param n2i     size of group 2, ≥ 1
     * @param options level and the zero-cell correction / drop00 of the per-study {@code yi/vi}
     *                ({@code correct} is not used)
     * @throws IllegalArgumentException for invalid counts (naming array, study, value and rule)
     */
    public static PetoResult pool(int[] ai, int[] n1i, int[] ci, int[] n2i, TwoByTwoPoolOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        TwoByTwoTables t = TwoByTwoTables.of(ai, n1i, ci, n2i);
        int k = t.k;
        double[] dev = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            double n1 = t.ai[i] + t.bi[i];
            double n2 = t.ci[i] + t.di[i];
            double nn = n1 + n2;
            double xt = t.ai[i] + t.ci[i];
            double yt = t.bi[i] + t.di[i];
            double ei = xt * n1 / nn;
            dev[i] = t.ai[i] - ei;
            vi[i] = xt * yt * (n1 / nn) * (n2 / nn) / (nn - 1);
        }
        double sumVi = TwoByTwoCommon.sum(vi);
        double sumDev = TwoByTwoCommon.sum(dev);

        TwoByTwoEscalc e = TwoByTwoEscalc.of(t, "PETO", options);
        int kYi = TwoByTwoCommon.countYi(e);
        int df = Math.max(0, kYi - 1);
        int kPos = 0;
        double[] qTerms = new double[k];
        for (int i = 0; i < k; i++) {
            if (vi[i] > 0) {
                kPos++;
                qTerms[i] = dev[i] * dev[i] / vi[i];
            }
        }

        Wald wald;
        Het het;
        if (sumVi == 0) {
            wald = new Wald();
            het = Het.none(df);
        } else {
            wald = Wald.of(sumDev / sumVi, 1 / sumVi, options.level());
            double q = Math.max(0, TwoByTwoCommon.sum(qTerms) - sumDev * sumDev / sumVi);
            if (kPos > 1 && df > 0) {
                het = Het.of(q, df);
            } else {
                het = new Het(OptionalDouble.of(q), df, OptionalDouble.of(1), OptionalDouble.of(0),
                        OptionalDouble.of(1));
            }
        }
        return new PetoResult(options, k, kYi, kPos, wald.estimate, wald.se, wald.zval, wald.pval, wald.ci,
                het.q(), het.df(), het.qPval(), het.i2(), het.h2(), TwoByTwoCommon.transformed(wald, true),
                TwoByTwoCommon.studies(e, vi));
    }
}

package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.trialmeta.analysis.BiasAnalysis;
import org.trialmeta.stats.meta.FunnelAsymmetryTest;
import org.trialmeta.stats.meta.MetaAnalysisResult;
import org.trialmeta.stats.meta.RankCorrelationTest;
import org.trialmeta.stats.meta.TrimAndFill;

/**
 * What {@code bias} reports (its JSON contract; snake_case keys, {@code null} where not estimable), with metafor's
 * names in the Javadoc: {@code regtest(res, model = "rma", predictor = "sei")} ({@code zval → z}, {@code est →
 * limit_estimate}), {@code ranktest(res)}, {@code trimfill(res)} and {@code fsn(yi, vi)} ({@code fsnum → n}).
 *
 * @param measure  effect measure, e.g. RR
 * @param method   tau² estimator of the model (FE for fixed effect)
 * @param k        number of studies
 * @param estimate the model's pooled estimate (analysis scale)
 * @param regtest  regression test for funnel plot asymmetry
 * @param ranktest rank correlation test
 * @param trimfill trim and fill
 * @param fsn      fail-safe N
 * @param notEstimable why the regression test, the rank correlation test and trim and fill are {@code null} (every
 *                 study has the same sampling variance); absent otherwise
 */
public record BiasSummary(String measure, String method, int k, Double estimate, Regtest regtest, Ranktest ranktest,
        Trimfill trimfill, Fsn fsn, @JsonInclude(JsonInclude.Include.NON_NULL) String notEstimable) {

    /**
     * @param z             test statistic of the SE coefficient
     * @param pval          its two-sided p-value
     * @param limitEstimate intercept: the estimate expected at SE 0
     * @param limitCiLower  its 95% CI
     * @param limitCiUpper  upper end
     */
    public record Regtest(Double z, Double pval, Double limitEstimate, Double limitCiLower, Double limitCiUpper) {
    }

    /**
     * @param tau   Kendall's tau
     * @param pval  two-sided p-value
     * @param exact whether the p-value is from the exact null distribution (else the normal approximation: ties)
     */
    public record Ranktest(Double tau, Double pval, boolean exact) {
    }

    /**
     * @param k0       number of studies filled
     * @param side     "left" or "right"
     * @param estimate pooled estimate with the filled studies (analysis scale)
     * @param se       its standard error
     * @param ciLower  its 95% CI
     * @param ciUpper  upper end
     * @param tau2     tau² with the filled studies (0 for FE)
     * @param natural  the estimate and CI on the natural scale (odds ratio, proportion, …; text only)
     */
    public record Trimfill(int k0, String side, Double estimate, Double se, Double ciLower, Double ciUpper, Double tau2,
            @JsonIgnore Natural natural) {
    }

    /** An estimate and CI back-transformed to the natural scale. */
    public record Natural(Double estimate, Double ciLower, Double ciUpper) {
    }

    /** @param n Rosenthal's fail-safe N (a whole number; null if not finite) */
    public record Fsn(BigDecimal n) {
    }

    /** The summary of a {@code bias} analysis. */
    public static BiasSummary of(BiasAnalysis a) {
        FunnelAsymmetryTest.Result r = a.regtest();
        RankCorrelationTest.Result k = a.ranktest();
        TrimAndFill.Result t = a.trimfill();
        return new BiasSummary(a.model().measure().name(), a.model().method().label(), a.model().k(),
                a.model().estimate(),
                r == null ? null : new Regtest(r.statistic(), r.pval(), r.limitEstimate(), r.limitCiLower(),
                        r.limitCiUpper()),
                k == null ? null : new Ranktest(k.tau(), k.pval(), k.exact()),
                t == null ? null : trimfill(t),
                new Fsn(Double.isFinite(a.fsn().n()) ? new BigDecimal(a.fsn().n()) : null), a.notEstimable());
    }

    private static Trimfill trimfill(TrimAndFill.Result t) {
        MetaAnalysisResult f = t.fit();
        MetaAnalysisResult.Transformed tr = f.transformed();
        return new Trimfill(t.k0(), t.side().label(), f.estimate(), f.se(), f.ci().lower(), f.ci().upper(), f.tau2(),
                new Natural(tr.estimate(), tr.ci().lower(), tr.ci().upper()));
    }
}

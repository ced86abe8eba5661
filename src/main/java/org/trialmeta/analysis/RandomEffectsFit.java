package org.trialmeta.analysis;

import java.util.List;
import java.util.Optional;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.meta.MetaAnalysisResult;

/**
 * A random-effects meta-analysis as the analyses report it: metafor's {@code rma(yi, vi, method = "REML")} with
 * {@code predict(res, transf = ...)} and {@code weights(res)}, carrying the estimator it was fitted with.
 *
 * @param method        the tau² estimator, e.g. REML
 * @param estimate      pooled estimate on the natural scale (odds ratio, risk ratio, risk difference, proportion)
 * @param ciLower       its confidence interval, lower end
 * @param ciUpper       upper end
 * @param piLower       prediction interval on the natural scale, lower end (null when there is none)
 * @param piUpper       upper end
 * @param b             pooled estimate on the analysis scale (log OR, log RR, RD, logit), metafor's {@code b}
 * @param se            its standard error
 * @param pval          two-sided p-value of the z test of {@code b}
 * @param weights       per-study weights in percent, in input order
 * @param heterogeneity tau² and Cochran's Q
 */
public record RandomEffectsFit(String method, double estimate, double ciLower, double ciUpper, Double piLower,
        Double piUpper, double b, double se, double pval, List<Double> weights, Heterogeneity heterogeneity) {

    /**
     * Between-study heterogeneity.
     *
     * @param tau2  tau², on the analysis scale
     * @param i2    I² in percent; null with one study
     * @param q     Cochran's Q; null with one study
     * @param qDf   its degrees of freedom
     * @param qPval its p-value
     */
    public record Heterogeneity(double tau2, Double i2, Double q, Integer qDf, Double qPval) {
    }

    public RandomEffectsFit {
        weights = List.copyOf(weights);
    }

    /** The report's view of a metafor-style fit. */
    static RandomEffectsFit of(MetaAnalysisResult r) {
        MetaAnalysisResult.Transformed t = r.transformed();
        Optional<org.trialmeta.stats.meta.Heterogeneity> h = r.heterogeneity();
        return new RandomEffectsFit(r.method().label(), t.estimate(), t.ci().lower(), t.ci().upper(),
                t.pi().map(Interval::lower).orElse(null), t.pi().map(Interval::upper).orElse(null), r.estimate(), r.se(),
                r.pval(), java.util.Arrays.stream(r.weights()).boxed().toList(),
                new Heterogeneity(r.tau2(), h.map(x -> x.i2()).orElse(null), h.map(x -> x.q()).orElse(null),
                        h.map(x -> x.df()).orElse(null), h.map(x -> x.pval()).orElse(null)));
    }
}

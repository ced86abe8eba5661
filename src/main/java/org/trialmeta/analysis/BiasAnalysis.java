package org.trialmeta.analysis;

import org.trialmeta.model.InputException;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.FailSafeN;
import org.trialmeta.stats.meta.FitResult;
import org.trialmeta.stats.meta.FunnelAsymmetryTest;
import org.trialmeta.stats.meta.MetaAnalysis;
import org.trialmeta.stats.meta.MetaAnalysisResult;
import org.trialmeta.stats.meta.NotConverged;
import org.trialmeta.stats.meta.NotConvergedException;
import org.trialmeta.stats.meta.RankCorrelationTest;
import org.trialmeta.stats.meta.Tau2Estimator;
import org.trialmeta.stats.meta.TrimAndFill;

/**
 * Small-study effects of a study table, as {@code bias} runs them on the model {@code rma(yi, vi, method = )}
 * (z-test, 95%): metafor's {@code regtest(res, model = "rma", predictor = "sei")}, {@code ranktest(res)},
 * {@code trimfill(res)} and {@code fsn(yi, vi)}.
 *
 * @param input    the studies
 * @param es       their effect sizes
 * @param model    the model fit
 * @param regtest      the regression test (with the limit estimate); null when not estimable
 * @param ranktest     the rank correlation test; null when not estimable
 * @param trimfill     trim and fill; null when not estimable
 * @param fsn          Rosenthal's fail-safe N
 * @param notEstimable why the three are not estimable (every study has the same sampling variance: metafor's
 *                     {@code regtest} finds its model matrix not of full rank, {@code ranktest} gives tau NA and
 *                     {@code trimfill} fails, while {@code fsn} is computed), or null
 */
public record BiasAnalysis(PoolInput input, EffectSizes es, MetaAnalysisResult model,
        FunnelAsymmetryTest.Result regtest, RankCorrelationTest.Result ranktest, TrimAndFill.Result trimfill,
        FailSafeN.Result fsn, String notEstimable) {

    /** Studies needed: the regression on the standard errors has two coefficients and, for random effects, tau². */
    public static final int MIN_STUDIES = 3;

    /**
     * Runs the four methods.
     *
     * @param file the input's name, for messages
     * @throws InputException (one line naming the file) for fewer than {@link #MIN_STUDIES} studies or a fit that
     *     does not converge
     */
    public static BiasAnalysis of(PoolInput input, Tau2Estimator method, String file) {
        EffectSizes es = input.effectSizes();
        double[] yi = es.yi();
        double[] vi = es.vi();
        int k = yi.length;
        if (k < MIN_STUDIES) {
            throw new InputException(file + ": " + k + (k == 1 ? " study" : " studies")
                    + " (small-study methods need at least " + MIN_STUDIES + ")");
        }
        boolean sameVi = true;
        for (double v : vi) {
            sameVi &= v == vi[0];
        }
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(es).withMethod(method).withTau2Ci(false);
        try {
            FitResult f = MetaAnalysis.fit(es, o);
            if (f instanceof NotConverged nc) {
                throw new NotConvergedException("model", nc);
            }
            MetaAnalysisResult model = (MetaAnalysisResult) f;
            if (sameVi) {
                // no spread of precision: nothing for the funnel methods to relate the effects to
                return new BiasAnalysis(input, es, model, null, null, null, FailSafeN.rosenthal(yi, vi),
                        "every study has the same sampling variance, " + vi[0]);
            }
            return new BiasAnalysis(input, es, model, FunnelAsymmetryTest.run(yi, vi, o),
                    RankCorrelationTest.run(yi, vi), TrimAndFill.run(yi, vi, o), FailSafeN.rosenthal(yi, vi), null);
        } catch (NotConvergedException e) {
            throw new InputException(file + ": " + e.getMessage() + "; no estimate is given (try --method DL or PM)");
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }
}

package org.trialmeta.stats.meta;

import java.util.List;

/**
 * Regression test for funnel plot asymmetry, as metafor 3.8 {@code regtest(res, model = "rma", predictor =
 * "sei")}: the meta-regression yi = β0 + β1·√vi (+ u_i) + e_i fitted with the method, test and level of
 * {@code res}; the test of β1 = 0 is the asymmetry test (Egger et al. BMJ 1997;315:629–634, as a
 * mixed-effects model: Sterne JAC, Egger M, in Publication Bias in Meta-Analysis, Wiley 2005), and β0 is the
 * "limit estimate", the effect expected of a study with SE 0 (Stanley &amp; Doucouliagos 2014; Rücker et al.
 * 2011), with its CI.
 */
public final class FunnelAsymmetryTest {

    private FunnelAsymmetryTest() {}

    /**
     * The test.
     *
     * @param statistic     z (or t with k − 2 df for knha) of the SE coefficient ({@code zval})
     * @param pval          its two-sided p-value
     * @param limitEstimate the intercept ({@code est})
     * @param limitCiLower  its CI ({@code ci.lb})
     * @param limitCiUpper  ({@code ci.ub})
     * @param fit           the whole meta-regression
     */
    public record Result(double statistic, double pval, double limitEstimate, double limitCiLower, double limitCiUpper,
            RegressionResult fit) {
    }

    /**
     * Runs the test.
     *
     * @throws NotConvergedException when the meta-regression's tau² estimator does not converge
     * @throws IllegalArgumentException when the sampling variances are all equal (metafor: "Model matrix no longer
     *     of full rank after addition of predictor") or k &lt; 3
     */
    public static Result run(double[] yi, double[] vi, MetaAnalysis.Options o) {
        MetaAnalysis.validate(yi, vi);
        double[] sei = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            sei[i] = Math.sqrt(vi[i]);
        }
        RegressionFit f = LinearMetaRegression.fit(yi, vi, Design.of(List.of("sei"), List.of(sei)), o);
        if (f instanceof NotConverged nc) {
            throw new NotConvergedException("regression test", nc);
        }
        RegressionResult r = (RegressionResult) f;
        RegressionResult.Coefficient b0 = r.coefficients().get(0);
        RegressionResult.Coefficient b1 = r.coefficients().get(1);
        return new Result(b1.statistic(), b1.pval(), b0.estimate(), b0.ciLower(), b0.ciUpper(), r);
    }
}

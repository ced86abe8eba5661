package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.trialmeta.analysis.RegressAnalysis;
import org.trialmeta.stats.meta.Heterogeneity;
import org.trialmeta.stats.meta.PermutationTest;
import org.trialmeta.stats.meta.RegressionResult;

/**
 * What {@code regress} reports (its JSON contract; snake_case keys, {@code null} where not estimable), metafor's
 * {@code rma(mods = )} names in the Javadoc: {@code b → estimate}, {@code zval → statistic}, {@code QM}, {@code QE},
 * {@code R2}.
 *
 * @param measure      effect measure
 * @param method       tau² estimator (FE: fixed effects with moderators)
 * @param test         z or knha
 * @param level        confidence level in percent
 * @param k            number of studies
 * @param coefficients intercept, then each covariate and each non-reference factor level ("COL=LEVEL")
 * @param qm           test of moderators: chi-square (z) or F (knha, QM/m as metafor)
 * @param qmDf         its (numerator) degrees of freedom m
 * @param qmDf2        denominator df k − p of the F test (knha only)
 * @param qmPval       its p-value
 * @param qe           test for residual heterogeneity (null on 0 df: k = p, a fixed-effects fit)
 * @param qeDf         k − p
 * @param qePval       its p-value (null on 0 df)
 * @param tau2         residual tau² (0 for FE)
 * @param i2           residual I² in percent (null on 0 df)
 * @param r2           pseudo R² in percent (null when the intercept-only fit does not converge, or for a
 *                     fixed-effects fit with k = p, whose adjusted R² divides by k − p: metafor's NA)
 * @param permutations permutation test (with {@code --permutations})
 * @param dropped      moderator columns dropped as redundant (constant, or a linear combination of the intercept and
 *                     the columns before them), as metafor drops them with "Redundant predictors dropped from the
 *                     model"; absent when none was
 */
public record RegressSummary(String measure, String method, String test, double level, int k,
        List<Coefficient> coefficients, Double qm, int qmDf, @JsonInclude(JsonInclude.Include.NON_NULL) Integer qmDf2,
        Double qmPval, Double qe, Integer qeDf, Double qePval, Double tau2, Double i2, Double r2,
        @JsonInclude(JsonInclude.Include.NON_NULL) Permutations permutations,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> dropped) {

    /** One coefficient; {@code permPval} only with {@code --permutations}. */
    public record Coefficient(String name, Double estimate, Double se, Double statistic, Double pval, Double ciLower,
            Double ciUpper, @JsonInclude(JsonInclude.Include.NON_NULL) Double permPval) {
    }

    /**
     * A permutation test as metafor's {@code permutest}.
     *
     * @param n      permutations used (exact: every distinct one)
     * @param seed   seed of the random permutations
     * @param exact  whether every distinct permutation of the moderators was used
     * @param qmPval permutation p-value of QM
     */
    public record Permutations(long n, long seed, boolean exact, Double qmPval) {
    }

    /** The summary of a {@code regress} analysis. */
    public static RegressSummary of(RegressAnalysis a) {
        RegressionResult r = a.fit();
        double[] perm = a.permutations().map(PermutationTest.Result::pval).orElse(null);
        List<Coefficient> cs = new ArrayList<>();
        for (int j = 0; j < r.p(); j++) {
            RegressionResult.Coefficient c = r.coefficients().get(j);
            cs.add(new Coefficient(c.name(), c.estimate(), c.se(), c.statistic(), c.pval(), c.ciLower(), c.ciUpper(),
                    perm == null ? null : perm[j]));
        }
        // none with as many studies as coefficients (a fixed-effects fit on 0 residual df): null, as not estimable
        Heterogeneity h = r.residual().orElse(null);
        Permutations p = a.permutations().map(t -> new Permutations(t.permutations(), a.seed().orElseThrow(), t.exact(),
                t.qmPval())).orElse(null);
        return new RegressSummary(r.measure().name(), r.method().label(), r.test().label(), PoolSummary.percent(r.level()),
                r.k(), cs, r.qm(), r.qmDf1(), r.qmDf2().isPresent() ? r.qmDf2().getAsInt() : null, r.qmPval(),
                h == null ? null : h.q(), r.k() - r.p(), h == null ? null : h.pval(), r.tau2(),
                h == null ? null : h.i2(), r.r2().isPresent() ? r.r2().getAsDouble() : null, p, a.dropped());
    }
}

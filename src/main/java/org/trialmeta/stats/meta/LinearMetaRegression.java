package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Meta-regression on any full-rank design (numeric covariates, factor contrasts), as metafor 3.8
 * {@code rma.uni(yi, vi, mods = ~ ..., method =, test =, level =)}.
 *
 * <p>Given tau², W = diag(1/(v + tau²)): β̂ = (X'WX)⁻¹X'Wy, Var(β̂) = s²(X'WX)⁻¹ with s² = 1 (z) or the
 * Knapp-Hartung factor y'Py/(k − p) (t with k − p df). tau² by any {@link Tau2Estimator} with the residual P of
 * the design ({@link DesignModel}; Fisher scoring for ML/REML/EB, root of Q(tau²) = k − p for PM, closed forms
 * otherwise). QM = β̂_m' Var(β̂_m)⁻¹ β̂_m over the m = p − 1 non-intercept coefficients, χ²(m), or QM/m ~
 * F(m, k − p) with knha. QE, I², H² as {@link Heterogeneity} with k − p df. Pseudo R² as metafor's default
 * (Raudenbush 2009): the proportional reduction of tau² from the intercept-only model.
 */
public final class LinearMetaRegression {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * The convergence settings to fit regressions with: those of {@link IterationControl#defaults()} but up to
     * 10 000 Fisher scoring steps. With several coefficients the scoring can converge linearly at a rate near 1
     * (metafor needs 1874 steps at threshold 1e-13 for one permutation of {@code bcg ~ alloc}); each step costs
     * O(k p²).
     */
    public static final IterationControl CONTROL = new IterationControl(IterationControl.defaults().threshold(), 10_000);

    private LinearMetaRegression() {}

    /**
     * Fits {@code yi ~ design} with sampling variances {@code vi}.
     *
     * @throws IllegalArgumentException on invalid yi/vi, a design of another length, a rank-deficient design
     *     ({@link Design#rankDeficient()}) or fewer than {@link #minStudies} studies
     */
    public static RegressionFit fit(double[] yi, double[] vi, Design design, MetaAnalysis.Options o) {
        check(yi, vi, design, o);
        return fit(yi, vi, design, o, true); // read, never written, and not kept by the result: no copies
    }

    /**
     * Fewest studies for p coefficients: p + 1, or p for a fixed-effects model with a z-test, which metafor fits with
     * as many studies as coefficients ({@code rma(yi, vi, mods = , method = "FE")}: the fit is exact, the
     * coefficients' SEs and QM come from (X'WX)⁻¹, and residual heterogeneity has 0 df, so it is not estimable here
     * where metafor prints QE = 0, p = 1). A τ² estimator needs a residual df, and so does the Knapp-Hartung
     * t-test.
     */
    public static int minStudies(int p, MetaAnalysis.Options o) {
        return o.method().isFixedEffect() && o.test() != TestType.KNHA ? p : p + 1;
    }

    static void check(double[] yi, double[] vi, Design design, MetaAnalysis.Options o) {
        MetaAnalysis.validate(yi, vi);
        if (design.k() != yi.length) {
            throw new IllegalArgumentException("design has " + design.k() + " rows for " + yi.length + " studies");
        }
        if (design.p() < 2) {
            throw new IllegalArgumentException("design has no moderator: use MetaAnalysis for an intercept-only model");
        }
        int min = minStudies(design.p(), o);
        if (yi.length < min) {
            throw new IllegalArgumentException(yi.length + " studies for " + design.p() + " coefficients: at least "
                    + min + " needed");
        }
        if (design.rankDeficient()) {
            throw new IllegalArgumentException("design " + design.names() + " is not of full rank");
        }
    }

    /** The fit without the checks of {@link #fit(double[], double[], Design, MetaAnalysis.Options)}. */
    static RegressionFit fit(double[] yi, double[] vi, Design design, MetaAnalysis.Options o, boolean withR2) {
        int k = yi.length;
        int p = design.p();
        double[][] x = new double[k][];
        for (int i = 0; i < k; i++) {
            x[i] = design.row(i);
        }
        DesignModel m = new DesignModel(x, yi, vi);
        Tau2Estimation.Fit tf = Tau2Estimation.estimate(m, o.method(), o.control());
        if (!tf.converged()) {
            return new NotConverged(o.method(), k, tf.iterations(), tf.message());
        }
        double tau2 = tf.tau2();
        DesignModel.Sums st = m.sums(tau2, false);
        int dfr = k - p;
        boolean knha = o.test() == TestType.KNHA;
        double s2w = knha ? MetaAnalysis.knhaScale(st.rss(), dfr) : 1;
        double[] b = st.beta();
        double[][] g = st.g();
        double crit;
        TDistribution t = knha ? TDistribution.of(dfr) : null;
        crit = knha ? t.inverseSurvivalProbability(o.alpha() / 2) : STANDARD_NORMAL.inverseSurvivalProbability(o.alpha() / 2);
        List<RegressionResult.Coefficient> cs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(s2w * g[j][j]);
            double z = b[j] / se;
            double pv = 2 * (knha ? t.survivalProbability(Math.abs(z)) : STANDARD_NORMAL.survivalProbability(Math.abs(z)));
            cs.add(new RegressionResult.Coefficient(design.names().get(j), b[j], se, z, pv, b[j] - crit * se,
                    b[j] + crit * se));
        }
        int mm = p - 1;
        double qm = waldOfSlopes(b, g, s2w);
        double qmp;
        OptionalInt df2;
        if (knha) {
            qm /= mm;
            df2 = OptionalInt.of(dfr);
            qmp = FDistribution.of(mm, dfr).survivalProbability(qm);
        } else {
            df2 = OptionalInt.empty();
            qmp = ChiSquaredDistribution.of(mm).survivalProbability(qm);
        }
        Optional<Heterogeneity> het = MetaAnalysis.heterogeneity(m, o.method(), tau2);
        OptionalDouble r2 = withR2 ? r2(yi, vi, m, o, tau2) : OptionalDouble.empty();
        OptionalDouble tau2Se = o.method().isFixedEffect() ? OptionalDouble.empty() : tf.se();
        return new RegressionResult(o.measure(), o.method(), o.test(), o.level(), k, cs, qm, mm, df2, qmp, tau2, tau2Se,
                het, r2, tf.iterations());
    }

    /** b_m' (s² G_mm)⁻¹ b_m over the coefficients 2..p (NaN when that block is not positive definite, as metafor's NA). */
    private static double waldOfSlopes(double[] b, double[][] g, double s2w) {
        int m = b.length - 1;
        double[][] block = new double[m][m];
        double[] bm = new double[m];
        for (int a = 0; a < m; a++) {
            bm[a] = b[a + 1];
            for (int c = 0; c < m; c++) {
                block[a][c] = s2w * g[a + 1][c + 1];
            }
        }
        try {
            RealMatrix inv = new CholeskyDecomposition(new Array2DRowRealMatrix(block, false), 1e-10, 0).getSolver()
                    .getInverse();
            double[] ib = inv.operate(bm);
            double q = 0;
            for (int a = 0; a < m; a++) {
                q += bm[a] * ib[a];
            }
            return q;
        } catch (org.apache.commons.math3.exception.MathArithmeticException
                | org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException
                | org.apache.commons.math3.linear.NonSymmetricMatrixException
                | org.apache.commons.math3.linear.SingularMatrixException e) {
            return Double.NaN;
        }
    }

    /** metafor's default pseudo R² ({@code r2def = "1"}), in percent. */
    private static OptionalDouble r2(double[] yi, double[] vi, DesignModel m, MetaAnalysis.Options o, double tau2) {
        int k = yi.length;
        if (o.method().isFixedEffect()) {
            if (k == m.p()) {
                return OptionalDouble.empty(); // the adjusted R² divides by k - p (metafor: NA)
            }
            if (allEqual(yi)) {
                return OptionalDouble.of(0);
            }
            // summary(lm(yi ~ X, weights = 1/vi))$adj.r.squared
            DesignModel.Sums fe = m.sums(0, false);
            double sw = 0;
            double swy = 0;
            for (int i = 0; i < k; i++) {
                sw += fe.w()[i];
                swy += fe.w()[i] * yi[i];
            }
            double mean = swy / sw;
            double tss = 0;
            for (int i = 0; i < k; i++) {
                tss += fe.w()[i] * (yi[i] - mean) * (yi[i] - mean);
            }
            double rsq = 1 - fe.rss() / tss;
            double adj = 1 - (1 - rsq) * (k - 1.0) / (k - m.p());
            return OptionalDouble.of(Math.max(0, 100 * adj));
        }
        FitResult f0 = MetaAnalysis.fit(GroupedModel.interceptOnly(yi, vi), o.withTau2Ci(false));
        if (!(f0 instanceof MetaAnalysisResult r0)) {
            return OptionalDouble.empty();
        }
        if (r0.tau2() == 0) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of(Math.max(0, 100 * (r0.tau2() - tau2) / r0.tau2()));
    }

    private static boolean allEqual(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }
}

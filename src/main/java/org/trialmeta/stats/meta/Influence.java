package org.trialmeta.stats.meta;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Case-deletion diagnostics of an intercept-only model, as metafor 3.8 {@code influence(res)} (Viechtbauer W,
 * Cheung MW-L. Res Synth Methods 2010;1:112–125). With μ̂, Var(μ̂) of the full fit, and μ̂₍ᵢ₎, Var(μ̂₍ᵢ₎), tau²₍ᵢ₎,
 * s²₍ᵢ₎ (1, or the Knapp-Hartung factor) of the fit without study i (same method, test and level):
 * <pre>
 *   rstudent = (y_i − μ̂₍ᵢ₎) / √(v_i s²₍ᵢ₎ + Var(μ̂₍ᵢ₎) + tau²₍ᵢ₎ s²₍ᵢ₎)
 *   dffits   = (μ̂ − μ̂₍ᵢ₎) / √(s²₍ᵢ₎ h_i (tau²₍ᵢ₎ + v_i))
 *   cook.d   = (μ̂ − μ̂₍ᵢ₎)² / Var(μ̂)          cov.r = Var(μ̂₍ᵢ₎) / Var(μ̂)
 *   dfbetas  = (μ̂ − μ̂₍ᵢ₎) / √(s²₍ᵢ₎ / Σ_j 1/(v_j + tau²₍ᵢ₎))
 *   hat h_i  = w_i / Σ w (w = 1/(v + tau²), full fit; 1 when above 1 − 10ε), weight = 100 h_i
 * </pre>
 * A study is flagged influential ({@code inf}) when |dffits| &gt; 3√(p/(k − p)), P(χ²₁ ≤ cook.d) &gt; 0.5,
 * h_i &gt; 3p/k or |dfbetas| &gt; 1 (p = 1), a missing criterion counting as not met, as metafor.
 */
public final class Influence {

    /** Number of model coefficients (the intercept). */
    private static final int P = 1;

    private Influence() {}

    /**
     * Diagnostics of one study; the deletion quantities are empty when the fit without it did not converge.
     *
     * @param rstudent    externally standardised residual
     * @param dffits      DFFITS
     * @param cookD       Cook's distance
     * @param covR        covariance ratio
     * @param tau2Deleted tau² without the study (0 for FE)
     * @param qDeleted    Q without the study; empty when only one study is left (metafor: 0)
     * @param hat         leverage
     * @param weight      weight in percent
     * @param dfbetas     DFBETAS of the intercept
     * @param influential metafor's "*" flag
     */
    public record Row(OptionalDouble rstudent, OptionalDouble dffits, OptionalDouble cookD, OptionalDouble covR,
            OptionalDouble tau2Deleted, OptionalDouble qDeleted, double hat, double weight, OptionalDouble dfbetas,
            boolean influential) {
    }

    /**
     * The k rows, in input order.
     *
     * @return the diagnostics, or throws when the full model does not converge
     * @throws NotConvergedException when the full model does not converge
     * @throws IllegalArgumentException for invalid input or k &lt; 2 (metafor: "Stopped because k = 1")
     */
    public static List<Row> run(double[] yi, double[] vi, MetaAnalysis.Options options) {
        MetaAnalysis.validate(yi, vi);
        int k = yi.length;
        if (k < 2) {
            throw new IllegalArgumentException("influence diagnostics need k >= 2 studies, got " + k);
        }
        MetaAnalysis.Options o = options.withTau2Ci(false);
        FitResult full = MetaAnalysis.fit(yi, vi, o);
        if (full instanceof NotConverged nc) {
            throw new NotConvergedException("influence: model", nc);
        }
        MetaAnalysisResult r = (MetaAnalysisResult) full;
        double vb = r.se() * r.se();
        double sumW = sumOfWeights(vi, r.tau2());
        List<FitResult> deleted = LeaveOneOut.run(yi, vi, o);
        ChiSquaredDistribution chi1 = ChiSquaredDistribution.of(1);
        double dffitsCut = 3 * Math.sqrt((double) P / (k - P));
        // each row refits without its study (linear in k): the rows on every core, each made once, in input order
        return IntStream.range(0, k).parallel()
                .mapToObj(i -> row(yi, vi, i, r, vb, sumW, deleted.get(i), chi1, dffitsCut)).toList();
    }

    /** Σ 1/(v_j + tau²): the sum of the random-effects weights. */
    private static double sumOfWeights(double[] vi, double tau2) {
        double sum = 0;
        for (double v : vi) {
            sum += 1 / (v + tau2);
        }
        return sum;
    }

    /** Study i's row, from the full fit {@code r} and the fit {@code deleted} without study i (p = 1). */
    private static Row row(double[] yi, double[] vi, int i, MetaAnalysisResult r, double vb, double sumW,
            FitResult deleted, ChiSquaredDistribution chi1, double dffitsCut) {
        int k = yi.length;
        double hat = (1 / (vi[i] + r.tau2())) / sumW;
        if (hat > 1 - 10 * Math.ulp(1.0)) {
            hat = 1;
        }
        double weight = r.weight(i);
        boolean flag = hat > 3.0 * P / k;
        if (!(deleted instanceof MetaAnalysisResult d)) {
            return new Row(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), hat, weight,
                    OptionalDouble.empty(), flag);
        }
        double tau2d = d.tau2();
        double s2w = deletedScale(yi, vi, i, d);
        double vbd = d.se() * d.se();
        double diff = r.estimate() - d.estimate();
        double resid = yi[i] - d.estimate();
        if (Math.abs(resid) < 100 * Math.ulp(1.0)) {
            resid = 0;
        }
        double rstudent = resid / Math.sqrt(vi[i] * s2w + vbd + tau2d * s2w);
        double dffits = diff / Math.sqrt(s2w * hat * (tau2d + vi[i]));
        double cook = diff * diff / vb;
        double covR = vbd / vb;
        double sumWd = sumOfWeights(vi, tau2d);
        double dfbetas = diff / Math.sqrt(s2w / sumWd);
        flag |= Math.abs(dffits) > dffitsCut || chi1.cumulativeProbability(cook) > 0.5 || Math.abs(dfbetas) > 1;
        OptionalDouble q = d.heterogeneity().map(h -> OptionalDouble.of(h.q())).orElse(OptionalDouble.empty());
        return new Row(OptionalDouble.of(rstudent), OptionalDouble.of(dffits), OptionalDouble.of(cook),
                OptionalDouble.of(covR), OptionalDouble.of(tau2d), q, hat, weight, OptionalDouble.of(dfbetas), flag);
    }

    /** s² of the fit without study i: 1 for z, the Knapp-Hartung factor RSS/(k − 2) for knha (k − 1 studies). */
    private static double deletedScale(double[] yi, double[] vi, int omit, MetaAnalysisResult d) {
        if (d.test() != TestType.KNHA) {
            return 1;
        }
        double rss = 0;
        for (int j = 0; j < yi.length; j++) {
            if (j != omit) {
                double e = yi[j] - d.estimate();
                rss += e * e / (vi[j] + d.tau2());
            }
        }
        return MetaAnalysis.knhaScale(rss, yi.length - 2);
    }
}

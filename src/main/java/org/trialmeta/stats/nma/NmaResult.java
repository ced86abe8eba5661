package org.trialmeta.stats.nma;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.ConfidenceLevel;
import org.trialmeta.stats.Interval;

/**
 * A fitted network model on the analysis scale, with what it was fitted with. The treatments' effects θ (θ of the
 * reference = 0) and their covariance C give every comparison: d(i, j) = θ_i − θ_j with
 * Var = C_ii + C_jj − 2C_ij; CIs are Wald (normal) intervals, prediction intervals (random effects) are
 * d ± z √(Var + τ²) as metafor's {@code predict}.
 *
 * @param treatments  treatment names
 * @param reference   index of the reference treatment
 * @param model       fixed or random
 * @param tau2Method  how τ² was estimated (random effects)
 * @param level       confidence level (fraction)
 * @param k           number of studies
 * @param contrasts   number of basic contrasts Σ(a − 1)
 * @param theta       θ per treatment
 * @param cov         C (treatments × treatments)
 * @param tau2        τ² (random effects), empty for the fixed model
 * @param remlLogLik  restricted log-likelihood at τ² (random effects, REML), empty otherwise
 * @param q           Cochran's Q of the fixed-effect fit (total heterogeneity/inconsistency)
 * @param qDf         its degrees of freedom Σ(a − 1) − (T − 1)
 */
public record NmaResult(List<String> treatments, int reference, NmaModel model, Tau2Method tau2Method, double level,
        int k, int contrasts, double[] theta, double[][] cov, OptionalDouble tau2, OptionalDouble remlLogLik, double q,
        int qDf) {

    private static final NormalDistribution Z = NormalDistribution.of(0, 1);

    public NmaResult {
        treatments = List.copyOf(treatments);
        theta = theta.clone();
        cov = Matrices.copy(cov);
        ConfidenceLevel.check(level);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public double[][] cov() {
        return Matrices.copy(cov);
    }

    /** Number of treatments. */
    public int size() {
        return treatments.size();
    }

    /** d(i, j) = θ_i − θ_j: treatment i vs treatment j. */
    public double estimate(int i, int j) {
        return theta[i] - theta[j];
    }

    /** Variance of d(i, j). */
    public double variance(int i, int j) {
        return Math.max(0, cov[i][i] + cov[j][j] - 2 * cov[i][j]);
    }

    /** Standard error of d(i, j). */
    public double se(int i, int j) {
        return Math.sqrt(variance(i, j));
    }

    /** Wald CI of d(i, j). */
    public Interval ci(int i, int j) {
        double z = z();
        double e = estimate(i, j);
        double s = se(i, j);
        return new Interval(e - z * s, e + z * s);
    }

    /** Prediction interval of d(i, j): d ± z √(Var + τ²); empty for the fixed model. */
    public java.util.Optional<Interval> pi(int i, int j) {
        if (tau2.isEmpty()) {
            return java.util.Optional.empty();
        }
        double z = z();
        double e = estimate(i, j);
        double s = Math.sqrt(variance(i, j) + tau2.getAsDouble());
        return java.util.Optional.of(new Interval(e - z * s, e + z * s));
    }

    /** Two-sided Wald p-value of d(i, j). */
    public double pval(int i, int j) {
        return 2 * Z.survivalProbability(Math.abs(estimate(i, j)) / se(i, j));
    }

    /** p-value of Q (χ² with qDf degrees of freedom); empty when qDf = 0. */
    public OptionalDouble qPval() {
        return chiSquareP(q, qDf);
    }

    double z() {
        return Z.inverseSurvivalProbability(ConfidenceLevel.alpha(level) / 2);
    }

    /** Upper-tail χ² probability of {@code q} with {@code df} degrees of freedom; empty when df = 0. */
    public static OptionalDouble chiSquareP(double q, int df) {
        return df > 0 ? OptionalDouble.of(ChiSquaredDistribution.of(df).survivalProbability(Math.max(0, q)))
                : OptionalDouble.empty();
    }
}

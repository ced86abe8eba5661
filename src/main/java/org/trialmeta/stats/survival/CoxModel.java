package org.trialmeta.stats.survival;

import java.util.List;
import java.util.Objects;

/**
 * A fitted Cox proportional-hazards model, as R's {@code summary(coxph(Surv(time, status) ~ x1 + ... +
 * strata(s), ties = ))} in survival 3.5.
 *
 * @param n number of observations used
 * @param events number of events
 * @param strata number of strata (1 without strata)
 * @param ties tie handling used
 * @param level confidence level of the hazard-ratio intervals, e.g. 0.95
 * @param logLikNull partial log-likelihood at beta = 0 ({@code fit$loglik[1]})
 * @param logLik partial log-likelihood at the estimate ({@code fit$loglik[2]})
 * @param coefficients one per covariate, in input order
 * @param likelihoodRatioTest 2 (logLik − logLikNull) on the number of estimable coefficients
 * @param waldTest b' V⁻¹ b ({@code fit$wald.test})
 * @param scoreTest score (log-rank for one binary covariate) test at beta = 0 ({@code fit$score})
 * @param concordance Harrell's C and its SE ({@code summary(fit)$concordance}); empty without comparable pairs
 * @param convergence how the iteration ended
 * @param iterations Newton-Raphson iterations used ({@code fit$iter})
 * @param variance covariance matrix of the estimable coefficients ({@code vcov(fit)}; aliased rows 0)
 * @param linearPredictors centred linear predictor per observation in input order
 *     ({@code fit$linear.predictors})
 */
public record CoxModel(int n, int events, int strata, Ties ties, double level, double logLikNull, double logLik,
        List<CoxCoefficient> coefficients, CoxTest likelihoodRatioTest, CoxTest waldTest,
        CoxTest scoreTest, java.util.Optional<Concordance> concordance, CoxConvergence convergence, int iterations,
        double[][] variance, double[] linearPredictors) {
    public CoxModel {
        Objects.requireNonNull(ties, "ties");
        Objects.requireNonNull(convergence, "convergence");
        Objects.requireNonNull(concordance, "concordance (Optional.empty() when no comparable pair)");
        coefficients = List.copyOf(coefficients);
        variance = deepCopy(variance);
        linearPredictors = linearPredictors.clone();
    }

    @Override
    public double[][] variance() {
        return deepCopy(variance);
    }

    @Override
    public double[] linearPredictors() {
        return linearPredictors.clone();
    }

    /** Whether the estimate can be reported as is ({@link CoxConvergence#CONVERGED}). */
    public boolean converged() {
        return convergence == CoxConvergence.CONVERGED;
    }

    /** Estimated coefficients in input order, 0 for aliased ones. */
    public double[] coefficientValues() {
        double[] b = new double[coefficients.size()];
        for (int k = 0; k < b.length; k++) {
            b[k] = coefficients.get(k).estimate().map(CoxCoefficient.Estimate::coef).orElse(0.0);
        }
        return b;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}

package org.trialmeta.stats.survival;

import java.util.Objects;
import java.util.Optional;
import org.trialmeta.stats.Interval;

/**
 * One covariate of a Cox model. A covariate that is a linear combination of earlier ones is aliased
 * (R prints {@code NA}) and has no estimate.
 *
 * @param name covariate name
 * @param estimate the estimate, empty when aliased
 * @param possiblyInfinite whether coxph's check flags it ("Loglik converged before variable k;
 *     coefficient may be infinite"): |(u V)_k| > eps and > toler.inf |coef_k| at convergence. Such an
 *     estimate and its SE are not meaningful (monotone likelihood).
 */
public record CoxCoefficient(String name, Optional<Estimate> estimate, boolean possiblyInfinite) {
    public CoxCoefficient {
        Objects.requireNonNull(name, "coefficient name");
        Objects.requireNonNull(estimate, "coefficient estimate (use Optional.empty() when aliased)");
    }

    /**
     * Estimate of one coefficient, as a row of R's {@code summary(coxph(...))$coefficients} and
     * {@code $conf.int}: log hazard ratio {@code coef}, its SE {@code sqrt(diag(vcov))}, HR = exp(coef),
     * HR CI = exp(coef ± z_{(1+level)/2} se), Wald z = coef / se and two-sided p = 2 Φ(−|z|).
     */
    public record Estimate(double coef, double se, double hazardRatio, Interval hazardRatioCi, double z,
            double pValue) {
        public Estimate {
            if (!Double.isFinite(coef)) {
                throw new IllegalArgumentException("coef " + coef + " must be finite");
            }
            if (!(se >= 0) || Double.isInfinite(se)) {
                throw new IllegalArgumentException("se " + se + " must be finite and >= 0");
            }
            Objects.requireNonNull(hazardRatioCi, "hazardRatioCi");
            if (Double.isNaN(z) || !(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("z " + z + " / p-value " + pValue + " invalid");
            }
        }
    }
}

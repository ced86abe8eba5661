package org.trialmeta.stats.survival;

/**
 * Handling of tied event times in the Cox partial likelihood, as R's {@code coxph(..., ties=)}.
 *
 * <p>Efron BJ. The efficiency of Cox's likelihood function for censored data. JASA 1977;72:557–565.
 * Breslow NE. Covariance analysis of censored survival data. Biometrics 1974;30:89–99.
 */
public enum Ties {
    /** Efron's approximation (R's default, {@code ties = "efron"}). */
    EFRON,
    /** Breslow's approximation ({@code ties = "breslow"}). */
    BRESLOW
}

package org.trialmeta.stats.meta;

/**
 * A linear mixed-effects meta-analytic model y = Xβ + u + e, u ~ N(0, tau² I), e ~ N(0, V), V = diag(v), seen
 * through the quantities of P = W − W X (X'WX)⁻¹ X' W (W = diag(1/(v + tau²)), or I) that metafor's
 * {@code rma.uni} tau² estimators, standard errors and log-likelihoods use. Implemented in O(k) for
 * group-mean designs ({@link GroupedModel}) and in O(k p²) for any full-rank design ({@link DesignModel}).
 */
interface ResidualModel {

    /** Number of studies. */
    int k();

    /** Number of mean parameters (columns of X). */
    int p();

    /** The estimates (shared, not copied: callers must not modify). */
    double[] y();

    /** The P quantities for weights 1/(v + tau2), or unit weights when {@code unit}. */
    Sums sums(double tau2, boolean unit);

    /** ML (reml = false) or REML log-likelihood up to an additive constant, as metafor's ll.ML/ll.REML. */
    double logLik(double tau2, boolean reml);

    /**
     * y'Py for weights 1/(v + tau2) (the generalised Q of the Q-profile and Paule-Mandel searches): the same number,
     * to the last bit, as {@code sums(tau2, false).rss()}; models may compute it without the other sums.
     */
    default double rss(double tau2) {
        return sums(tau2, false).rss();
    }

    /**
     * The P quantities of one weighting.
     *
     * <p>{@code rss} = y'Py, {@code yppy} = y'PPy, {@code trP} = tr P, {@code sumPP} = Σ P∘P, {@code trPV} =
     * tr PV, {@code trPVPV} = tr PVPV, {@code sumPVP} = Σ (PV)∘P, {@code logDet} = log det X'WX.
     */
    interface Sums {
        double[] w();

        double sumW();

        double sumW2();

        double rss();

        double yppy();

        double trP();

        double sumPP();

        double trPV();

        double trPVPV();

        double sumPVP();

        double logDet();
    }
}

package org.trialmeta.stats.meta;

/**
 * Heterogeneity statistics as metafor's {@code rma.uni} (defined for k &gt; p).
 *
 * <p>Q = Σ (1/vi)(yi − ŷ_FE)², with k − p degrees of freedom and its chi-square p-value (Cochran 1954).
 * With the "typical" within-study variance vt = (k − p) / tr(P), P built from weights 1/vi
 * (Higgins &amp; Thompson 2002, doi:10.1002/sim.1186): random effects I² = 100·tau²/(vt + tau²),
 * H² = tau²/vt + 1; fixed effects I² = max(0, 100·(Q − df)/Q) and H² = Q/df (I² = 0 when Q = 0).
 * Same as {@code res$QE, res$QEp, res$I2, res$H2}.
 *
 * @param q    Cochran's Q
 * @param df   k − p
 * @param pval upper-tail chi-square probability of Q
 * @param i2   I² in percent
 * @param h2   H²
 * @param vt   the typical within-study variance (k − p)/tr(P)
 */
public record Heterogeneity(double q, int df, double pval, double i2, double h2, double vt) {
    public Heterogeneity {
        if (df < 1) {
            throw new IllegalArgumentException("heterogeneity df " + df + " must be >= 1");
        }
    }
}

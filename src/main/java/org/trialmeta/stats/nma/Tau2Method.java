package org.trialmeta.stats.nma;

/** How the common between-study variance τ² of a random-effects network model is estimated. */
public enum Tau2Method {
    /**
     * Restricted maximum likelihood, maximised over τ² ≥ 0 (metafor {@code rma.mv(method = "REML")}, netmeta
     * {@code method.tau = "REML"}).
     */
    REML,
    /**
     * The generalised DerSimonian-Laird moment estimator of netmeta's default ({@code method.tau = "DL"}; Jackson,
     * White &amp; Riley 2012): τ² = max(0, (Q − df) / tr(PK)) with P the fixed-effect residual projection
     * V⁻¹ − V⁻¹X(X'V⁻¹X)⁻¹X'V⁻¹ and K the random-effects structure (1 on the diagonal, ½ within a multi-arm study).
     */
    DL
}

package org.trialmeta.analysis;

/**
 * Test for a difference between the pooled mutant and wild-type estimates: Q_between of a fixed-effect
 * model of the subgroup estimates, as {@code rma(yi = est, sei = se, method = "FE")$QE}.
 *
 * @param q    Q_between
 * @param df   degrees of freedom
 * @param pval p-value (chi-square)
 */
public record SubgroupTest(double q, int df, double pval) {
}

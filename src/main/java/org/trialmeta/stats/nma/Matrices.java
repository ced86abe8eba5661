package org.trialmeta.stats.nma;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/** Defensive copies of the matrices the immutable results of this package hold; Cholesky decompositions. */
final class Matrices {

    /** Pivots at or below this fraction of the largest diagonal element count as zero (not positive definite). */
    static final double RELATIVE_POSITIVITY = 1e-14;

    private Matrices() {}

    /** A deep copy of {@code m} (each row cloned). */
    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /**
     * The Cholesky decomposition of symmetric {@code m}, its positivity threshold relative to the largest diagonal
     * element, so that the decision does not depend on the unit of the data: Commons Math's threshold is absolute,
     * so a fixed one (1e-14) called the covariance of a study with variances of 1e-16 (accepted input) not positive
     * definite, and the information matrix of variances of 1e18 singular.
     *
     * @throws org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException when a pivot is at or below
     *         {@link #RELATIVE_POSITIVITY} times the largest diagonal element
     * @throws org.apache.commons.math3.linear.NonSymmetricMatrixException         beyond {@code relativeSymmetry}
     */
    static CholeskyDecomposition cholesky(double[][] m, double relativeSymmetry) {
        double max = 0;
        for (int i = 0; i < m.length; i++) {
            max = Math.max(max, Math.abs(m[i][i]));
        }
        return new CholeskyDecomposition(MatrixUtils.createRealMatrix(m), relativeSymmetry, RELATIVE_POSITIVITY * max);
    }
}

package org.trialmeta.stats.survival;

/**
 * The generalised Cholesky routines of R's survival package ({@code cholesky2.c}, {@code chsolve2.c},
 * {@code chinv2.c}, T. Therneau): C = F D F' with unit lower-triangular F; a pivot below
 * {@code toler × max diagonal} marks a redundant (aliased) column whose row and column are set to 0.
 * Ported line by line so that aliasing decisions and rounding follow {@code coxph}.
 */
final class CholeskyTwo {

    private CholeskyTwo() {}

    /** Factorises the symmetric matrix in place (reads the upper triangle); returns ±rank. */
    static int decompose(double[][] m, double toler) {
        int n = m.length;
        boolean nonneg = true;
        double eps = 0;
        for (int i = 0; i < n; i++) {
            if (m[i][i] > eps) {
                eps = m[i][i];
            }
            for (int j = i + 1; j < n; j++) {
                m[j][i] = m[i][j];
            }
        }
        eps = eps == 0 ? toler : eps * toler;
        int rank = 0;
        for (int i = 0; i < n; i++) {
            double pivot = m[i][i];
            if (!Double.isFinite(pivot) || pivot < eps) {
                m[i][i] = 0;
                if (pivot < -8 * eps) {
                    nonneg = false;
                }
            } else {
                rank++;
                for (int j = i + 1; j < n; j++) {
                    double temp = m[j][i] / pivot;
                    m[j][i] = temp;
                    m[j][j] -= temp * temp * pivot;
                    for (int k = j + 1; k < n; k++) {
                        m[k][j] -= temp * m[k][i];
                    }
                }
            }
        }
        return nonneg ? rank : -rank;
    }

    /** Solves C x = y in place, given the factor from {@link #decompose}. */
    static void solve(double[][] m, double[] y) {
        int n = m.length;
        for (int i = 0; i < n; i++) {
            double temp = y[i];
            for (int j = 0; j < i; j++) {
                temp -= y[j] * m[i][j];
            }
            y[i] = temp;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (m[i][i] == 0) {
                y[i] = 0;
            } else {
                double temp = y[i] / m[i][i];
                for (int j = i + 1; j < n; j++) {
                    temp -= y[j] * m[j][i];
                }
                y[i] = temp;
            }
        }
    }

    /** Replaces the factor by the (generalised) inverse of the original matrix, made symmetric. */
    static void invert(double[][] m) {
        int n = m.length;
        for (int i = 0; i < n; i++) {
            if (m[i][i] > 0) {
                m[i][i] = 1 / m[i][i];
                for (int j = i + 1; j < n; j++) {
                    m[j][i] = -m[j][i];
                    for (int k = 0; k < i; k++) {
                        m[j][k] += m[j][i] * m[i][k];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (m[i][i] == 0) {
                for (int j = 0; j < i; j++) {
                    m[j][i] = 0;
                }
                for (int j = i; j < n; j++) {
                    m[i][j] = 0;
                }
            } else {
                for (int j = i + 1; j < n; j++) {
                    double temp = m[j][i] * m[j][j];
                    m[i][j] = temp;
                    for (int k = i; k < j; k++) {
                        m[i][k] += temp * m[j][k];
                    }
                }
            }
        }
        // the upper triangle now holds the inverse; mirror it (R: imat[i][j] = imat[j][i])
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = m[j][i];
            }
        }
    }
}

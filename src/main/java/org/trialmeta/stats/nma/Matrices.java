package org.trialmeta.stats.nma;

/** Defensive copies of the matrices the immutable results of this package hold. */
final class Matrices {

    private Matrices() {}

    /** A deep copy of {@code m} (each row cloned). */
    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}

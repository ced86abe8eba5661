package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The model matrix of a meta-regression: an intercept column ({@code "intrcpt"}, all 1) followed by one column per
 * moderator term, as R's {@code model.matrix(~ mods)} with which metafor's {@code rma(mods = )} works.
 *
 * @param names column names, the first {@code "intrcpt"}
 * @param x     k×p values, row i = study i (copied in and out)
 */
public record Design(List<String> names, double[][] x) {

    /**
     * metafor's {@code control$evtol}: the design is refused when an eigenvalue of X'X is at most this
     * ("Model matrix not of full rank").
     */
    public static final double EIGENVALUE_TOLERANCE = 1e-7;

    public Design {
        names = List.copyOf(names);
        if (x.length == 0) {
            throw new IllegalArgumentException("design has no rows");
        }
        int p = names.size();
        if (p < 1 || !names.get(0).equals("intrcpt")) {
            throw new IllegalArgumentException("the first column must be the intercept 'intrcpt', got " + names);
        }
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values for " + p + " columns");
            }
            if (x[i][0] != 1) {
                throw new IllegalArgumentException("row " + i + ": intercept " + x[i][0] + " must be 1");
            }
            for (double e : x[i]) {
                if (!Double.isFinite(e)) {
                    throw new IllegalArgumentException("row " + i + ": value " + e + " must be finite");
                }
            }
            copy[i] = x[i].clone();
        }
        x = copy;
    }

    /** The intercept-only design for k studies. */
    public static Design interceptOnly(int k) {
        double[][] x = new double[k][1];
        for (double[] r : x) {
            r[0] = 1;
        }
        return new Design(List.of("intrcpt"), x);
    }

    /** The intercept and the given columns, named {@code names} (each column has k values). */
    public static Design of(List<String> names, List<double[]> columns) {
        if (names.size() != columns.size() || columns.isEmpty()) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
        }
        int k = columns.get(0).length;
        double[][] x = new double[k][columns.size() + 1];
        for (int i = 0; i < k; i++) {
            x[i][0] = 1;
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j).length != k) {
                    throw new IllegalArgumentException("column " + names.get(j) + " has " + columns.get(j).length
                            + " values, not " + k);
                }
                x[i][j + 1] = columns.get(j)[i];
            }
        }
        List<String> all = new ArrayList<>();
        all.add("intrcpt");
        all.addAll(names);
        return new Design(all, x);
    }

    /** A builder of a design for {@code k} studies: the intercept, then terms in the order added. */
    public static Builder builder(int k) {
        return new Builder(k);
    }

    /** Adds terms as R's {@code model.matrix}: a covariate is one column, a factor its treatment contrasts. */
    public static final class Builder {
        private final int k;
        private final List<String> names = new ArrayList<>();
        private final List<double[]> columns = new ArrayList<>();

        private Builder(int k) {
            this.k = k;
        }

        /** A numeric covariate, one column named {@code name}. */
        public Builder covariate(String name, double[] values) {
            if (values.length != k) {
                throw new IllegalArgumentException("covariate " + name + " has " + values.length + " values, not " + k);
            }
            names.add(name);
            columns.add(values.clone());
            return this;
        }

        /**
         * A factor in treatment coding: levels sorted ({@link String#compareTo}, R's {@code sort(method = "radix")}),
         * the first the reference, then one 0/1 column per other level, named {@code name=level}. A factor with one
         * level adds no column.
         */
        public Builder factor(String name, String[] labels) {
            if (labels.length != k) {
                throw new IllegalArgumentException("factor " + name + " has " + labels.length + " values, not " + k);
            }
            List<String> levels = levels(labels);
            for (String level : levels.subList(Math.min(1, levels.size()), levels.size())) {
                double[] c = new double[k];
                for (int i = 0; i < k; i++) {
                    c[i] = labels[i].equals(level) ? 1 : 0;
                }
                names.add(name + "=" + level);
                columns.add(c);
            }
            return this;
        }

        /** The design (intercept only when no column was added). */
        public Design build() {
            return columns.isEmpty() ? interceptOnly(k) : of(names, columns);
        }
    }

    /** The distinct labels in sorted order (the first is a factor's reference level). */
    public static List<String> levels(String[] labels) {
        return new java.util.TreeSet<>(List.of(labels)).stream().toList();
    }

    @Override
    public double[][] x() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        return copy;
    }

    /** Number of studies (rows). */
    public int k() {
        return x.length;
    }

    /** Number of coefficients (columns). */
    public int p() {
        return names.size();
    }

    /** Row i (shared; package-private callers must not modify). */
    double[] row(int i) {
        return x[i];
    }

    /** The rows in the given order (a permutation of the moderators over the studies). */
    Design permuted(int[] order) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[order[i]];
        }
        return new Design(names, y);
    }

    /** Whether X'X has an eigenvalue at most {@link #EIGENVALUE_TOLERANCE}, as metafor refuses such a design. */
    public boolean rankDeficient() {
        int p = p();
        double[][] xtx = new double[p][p];
        for (double[] r : x) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += r[a] * r[b];
                }
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(xtx, false)).getRealEigenvalues();
        for (double e : ev) {
            if (e <= EIGENVALUE_TOLERANCE) {
                return true;
            }
        }
        return false;
    }
}

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

    /** The tolerance of R's {@code lm.fit} ({@code tol = 1e-07}) below which a column counts as redundant. */
    public static final double QR_TOLERANCE = 1e-7;

    /**
     * The columns that are redundant given the ones before them, which metafor drops before fitting ("Redundant
     * predictors dropped from the model": the columns whose coefficients R's {@code lm(yi ~ X - 1)} gives as
     * {@code NA}). Found as R's {@code lm.fit} finds them: a Householder QR with LINPACK {@code dqrdc2}'s limited column
     * pivoting (Dongarra et al., LINPACK Users' Guide 1979; R's modification), in which a column whose norm, after the
     * reflections of the columns kept before it, has fallen below {@link #QR_TOLERANCE} times its original norm is
     * moved to the end and not used; the rank is at most k. The intercept, first and all 1, is never redundant; a
     * constant moderator or one that is a linear combination of earlier columns is.
     *
     * @return per column, whether it is redundant
     */
    public boolean[] redundant() {
        int n = x.length;
        int p = p();
        double[][] c = new double[p][n]; // columns
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                c[j][i] = x[i][j];
            }
        }
        int[] column = new int[p];
        double[] norm = new double[p]; // the norm of what is left of each column below the rows reflected so far
        double[] original = new double[p];
        for (int j = 0; j < p; j++) {
            column[j] = j;
            norm[j] = norm(c[j], 0);
            original[j] = norm[j] == 0 ? 1 : norm[j];
        }
        int kept = p; // columns from index kept on were moved to the end as negligible
        for (int l = 0; l < Math.min(n, p); l++) {
            while (l < kept && norm[l] < original[l] * QR_TOLERANCE) {
                rotateToEnd(c, l);
                rotateToEnd(column, l);
                rotateToEnd(norm, l);
                rotateToEnd(original, l);
                kept--;
            }
            if (l == n - 1) {
                continue;
            }
            double[] v = c[l];
            double nrm = norm(v, l);
            if (nrm == 0) {
                continue;
            }
            if (v[l] != 0) {
                nrm = Math.copySign(nrm, v[l]);
            }
            for (int i = l; i < n; i++) {
                v[i] /= nrm;
            }
            v[l] += 1;
            for (int j = l + 1; j < p; j++) {
                double[] w = c[j];
                double dot = 0;
                for (int i = l; i < n; i++) {
                    dot += v[i] * w[i];
                }
                double t = -dot / v[l];
                for (int i = l; i < n; i++) {
                    w[i] += t * v[i];
                }
                if (norm[j] != 0) {
                    double r = Math.abs(w[l]) / norm[j];
                    double left = Math.max(1 - r * r, 0);
                    // downdate the norm, recomputing it when most of it is gone (R's change of 9/99)
                    norm[j] = Math.abs(left) < 1e-6 ? norm(w, l + 1) : norm[j] * Math.sqrt(left);
                }
            }
        }
        int rank = Math.min(kept, n);
        boolean[] out = new boolean[p];
        for (int j = rank; j < p; j++) {
            out[column[j]] = true;
        }
        return out;
    }

    /** This design without the columns marked in {@code drop} (the intercept is kept). */
    public Design without(boolean[] drop) {
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < p(); j++) {
            if (j == 0 || !drop[j]) {
                keep.add(j);
            }
        }
        double[][] y = new double[x.length][keep.size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < keep.size(); j++) {
                y[i][j] = x[i][keep.get(j)];
            }
        }
        return new Design(keep.stream().map(names::get).toList(), y);
    }

    private static double norm(double[] v, int from) {
        double scale = 0;
        for (int i = from; i < v.length; i++) {
            scale = Math.max(scale, Math.abs(v[i]));
        }
        if (scale == 0) {
            return 0;
        }
        double ss = 0;
        for (int i = from; i < v.length; i++) {
            double a = v[i] / scale;
            ss += a * a;
        }
        return scale * Math.sqrt(ss);
    }

    private static void rotateToEnd(double[][] a, int l) {
        double[] t = a[l];
        System.arraycopy(a, l + 1, a, l, a.length - l - 1);
        a[a.length - 1] = t;
    }

    private static void rotateToEnd(double[] a, int l) {
        double t = a[l];
        System.arraycopy(a, l + 1, a, l, a.length - l - 1);
        a[a.length - 1] = t;
    }

    private static void rotateToEnd(int[] a, int l) {
        int t = a[l];
        System.arraycopy(a, l + 1, a, l, a.length - l - 1);
        a[a.length - 1] = t;
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

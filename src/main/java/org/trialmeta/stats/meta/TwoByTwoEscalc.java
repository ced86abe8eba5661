package org.trialmeta.stats.meta;

/**
 * Study-level estimates of 2×2 tables as metafor's {@code escalc(measure = "OR" | "RR" | "RD" | "PETO",
 * add, to, drop00, vtype = "LS")}; used by Mantel-Haenszel and Peto pooling for the heterogeneity
 * statistics and the per-study rows. NaN marks a study without an estimate (metafor's NA; escalc also recodes ±Inf in
 * {@code yi} or {@code vi} to NA in both).
 */
final class TwoByTwoEscalc {
    final double[] yi;
    final double[] vi;

    private TwoByTwoEscalc(int k) {
        yi = new double[k];
        vi = new double[k];
    }

    /** {@code kind} is "OR", "RR", "RD" or "PETO". */
    static TwoByTwoEscalc of(TwoByTwoTables t, String kind, TwoByTwoPoolOptions o) {
        int k = t.k;
        boolean[] dropped = new boolean[k];
        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            dropped[i] = o.drop00() && t.doubleZero(i);
            if (!dropped[i] && hasZero(t, i)) {
                anyZero = true;
            }
        }
        TwoByTwoEscalc e = new TwoByTwoEscalc(k);
        for (int i = 0; i < k; i++) {
            if (dropped[i]) {
                e.yi[i] = Double.NaN;
                e.vi[i] = Double.NaN;
                continue;
            }
            boolean addHere = switch (o.to()) {
                case ALL -> true;
                case ONLY0 -> hasZero(t, i);
                case IF0ALL -> anyZero;
                case NONE -> false;
            };
            double add = addHere ? o.add() : 0.0;
            double a = t.ai[i] + add;
            double b = t.bi[i] + add;
            double c = t.ci[i] + add;
            double d = t.di[i] + add;
            double n1 = a + b;
            double n2 = c + d;
            double p1 = a / n1;
            double p2 = c / n2;
            switch (kind) {
                case "OR" -> {
                    e.yi[i] = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
                    e.vi[i] = 1 / a + 1 / b + 1 / c + 1 / d;
                }
                case "RR" -> {
                    e.yi[i] = Math.log(p1) - Math.log(p2);
                    e.vi[i] = 1 / a - 1 / n1 + 1 / c - 1 / n2;
                }
                case "RD" -> {
                    e.yi[i] = p1 - p2;
                    e.vi[i] = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
                }
                case "PETO" -> {
                    double n = n1 + n2;
                    double xt = a + c;
                    double yt = b + d;
                    double ei = xt * n1 / n;
                    double v = xt * yt * (n1 / n) * (n2 / n) / (n - 1);
                    e.yi[i] = (a - ei) / v;
                    e.vi[i] = 1 / v;
                }
                default -> throw new IllegalArgumentException("kind " + kind + " must be OR, RR, RD or PETO");
            }
            if (!Double.isFinite(e.yi[i]) || !Double.isFinite(e.vi[i])) {
                // escalc recodes +-Inf and NaN in yi or vi to NA in both
                e.yi[i] = Double.NaN;
                e.vi[i] = Double.NaN;
            }
        }
        return e;
    }

    private static boolean hasZero(TwoByTwoTables t, int i) {
        return t.ai[i] == 0 || t.bi[i] == 0 || t.ci[i] == 0 || t.di[i] == 0;
    }
}

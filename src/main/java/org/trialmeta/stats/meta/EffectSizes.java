package org.trialmeta.stats.meta;

import java.util.Arrays;

/**
 * Study-level effect sizes {@code yi} with sampling variances {@code vi}, as metafor 3.8 {@code escalc}
 * (large-sample variances, {@code vtype = "LS"}), together with the settings they were computed with.
 *
 * <p>Two groups (ai events of n1i, ci events of n2i; bi = n1i − ai, di = n2i − ci), after the zero-cell
 * correction:
 * <ul>
 * <li>OR: yi = log(ai·di / (bi·ci)), vi = 1/ai + 1/bi + 1/ci + 1/di;</li>
 * <li>RR: yi = log(p1/p2), vi = 1/ai − 1/n1i + 1/ci − 1/n2i;</li>
 * <li>RD: yi = p1 − p2, vi = p1(1−p1)/n1i + p2(1−p2)/n2i.</li>
 * </ul>
 * One group (xi events of ni, p = xi/ni, after the correction):
 * <ul>
 * <li>PR: yi = p, vi = p(1−p)/ni; PLN: yi = log p, vi = 1/xi − 1/ni; PLO: yi = logit p,
 *     vi = 1/xi + 1/(ni−xi);</li>
 * <li>PAS: yi = asin √p, vi = 1/(4ni); PFT (Freeman &amp; Tukey 1950, doi:10.1214/aoms/1177729756):
 *     yi = ½[asin √(xi/(ni+1)) + asin √((xi+1)/(ni+1))], vi = 1/(4ni+2) = 1/(ni+½)/4.</li>
 * </ul>
 * Same numbers as R {@code metafor::escalc(measure, ai=, n1i=, ci=, n2i=)} or
 * {@code escalc(measure, xi=, ni=)} with the same {@code add} and {@code to}.
 *
 * @param measure    the effect measure
 * @param correction the zero-cell correction applied
 * @param yi         effect sizes
 * @param vi         sampling variances
 * @param ni         total sample size per study (n1i + n2i, or ni; empty for GEN), uncorrected;
 *                   the PFT back-transformation uses their harmonic mean
 * @param corrected  whether the correction was added to the study's cells
 */
public record EffectSizes(EffectMeasure measure, ZeroCellCorrection correction, double[] yi, double[] vi,
        int[] ni, boolean[] corrected) {

    public EffectSizes {
        if (measure == null || correction == null) {
            throw new IllegalArgumentException("measure and correction must not be null");
        }
        if (yi.length != vi.length || corrected.length != yi.length
                || (ni.length != 0 && ni.length != yi.length)) {
            throw new IllegalArgumentException("yi, vi, ni, corrected lengths differ: " + yi.length + ", "
                    + vi.length + ", " + ni.length + ", " + corrected.length);
        }
        yi = yi.clone();
        vi = vi.clone();
        ni = ni.clone();
        corrected = corrected.clone();
    }

    @Override
    public double[] yi() {
        return yi.clone();
    }

    @Override
    public double[] vi() {
        return vi.clone();
    }

    @Override
    public int[] ni() {
        return ni.clone();
    }

    @Override
    public boolean[] corrected() {
        return corrected.clone();
    }

    /**
     * The Wald confidence interval of study {@code i}'s own estimate, {@code yi ± z(1−α/2)·√vi}, as metafor's
     * {@code summary(escalc(...), level = )} ({@code ci.lb}, {@code ci.ub}) and the study rows of {@code forest()}.
     *
     * @param level confidence level as a fraction in (0, 1)
     */
    public org.trialmeta.stats.Interval ci(int i, double level) {
        double crit = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .inverseSurvivalProbability(org.trialmeta.stats.ConfidenceLevel.alpha(
                        org.trialmeta.stats.ConfidenceLevel.check(level)) / 2);
        double se = Math.sqrt(vi[i]);
        return new org.trialmeta.stats.Interval(yi[i] - crit * se, yi[i] + crit * se);
    }

    /** Number of studies. */
    public int k() {
        return yi.length;
    }

    /** The back-transformation for pooled values of this measure (PFT: harmonic mean of {@link #ni}). */
    public Transform transform() {
        return Transform.forMeasure(measure, ni);
    }

    /** Two-group measure (OR, RR, RD) with metafor's default zero-cell correction. */
    public static EffectSizes twoGroup(EffectMeasure measure, int[] ai, int[] n1i, int[] ci, int[] n2i) {
        return twoGroup(measure, ai, n1i, ci, n2i, ZeroCellCorrection.metaforDefault(measure));
    }

    /**
     * Two-group measure (OR, RR, RD) from events and totals per group.
     *
     * @throws IllegalArgumentException on a count out of range, or when a study's effect is not
     *     estimable (a zero cell with no correction), naming the study (0-based) and the rule
     */
    public static EffectSizes twoGroup(EffectMeasure measure, int[] ai, int[] n1i, int[] ci, int[] n2i,
            ZeroCellCorrection correction) {
        if (measure.kind() != EffectMeasure.Kind.TWO_GROUP) {
            throw new IllegalArgumentException("measure " + measure + " is not a two-group measure (OR, RR, RD)");
        }
        int k = ai.length;
        if (n1i.length != k || ci.length != k || n2i.length != k) {
            throw new IllegalArgumentException("ai, n1i, ci, n2i lengths differ: " + k + ", " + n1i.length
                    + ", " + ci.length + ", " + n2i.length);
        }
        boolean[] zero = new boolean[k];
        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            checkCount("study " + i + ": ai", ai[i], n1i[i], "n1i");
            checkCount("study " + i + ": ci", ci[i], n2i[i], "n2i");
            zero[i] = ai[i] == 0 || ci[i] == 0 || ai[i] == n1i[i] || ci[i] == n2i[i];
            anyZero |= zero[i];
        }
        double[] yi = new double[k];
        double[] vi = new double[k];
        boolean[] corrected = new boolean[k];
        int[] n = new int[k];
        for (int i = 0; i < k; i++) {
            corrected[i] = applies(correction, zero[i], anyZero);
            double add = corrected[i] ? correction.add() : 0;
            double a = ai[i] + add;
            double b = n1i[i] - ai[i] + add;
            double c = ci[i] + add;
            double d = n2i[i] - ci[i] + add;
            double m1 = a + b;
            double m2 = c + d;
            double p1 = a / m1;
            double p2 = c / m2;
            switch (measure) {
                case OR -> {
                    yi[i] = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
                    vi[i] = 1 / a + 1 / b + 1 / c + 1 / d;
                }
                case RR -> {
                    yi[i] = Math.log(p1) - Math.log(p2);
                    vi[i] = 1 / a - 1 / m1 + 1 / c - 1 / m2;
                }
                default -> {
                    yi[i] = p1 - p2;
                    vi[i] = p1 * (1 - p1) / m1 + p2 * (1 - p2) / m2;
                }
            }
            n[i] = n1i[i] + n2i[i];
            requireEstimable(measure, i, yi[i], vi[i]);
        }
        return new EffectSizes(measure, correction, yi, vi, n, corrected);
    }

    /** Single-proportion measure (PLO, PFT, PAS, PR, PLN) with metafor's default zero-cell correction. */
    public static EffectSizes proportion(EffectMeasure measure, int[] xi, int[] ni) {
        return proportion(measure, xi, ni, ZeroCellCorrection.metaforDefault(measure));
    }

    /**
     * Single-proportion measure (PLO, PFT, PAS, PR, PLN) from events and totals.
     *
     * @throws IllegalArgumentException on a count out of range, or when a study's effect is not
     *     estimable (e.g. PLO with 0 events and no correction), naming the study (0-based) and the rule
     */
    public static EffectSizes proportion(EffectMeasure measure, int[] xi, int[] ni, ZeroCellCorrection correction) {
        if (measure.kind() != EffectMeasure.Kind.SINGLE_PROPORTION) {
            throw new IllegalArgumentException("measure " + measure
                    + " is not a single-proportion measure (PLO, PFT, PAS, PR, PLN)");
        }
        int k = xi.length;
        if (ni.length != k) {
            throw new IllegalArgumentException("xi, ni lengths differ: " + k + ", " + ni.length);
        }
        boolean[] zero = new boolean[k];
        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            checkCount("study " + i + ": xi", xi[i], ni[i], "ni");
            if (ni[i] <= 0) {
                throw new IllegalArgumentException("study " + i + ": ni " + ni[i] + " must be > 0");
            }
            zero[i] = xi[i] == 0 || xi[i] == ni[i];
            anyZero |= zero[i];
        }
        double[] yi = new double[k];
        double[] vi = new double[k];
        boolean[] corrected = new boolean[k];
        for (int i = 0; i < k; i++) {
            corrected[i] = applies(correction, zero[i], anyZero);
            double add = corrected[i] ? correction.add() : 0;
            double x = xi[i] + add;
            double mi = ni[i] - xi[i] + add;
            double n = x + mi;
            double p = x / n;
            switch (measure) {
                case PR -> {
                    yi[i] = p;
                    vi[i] = p * (1 - p) / n;
                }
                case PLN -> {
                    yi[i] = Math.log(p);
                    vi[i] = 1 / x - 1 / n;
                }
                case PLO -> {
                    yi[i] = Math.log(p / (1 - p));
                    vi[i] = 1 / x + 1 / mi;
                }
                case PAS -> {
                    yi[i] = Math.asin(Math.sqrt(p));
                    vi[i] = 1 / (4 * n);
                }
                default -> {
                    yi[i] = 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
                    vi[i] = 1 / (4 * n + 2);
                }
            }
            requireEstimable(measure, i, yi[i], vi[i]);
        }
        return new EffectSizes(measure, correction, yi, vi, ni, corrected);
    }

    /** Generic effect sizes given as estimates and sampling variances (must be finite, vi &gt; 0). */
    public static EffectSizes generic(double[] yi, double[] vi) {
        if (yi.length != vi.length) {
            throw new IllegalArgumentException("yi, vi lengths differ: " + yi.length + ", " + vi.length);
        }
        for (int i = 0; i < yi.length; i++) {
            if (!Double.isFinite(yi[i])) {
                throw new IllegalArgumentException("study " + i + ": yi " + yi[i] + " must be finite");
            }
            if (!(Double.isFinite(vi[i]) && vi[i] > 0)) {
                throw new IllegalArgumentException("study " + i + ": vi " + vi[i] + " must be finite and > 0");
            }
        }
        return new EffectSizes(EffectMeasure.GEN, ZeroCellCorrection.none(), yi, vi, new int[0], new boolean[yi.length]);
    }

    private static boolean applies(ZeroCellCorrection c, boolean zero, boolean anyZero) {
        return switch (c.to()) {
            case ALL -> true;
            case ONLY0 -> zero;
            case IF0ALL -> anyZero;
            case NONE -> false;
        };
    }

    private static void checkCount(String name, int events, int total, String totalName) {
        if (events < 0 || total < 0) {
            throw new IllegalArgumentException(name + " " + events + ", " + totalName + " " + total
                    + ": counts must not be negative");
        }
        if (events > total) {
            throw new IllegalArgumentException(name + " " + events + " > " + totalName + " " + total
                    + " (events must not exceed the total)");
        }
        if (total == 0) {
            throw new IllegalArgumentException(name + ": " + totalName + " is 0 (a group must have participants)");
        }
    }

    private static void requireEstimable(EffectMeasure m, int i, double y, double v) {
        if (!Double.isFinite(y) || !(Double.isFinite(v) && v > 0)) {
            throw new IllegalArgumentException("study " + i + ": " + m + " not estimable (yi " + y + ", vi " + v
                    + "); a zero or full cell needs a zero-cell correction");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffectSizes e && measure == e.measure && correction.equals(e.correction)
                && Arrays.equals(yi, e.yi) && Arrays.equals(vi, e.vi) && Arrays.equals(ni, e.ni)
                && Arrays.equals(corrected, e.corrected);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * measure.hashCode() + Arrays.hashCode(yi)) + Arrays.hashCode(vi);
    }

    @Override
    public String toString() {
        return "EffectSizes[measure=" + measure + ", correction=" + correction + ", k=" + yi.length + "]";
    }
}

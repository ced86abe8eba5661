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
 * Two groups of continuous outcomes (means m1i, m2i, SDs sd1i, sd2i, sizes n1i, n2i; {@code vtype = "LS"}):
 * <ul>
 * <li>MD: yi = m1i − m2i, vi = sd1i²/n1i + sd2i²/n2i;</li>
 * <li>SMD (Hedges 1981, doi:10.3102/10769986006002107): yi = c(m)·(m1i − m2i)/sp with the pooled SD
 *     sp = √(((n1i−1)sd1i² + (n2i−1)sd2i²)/m), m = n1i + n2i − 2 and the exact bias correction
 *     c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)); vi = 1/n1i + 1/n2i + yi²/(2(n1i + n2i));</li>
 * <li>ROM (Hedges, Gurevitch &amp; Curtis 1999, doi:10.1890/0012-9658(1999)080[1150:TMAORR]2.0.CO;2):
 *     yi = log(m1i/m2i), vi = sd1i²/(n1i m1i²) + sd2i²/(n2i m2i²).</li>
 * </ul>
 * Same numbers as R {@code metafor::escalc(measure, ai=, n1i=, ci=, n2i=)},
 * {@code escalc(measure, xi=, ni=)} with the same {@code add} and {@code to}, and
 * {@code escalc(measure, m1i=, sd1i=, n1i=, m2i=, sd2i=, n2i=)}.
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

    /** Study {@code i}'s estimate, without copying the array ({@link #yi()} copies: 8 MB per 10⁶ studies). */
    public double yi(int i) {
        return yi[i];
    }

    /** Study {@code i}'s sampling variance, without copying the array. */
    public double vi(int i) {
        return vi[i];
    }

    /** Study {@code i}'s total sample size (0 when {@link #ni()} is empty, i.e. GEN and HR). */
    public int ni(int i) {
        return ni.length == 0 ? 0 : ni[i];
    }

    /** Whether the zero-cell correction was added to study {@code i}'s cells. */
    public boolean corrected(int i) {
        return corrected[i];
    }

    /**
     * The estimates and variances themselves, for the fits of this package, which only read them while they run (a
     * model fitted to 10⁶ studies otherwise starts with two 8 MB copies).
     */
    double[] sharedYi() {
        return yi;
    }

    double[] sharedVi() {
        return vi;
    }

    /**
     * The Wald confidence interval of study {@code i}'s own estimate, {@code yi ± z(1−α/2)·√vi}, as metafor's
     * {@code summary(escalc(...), level = )} ({@code ci.lb}, {@code ci.ub}) and the study rows of {@code forest()}.
     *
     * @param level confidence level as a fraction in (0, 1)
     */
    public org.trialmeta.stats.Interval ci(int i, double level) {
        return studyCi(i, criticalValue(level));
    }

    /** The study CIs of every study at {@code level} (one quantile computation for all). */
    public org.trialmeta.stats.Interval[] cis(double level) {
        double crit = criticalValue(level);
        org.trialmeta.stats.Interval[] out = new org.trialmeta.stats.Interval[yi.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = studyCi(i, crit);
        }
        return out;
    }

    private org.trialmeta.stats.Interval studyCi(int i, double crit) {
        return waldCi(yi[i], vi[i], crit);
    }

    /** {@code yi ± crit·√vi}: a study's Wald CI for a critical value from {@link #criticalValue(double)}. */
    public static org.trialmeta.stats.Interval waldCi(double yi, double vi, double crit) {
        double se = Math.sqrt(vi);
        return new org.trialmeta.stats.Interval(yi - crit * se, yi + crit * se);
    }

    /** z(1 − α/2) for a confidence level given as a fraction (1.959964… for 0.95). */
    public static double criticalValue(double level) {
        return org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .inverseSurvivalProbability(org.trialmeta.stats.ConfidenceLevel.alpha(
                        org.trialmeta.stats.ConfidenceLevel.check(level)) / 2);
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

    /**
     * Continuous two-group measure (MD, SMD, ROM) from means, standard deviations and sizes per group.
     *
     * @throws IllegalArgumentException on a size below 1 (below 2 per group for SMD, whose pooled SD needs
     *     m &gt; 1 for c(m)), a negative or non-finite SD or mean, a
     *     non-positive mean for ROM, or a study whose effect is not estimable, naming the study (0-based)
     */
    public static EffectSizes continuous(EffectMeasure measure, double[] m1i, double[] sd1i, int[] n1i, double[] m2i,
            double[] sd2i, int[] n2i) {
        if (measure.kind() != EffectMeasure.Kind.CONTINUOUS) {
            throw new IllegalArgumentException("measure " + measure + " is not a continuous measure (MD, SMD, ROM)");
        }
        int k = m1i.length;
        if (sd1i.length != k || n1i.length != k || m2i.length != k || sd2i.length != k || n2i.length != k) {
            throw new IllegalArgumentException("m1i, sd1i, n1i, m2i, sd2i, n2i lengths differ");
        }
        double[] yi = new double[k];
        double[] vi = new double[k];
        int[] n = new int[k];
        for (int i = 0; i < k; i++) {
            for (double v : new double[] {m1i[i], sd1i[i], m2i[i], sd2i[i]}) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("study " + i + ": means and SDs must be finite");
                }
            }
            if (sd1i[i] < 0 || sd2i[i] < 0) {
                throw new IllegalArgumentException("study " + i + ": an SD must not be negative");
            }
            if (n1i[i] < 1 || n2i[i] < 1) {
                throw new IllegalArgumentException("study " + i + ": a group must have at least 1 participant");
            }
            double v1 = sd1i[i] * sd1i[i];
            double v2 = sd2i[i] * sd2i[i];
            switch (measure) {
                case MD -> {
                    yi[i] = m1i[i] - m2i[i];
                    vi[i] = v1 / n1i[i] + v2 / n2i[i];
                }
                case SMD -> {
                    double m = n1i[i] + n2i[i] - 2.0;
                    if (!(m > 1)) {
                        throw new IllegalArgumentException("study " + i + ": SMD needs n1i + n2i > 3");
                    }
                    double sp = Math.sqrt(((n1i[i] - 1) * v1 + (n2i[i] - 1) * v2) / m);
                    yi[i] = hedgesCorrection(m) * (m1i[i] - m2i[i]) / sp;
                    vi[i] = 1.0 / n1i[i] + 1.0 / n2i[i] + yi[i] * yi[i] / (2.0 * (n1i[i] + n2i[i]));
                }
                default -> {
                    if (!(m1i[i] > 0 && m2i[i] > 0)) {
                        throw new IllegalArgumentException("study " + i + ": ROM needs positive means");
                    }
                    yi[i] = Math.log(m1i[i] / m2i[i]);
                    vi[i] = v1 / (n1i[i] * m1i[i] * m1i[i]) + v2 / (n2i[i] * m2i[i] * m2i[i]);
                }
            }
            n[i] = n1i[i] + n2i[i];
            if (!Double.isFinite(yi[i]) || !(Double.isFinite(vi[i]) && vi[i] > 0)) {
                throw new NotEstimable(i, measure + " not estimable (yi " + yi[i]
                        + ", vi " + vi[i] + "); SDs of 0 in both groups give no variance");
            }
        }
        return new EffectSizes(measure, ZeroCellCorrection.none(), yi, vi, n, new boolean[k]);
    }

    /**
     * Hedges' exact small-sample correction c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)), metafor's {@code .cmicalc}.
     */
    static double hedgesCorrection(double m) {
        return Math.exp(org.apache.commons.math3.special.Gamma.logGamma(m / 2) - Math.log(Math.sqrt(m / 2))
                - org.apache.commons.math3.special.Gamma.logGamma((m - 1) / 2));
    }

    /** Generic effect sizes given as estimates and sampling variances (must be finite, vi &gt; 0). */
    public static EffectSizes generic(double[] yi, double[] vi) {
        return generic(EffectMeasure.GEN, yi, vi);
    }

    /**
     * Effect sizes given on the analysis scale for a measure without raw data: GEN, or HR (log hazard ratios, whose
     * pooled values are back-transformed with exp).
     */
    public static EffectSizes generic(EffectMeasure measure, double[] yi, double[] vi) {
        if (measure != EffectMeasure.GEN && measure != EffectMeasure.HR) {
            throw new IllegalArgumentException("measure " + measure + " is computed from data, not given (GEN or HR)");
        }
        checkGiven(yi, vi);
        return new EffectSizes(measure, ZeroCellCorrection.none(), yi, vi, new int[0], new boolean[yi.length]);
    }

    /** Given estimates and variances: same length, yi finite, vi finite and &gt; 0 (naming the first bad study). */
    static void checkGiven(double[] yi, double[] vi) {
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
            throw new NotEstimable(i, m + " not estimable (yi " + y + ", vi " + v
                    + "); a zero or full cell needs a zero-cell correction");
        }
    }

    /**
     * A study whose effect size is not a finite number with a positive variance (escalc gives it as NA or ±Inf),
     * named by its index so that a caller can name its row.
     */
    public static final class NotEstimable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int study;
        private final String reason;

        NotEstimable(int study, String reason) {
            super("study " + study + ": " + reason);
            this.study = study;
            this.reason = reason;
        }

        /** The study's index (0-based) among the effect sizes' inputs. */
        public int study() {
            return study;
        }

        /** Why, without the study. */
        public String reason() {
            return reason;
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

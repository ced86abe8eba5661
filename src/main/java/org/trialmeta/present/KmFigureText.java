package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The annotation block a Kaplan-Meier figure prints on its plot, made from the summaries {@code km} and {@code cox}
 * report (the same numbers, written through {@link Formats} in the figure's {@link JournalStyle}):
 * <pre>
 * Median (95% CI), months
 * Female: 13.9 [11.6, 18.3]
 * Male: 8.9 [7.2, 10.3]
 * Log-rank P = 0.001
 * HR (95% CI): 1.70 [1.23, 2.36]
 * Male vs Female (reference), Cox model
 * </pre>
 * Medians (survfit's, {@link KmSummary.Group#median()}) with one decimal, or none when every printed time is a
 * whole number; a median or limit not reached is {@link Formats#MISSING}. The p-value as the style writes it
 * ({@link JournalStyle#pRelation}); the hazard ratio and its interval with two decimals, as journals print them.
 */
public final class KmFigureText {

    private KmFigureText() {}

    /** Hazard-ratio decimals on a figure. */
    public static final int HR_DIGITS = 2;

    /**
     * The annotation lines.
     *
     * @param s      the {@code km} summary (medians in input time units, log-rank test)
     * @param labels the figure's name of each group, in the summary's order
     * @param cox    with exactly two groups: the Cox fit of the second group against the first ({@code cox}'s summary
     *               of {@code coxph(Surv(time, event) ~ group)}), or empty when it could not be fitted; null with
     *               another number of groups (no hazard-ratio line)
     * @param style  the house style of CIs and p-values
     * @param time   converts an input time to the axis's unit
     * @param unit   the axis's unit for the median header ("" for none)
     */
    public static List<String> annotation(KmSummary s, List<String> labels, Optional<CoxSummary> cox,
            JournalStyle style, DoubleUnaryOperator time, String unit) {
        if (labels.size() != s.groups().size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + s.groups().size() + " groups");
        }
        String pct = Formats.level(s.level()) + "%";
        List<String> out = new ArrayList<>();
        out.add("Median (" + pct + " CI)" + (unit.isBlank() ? "" : ", " + unit.strip()));
        int digits = 0;
        for (KmSummary.Group g : s.groups()) {
            for (Double v : new Double[] {g.median(), g.medianLower(), g.medianUpper()}) {
                if (v != null && Double.isFinite(v)) {
                    double t = time.applyAsDouble(v);
                    if (Math.abs(t - Math.rint(t)) > 1e-9 * Math.max(1, Math.abs(t))) {
                        digits = 1;
                    }
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            KmSummary.Group g = s.groups().get(i);
            out.add(labels.get(i) + ": " + median(g.median(), time, digits) + " " + Formats.ci(
                    median(g.medianLower(), time, digits), median(g.medianUpper(), time, digits), style.ciStyle()));
        }
        KmSummary.LogRank lr = s.logrank();
        if (lr != null) {
            String test = lr.rho() == 0 ? "Log-rank" : "G-rho (rho = " + Formats.general(lr.rho()) + ")";
            out.add(test + " P " + style.pRelation(lr.pval()) + (lr.stratified() ? ", stratified" : ""));
        }
        if (cox != null && labels.size() == 2) {
            String hr = cox.map(c -> hazardRatio(c, style)).orElse(Formats.MISSING);
            out.add("HR (" + pct + " CI): " + hr);
            boolean stratified = cox.map(c -> c.strata() > 1).orElse(false);
            out.add(labels.get(1) + " vs " + labels.get(0) + " (reference), Cox model" + (stratified ? ", stratified" : ""));
        }
        return out;
    }

    /** "1.70 [1.23, 2.36]"; {@link Formats#MISSING} when the fit did not converge or the covariate is aliased. */
    static String hazardRatio(CoxSummary c, JournalStyle style) {
        CoxSummary.Coefficient k = c.coefficients().get(0);
        if (!c.converged() || k.hr() == null) {
            return Formats.MISSING;
        }
        return Formats.estimateCi(k.hr(), k.hrLower(), k.hrUpper(), HR_DIGITS, style.ciStyle());
    }

    private static String median(Double v, DoubleUnaryOperator time, int digits) {
        return v == null ? Formats.MISSING : Formats.fixed(time.applyAsDouble(v), digits);
    }
}

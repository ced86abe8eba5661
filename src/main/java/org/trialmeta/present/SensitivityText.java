package org.trialmeta.present;

import org.trialmeta.stats.meta.EffectMeasure;

/** The text form of a {@link SensitivitySummary}: what {@code sensitivity --format table} prints (metafor's print). */
public final class SensitivityText {

    private static final int DIGITS = 4;

    private SensitivityText() {}

    /** The whole text output. */
    public static String render(SensitivitySummary s) {
        boolean fe = s.method().equals("FE");
        String lv = Formats.general(s.level());
        String what = s.leaveOneOut() != null ? "Leave-one-out analysis" : s.influence() != null
                ? "Influence diagnostics" : "Cumulative meta-analysis (input order)";
        StringBuilder sb = new StringBuilder(what).append(", ").append(PoolText.scale(EffectMeasure.valueOf(s.measure())))
                .append(", ").append(fe ? "fixed-effect model" : "random-effects model (tau^2: " + s.method() + ")")
                .append(", ").append(s.test().equals("knha") ? "Knapp-Hartung t-test" : "z-test").append(", k = ")
                .append(s.k()).append("\n\n");
        if (s.leaveOneOut() != null) {
            TextTable t = new TextTable("omitted study", ">estimate", ">se", ">" + lv + "% CI", ">tau^2", ">I^2 %", ">Q");
            for (SensitivitySummary.LeaveOneOutRow r : s.leaveOneOut()) {
                t.row(r.study(), f(r.estimate()), f(r.se()), ci(r.ciLower(), r.ciUpper()), f(r.tau2()),
                        Formats.fixed(r.i2(), 2), Formats.fixed(r.q(), 2));
            }
            sb.append(t.render());
        } else if (s.influence() != null) {
            TextTable t = new TextTable("study", ">rstudent", ">dffits", ">cook.d", ">cov.r", ">tau^2.del", ">QE.del",
                    ">hat", ">weight %", "inf");
            for (SensitivitySummary.InfluenceRow r : s.influence()) {
                t.row(r.study(), f(r.rstudent()), f(r.dffits()), f(r.cookD()), f(r.covR()), f(r.tau2Del()),
                        Formats.fixed(r.qDel(), 2), f(r.hat()), Formats.fixed(r.weight(), 2), r.inf() ? "*" : "");
            }
            sb.append(t.render()).append("* influential (metafor's rule: |dffits| > 3 sqrt(1/(k-1)), cook.d above the"
                    + " chi-square(1) median, hat > 3/k or |dfbetas| > 1)\n");
        } else {
            TextTable t = new TextTable("added study", ">estimate", ">" + lv + "% CI", ">tau^2", ">I^2 %");
            for (SensitivitySummary.CumulativeRow r : s.cumulative()) {
                t.row(r.study(), f(r.estimate()), ci(r.ciLower(), r.ciUpper()), f(r.tau2()), Formats.fixed(r.i2(), 2));
            }
            sb.append(t.render());
        }
        sb.append(Formats.MISSING_MEANING).append('\n');
        return sb.toString();
    }

    private static String f(Double v) {
        return Formats.fixed(v, DIGITS);
    }

    private static String ci(Double lo, Double hi) {
        return Formats.ci(lo, hi, DIGITS, CiStyle.BRACKETS);
    }
}

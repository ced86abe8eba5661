package org.trialmeta.present;

import java.util.List;
import java.util.Locale;
import org.trialmeta.stats.meta.EffectMeasure;

/** The text form of a {@link SensitivitySummary}: what {@code sensitivity --format table} prints (metafor's print). */
public final class SensitivityText {

    private static final int DIGITS = 4;

    private SensitivityText() {}

    /**
     * The text output with at most {@code limit} rows of the per-study table; when rows are left out, a line before
     * the table says what the whole table shows (leave-one-out: the range of the estimates and the studies whose
     * omission gives them; influence: how many studies are flagged; cumulative: the last fit, of all studies).
     */
    public static String render(SensitivitySummary s, RowLimit limit) {
        boolean fe = s.method().equals("FE");
        String lv = Formats.general(s.level());
        String what = s.leaveOneOut() != null ? "Leave-one-out analysis" : s.influence() != null
                ? "Influence diagnostics" : "Cumulative meta-analysis (input order)";
        StringBuilder sb = new StringBuilder(what).append(", ").append(PoolText.scale(EffectMeasure.valueOf(s.measure())))
                .append(", ").append(fe ? "fixed-effect model" : "random-effects model (tau^2: " + s.method() + ")")
                .append(", ").append(s.test().equals("knha") ? "Knapp-Hartung t-test" : "z-test").append(", k = ")
                .append(s.k()).append("\n\n");
        if (s.leaveOneOut() != null) {
            List<SensitivitySummary.LeaveOneOutRow> rows = s.leaveOneOut();
            if (limit.truncates(rows.size())) {
                sb.append(looRange(rows));
            }
            TextTable t = new TextTable("omitted study", ">estimate", ">se", ">" + lv + "% CI", ">tau^2", ">I^2 %", ">Q");
            for (SensitivitySummary.LeaveOneOutRow r : rows.subList(0, limit.shown(rows.size()))) {
                t.row(r.study(), f(r.estimate()), f(r.se()), ci(r.ciLower(), r.ciUpper()), f(r.tau2()),
                        Formats.fixed(r.i2(), 2), Formats.fixed(r.q(), 2));
            }
            sb.append(t.render()).append(limit.moreLine(rows.size()));
        } else if (s.influence() != null) {
            List<SensitivitySummary.InfluenceRow> rows = s.influence();
            if (limit.truncates(rows.size())) {
                long flagged = rows.stream().filter(SensitivitySummary.InfluenceRow::inf).count();
                sb.append(String.format(Locale.ROOT, "Influential studies (*): %,d of %,d\n\n", flagged, rows.size()));
            }
            TextTable t = new TextTable("study", ">rstudent", ">dffits", ">cook.d", ">cov.r", ">tau^2.del", ">QE.del",
                    ">hat", ">weight %", "inf");
            for (SensitivitySummary.InfluenceRow r : rows.subList(0, limit.shown(rows.size()))) {
                t.row(r.study(), f(r.rstudent()), f(r.dffits()), f(r.cookD()), f(r.covR()), f(r.tau2Del()),
                        Formats.fixed(r.qDel(), 2), f(r.hat()), Formats.fixed(r.weight(), 2), r.inf() ? "*" : "");
            }
            sb.append(t.render()).append(limit.moreLine(rows.size()))
                    .append("* influential (metafor's rule: |dffits| > 3 sqrt(1/(k-1)), cook.d above the chi-square(1)"
                            + " median, hat > 3/k or |dfbetas| > 1)\n");
        } else {
            List<SensitivitySummary.CumulativeRow> rows = s.cumulative();
            if (limit.truncates(rows.size())) {
                SensitivitySummary.CumulativeRow last = rows.get(rows.size() - 1);
                sb.append("With all ").append(String.format(Locale.ROOT, "%,d", rows.size())).append(" studies: ")
                        .append(f(last.estimate())).append(' ').append(ci(last.ciLower(), last.ciUpper()))
                        .append(fe ? "" : ", tau^2 = " + f(last.tau2())).append(", I^2 = ")
                        .append(Formats.fixed(last.i2(), 2)).append(" %\n\n");
            }
            TextTable t = new TextTable("added study", ">estimate", ">" + lv + "% CI", ">tau^2", ">I^2 %");
            for (SensitivitySummary.CumulativeRow r : rows.subList(0, limit.shown(rows.size()))) {
                t.row(r.study(), f(r.estimate()), ci(r.ciLower(), r.ciUpper()), f(r.tau2()), Formats.fixed(r.i2(), 2));
            }
            sb.append(t.render()).append(limit.moreLine(rows.size()));
        }
        sb.append(Formats.MISSING_MEANING).append('\n');
        return sb.toString();
    }

    /**
     * {@code Estimate without one study: -0.7420 (without Aronson 1948) to -0.6514 (without ...)}: the smallest and
     * largest leave-one-out estimates (the first study in input order on ties); nothing when none converged.
     */
    private static String looRange(List<SensitivitySummary.LeaveOneOutRow> rows) {
        SensitivitySummary.LeaveOneOutRow lo = null;
        SensitivitySummary.LeaveOneOutRow hi = null;
        for (SensitivitySummary.LeaveOneOutRow r : rows) {
            if (r.estimate() != null) {
                lo = lo == null || r.estimate() < lo.estimate() ? r : lo;
                hi = hi == null || r.estimate() > hi.estimate() ? r : hi;
            }
        }
        if (lo == null) {
            return "";
        }
        return "Estimate without one study: " + f(lo.estimate()) + " (without " + lo.study() + ") to "
                + f(hi.estimate()) + " (without " + hi.study() + ")\n\n";
    }

    private static String f(Double v) {
        return Formats.fixed(v, DIGITS);
    }

    private static String ci(Double lo, Double hi) {
        return Formats.ci(lo, hi, DIGITS, CiStyle.BRACKETS);
    }
}

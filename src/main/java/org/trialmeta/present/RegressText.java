package org.trialmeta.present;

import org.trialmeta.stats.meta.EffectMeasure;

/** The text form of a {@link RegressSummary}: what {@code regress --format table} prints (metafor's print.rma). */
public final class RegressText {

    private static final int DIGITS = 4;

    private RegressText() {}

    /** The whole text output. */
    public static String render(RegressSummary s) {
        boolean knha = s.test().equals("knha");
        boolean fe = s.method().equals("FE");
        String lv = Formats.general(s.level());
        StringBuilder sb = new StringBuilder(fe ? "Fixed-effects meta-regression" : "Mixed-effects meta-regression (tau^2: "
                + s.method() + ")").append(", ").append(PoolText.scale(EffectMeasure.valueOf(s.measure()))).append(", ")
                .append(knha ? "Knapp-Hartung t-test (df = " + s.qmDf2() + ")" : "z-test").append(", k = ").append(s.k())
                .append("\n");
        if (!s.dropped().isEmpty()) {
            sb.append("Redundant moderator columns dropped from the model (constant or collinear with those before them,"
                    + " as metafor): ").append(String.join(", ", s.dropped())).append('\n');
        }
        sb.append('\n');
        boolean perm = s.permutations() != null;
        TextTable t = perm
                ? new TextTable("coefficient", ">estimate", ">se", knha ? ">t" : ">z", ">p", ">" + lv + "% CI", ">perm. p")
                : new TextTable("coefficient", ">estimate", ">se", knha ? ">t" : ">z", ">p", ">" + lv + "% CI");
        for (RegressSummary.Coefficient c : s.coefficients()) {
            String ci = Formats.ci(c.ciLower(), c.ciUpper(), DIGITS, CiStyle.BRACKETS);
            if (perm) {
                t.row(c.name(), Formats.fixed(c.estimate(), DIGITS), Formats.fixed(c.se(), DIGITS),
                        Formats.fixed(c.statistic(), DIGITS), Formats.p(c.pval()), ci, Formats.p(c.permPval()));
            } else {
                t.row(c.name(), Formats.fixed(c.estimate(), DIGITS), Formats.fixed(c.se(), DIGITS),
                        Formats.fixed(c.statistic(), DIGITS), Formats.p(c.pval()), ci);
            }
        }
        sb.append(t.render()).append('\n');
        sb.append("Test of moderators: ").append(knha ? "F(" + s.qmDf() + ", " + s.qmDf2() + ")" : "QM(" + s.qmDf() + ")")
                .append(" = ").append(Formats.fixed(s.qm(), DIGITS)).append(", ")
                .append(Formats.pEquals("p", Formats.p(s.qmPval())));
        if (perm) {
            sb.append(", permutation ").append(Formats.pEquals("p", Formats.p(s.permutations().qmPval())));
        }
        sb.append('\n');
        if (s.qe() == null) {
            // a fixed-effects fit with as many studies as coefficients (metafor prints QE(df = 0) = 0, p = 1)
            sb.append("Residual heterogeneity: not estimable")
                    .append(" (as many studies as coefficients: QE, I^2 and R^2 on 0 df)\n");
        } else {
            sb.append("Residual heterogeneity: QE(").append(s.qeDf()).append(") = ")
                    .append(Formats.fixed(s.qe(), DIGITS)).append(", ").append(Formats.pEquals("p", Formats.p(s.qePval())));
            if (!fe) {
                sb.append("; tau^2 = ").append(Formats.fixed(s.tau2(), DIGITS));
            }
            sb.append(", I^2 = ").append(Formats.fixed(s.i2(), 2)).append("%, R^2 = ")
                    .append(s.r2() == null ? Formats.MISSING : Formats.fixed(s.r2(), 2) + "%").append('\n');
        }
        if (perm) {
            RegressSummary.Permutations p = s.permutations();
            sb.append("Permutation test: ").append(p.exact() ? "exact, all " + p.n() + " distinct permutations"
                    : p.n() + " random permutations (seed " + p.seed() + ")").append(" of the moderators\n");
        }
        return sb.toString();
    }
}

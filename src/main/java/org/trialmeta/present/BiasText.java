package org.trialmeta.present;

import org.trialmeta.stats.meta.EffectMeasure;

/** The text form of a {@link BiasSummary}: what {@code bias --format table} prints. */
public final class BiasText {

    private static final int DIGITS = 4;

    private BiasText() {}

    /** The whole text output. */
    public static String render(BiasSummary s) {
        EffectMeasure m = EffectMeasure.valueOf(s.measure());
        String model = s.method().equals("FE") ? "fixed-effect model" : "random-effects model (tau^2: " + s.method() + ")";
        StringBuilder sb = new StringBuilder("Small-study effects, ").append(PoolText.scale(m)).append(", ")
                .append(model).append(", k = ").append(s.k()).append('\n');
        sb.append("Pooled estimate: ").append(Formats.fixed(s.estimate(), DIGITS)).append("\n\n");

        if (s.regtest() == null) {
            sb.append("Regression test, rank correlation test, trim and fill: not estimable (").append(s.notEstimable())
                    .append("; they need studies of different precision)\n");
        } else {
            funnelMethods(s, m, sb);
        }
        sb.append("Fail-safe N (Rosenthal, alpha = 0.05): ")
                .append(s.fsn().n() == null ? Formats.MISSING : s.fsn().n().toPlainString()).append('\n');
        return sb.toString();
    }

    private static void funnelMethods(BiasSummary s, EffectMeasure m, StringBuilder sb) {
        BiasSummary.Regtest r = s.regtest();
        sb.append("Regression test for funnel plot asymmetry (predictor: standard error): z = ")
                .append(Formats.fixed(r.z(), DIGITS)).append(", ").append(Formats.pEquals("p", Formats.p(r.pval())))
                .append('\n');
        sb.append("  Limit estimate (standard error -> 0): ").append(Formats.fixed(r.limitEstimate(), DIGITS))
                .append(" 95% CI ").append(ci(r.limitCiLower(), r.limitCiUpper())).append('\n');

        BiasSummary.Ranktest k = s.ranktest();
        sb.append("Rank correlation test: Kendall's tau = ").append(Formats.fixed(k.tau(), DIGITS)).append(", ")
                .append(Formats.pEquals("p", Formats.p(k.pval())))
                .append(k.exact() ? " (exact)" : " (normal approximation: ties)").append('\n');

        BiasSummary.Trimfill t = s.trimfill();
        sb.append("Trim and fill (L0): ").append(t.k0()).append(t.k0() == 1 ? " study" : " studies")
                .append(" filled on the ").append(t.side()).append('\n');
        sb.append("  Adjusted estimate: ").append(Formats.fixed(t.estimate(), DIGITS)).append(" (SE ")
                .append(Formats.fixed(t.se(), DIGITS)).append(") 95% CI ").append(ci(t.ciLower(), t.ciUpper()));
        if (!s.method().equals("FE")) {
            sb.append(", tau^2 = ").append(Formats.fixed(t.tau2(), DIGITS));
        }
        sb.append('\n');
        if (m != EffectMeasure.GEN && m != EffectMeasure.PR && m != EffectMeasure.RD) {
            BiasSummary.Natural n = t.natural();
            sb.append("  Adjusted ").append(PoolText.naturalScale(m)).append(": ").append(Formats.fixed(n.estimate(), DIGITS))
                    .append(" 95% CI ").append(ci(n.ciLower(), n.ciUpper())).append('\n');
        }
    }

    private static String ci(Double lo, Double hi) {
        return Formats.ci(lo, hi, DIGITS, CiStyle.BRACKETS);
    }
}

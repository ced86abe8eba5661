package org.trialmeta.present;

import java.util.List;
import org.trialmeta.stats.meta.EffectMeasure;

/** The text form of an {@link NmaSummary}: what {@code nma --format table} prints (netmeta's print and summary). */
public final class NmaText {

    private static final int DIGITS = 4;

    private NmaText() {}

    /** The whole text output, every row. */
    public static String render(NmaSummary s) {
        return render(s, RowLimit.ALL);
    }

    /**
     * The text output with at most {@code limit} rows in each per-comparison table (treatment effects, direct vs
     * indirect evidence); the league table (one row and column per treatment) is printed only when all its rows
     * would be, else a line says so.
     */
    public static String render(NmaSummary s, RowLimit limit) {
        EffectMeasure m = EffectMeasure.valueOf(s.measure());
        String lv = Formats.general(s.level());
        StringBuilder sb = new StringBuilder();
        sb.append(s.model().equals("fixed") ? "Common-effect" : "Random-effects (tau^2: REML)")
                .append(" network meta-analysis, ").append(PoolText.scale(m)).append(", ").append(s.input()).append('\n')
                .append("Studies: ").append(s.studies()).append("  Treatments: ").append(s.treatments().size())
                .append(" (").append(String.join(", ", s.treatments())).append(")\n");
        for (String n : s.notes()) {
            sb.append(n).append('\n');
        }
        if (s.connected()) {
            part(sb, s.treatments(), s.reference(), s.tau2(), s.relativeEffects(), s.q(), s.pScores(),
                    s.directVsIndirect(), s.leagueTable(), m, lv, s.smallValues(), limit);
        } else {
            sb.append("\nThe network is disconnected: ").append(s.components().size())
                    .append(" connected parts, each analysed on its own (no comparison across parts is estimable).\n");
            int i = 1;
            for (NmaSummary.Part p : s.components()) {
                sb.append("\n== Part ").append(i++).append(" of ").append(s.components().size()).append(": ")
                        .append(String.join(", ", p.treatments())).append(" ==\n");
                part(sb, p.treatments(), p.reference(), p.tau2(), p.relativeEffects(), p.q(), p.pScores(),
                        p.directVsIndirect(), p.leagueTable(), m, lv, s.smallValues(), limit);
            }
        }
        if (s.additive() != null) {
            additive(sb, s.additive(), m, lv);
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, List<String> treatments, String reference, Double tau2,
            List<NmaSummary.RelativeEffect> rel, NmaSummary.Q q, List<NmaSummary.PScore> pScores,
            List<NmaSummary.Split> split, List<List<String>> league, EffectMeasure m, String lv, String small,
            RowLimit limit) {
        boolean ratio = NmaSummary.ratio(m.name());
        sb.append("\nTreatment effects vs '").append(reference).append("' (").append(PoolText.scale(m)).append(")\n");
        boolean pi = tau2 != null;
        List<String> cols = new java.util.ArrayList<>(List.of("treatment", ">estimate", ">se", ">" + lv + "% CI", ">p"));
        if (ratio) {
            cols.addAll(List.of(">" + PoolText.naturalScale(m), ">" + lv + "% CI "));
        }
        if (pi) {
            cols.add(">" + lv + "% PI");
        }
        TextTable t = new TextTable(cols.toArray(String[]::new));
        int vsReference = 0;
        for (NmaSummary.RelativeEffect r : rel) {
            if (r.vs().equals(reference)) {
                vsReference++;
            }
        }
        int shown = 0;
        for (NmaSummary.RelativeEffect r : rel) {
            if (!r.vs().equals(reference) || shown >= limit.shown(vsReference)) {
                continue;
            }
            shown++;
            List<String> cells = new java.util.ArrayList<>(List.of(r.treatment(), Formats.fixed(r.estimate(), DIGITS),
                    Formats.fixed(r.se(), DIGITS), Formats.ci(r.ciLower(), r.ciUpper(), DIGITS, CiStyle.BRACKETS),
                    Formats.p(r.pval())));
            NmaSummary.Transformed x = r.transformed();
            if (ratio) {
                cells.add(Formats.fixed(x.estimate(), DIGITS));
                cells.add(Formats.ci(x.ciLower(), x.ciUpper(), DIGITS, CiStyle.BRACKETS));
            }
            if (pi) {
                cells.add(ratio ? Formats.ci(x.piLower(), x.piUpper(), DIGITS, CiStyle.BRACKETS)
                        : Formats.ci(r.piLower(), r.piUpper(), DIGITS, CiStyle.BRACKETS));
            }
            t.row(cells.toArray());
        }
        sb.append(t.render()).append(limit.moreLine(vsReference));
        if (tau2 != null) {
            sb.append("tau^2 = ").append(Formats.fixed(tau2, DIGITS)).append(", tau = ")
                    .append(Formats.fixed(Math.sqrt(tau2), DIGITS)).append('\n');
        }
        sb.append("\nHeterogeneity and inconsistency (design-by-treatment decomposition, common-effect Q)\n");
        TextTable qt = new TextTable("", ">Q", ">df", ">p");
        qt.row("Total", Formats.fixed(q.total(), 2), q.dfTotal(), Formats.p(q.pTotal()));
        qt.row("Within designs", Formats.fixed(q.heterogeneity(), 2), q.dfHeterogeneity(), Formats.p(q.pHeterogeneity()));
        qt.row("Between designs", Formats.fixed(q.inconsistency(), 2), q.dfInconsistency(), Formats.p(q.pInconsistency()));
        for (NmaSummary.Design d : q.designs()) {
            qt.row("  design " + d.design(), Formats.fixed(d.q(), 2), d.df(), Formats.p(d.pval()));
        }
        sb.append(qt.render());
        sb.append("\nP-scores (").append(small.equals("good") ? "small values are good" : "large values are good").append(")\n");
        TextTable pt = new TextTable("treatment", ">P-score");
        for (NmaSummary.PScore p : pScores) {
            pt.row(p.treatment(), Formats.fixed(p.pScore(), DIGITS));
        }
        sb.append(pt.render());
        sb.append("\nDirect vs indirect evidence (back-calculation; ").append(PoolText.scale(m)).append(")\n");
        TextTable st = new TextTable("comparison", ">k", ">prop", ">network", ">direct", ">indirect", ">difference", ">p");
        for (NmaSummary.Split x : split.subList(0, limit.shown(split.size()))) {
            st.row(x.treatment() + " vs " + x.vs(), x.k(), Formats.fixed(x.proportion(), 2), Formats.fixed(x.network(), DIGITS),
                    Formats.fixed(x.direct(), DIGITS), Formats.fixed(x.indirect(), DIGITS),
                    Formats.fixed(x.difference(), DIGITS), Formats.p(x.pval()));
        }
        sb.append(st.render()).append(limit.moreLine(split.size()));
        if (limit.truncates(league.size())) {
            sb.append(String.format(java.util.Locale.ROOT, "\nLeague table: %d x %d, not printed; --rows all to print it\n",
                    league.size(), league.size()));
            return;
        }
        sb.append("\nLeague table (").append(ratio ? PoolText.naturalScale(m) : PoolText.scale(m))
                .append(", row vs column, ").append(lv).append("% CI; P-score order)\n");
        TextTable lt = new TextTable(league.stream().map(r -> "").toArray(String[]::new));
        for (List<String> row : league) {
            lt.row(row.toArray());
        }
        String rendered = lt.render();
        sb.append(rendered.substring(rendered.indexOf('\n', rendered.indexOf('\n') + 1) + 1));
        sb.append(Formats.MISSING_MEANING).append('\n');
    }

    private static void additive(StringBuilder sb, NmaSummary.Additive a, EffectMeasure m, String lv) {
        boolean ratio = NmaSummary.ratio(m.name());
        sb.append("\nAdditive component model").append(a.inactive() == null ? "" : " (inactive: " + a.inactive() + ")")
                .append(a.tau2() == null ? "" : ", tau^2 = " + Formats.fixed(a.tau2(), DIGITS)).append('\n');
        TextTable ct = new TextTable("component", ">estimate", ">se", ">" + lv + "% CI", ratio ? ">" + PoolText.naturalScale(m) : ">");
        for (NmaSummary.Component c : a.components()) {
            ct.row(c.component(), Formats.fixed(c.estimate(), DIGITS), Formats.fixed(c.se(), DIGITS),
                    Formats.ci(c.ciLower(), c.ciUpper(), DIGITS, CiStyle.BRACKETS),
                    ratio ? Formats.fixed(c.transformed().estimate(), DIGITS) : "");
        }
        sb.append(ct.render()).append('\n');
        TextTable qt = new TextTable("", ">Q", ">df", ">p");
        qt.row("Additive model", Formats.fixed(a.qAdditive(), 2), a.dfAdditive(), Formats.p(a.pAdditive()));
        qt.row("Standard model", Formats.fixed(a.qStandard(), 2), a.dfStandard(), Formats.p(a.pStandard()));
        qt.row("Difference (test of additivity)", Formats.fixed(a.qDiff(), 2), a.dfDiff(), Formats.p(a.pDiff()));
        sb.append(qt.render());
    }
}

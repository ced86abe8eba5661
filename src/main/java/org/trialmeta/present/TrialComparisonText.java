package org.trialmeta.present;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trialmeta.analysis.Exclusion;
import org.trialmeta.analysis.ProportionRow;
import org.trialmeta.analysis.SubgroupComparison;
import org.trialmeta.analysis.SubgroupComparison.Effect;

/** The text form of a {@link TrialComparison}: what {@code compare --format table} prints. */
public final class TrialComparisonText {

    private static final int DIGITS = 3;

    private TrialComparisonText() {}

    /** Per cut: both subgroups' rates, the effect measures and whether the cut is pooled; then the exclusions. */
    public static String render(TrialComparison s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.trial()).append(": ").append(s.endpoint()).append(" by ").append(s.biomarker())
                .append(" status, statuses admitted: ").append(String.join(", ", s.statuses())).append('\n');
        if (s.comparisons().isEmpty()) {
            sb.append("no analysis cut has admitted counts for both ").append(s.biomarker())
                    .append(" mutant and wild-type subgroups\n");
        }
        for (SubgroupComparison c : s.comparisons()) {
            String lv = Formats.level(c.level()) + "% CI";
            sb.append('\n').append("cut ").append(c.cut()).append(" (").append(c.cutLabel())
                    .append(c.cutoff() == null ? "" : ", cut-off " + c.cutoff()).append("), arm ").append(c.arm())
                    .append('\n');
            TextTable t = new TextTable("subgroup", ">responders", ">evaluable", ">rate", ">" + lv + " (Clopper-Pearson)",
                    "status", "source");
            Map<String, ProportionRow> rows = new LinkedHashMap<>();
            for (ProportionRow p : s.proportions()) {
                if (p.data().cut().equals(c.cut()) && p.data().arm().equals(c.arm())) {
                    rows.put(p.data().subgroup(), p);
                }
            }
            for (ProportionRow p : rows.values()) {
                t.row(p.data().subgroup(), p.responders(), p.evaluable(), Formats.percent(p.estimate(), 1),
                        p.ciLower() == null ? Formats.MISSING
                                : Formats.ci(100 * p.ciLower(), 100 * p.ciUpper(), 1, CiStyle.BRACKETS),
                        p.data().status(), p.data().source());
            }
            sb.append(t.render());
            TextTable m = new TextTable("measure (mutant vs wild-type)", ">estimate", ">" + lv, "method");
            m.row("odds ratio", estimate(c.oddsRatio()), ci(c.oddsRatio()), "Woolf (escalc OR)");
            m.row("odds ratio (conditional MLE)", estimate(c.fisher().conditionalOr()), ci(c.fisher().conditionalOr()),
                    "exact (fisher.test)");
            m.row("risk ratio", estimate(c.riskRatio()), ci(c.riskRatio()), "log (escalc RR)");
            m.row("risk difference", estimate(c.riskDifference()), ci(c.riskDifference()), "Wald (escalc RD)");
            m.row("Fisher exact p (two-sided)", Formats.p(c.fisher().p()), "", "fisher.test");
            sb.append(m.render());
            sb.append("pooling: ").append(c.selected() ? "used (" + c.selection() + ")" : c.selection()).append('\n');
        }
        if (!s.exclusions().isEmpty()) {
            sb.append("\nexcluded:\n");
            for (Exclusion e : s.exclusions()) {
                sb.append("  ").append(e.data().describe()).append(": ").append(e.reason()).append(" [")
                        .append(e.analysis()).append("]\n");
            }
        }
        return sb.toString();
    }

    private static String estimate(Effect e) {
        return Formats.fixed(e.estimate(), DIGITS);
    }

    private static String ci(Effect e) {
        return Formats.ci(e.lower(), e.upper(), DIGITS, CiStyle.BRACKETS);
    }
}

package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a {@link CoxSummary}: what {@code cox --format table} prints (as R's
 * {@code print(summary(coxph(...)))} and {@code cox.zph}). Coefficients with 5 significant digits, hazard ratios,
 * their intervals and SEs with 4, z with 3 decimals; a value that is not estimable (an aliased covariate, an
 * infinite interval end of a diverging coefficient, a singular proportional-hazards test) is {@link Formats#MISSING}.
 */
public final class CoxText {

    private CoxText() {}

    /** The whole text output. */
    public static String render(CoxSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Cox proportional hazards (ties: ").append(s.ties()).append("): n = ").append(s.n())
                .append(", events = ").append(s.events()).append(s.strata() > 1 ? ", strata = " + s.strata() : "")
                .append('\n');
        if (s.warning() != null) {
            sb.append("WARNING: ").append(s.warning()).append('\n');
        }
        sb.append('\n');
        TextTable t = new TextTable("covariate", ">coef", ">HR", ">HR " + Formats.level(s.level()) + "% CI",
                ">se(coef)", ">z", ">p");
        List<String> aliased = new ArrayList<>();
        boolean missing = false;
        for (CoxSummary.Coefficient c : s.coefficients()) {
            if (c.coef() == null) {
                aliased.add(c.name());
            }
            String ci = c.coef() == null ? Formats.MISSING
                    : Formats.ciSignificant(c.hrLower(), c.hrUpper(), 4, CiStyle.TO);
            missing |= ci.equals(Formats.MISSING);
            t.row(c.name(), Formats.significant(c.coef(), 5), Formats.significant(c.hr(), 4), ci,
                    Formats.significant(c.se(), 4), Formats.fixed(c.z(), 3), Formats.p(c.pval()));
        }
        sb.append(t.render());
        if (missing) {
            sb.append(Formats.MISSING_MEANING)
                    .append(aliased.isEmpty() ? "" : "; aliased (a linear combination of the other covariates): "
                            + String.join(", ", aliased))
                    .append('\n');
        }
        sb.append('\n');
        sb.append(s.concordance() == null ? "Concordance = " + Formats.MISSING + " (no comparable pair)"
                : "Concordance = " + Formats.fixed(s.concordance(), 4) + " (se = " + Formats.fixed(s.concordanceSe(), 4)
                        + ")").append('\n');
        sb.append("Log-likelihood: null ").append(Formats.significant(s.loglikNull(), 6)).append(", model ")
                .append(Formats.significant(s.loglik(), 6)).append('\n');
        testLine(sb, "Likelihood ratio test", s.lrTest());
        testLine(sb, "Wald test            ", s.waldTest());
        testLine(sb, "Score (logrank) test ", s.scoreTest());
        sb.append("\nProportional hazards (cox.zph, transform ").append(s.zph().transform()).append(")\n");
        TextTable z = new TextTable("term", ">chisq", ">df", ">p");
        List<CoxSummary.ZphRow> rows = new ArrayList<>(s.zph().terms());
        rows.add(s.zph().global());
        boolean singular = false;
        for (CoxSummary.ZphRow r : rows) {
            singular |= r.chisq() == null;
            z.row(r.term(), Formats.significant(r.chisq(), 4), r.df() == null ? Formats.MISSING : r.df(),
                    Formats.p(r.pval()));
        }
        sb.append(z.render());
        if (singular) {
            sb.append(Formats.MISSING_MEANING).append(" (singular information matrix)\n");
        }
        return sb.toString();
    }

    private static void testLine(StringBuilder sb, String name, CoxSummary.Test t) {
        sb.append(name).append(" = ").append(Formats.significant(t.statistic(), 4)).append(" on ").append(t.df())
                .append(" df, ").append(Formats.pEquals(t.pval())).append('\n');
    }
}

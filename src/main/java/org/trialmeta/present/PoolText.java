package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;
import org.trialmeta.stats.meta.EffectMeasure;

/** The text form of a {@link PoolSummary}: what {@code pool --format table} prints (metafor's {@code print.rma}). */
public final class PoolText {

    private static final int DIGITS = 4;

    private PoolText() {}

    /** "log odds ratio", "logit proportion", … : the scale the estimates are on. */
    public static String scale(EffectMeasure m) {
        return switch (m) {
            case OR -> "log odds ratio";
            case RR -> "log risk ratio";
            case RD -> "risk difference";
            case PLO -> "logit proportion";
            case PFT -> "Freeman-Tukey double arcsine proportion";
            case PAS -> "arcsine square-root proportion";
            case PR -> "proportion";
            case PLN -> "log proportion";
            case MD -> "mean difference";
            case SMD -> "standardised mean difference (Hedges' g)";
            case ROM -> "log ratio of means";
            case HR -> "log hazard ratio";
            case GEN -> "generic estimate";
        };
    }

    /** "odds ratio", "proportion", … : the natural scale of the back-transformed values. */
    public static String naturalScale(EffectMeasure m) {
        return switch (m) {
            case OR -> "odds ratio";
            case RR -> "risk ratio";
            case PLO, PFT, PAS, PLN, PR -> "proportion";
            case RD -> "risk difference";
            case MD -> "mean difference";
            case SMD -> "standardised mean difference";
            case ROM -> "ratio of means";
            case HR -> "hazard ratio";
            case GEN -> "estimate";
        };
    }

    /** Whether pooled values of {@code m} are back-transformed to another scale (OR, proportions, ROM, HR). */
    public static boolean hasNaturalScale(EffectMeasure m) {
        return switch (m) {
            case OR, RR, PLO, PFT, PAS, PLN, ROM, HR -> true;
            case RD, PR, MD, SMD, GEN -> false;
        };
    }

    /** The whole text output, every study row. */
    public static String render(PoolSummary s) {
        java.io.StringWriter w = new java.io.StringWriter();
        render(s, RowLimit.ALL, w);
        return w.toString();
    }

    /**
     * Writes the text output to {@code out}, with at most {@code limit} rows of the study table. When the table is
     * cut short, the pooled result comes before it (a summary first) and a line after it says how many rows were
     * left out; otherwise the layout is metafor's: the studies, then the pooled result.
     */
    public static void render(PoolSummary s, RowLimit limit, java.io.Writer out) {
        EffectMeasure m = EffectMeasure.valueOf(s.measure());
        boolean twoByTwo = s.method().equals("MH") || s.method().equals("PETO");
        String lv = Formats.general(s.level());
        StringBuilder head = new StringBuilder();
        TextTable t;
        TextTable.Rows rows;
        long corrected = corrected(s);   // one pass over the rows (10⁶ studies: each row is made when read)
        if (twoByTwo) {
            head.append(s.method().equals("MH") ? "Mantel-Haenszel" : "Peto").append(" fixed-effect meta-analysis, ")
                    .append(scale(m)).append(", z-test, k = ").append(s.k()).append("\n\n");
            t = new TextTable("study", ">yi", ">vi", ">weight %");
            rows = i -> {
                PoolSummary.Study st = s.studies().get(i);
                return new String[] {st.study(), Formats.fixed(st.yi(), DIGITS), Formats.fixed(st.vi(), DIGITS),
                    Formats.fixed(st.weight(), 2)};
            };
        } else {
            String model = s.method().equals("FE") ? "Fixed-effect (inverse variance)"
                    : s.glmm() != null ? "Random-effects (" + (m == EffectMeasure.OR
                            ? "GLMM, unconditional model with fixed study effects" : "binomial-normal GLMM") + ", ML, "
                            + s.glmm().quadraturePoints() + "-point adaptive Gauss-Hermite)"
                    : "Random-effects (tau^2: " + s.method() + ")";
            head.append(model).append(" meta-analysis, ").append(scale(m)).append(", ")
                    .append(s.test().equals("knha") ? "Knapp-Hartung t-test" : "z-test").append(", k = ").append(s.k())
                    .append('\n');
            if (corrected > 0) {
                head.append("Zero cells: ").append(Formats.general(s.notes().zeroCellAdd())).append(" added to the cells of ")
                        .append(corrected).append(corrected == 1 ? " study" : " studies")
                        .append(s.glmm() != null ? " (study rows and I^2 only; the GLMM uses the counts)" : "").append('\n');
            }
            head.append('\n');
            // a GLMM has no study weights (metafor: weights() not available for rma.glmm)
            boolean glmm = s.glmm() != null;
            t = glmm ? new TextTable("study", ">yi", ">se", ">" + lv + "% CI")
                    : new TextTable("study", ">yi", ">se", ">" + lv + "% CI", ">weight %");
            rows = i -> {
                PoolSummary.Study st = s.studies().get(i);
                String name = st.study() + (st.corrected() ? " *" : "");
                String se = st.vi() == null ? Formats.MISSING : Formats.fixed(Math.sqrt(st.vi()), DIGITS);
                return glmm ? new String[] {name, Formats.fixed(st.yi(), DIGITS), se, ci(st.ciLower(), st.ciUpper())}
                        : new String[] {name, Formats.fixed(st.yi(), DIGITS), se, ci(st.ciLower(), st.ciUpper()),
                            Formats.fixed(st.weight(), 2)};
            };
        }
        int k = s.studies().size();
        int shown = limit.shown(k);
        boolean summaryFirst = limit.truncates(k);
        String pooled = pooled(s, m, twoByTwo, lv);
        try {
            out.write(head.toString());
            if (summaryFirst) {
                out.write(pooled);
                out.write('\n');
            }
            if (shown > 0 || k == 0) {
                t.write(out, rows, shown);
            }
            out.write(limit.moreLine(k));
            if (!summaryFirst) {
                out.write('\n');
                out.write(pooled);
            }
            if (corrected > 0) {
                out.write("\n* zero-cell correction applied\n");
            }
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long corrected(PoolSummary s) {
        long n = 0;
        for (PoolSummary.Study st : s.studies()) {
            if (st.corrected()) {
                n++;
            }
        }
        return n;
    }

    /** The pooled result, heterogeneity and subgroups: the lines after the study table. */
    private static String pooled(PoolSummary s, EffectMeasure m, boolean twoByTwo, String lv) {
        StringBuilder sb = new StringBuilder();
        if (!s.notes().estimable()) {
            sb.append("Pooled estimate: not estimable (no study has events in either group)\n");
        } else {
            String stat = s.test().equals("knha") ? "t(" + (s.k() - 1) + ")" : "z";
            sb.append("Pooled ").append(scale(m)).append(": ").append(Formats.fixed(s.estimate(), DIGITS)).append("  SE ")
                    .append(Formats.fixed(s.se(), DIGITS)).append("  ").append(lv).append("% CI ")
                    .append(ci(s.ciLower(), s.ciUpper())).append("  ").append(stat).append(" = ")
                    .append(Formats.fixed(s.statistic(), DIGITS)).append("  ").append(pEquals(s.pval())).append('\n');
            if (hasNaturalScale(m)) {
                PoolSummary.Transformed t = s.transformed();
                sb.append("Pooled ").append(naturalScale(m)).append(": ").append(Formats.fixed(t.estimate(), DIGITS))
                        .append("  ").append(lv).append("% CI ").append(ci(t.ciLower(), t.ciUpper()));
                if (t.piLower() != null) {
                    sb.append("  ").append(lv).append("% PI ").append(ci(t.piLower(), t.piUpper()));
                }
                sb.append('\n');
            }
        }
        if (s.piLower() != null) {
            sb.append(lv).append("% prediction interval (").append(scale(m)).append("): ")
                    .append(ci(s.piLower(), s.piUpper())).append('\n');
        }
        String het = heterogeneity(s, lv);
        if (!het.isEmpty()) {
            sb.append(het).append('\n');
        }
        if (s.subgroups() != null) {
            sb.append('\n');
            TextTable st = twoByTwo
                    ? new TextTable("subgroup", ">k", ">estimate", ">se", ">" + lv + "% CI", ">I^2 %")
                    : new TextTable("subgroup", ">k", ">estimate", ">se", ">" + lv + "% CI", ">tau^2", ">I^2 %");
            for (PoolSummary.Subgroup g : s.subgroups()) {
                String est = g.estimate() == null ? (twoByTwo || s.glmm() != null ? "not estimable" : "not converged")
                        : Formats.fixed(g.estimate(), DIGITS);
                if (twoByTwo) {
                    st.row(g.name(), g.k(), est, Formats.fixed(g.se(), DIGITS), ci(g.ciLower(), g.ciUpper()),
                            Formats.fixed(g.i2(), 2));
                } else {
                    st.row(g.name(), g.k(), est, Formats.fixed(g.se(), DIGITS), ci(g.ciLower(), g.ciUpper()),
                            Formats.fixed(g.tau2(), DIGITS), Formats.fixed(g.i2(), 2));
                }
            }
            sb.append(st.render());
            PoolSummary.SubgroupTest x = s.subgroupTest();
            sb.append(x.q() == null ? "Test for subgroup differences: not available\n"
                    : "Test for subgroup differences: Q(" + x.df() + ") = " + Formats.fixed(x.q(), 2) + ", "
                            + pEquals(x.pval()) + "\n");
        }
        return sb.toString();
    }

    private static String heterogeneity(PoolSummary s, String lv) {
        if (s.q() == null) {
            return s.method().equals("MH") || s.method().equals("PETO") ? "" : "Heterogeneity: not estimable with k = 1";
        }
        StringBuilder sb = new StringBuilder("Heterogeneity: ");
        if (!s.fixedEffect()) {
            sb.append("tau^2 = ").append(Formats.fixed(s.tau2(), DIGITS));
            List<String> extra = new ArrayList<>();
            if (s.tau2Se() != null) {
                extra.add("SE " + Formats.fixed(s.tau2Se(), DIGITS));
            }
            if (s.tau2CiLower() != null) {
                extra.add(lv + "% CI " + ci(s.tau2CiLower(), s.tau2CiUpper())
                        + (s.notes().tau2CiNullSet() ? " (null set)" : "")
                        + (s.notes().tau2CiAtLimit() ? " (upper bound at search limit)" : ""));
            }
            if (!extra.isEmpty()) {
                sb.append(" (").append(String.join(", ", extra)).append(')');
            }
            sb.append(", tau = ").append(Formats.fixed(s.tau(), DIGITS)).append(", ");
        }
        sb.append("I^2 = ").append(Formats.fixed(s.i2(), 2)).append("%, H^2 = ").append(Formats.fixed(s.h2(), 2))
                .append(", Q(").append(s.qDf()).append(") = ").append(Formats.fixed(s.q(), 2)).append(", ")
                .append(pEquals(s.qPval()));
        if (s.glmm() != null) {
            sb.append(" (Wald), LRT(").append(s.qDf()).append(") = ").append(Formats.fixed(s.glmm().qLrt(), 2))
                    .append(", ").append(pEquals(s.glmm().qLrtPval()));
        }
        return sb.toString();
    }

    private static String ci(Double lo, Double hi) {
        return Formats.ci(lo, hi, DIGITS, CiStyle.BRACKETS);
    }

    private static String pEquals(Double p) {
        return Formats.pEquals("p", Formats.p(p));
    }
}

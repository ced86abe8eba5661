package org.trialmeta.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.present.Formats;
import org.trialmeta.present.JournalStyle;
import org.trialmeta.present.PoolSummary;
import org.trialmeta.report.ForestPlotData.Columns;
import org.trialmeta.report.ForestPlotData.Estimate;
import org.trialmeta.report.ForestPlotData.Header;
import org.trialmeta.report.ForestPlotData.Pooled;
import org.trialmeta.report.ForestPlotData.PooledKind;
import org.trialmeta.report.ForestPlotData.Study;
import org.trialmeta.report.ForestPlotData.Text;
import org.trialmeta.stats.meta.EffectMeasure;

/**
 * The forest plot of a {@code pool} result in a journal's house style ({@link JournalStyle}): the numbers drawn are
 * exactly those of the {@link PoolSummary} (one computation), laid out as RevMan 5, JAMA, The BMJ or this program
 * draw them — the data columns per arm, the estimate column with the measure, method and model in its header, the
 * pooled diamonds per subgroup and overall, the prediction interval under the diamond, and the heterogeneity,
 * overall-effect and subgroup-difference lines in the style's words.
 */
public final class PoolForest {

    private PoolForest() {}

    /** Order of the studies within each subgroup. */
    public enum Sort { INPUT, ESTIMATE, WEIGHT, YEAR }

    /**
     * Figure settings.
     *
     * @param style      the house style
     * @param title      title above the plot, or empty
     * @param favours    "Favours …" labels left and right of the null line (empty for none), or null for the default
     * @param sort       order of the studies
     * @param axisLimits fixed axis limits on the natural scale, or empty for automatic
     * @param prediction whether to draw the prediction interval of a random-effects fit
     */
    public record Options(JournalStyle style, String title, String[] favours, Sort sort,
            Optional<ForestPlotData.Range> axisLimits, boolean prediction) {
    }

    /**
     * The figure data.
     *
     * @param groups  subgroup label per input row, or null
     * @param years   year per input row, or null (needed for {@link Sort#YEAR})
     * @param labels  names of the two groups (experimental, control), e.g. from {@code label_1}/{@code label_2}
     */
    /** Whether {@code m} is drawn on a log axis (the ratio measures), where axis limits must be above 0. */
    public static boolean logScale(EffectMeasure m) {
        return switch (m) {
            case OR, RR, HR, ROM -> true;
            default -> false;
        };
    }

    public static ForestPlotData of(PoolSummary s, PoolInput input, String[] groups, int[] years, String[] labels,
            Options o) {
        EffectMeasure m = input.measure();
        JournalStyle st = o.style();
        boolean ratio = logScale(m);
        boolean proportion = m.kind() == EffectMeasure.Kind.SINGLE_PROPORTION;
        var b = ForestPlotData.builder().title(o.title()).digits(2).ciStyle(st.ciStyle())
                .effectLabel(measureName(m, st) + (ratio ? " (log scale)" : ""));
        if (ratio) {
            b.scale(AxisScale.LOG);
        } else {
            b.scale(AxisScale.LINEAR);
            if (proportion) {
                b.noNullLine();
            }
        }
        o.axisLimits().ifPresent(r -> b.axisLimits(r.lower(), r.upper()));
        String[] fav = o.favours() != null ? o.favours() : proportion ? new String[] {"", ""}
                : new String[] {"Favours " + labels[0], "Favours " + labels[1]};
        b.favours(fav[0], fav[1]);
        Cells cells = Cells.of(input, st, labels);
        b.columns(new Columns(st == JournalStyle.REVMAN5 ? "Study or Subgroup" : st == JournalStyle.JAMA ? "Source" : "Study",
                "", cells.headers(), estimateHeader(s, m, st), st == JournalStyle.JAMA ? "Weight, %"
                        : st == JournalStyle.BMJ ? "Weight (%)" : "Weight"));
        String lv = Formats.general(s.level());
        PooledKind overallKind = s.fixedEffect() ? PooledKind.FIXED : PooledKind.RANDOM;
        int n = s.studies().size();
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        if (groups != null && s.subgroups() != null) {
            for (PoolSummary.Subgroup g : s.subgroups()) {
                members.put(g.name(), new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                members.get(groups[i]).add(i);
            }
        } else {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            members.put("", all);
        }
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            boolean sub = !e.getKey().isEmpty();
            if (sub) {
                b.row(new Header(e.getKey()));
            }
            List<Integer> rows = sorted(e.getValue(), s, years, o.sort());
            double weight = 0;
            for (int i : rows) {
                PoolSummary.Study study = s.studies().get(i);
                b.row(study(study, cells.row(i)));
                weight += study.weight() == null ? 0 : study.weight();
            }
            if (sub) {
                PoolSummary.Subgroup g = s.subgroups().stream().filter(x -> x.name().equals(e.getKey())).findFirst()
                        .orElseThrow();
                if (g.transformed().estimate() != null) {
                    b.row(new Pooled(st == JournalStyle.REVMAN5 ? "Subtotal (" + lv + "% CI)" : "Subtotal",
                            new Estimate(g.transformed().estimate(), g.transformed().ciLower(), g.transformed().ciUpper()),
                            PooledKind.SUBGROUP, weight, Optional.empty()));
                }
                cells.totalEvents(rows).ifPresent(t -> b.row(new Text(t)));
                b.row(new Text(heterogeneity(st, g.tau2(), g.q(), g.qDf(), g.qPval(), g.i2(), s.fixedEffect())));
                b.row(new Text(overall(st, s.test(), g.statistic(), g.pval(), g.k())));
            }
        }
        if (s.transformed().estimate() != null) {
            Pooled total = new Pooled(st == JournalStyle.REVMAN5 ? "Total (" + lv + "% CI)"
                    : (s.fixedEffect() ? "Fixed-effect" : "Random-effects") + " model",
                    new Estimate(s.transformed().estimate(), s.transformed().ciLower(), s.transformed().ciUpper()),
                    overallKind, 100.0, Optional.empty());
            if (o.prediction() && s.transformed().piLower() != null) {
                total = total.withPrediction(s.transformed().piLower(), s.transformed().piUpper());
            }
            b.row(total);
        } else {
            b.row(new Text("Pooled estimate: not estimable"));
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        cells.totalEvents(all).ifPresent(t -> b.row(new Text(t)));
        if (s.q() != null) {
            b.row(new Text(heterogeneity(st, s.tau2(), s.q(), s.qDf(), s.qPval(), s.i2(), s.fixedEffect())));
        }
        b.row(new Text(overall(st, s.test(), s.statistic(), s.pval(), s.k())));
        if (s.subgroupTest() != null && s.subgroupTest().q() != null) {
            PoolSummary.SubgroupTest t = s.subgroupTest();
            double i2 = t.q() > 0 ? Math.max(0, 100 * (t.q() - t.df()) / t.q()) : 0;
            b.row(new Text(switch (st) {
                case REVMAN5 -> "Test for subgroup differences: Chi\u00b2 = " + Formats.fixed(t.q(), 2) + ", df = " + t.df()
                        + " (P " + st.pRelation(t.pval()) + "), I\u00b2 = " + Formats.fixed(i2, 0) + "%";
                case JAMA -> "Test for subgroup differences: \u03c7\u00b2 = " + Formats.fixed(t.q(), 2) + "; df = " + t.df()
                        + "; P " + st.pRelation(t.pval());
                case BMJ -> "Test for subgroup differences: \u03c7\u00b2=" + Formats.fixed(t.q(), 2) + ", df=" + t.df()
                        + ", P" + st.pRelation(t.pval()).replace(" ", "") + "; I\u00b2=" + Formats.fixed(i2, 0) + "%";
                case META -> "Test for subgroup differences: Q = " + Formats.fixed(t.q(), 2) + ", df = " + t.df() + ", p "
                        + st.pRelation(t.pval());
            }));
        }
        if (s.studies().stream().anyMatch(x -> x.transformed().estimate() == null)) {
            b.footnote("Studies without an estimate (no events, or only events, in both groups) are not estimable.");
        }
        if (s.studies().stream().anyMatch(PoolSummary.Study::corrected)) {
            b.footnote("A zero-cell correction of " + Formats.general(s.notes().zeroCellAdd())
                    + " was added to the cells of studies with a zero cell.");
        }
        if (o.prediction() && s.transformed().piLower() != null) {
            b.footnote("The bar under the pooled estimate is the " + lv + "% prediction interval.");
        }
        return b.build();
    }

    private static Study study(PoolSummary.Study s, List<String> cells) {
        PoolSummary.StudyTransformed t = s.transformed();
        if (t.estimate() == null) {
            return Study.notEstimable(s.study(), cells);
        }
        return new Study(s.study(), "", cells, Optional.of(new Estimate(t.estimate(), t.ciLower(), t.ciUpper())),
                s.weight(), "");
    }

    private static List<Integer> sorted(List<Integer> rows, PoolSummary s, int[] years, Sort sort) {
        List<Integer> out = new ArrayList<>(rows);
        Comparator<Integer> c = switch (sort) {
            case INPUT -> null;
            case ESTIMATE -> Comparator.comparingDouble(i -> s.studies().get(i).yi() == null ? Double.POSITIVE_INFINITY
                    : s.studies().get(i).yi());
            case WEIGHT -> Comparator.comparingDouble(i -> s.studies().get(i).weight() == null ? 0.0
                    : -s.studies().get(i).weight());
            case YEAR -> Comparator.comparingInt(i -> years[i]);
        };
        if (c != null) {
            out.sort(c); // stable: ties keep the input order
        }
        return out;
    }

    /** "Risk Ratio", "RR", "Risk ratio", … : the measure as the style names it. */
    static String measureName(EffectMeasure m, JournalStyle st) {
        String full = switch (m) {
            case OR -> "Odds Ratio";
            case RR -> "Risk Ratio";
            case RD -> "Risk Difference";
            case MD -> "Mean Difference";
            case SMD -> "Std. Mean Difference";
            case ROM -> "Ratio of Means";
            case HR -> "Hazard Ratio";
            case PLO, PFT, PAS, PR, PLN -> "Proportion";
            case GEN -> "Estimate";
        };
        return switch (st) {
            case REVMAN5 -> full;
            case JAMA, META -> switch (m) {
                case OR, RR, RD, MD, SMD, HR -> m.name();
                default -> full;
            };
            case BMJ -> full.charAt(0) + full.substring(1).toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String estimateHeader(PoolSummary s, EffectMeasure m, JournalStyle st) {
        String lv = Formats.general(s.level()) + "% CI";
        return switch (st) {
            case REVMAN5 -> {
                String method = switch (s.method()) {
                    case "MH" -> "M-H";
                    case "PETO" -> "Peto";
                    case "GLMM" -> "GLMM";
                    default -> "IV";
                };
                yield measureName(m, st) + "\n" + method + ", " + (s.fixedEffect() ? "Fixed" : "Random") + ", " + lv;
            }
            case JAMA, BMJ -> measureName(m, st) + " (" + lv + ")";
            case META -> measureName(m, st) + " [" + lv + "]";
        };
    }

    /** The heterogeneity line in the style's words. */
    static String heterogeneity(JournalStyle st, Double tau2, Double q, Integer df, Double p, Double i2, boolean fixed) {
        if (q == null) {
            return "Heterogeneity: not applicable";
        }
        String t2 = tau2 == null || fixed ? null : Formats.fixed(tau2, 2);
        return switch (st) {
            case REVMAN5 -> "Heterogeneity: " + (t2 == null ? "" : "Tau\u00b2 = " + t2 + "; ") + "Chi\u00b2 = "
                    + Formats.fixed(q, 2) + ", df = " + df + " (P " + st.pRelation(p) + "); I\u00b2 = " + Formats.fixed(i2, 0)
                    + "%";
            case JAMA -> "Heterogeneity: " + (t2 == null ? "" : "\u03c4\u00b2 = " + t2 + "; ") + "I\u00b2 = "
                    + Formats.fixed(i2, 0) + "%; P " + st.pRelation(p);
            case BMJ -> "Test for heterogeneity: " + (t2 == null ? "" : "\u03c4\u00b2=" + t2 + ", ") + "\u03c7\u00b2="
                    + Formats.fixed(q, 2) + ", df=" + df + ", P" + st.pRelation(p).replace(" ", "") + "; I\u00b2="
                    + Formats.fixed(i2, 0) + "%";
            case META -> "Heterogeneity: " + (t2 == null ? "" : "\u03c4\u00b2 = " + t2 + ", ") + "I\u00b2 = "
                    + Formats.fixed(i2, 1) + "%, Q = " + Formats.fixed(q, 2) + " (df = " + df + "), p " + st.pRelation(p);
        };
    }

    /** The test for the overall effect in the style's words (|Z| as RevMan prints it). */
    static String overall(JournalStyle st, String test, Double statistic, Double p, int k) {
        boolean t = "knha".equals(test);
        String name = t ? "t(" + (k - 1) + ")" : st == JournalStyle.REVMAN5 ? "Z" : "z";
        String v = statistic == null ? Formats.MISSING
                : Formats.fixed(st == JournalStyle.REVMAN5 ? Math.abs(statistic) : statistic, 2);
        return switch (st) {
            case REVMAN5 -> "Test for overall effect: " + name + " = " + v + " (P " + st.pRelation(p) + ")";
            case JAMA -> "Test for overall effect: " + name + " = " + v + "; P " + st.pRelation(p);
            case BMJ -> "Test for overall effect: " + name + "=" + v + ", P" + st.pRelation(p).replace(" ", "");
            case META -> "Test for overall effect: " + name + " = " + v + ", p " + st.pRelation(p);
        };
    }

    /** The data columns of the figure and their text per study. */
    private record Cells(List<String> headers, List<List<String>> rows, int[] events1, int[] total1, int[] events2,
            int[] total2, boolean revman, String[] labels) {

        List<String> row(int i) {
            return rows.get(i);
        }

        /** RevMan's "Total events" line under a binary total, e.g. "Total events: 29 (BCG), 45 (Control)". */
        Optional<String> totalEvents(List<Integer> which) {
            if (!revman || events2 == null) {
                return Optional.empty();
            }
            int a = 0;
            int c = 0;
            for (int i : which) {
                a += events1[i];
                c += events2[i];
            }
            return Optional.of("Total events: " + a + " (" + labels[0] + "), " + c + " (" + labels[1] + ")");
        }

        static Cells of(PoolInput in, JournalStyle st, String[] labels) {
            int n = in.names().size();
            List<List<String>> rows = new ArrayList<>();
            boolean revman = st == JournalStyle.REVMAN5;
            String eventsTotal = st == JournalStyle.JAMA ? "No. of events/total" : st == JournalStyle.BMJ
                    ? "No of events/total" : "Events/total";
            if (in.data() instanceof PoolInput.TwoByTwo t) {
                for (int i = 0; i < n; i++) {
                    rows.add(revman ? List.of(Integer.toString(t.ai()[i]), Integer.toString(t.n1i()[i]),
                            Integer.toString(t.ci()[i]), Integer.toString(t.n2i()[i]))
                            : List.of(t.ai()[i] + "/" + t.n1i()[i], t.ci()[i] + "/" + t.n2i()[i]));
                }
                List<String> h = revman ? List.of(labels[0] + "\nEvents", "\nTotal", labels[1] + "\nEvents", "\nTotal")
                        : List.of(labels[0] + "\n" + eventsTotal, labels[1] + "\n" + eventsTotal);
                return new Cells(h, rows, t.ai(), t.n1i(), t.ci(), t.n2i(), revman, labels);
            }
            if (in.data() instanceof PoolInput.Proportions p) {
                for (int i = 0; i < n; i++) {
                    rows.add(revman ? List.of(Integer.toString(p.xi()[i]), Integer.toString(p.ni()[i]))
                            : List.of(p.xi()[i] + "/" + p.ni()[i]));
                }
                return new Cells(revman ? List.of("Events", "Total") : List.of(eventsTotal), rows, null, null, null, null,
                        revman, labels);
            }
            if (in.data() instanceof PoolInput.Means m) {
                for (int i = 0; i < n; i++) {
                    rows.add(revman ? List.of(Formats.general(m.m1i()[i]), Formats.general(m.sd1i()[i]),
                            Integer.toString(m.n1i()[i]), Formats.general(m.m2i()[i]), Formats.general(m.sd2i()[i]),
                            Integer.toString(m.n2i()[i]))
                            : List.of(Formats.general(m.m1i()[i]) + " (" + Formats.general(m.sd1i()[i]) + "), "
                                    + m.n1i()[i], Formats.general(m.m2i()[i]) + " (" + Formats.general(m.sd2i()[i])
                                    + "), " + m.n2i()[i]));
                }
                List<String> h = revman ? List.of(labels[0] + "\nMean", "\nSD", "\nTotal", labels[1] + "\nMean", "\nSD",
                        "\nTotal") : List.of(labels[0] + "\nMean (SD), n", labels[1] + "\nMean (SD), n");
                return new Cells(h, rows, null, null, null, null, revman, labels);
            }
            PoolInput.Given g = (PoolInput.Given) in.data();
            if (!revman) {
                for (int i = 0; i < n; i++) {
                    rows.add(List.of());
                }
                return new Cells(List.of(), rows, null, null, null, null, false, labels);
            }
            for (int i = 0; i < n; i++) {
                rows.add(List.of(Formats.fixed(g.yi()[i], 4), Formats.fixed(Math.sqrt(g.vi()[i]), 4)));
            }
            String est = in.measure() == EffectMeasure.HR ? "log[Hazard Ratio]" : "Estimate";
            return new Cells(List.of(est, "SE"), rows, null, null, null, null, true, labels);
        }
    }
}

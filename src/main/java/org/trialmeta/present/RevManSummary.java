package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.trialmeta.analysis.RevManAnalysis;
import org.trialmeta.analysis.RevManVerify;
import org.trialmeta.repository.RevManReview;
import org.trialmeta.stats.meta.RevMan5;

/**
 * What {@code revman} (and {@code pool --compat revman5}) reports: the one summary behind the text table, the JSON
 * (snake_case keys, effects on RevMan's display scale, e.g. an RR as a ratio, {@code null} where RevMan shows "Not
 * estimable") and the forest plots.
 *
 * @param review   the review's title
 * @param analyses every analysis, in file order
 * @param verify   the findings of {@code --verify} (absent from the JSON without it)
 */
public record RevManSummary(Review review, List<Analysis> analyses,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Finding> verify) {

    /** The review. */
    public record Review(String title) {}

    /** Labels of an analysis, for text and figures (not part of the JSON contract). */
    public record Labels(String group1, String group2, String favoursLeft, String favoursRight) {}

    /**
     * One analysis.
     *
     * @param level confidence level of the totals, in percent
     * @param z     |estimate|/SE on the analysis scale, as RevMan shows it
     */
    public record Analysis(String id, String comparison, String name, String dataType, String effectMeasure,
                           String method, boolean random, BigDecimal level, int k, Double estimate, Double ciLower,
                           Double ciUpper, Double z, Double pZ, Double tau2, Double chi2, Integer df, Double pChi2,
                           Double i2, SubgroupTest subgroupTest, List<Subgroup> subgroups, List<Study> studies,
                           @JsonIgnore Labels labels, @JsonIgnore boolean ratio, @JsonIgnore BigDecimal studyLevel,
                           @JsonIgnore boolean subgroupWeightsWithin) {}

    /** Test for subgroup differences. */
    public record SubgroupTest(Double chi2, Integer df, Double p, Double i2) {}

    /** A subgroup's pooled result; weight in percent. */
    public record Subgroup(String id, String name, int k, Double estimate, Double ciLower, Double ciUpper, Double z,
                           Double pZ, Double tau2, Double chi2, Integer df, Double pChi2, Double i2, Double weight) {}

    /**
     * A study's effect; weight in percent.
     *
     * @param data the study's data as RevMan lists it (events, total per group; mean, SD, total; estimate, SE;
     *             O − E, variance), for tables and figures
     */
    public record Study(String studyId, String study, String subgroupId, Double estimate, Double ciLower,
                        Double ciUpper, Double weight, @JsonIgnore List<Double> data) {}

    /** A {@code --verify} finding. */
    public record Finding(String kind, String analysis, String where, String quantity, Double stored,
                          Double recomputed, String message) {}

    /** The summary of a review's recomputed analyses, with the findings of {@code --verify} or null. */
    public static RevManSummary of(String title, List<RevManAnalysis> analyses, List<RevManVerify.Finding> findings) {
        List<Analysis> out = new ArrayList<>();
        for (RevManAnalysis a : analyses) {
            out.add(analysis(a));
        }
        List<Finding> f = findings == null ? null : findings.stream().map(x -> new Finding(
                x.kind().name().toLowerCase(java.util.Locale.ROOT), x.analysis(), x.where(), x.quantity(), x.stored(),
                x.recomputed(), x.message())).toList();
        return new RevManSummary(new Review(title), List.copyOf(out), f);
    }

    /** The columns of study data per data type, as {@link Study#data()} holds them. */
    public static List<String> dataColumns(String dataType) {
        return switch (dataType) {
            case "dichotomous" -> List.of("Events", "Total", "Events", "Total");
            case "continuous" -> List.of("Mean", "SD", "Total", "Mean", "SD", "Total");
            case "generic" -> List.of("Estimate", "SE");
            default -> List.of("O-E", "Variance");
        };
    }

    private static Analysis analysis(RevManAnalysis a) {
        RevMan5.Result r = a.result();
        boolean ratio = a.ratio();
        RevMan5.Pooled t = r.total();
        List<Subgroup> subs = new ArrayList<>();
        for (int j = 0; j < r.subgroups().size(); j++) {
            RevMan5.Pooled p = r.subgroups().get(j);
            subs.add(new Subgroup(a.subgroupIds().get(j), a.subgroupNames().get(j), p.k(), disp(p.estimate(), ratio),
                    disp(p.lower(), ratio), disp(p.upper(), ratio), p.k() > 0 ? p.z() : null, p.k() > 0 ? p.pZ() : null,
                    r.settings().random() && p.k() > 0 ? p.tau2() : null, p.k() > 0 ? p.chi2() : null, p.df(),
                    p.pChi2(), p.i2(), p.weight()));
        }
        List<Study> studies = new ArrayList<>();
        var o = a.outcome();
        for (int i = 0; i < r.studies().size(); i++) {
            RevMan5.StudyEffect e = r.studies().get(i);
            var row = o.data().get(i);
            String sg = row.subgroup() >= 0 ? a.subgroupIds().get(row.subgroup()) : null;
            studies.add(new Study(row.studyId(), a.studyLabels().get(i), sg, e.estimable() ? disp(e.estimate(), ratio) : null,
                    e.estimable() ? disp(e.lower(), ratio) : null, e.estimable() ? disp(e.upper(), ratio) : null,
                    e.estimable() ? r.weightPercent()[i] : null, data(o.type(), row)));
        }
        RevMan5.SubgroupTest st = r.subgroupTest();
        SubgroupTest test = st == null || st.df() == 0 ? null : new SubgroupTest(st.chi2(), st.df(), st.p(), st.i2());
        boolean any = t.k() > 0;
        return new Analysis(a.id(), a.comparison(), a.name(), a.dataType(), a.measure(), a.method(), r.settings().random(),
                percent(r.settings().totalLevel()), t.k(), disp(t.estimate(), ratio), disp(t.lower(), ratio),
                disp(t.upper(), ratio), any ? t.z() : null, any ? t.pZ() : null,
                r.settings().random() && any ? t.tau2() : null, any ? t.chi2() : null, t.df(), t.pChi2(), t.i2(), test,
                List.copyOf(subs), List.copyOf(studies),
                new Labels(o.groupLabel1(), o.groupLabel2(), o.graphLabel1(), o.graphLabel2()), ratio,
                percent(r.settings().studyLevel()), !o.subgroups().isEmpty() && !o.totals().equals("YES"));
    }

    private static List<Double> data(RevManReview.DataType type, RevManReview.DataRow r) {
        List<Double> d = new ArrayList<>();
        switch (type) {
            case DICH -> {
                d.add(r.events1());
                d.add(r.total1());
                d.add(r.events2());
                d.add(r.total2());
            }
            case CONT -> {
                d.add(r.mean1());
                d.add(r.sd1());
                d.add(r.total1());
                d.add(r.mean2());
                d.add(r.sd2());
                d.add(r.total2());
            }
            case IV -> {
                d.add(r.estimate());
                d.add(r.se());
            }
            case IPD -> {
                d.add(r.oMinusE());
                d.add(r.variance());
            }
        }
        return java.util.Collections.unmodifiableList(d);
    }

    private static BigDecimal percent(double fraction) {
        return new BigDecimal(Formats.level(fraction));
    }

    private static Double disp(double v, boolean ratio) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return ratio ? Math.exp(v) : v;
    }
}

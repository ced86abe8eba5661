package org.trialmeta.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.analysis.SubgroupComparison.Effect;
import org.trialmeta.analysis.SubgroupComparison.FisherTest;
import org.trialmeta.analysis.SubgroupComparison.Rate;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.BiomarkerChange;
import org.trialmeta.model.EstimateState;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Setting;
import org.trialmeta.model.TimeEstimate;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.FitResult;
import org.trialmeta.stats.meta.MantelHaenszel;
import org.trialmeta.stats.meta.MantelHaenszelResult;
import org.trialmeta.stats.meta.MetaAnalysis;
import org.trialmeta.stats.meta.MetaAnalysisResult;
import org.trialmeta.stats.meta.SubgroupAnalysis;
import org.trialmeta.stats.meta.Tau2Estimator;
import org.trialmeta.stats.proportion.ProportionCi;
import org.trialmeta.stats.proportion.ProportionEstimate;
import org.trialmeta.stats.proportion.Proportions;
import org.trialmeta.stats.proportion.RatioEstimate;
import org.trialmeta.stats.proportion.RatioMethod;
import org.trialmeta.stats.proportion.RiskDifference;
import org.trialmeta.stats.proportion.DifferenceCi;
import org.trialmeta.stats.proportion.TwoProportions;
import org.trialmeta.stats.survival.summary.MedianComparison;
import org.trialmeta.stats.survival.summary.MedianContrast;
import org.trialmeta.stats.survival.summary.ReportedMedian;
import org.trialmeta.stats.survival.summary.SummaryResult;

/**
 * The analysis service: maps the curated trials onto the statistics. Nothing here knows a study by
 * name; strata come from each subgroup's biomarker (name and status), endpoints and cuts from the data.
 *
 * <p>Settings: 95% intervals; per-study proportions with Clopper-Pearson intervals
 * ({@code binom.test}); per-study OR/RR/RD as {@code metafor::escalc} (1/2 added to every cell of a
 * table with a zero cell) with Wald intervals on the log (OR, RR) or raw (RD) scale and Fisher's exact
 * test ({@code fisher.test}); pooling by REML with a z test ({@code rma(method = "REML")}) and by
 * Mantel-Haenszel ({@code rma.mh}); pooled proportions on the logit scale (PLO); subgroup difference
 * by Q_between of the pooled logits.
 *
 * <p>{@link #CUT_RULE}: two cuts of one trial are never pooled as independent studies.
 */
public final class EfficacyAnalysis {

    /** Confidence level of every interval, in (0, 1). */
    public static final double LEVEL = 0.95;

    /** How one analysis cut per trial (and arm) is chosen for pooling. */
    public static final String CUT_RULE = "one cut per trial and arm: the latest cut having the data needed"
            + " (both subgroups' counts for a comparison; the stratum's counts for a pooled rate); latest = latest"
            + " cut-off date when every candidate cut has one, otherwise the cut listed last in the trial file";

    private final TrialRepository repo;
    private final StatusFilter filter;
    private final String biomarker;
    private final BinaryEndpoint endpoint;
    private final List<Exclusion> exclusions = new ArrayList<>();

    private EfficacyAnalysis(TrialRepository repo, StatusFilter filter, String biomarker, BinaryEndpoint endpoint) {
        this.repo = repo;
        this.filter = filter;
        this.biomarker = biomarker;
        this.endpoint = endpoint;
    }

    /** Runs every analysis with the default biomarker KRAS and endpoint ORR. */
    public static AnalysisResults run(TrialRepository repo, StatusFilter filter) {
        return run(repo, filter, "KRAS", BinaryEndpoint.ORR);
    }

    /** Runs every analysis over {@code repo}. */
    public static AnalysisResults run(TrialRepository repo, StatusFilter filter, String biomarker,
            BinaryEndpoint endpoint) {
        return new EfficacyAnalysis(repo, filter, biomarker, endpoint).all();
    }

    /**
     * Mutant vs wild-type comparisons of one trial (every cut with both subgroups' counts), with the
     * exclusions of that trial.
     */
    public static AnalysisResults compareTrial(TrialRepository repo, String trialId, StatusFilter filter,
            String biomarker, BinaryEndpoint endpoint) {
        Trial t = repo.requireTrial(trialId);
        TrialRepository one = new TrialRepository(List.of(t), repo.sources());
        return run(one, filter, biomarker, endpoint);
    }

    /** Why a controlled clinical trial's arms are not summarised with the single-arm cohorts. */
    public static final String CONTROLLED = "arm of a controlled trial (it has a control arm): compared with its"
            + " control in the network of randomised comparisons (analysis.TrialNetwork), not pooled with single-arm"
            + " cohorts of other regimens";

    /** A clinical trial with a control arm: its arms are compared, not summarised as single-arm rates. */
    static boolean isControlled(Trial t) {
        return t.setting() == Setting.CLINICAL && t.controlArm().isPresent();
    }

    private AnalysisResults all() {
        List<ProportionRow> proportions = proportions();
        List<SubgroupComparison> comparisons = comparisons(proportions);
        List<PooledEffect> pooled = new ArrayList<>();
        List<SubgroupComparison> selected = comparisons.stream().filter(SubgroupComparison::selected).toList();
        for (EffectMeasure m : List.of(EffectMeasure.OR, EffectMeasure.RR, EffectMeasure.RD)) {
            pooled.add(poolEffect(m, selected));
        }
        List<PooledProportion> pooledProps = new ArrayList<>();
        for (Stratum s : Stratum.values()) {
            pooledProps.add(poolProportion(s, selectOnePerTrial(proportions, s)));
        }
        SubgroupTest test = subgroupTest(pooledProps.get(0), pooledProps.get(1));
        List<MedianRow> medians = medians();
        List<MedianContrastRow> contrasts = medianContrasts(medians);
        List<MedianContrastRow> lifespans = lifespans();
        List<BiomarkerRow> bio = biomarkers();
        return new AnalysisResults(filter.names(), biomarker, endpoint.name(), CUT_RULE, proportions, comparisons,
                pooled, pooledProps, test, medians, contrasts, lifespans, bio, List.copyOf(exclusions), dataDate());
    }

    // ------------------------------------------------------------------ proportions

    private List<ProportionRow> proportions() {
        String what = endpoint.name() + " per study";
        List<ProportionRow> out = new ArrayList<>();
        for (LocatedOutcome<BinaryOutcome> o : repo.binaryOutcomes(endpoint)) {
            DataUse d = DataUse.of(o);
            if (isControlled(o.trial())) {
                exclusions.add(new Exclusion(what, d, CONTROLLED));
                continue;
            }
            Optional<Stratum> stratum = Stratum.of(o.subgroup(), biomarker);
            if (stratum.isEmpty()) {
                exclusions.add(new Exclusion(what, d, "subgroup is not " + biomarker + " mutant, wild-type or overall"));
                continue;
            }
            if (!filter.admits(o.provenance())) {
                exclusions.add(new Exclusion(what, d, "status " + d.status() + " not admitted (admitted: "
                        + filter.describe() + ")"));
                continue;
            }
            if (o.outcome().counts().isEmpty()) {
                exclusions.add(new Exclusion(what, d, "no responder counts (only a reported percentage"
                        + o.outcome().reported().map(r -> " " + r.percent()).orElse("") + ")"));
                continue;
            }
            int x = o.outcome().counts().get().responders();
            int n = o.outcome().counts().get().evaluable();
            ProportionEstimate e = Proportions.confidenceInterval(x, n, ProportionCi.CLOPPER_PEARSON, LEVEL);
            out.add(new ProportionRow(d, stratum.get(), x, n, box(e.estimate()),
                    e.interval().map(Interval::lower).orElse(null), e.interval().map(Interval::upper).orElse(null),
                    ProportionCi.CLOPPER_PEARSON.cliName(), LEVEL));
        }
        return out;
    }

    // ------------------------------------------------------------------ comparisons

    private List<SubgroupComparison> comparisons(List<ProportionRow> rows) {
        // group by trial + arm + cut
        Map<String, ProportionRow[]> byCut = new LinkedHashMap<>();
        for (ProportionRow r : rows) {
            if (r.stratum() == Stratum.OVERALL) {
                continue;
            }
            String key = r.data().trial() + "\u0000" + r.data().arm() + "\u0000" + r.data().cut();
            ProportionRow[] pair = byCut.computeIfAbsent(key, k -> new ProportionRow[2]);
            pair[r.stratum() == Stratum.MUTANT ? 0 : 1] = r;
        }
        List<ProportionRow[]> complete = new ArrayList<>();
        for (ProportionRow[] pair : byCut.values()) {
            if (pair[0] != null && pair[1] != null) {
                complete.add(pair);
            } else {
                ProportionRow only = pair[0] != null ? pair[0] : pair[1];
                exclusions.add(new Exclusion("mutant vs wild-type", only.data(), "the other " + biomarker
                        + " subgroup has no admitted counts at this cut"));
            }
        }
        // one cut per trial+arm
        Map<String, List<ProportionRow[]>> byArm = new LinkedHashMap<>();
        for (ProportionRow[] p : complete) {
            byArm.computeIfAbsent(p[0].data().trial() + "\u0000" + p[0].data().arm(), k -> new ArrayList<>()).add(p);
        }
        List<SubgroupComparison> out = new ArrayList<>();
        for (List<ProportionRow[]> cands : byArm.values()) {
            ProportionRow[] chosen = latest(cands, p -> p[0].data());
            for (ProportionRow[] p : cands) {
                boolean sel = p == chosen;
                String why = sel ? (cands.size() == 1 ? "the only cut with both subgroups" : "latest of "
                        + cands.size() + " cuts with both subgroups")
                        : "not pooled: cut " + chosen[0].data().cut() + " of the same trial is used";
                out.add(compare(p[0], p[1], sel, why));
            }
        }
        return out;
    }

    private SubgroupComparison compare(ProportionRow m, ProportionRow w, boolean selected, String selection) {
        TwoProportions t = new TwoProportions(m.responders(), m.evaluable(), w.responders(), w.evaluable());
        RatioEstimate or = t.ratio(RatioMethod.ODDS_RATIO_WOOLF, LEVEL);
        RatioEstimate rr = t.ratio(RatioMethod.RISK_RATIO_LOG, LEVEL);
        RatioEstimate cor = t.ratio(RatioMethod.ODDS_RATIO_CONDITIONAL, LEVEL);
        RiskDifference rd = t.riskDifference(DifferenceCi.WALD, LEVEL);
        return new SubgroupComparison(rate(m), rate(w), effect(or), effect(rr),
                new Effect(box(rd.estimate()), lo(rd.interval()), hi(rd.interval())),
                new FisherTest(finite(effect(cor)), box(t.fisherExactPValue())), LEVEL, selected,
                selection);
    }

    private static Rate rate(ProportionRow r) {
        return new Rate(r.data(), r.responders(), r.evaluable());
    }

    private static Effect effect(RatioEstimate e) {
        return new Effect(box(e.estimate()), lo(e.interval()), hi(e.interval()));
    }

    /** The conditional MLE can be 0 or infinite (a zero cell): written as not estimable. */
    private static Effect finite(Effect e) {
        return new Effect(finite(e.estimate()), finite(e.lower()), finite(e.upper()));
    }

    private PooledEffect poolEffect(EffectMeasure m, List<SubgroupComparison> cs) {
        int k = cs.size();
        List<String> ids = cs.stream().map(SubgroupComparison::trial).toList();
        if (k == 0) {
            return new PooledEffect(m.name(), 0, ids, null, null, LEVEL, CUT_RULE,
                    "no trial has both subgroups' counts");
        }
        int[] ai = cs.stream().mapToInt(SubgroupComparison::x1).toArray();
        int[] n1 = cs.stream().mapToInt(SubgroupComparison::n1).toArray();
        int[] ci = cs.stream().mapToInt(SubgroupComparison::x2).toArray();
        int[] n2 = cs.stream().mapToInt(SubgroupComparison::n2).toArray();
        RandomEffectsFit re = null;
        String note = k == 1 ? "k = 1: the pooled estimate is the single study's" : "";
        try {
            EffectSizes es = EffectSizes.twoGroup(m, ai, n1, ci, n2);
            FitResult f = MetaAnalysis.fit(es, MetaAnalysis.Options.defaults(es).withMethod(Tau2Estimator.REML));
            if (f instanceof MetaAnalysisResult r) {
                re = RandomEffectsFit.of(r);
            } else {
                note = "REML did not converge";
            }
        } catch (IllegalArgumentException e) {
            note = "not estimable: " + e.getMessage();
        }
        MantelHaenszelResult mh = MantelHaenszel.pool(m, ai, n1, ci, n2);
        var t = mh.transformed();
        PooledEffect.MantelHaenszelFit mhFit = t.estimate().isEmpty() ? null
                : new PooledEffect.MantelHaenszelFit(t.estimate().getAsDouble(), lo(t.ci()), hi(t.ci()), box(mh.pval()));
        return new PooledEffect(m.name(), k, ids, re, mhFit, LEVEL, CUT_RULE, note);
    }

    // ------------------------------------------------------------------ pooled proportions

    private List<ProportionRow> selectOnePerTrial(List<ProportionRow> rows, Stratum s) {
        Map<String, List<ProportionRow>> byArm = new LinkedHashMap<>();
        for (ProportionRow r : rows) {
            if (r.stratum() == s) {
                byArm.computeIfAbsent(r.data().trial() + "\u0000" + r.data().arm(), k -> new ArrayList<>()).add(r);
            }
        }
        List<ProportionRow> out = new ArrayList<>();
        for (List<ProportionRow> cands : byArm.values()) {
            ProportionRow chosen = latest(cands, ProportionRow::data);
            out.add(chosen);
            for (ProportionRow r : cands) {
                if (r != chosen) {
                    exclusions.add(new Exclusion("pooled " + endpoint + " (" + s.display(biomarker) + ")", r.data(),
                            "cut " + chosen.data().cut() + " of the same trial is used (one cut per trial)"));
                }
            }
        }
        return out;
    }

    private PooledProportion poolProportion(Stratum s, List<ProportionRow> rows) {
        int k = rows.size();
        if (k == 0) {
            return new PooledProportion(s, 0, rows, null, "no study with admitted counts");
        }
        int[] x = rows.stream().mapToInt(ProportionRow::responders).toArray();
        int[] n = rows.stream().mapToInt(ProportionRow::evaluable).toArray();
        try {
            EffectSizes es = EffectSizes.proportion(EffectMeasure.PLO, x, n);
            FitResult f = MetaAnalysis.fit(es, MetaAnalysis.Options.defaults(es).withMethod(Tau2Estimator.REML));
            if (!(f instanceof MetaAnalysisResult r)) {
                return new PooledProportion(s, k, rows, null, "REML did not converge");
            }
            return new PooledProportion(s, k, rows, RandomEffectsFit.of(r),
                    k == 1 ? "k = 1: the single study's estimate" : "");
        } catch (IllegalArgumentException e) {
            return new PooledProportion(s, k, rows, null, "not estimable: " + e.getMessage());
        }
    }

    /** Q_between of the two pooled logits, by {@link SubgroupAnalysis#differenceTest}; null when not estimable. */
    private static SubgroupTest subgroupTest(PooledProportion a, PooledProportion b) {
        if (a.fit() == null || b.fit() == null) {
            return null;
        }
        return SubgroupAnalysis.differenceTest(new double[] {a.fit().b(), b.fit().b()},
                new double[] {a.fit().se(), b.fit().se()})
                .map(t -> new SubgroupTest(t.q(), t.df(), t.pval())).orElse(null);
    }

    // ------------------------------------------------------------------ medians

    private List<MedianRow> medians() {
        List<MedianRow> out = new ArrayList<>();
        for (LocatedOutcome<TimeToEventOutcome> o : repo.outcomes(TimeToEventOutcome.class)) {
            if (o.trial().setting() != Setting.CLINICAL) {
                continue; // preclinical medians are analysed per arm in lifespans()
            }
            DataUse d = DataUse.of(o);
            if (isControlled(o.trial())) {
                exclusions.add(new Exclusion("medians", d, CONTROLLED));
                continue;
            }
            if (!filter.admits(o.provenance())) {
                exclusions.add(new Exclusion("medians", d, "status " + d.status() + " not admitted (admitted: "
                        + filter.describe() + ")"));
                continue;
            }
            out.add(medianRow(o, d));
        }
        return out;
    }

    private MedianRow medianRow(LocatedOutcome<TimeToEventOutcome> o, DataUse d) {
        TimeToEventOutcome t = o.outcome();
        Double lo = null, hi = null, level = null;
        boolean upNr = false;
        if (t.ci().isPresent()) {
            var ci = t.ci().get();
            level = ci.level();
            lo = ci.lower().hasValue() ? ci.lower().value().getAsDouble() : null;
            hi = ci.upper().hasValue() ? ci.upper().value().getAsDouble() : null;
            upNr = ci.upper().state() == EstimateState.NOT_REACHED;
        }
        return new MedianRow(d, Stratum.of(o.subgroup(), biomarker).orElse(null), t.endpoint().name(),
                t.unit().name().toLowerCase(Locale.ROOT), t.median().state().name().toLowerCase(Locale.ROOT),
                t.median().hasValue() ? t.median().value().getAsDouble() : null, lo, hi, upNr, level);
    }

    private static ReportedMedian reported(TimeToEventOutcome t) {
        TimeEstimate m = t.median();
        if (m.state() == EstimateState.NOT_REACHED) {
            return new ReportedMedian.NotReached();
        }
        if (m.state() == EstimateState.NOT_REPORTED) {
            return new ReportedMedian.NotReported();
        }
        double v = m.value().getAsDouble();
        if (t.ci().isPresent() && t.ci().get().level() > 0) {
            var ci = t.ci().get();
            double lo = ci.lower().hasValue() ? ci.lower().value().getAsDouble() : v;
            double hi = ci.upper().hasValue() ? ci.upper().value().getAsDouble() : Double.POSITIVE_INFINITY;
            return new ReportedMedian.Value(v, Optional.of(new Interval(lo, hi)), ci.level() / 100);
        }
        return new ReportedMedian.Value(v, Optional.empty(), LEVEL);
    }

    private List<MedianContrastRow> medianContrasts(List<MedianRow> rows) {
        List<MedianContrastRow> out = new ArrayList<>();
        List<LocatedOutcome<TimeToEventOutcome>> all = repo.outcomes(TimeToEventOutcome.class).stream()
                .filter(o -> o.trial().setting() == Setting.CLINICAL && filter.admits(o.provenance())).toList();
        for (LocatedOutcome<TimeToEventOutcome> m : all) {
            if (Stratum.of(m.subgroup(), biomarker).orElse(null) != Stratum.MUTANT) {
                continue;
            }
            for (LocatedOutcome<TimeToEventOutcome> w : all) {
                if (w.trial() == m.trial() && w.arm() == m.arm() && w.cut() == m.cut()
                        && w.outcome().endpoint() == m.outcome().endpoint()
                        && Stratum.of(w.subgroup(), biomarker).orElse(null) == Stratum.WILD_TYPE) {
                    out.add(contrast("mutant vs wild-type", m, w));
                }
            }
        }
        return out;
    }

    private MedianContrastRow contrast(String kind, LocatedOutcome<TimeToEventOutcome> a,
            LocatedOutcome<TimeToEventOutcome> b) {
        ReportedMedian ra = reported(a.outcome());
        ReportedMedian rb = reported(b.outcome());
        if (a.outcome().unit() != b.outcome().unit()) {
            throw new IllegalStateException("units differ");
        }
        SummaryResult<MedianContrast> diff = MedianComparison.difference(ra, rb, LEVEL);
        SummaryResult<MedianContrast> ratio = MedianComparison.ratio(ra, rb, LEVEL);
        SummaryResult<MedianContrast> ils = MedianComparison.percentIncreaseInLifespan(ra, rb, LEVEL);
        String method = ratio instanceof SummaryResult.NotEstimable<MedianContrast> ne ? "not estimable: " + ne.reason()
                : diff.value().orElseThrow().method() + " | " + ratio.value().orElseThrow().method();
        Double m1 = a.outcome().median().hasValue() ? a.outcome().median().value().getAsDouble() : null;
        Double m2 = b.outcome().median().hasValue() ? b.outcome().median().value().getAsDouble() : null;
        return new MedianContrastRow(kind, DataUse.of(a), DataUse.of(b), a.outcome().endpoint().name(),
                a.outcome().unit().name().toLowerCase(Locale.ROOT), m1, m2,
                diff.value().map(MedianContrast::estimate).orElse(null),
                diff.value().flatMap(MedianContrast::ci).map(Interval::lower).orElse(null),
                diff.value().flatMap(MedianContrast::ci).map(Interval::upper).orElse(null),
                ratio.value().map(MedianContrast::estimate).orElse(null),
                ratio.value().flatMap(MedianContrast::ci).map(Interval::lower).orElse(null),
                ratio.value().flatMap(MedianContrast::ci).map(Interval::upper).orElse(null),
                ils.value().map(MedianContrast::estimate).orElse(null), method);
    }

    // ------------------------------------------------------------------ preclinical lifespans

    private List<MedianContrastRow> lifespans() {
        List<MedianContrastRow> out = new ArrayList<>();
        for (Trial t : repo.trials()) {
            if (t.setting() != Setting.PRECLINICAL) {
                continue;
            }
            List<LocatedOutcome<TimeToEventOutcome>> os = repo.outcomes(TimeToEventOutcome.class).stream()
                    .filter(o -> o.trial() == t).toList();
            for (LocatedOutcome<TimeToEventOutcome> o : os) {
                if (!filter.admits(o.provenance())) {
                    DataUse d = DataUse.of(o);
                    exclusions.add(new Exclusion("preclinical median survival", d, "status " + d.status()
                            + " not admitted (admitted: " + filter.describe() + ")"));
                }
            }
            List<LocatedOutcome<TimeToEventOutcome>> admitted = os.stream()
                    .filter(o -> filter.admits(o.provenance())).toList();
            var control = t.controlArm();
            for (LocatedOutcome<TimeToEventOutcome> o : admitted) {
                Optional<LocatedOutcome<TimeToEventOutcome>> c = control.flatMap(ca -> admitted.stream()
                        .filter(x -> x.arm() == ca && x.subgroup() == o.subgroup() && x.cut() == o.cut()
                                && x.outcome().endpoint() == o.outcome().endpoint())
                        .findFirst());
                if (c.isEmpty()) {
                    TimeToEventOutcome to = o.outcome();
                    Double m = to.median().hasValue() ? to.median().value().getAsDouble() : null;
                    out.add(new MedianContrastRow("vs control", DataUse.of(o), null, to.endpoint().name(),
                            to.unit().name().toLowerCase(Locale.ROOT), m, null, null, null, null, null, null, null,
                            null, control.isEmpty() ? "no arm of this trial is marked control: true"
                                    : "the control arm has no admitted median for this endpoint, subgroup and cut"));
                } else if (c.get() == o) {
                    TimeToEventOutcome to = o.outcome();
                    Double m = to.median().hasValue() ? to.median().value().getAsDouble() : null;
                    out.add(new MedianContrastRow("control", DataUse.of(o), DataUse.of(o), to.endpoint().name(),
                            to.unit().name().toLowerCase(Locale.ROOT), m, m, null, null, null, null, null, null, null,
                            "control arm (reference)"));
                } else {
                    out.add(contrast("vs control", o, c.get()));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ biomarker changes

    private List<BiomarkerRow> biomarkers() {
        List<BiomarkerRow> out = new ArrayList<>();
        for (LocatedOutcome<BiomarkerChange> o : repo.biomarkerChanges()) {
            DataUse d = DataUse.of(o);
            if (!filter.admits(o.provenance())) {
                exclusions.add(new Exclusion("biomarker changes", d, "status " + d.status()
                        + " not admitted (admitted: " + filter.describe() + ")"));
                continue;
            }
            BiomarkerChange b = o.outcome();
            out.add(new BiomarkerRow(d, b.marker(), b.compartment().name().toLowerCase(Locale.ROOT),
                    b.direction().name().toLowerCase(Locale.ROOT), b.magnitude().orElse(null)));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** The latest candidate by {@link #CUT_RULE}. */
    private <T> T latest(List<T> cands, java.util.function.Function<T, DataUse> data) {
        boolean allDated = cands.stream().allMatch(c -> data.apply(c).cutoff() != null);
        Comparator<T> byFile = Comparator.comparingInt(c -> cutIndex(data.apply(c)));
        Comparator<T> order = allDated
                ? Comparator.<T, LocalDate>comparing(c -> LocalDate.parse(data.apply(c).cutoff())).thenComparing(byFile)
                : byFile;
        return cands.stream().max(order).orElseThrow();
    }

    /** Position of the datum's cut in its trial file. */
    private int cutIndex(DataUse d) {
        List<AnalysisCut> cuts = repo.requireTrial(d.trial()).cuts();
        for (int i = 0; i < cuts.size(); i++) {
            if (cuts.get(i).id().equals(d.cut())) {
                return i;
            }
        }
        return -1;
    }

    private String dataDate() {
        LocalDate max = null;
        for (Trial t : repo.trials()) {
            for (AnalysisCut c : t.cuts()) {
                if (c.cutoff().isPresent() && (max == null || c.cutoff().get().isAfter(max))) {
                    max = c.cutoff().get();
                }
            }
        }
        for (LocatedOutcome<Outcome> o : repo.outcomes()) {
            for (var p : o.outcome().provenances()) {
                if (p.cutoff().isPresent() && (max == null || p.cutoff().get().isAfter(max))) {
                    max = p.cutoff().get();
                }
            }
        }
        return max == null ? null : max.toString();
    }

    private static Double box(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static Double finite(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }

    private static Double lo(Optional<Interval> i) {
        return i.map(Interval::lower).orElse(null);
    }

    private static Double hi(Optional<Interval> i) {
        return i.map(Interval::upper).orElse(null);
    }
}

package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.CurveClicks;
import org.trialmeta.model.EstimateState;
import org.trialmeta.model.HazardRatio;
import org.trialmeta.model.InputException;
import org.trialmeta.model.NumbersAtRisk;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.SurvivalAxis;
import org.trialmeta.model.SurvivalCurve;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.TimeUnit;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.DigitiserCsv;
import org.trialmeta.stats.survival.ClickStyle;
import org.trialmeta.stats.survival.DigitisingTolerance;
import org.trialmeta.stats.survival.ReconstructionBootstrap;
import org.trialmeta.stats.survival.SurvivalScale;

/**
 * Reconstructs the digitised curves of the trial files ({@code curves:}): per trial, endpoint, subgroup and cut the
 * arms' curves go through {@link ReconstructInput} and {@link ReconstructFit}, the code of {@code trialmeta
 * reconstruct}, with its defaults (scale and clicking style as the curve says, else detected; digitising tolerance 0.02, 0.02; repairs
 * listed, not refused; 95% intervals; RMST to the earliest last time; no bootstrap). The numbers are those of
 * {@code reconstruct --arm A=POINTS.csv,RISK.csv[,events=N] --arm B=...} on the same points and the at-risk table
 * written out as a CSV (a test checks this).
 *
 * <p>With two arms the hazard ratio is the other arm's hazard over the reference arm's: the reference is the arm marked
 * {@code control: true} when one of the two is, else the one listed first in the trial file. The publication's
 * medians (same arm, endpoint, subgroup and cut) and hazard ratio (either arm's, with the other as comparator; inverted
 * when given the other way round) are put beside the reconstruction for comparison.
 *
 * <p>A curve whose provenance status the filter does not admit is left out (listed in {@link Result#excluded}).
 */
public final class SurvivalCurveAnalysis {

    /** Confidence level of every interval. */
    public static final double LEVEL = 0.95;

    private SurvivalCurveAnalysis() {}

    /**
     * The curves reconstructed, and the ones left out.
     *
     * @param sets     one per trial, endpoint, subgroup and cut with an admitted curve, in trial-file order
     * @param excluded curves left out, and why
     */
    public record Result(List<CurveSet> sets, List<Exclusion> excluded) {
        public Result {
            sets = List.copyOf(sets);
            excluded = List.copyOf(excluded);
        }
    }

    /** What {@code reconstruct} does with its default options, as a fit's settings. */
    public static ReconstructFit.Settings settings(SurvivalAxis axis, CurveClicks clicks) {
        SurvivalScale scale = switch (axis) {
            case AUTO -> SurvivalScale.AUTO;
            case PROPORTION -> SurvivalScale.PROPORTION;
            case PERCENT -> SurvivalScale.PERCENT;
        };
        ClickStyle style = switch (clicks) {
            case AUTO -> ClickStyle.AUTO;
            case CORNERS -> ClickStyle.CORNERS;
            case FEET -> ClickStyle.FEET;
        };
        return new ReconstructFit.Settings(scale, style, DigitisingTolerance.DEFAULT, false, LEVEL, null, 0, 1,
                ReconstructionBootstrap.ErrorModel.DEFAULT);
    }

    /**
     * Reconstructs every admitted curve of {@code repo}.
     *
     * @throws InputException naming the points file, line and rule when a curve cannot be interpreted
     */
    public static Result run(TrialRepository repo, StatusFilter filter) {
        List<CurveSet> sets = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Trial t : repo.trials()) {
            Map<String, List<SurvivalCurve>> figures = new LinkedHashMap<>();
            for (SurvivalCurve c : t.curves()) {
                if (!filter.admits(c.provenance())) {
                    excluded.add(new Exclusion("reconstructed survival curves", dataUse(t, c), "status "
                            + c.provenance().status().name().toLowerCase(Locale.ROOT) + " not admitted (admitted: "
                            + filter.describe() + ")"));
                    continue;
                }
                figures.computeIfAbsent(c.endpoint() + "\u0000" + c.subgroup() + "\u0000" + c.cut(),
                        k -> new ArrayList<>()).add(c);
            }
            for (List<SurvivalCurve> curves : figures.values()) {
                sets.add(set(t, curves));
            }
        }
        return new Result(sets, excluded);
    }

    private static DataUse dataUse(Trial t, SurvivalCurve c) {
        AnalysisCut cut = t.cut(c.cut()).orElseThrow();
        var date = c.provenance().cutoff().or(cut::cutoff).orElse(null);
        return new DataUse(t.id(), t.name(), c.arm(), c.subgroup(), c.cut(), cut.label(),
                date == null ? null : date.toString(), c.endpoint().name() + " curve",
                c.provenance().status().name().toLowerCase(Locale.ROOT), c.provenance().source(),
                c.provenance().locator().orElse(null));
    }

    private static CurveSet set(Trial t, List<SurvivalCurve> curves) {
        List<SurvivalCurve> ordered = new ArrayList<>(curves);
        // trial-file arm order
        Map<String, Integer> armOrder = new HashMap<>();
        for (int i = 0; i < t.arms().size(); i++) {
            armOrder.put(t.arms().get(i).id(), i);
        }
        ordered.sort(java.util.Comparator.comparing(c -> armOrder.get(c.arm())));
        String rule = null;
        if (ordered.size() == 2) {
            int ref = 0;
            rule = "first arm listed in the trial file (no arm is marked control)";
            for (int i = 0; i < 2; i++) {
                if (t.arm(ordered.get(i).arm()).orElseThrow().control()) {
                    ref = i;
                    rule = "control arm";
                }
            }
            SurvivalCurve reference = ordered.get(ref);
            ordered = List.of(ordered.get(1 - ref), reference);
        }
        SurvivalCurve first = ordered.get(0);
        TimeUnit unit = first.unit();
        List<CurveSet.Arm> arms = new ArrayList<>();
        List<ReconstructInput> inputs = new ArrayList<>();
        Map<String, ReportedFigures.Value> medians = new HashMap<>();
        for (SurvivalCurve c : ordered) {
            Optional<TimeToEventOutcome> out = outcome(t, c.arm(), c);
            Optional<CurveSet.Reported> med = out.flatMap(o -> median(o, unit));
            String name = t.arm(c.arm()).orElseThrow().name();
            arms.add(new CurveSet.Arm(c.arm(), name, c, med, out));
            med.ifPresent(m -> medians.put(c.arm(), new ReportedFigures.Value(m.estimate(), m.lower(), m.upper())));
            inputs.add(input(c));
        }
        Optional<CurveSet.Reported> hr = Optional.empty();
        boolean flipped = false;
        if (ordered.size() == 2) {
            hr = hazardRatio(t, ordered.get(0), ordered.get(1).arm(), false);
            if (hr.isEmpty()) {
                hr = hazardRatio(t, ordered.get(1), ordered.get(0).arm(), true);
                flipped = hr.isPresent();
            }
        }
        ReportedFigures reported = new ReportedFigures(hr.map(h -> new ReportedFigures.Value(h.estimate(), h.lower(),
                h.upper())).orElse(null), medians);
        ReconstructFit fit;
        try {
            fit = ReconstructFit.of(inputs, settings(first.scale(), first.clicks()), reported);
        } catch (InputException e) {
            throw new InputException(t.id() + ": curves " + first.endpoint() + " " + first.subgroup() + " "
                    + first.cut() + ": " + e.getMessage());
        }
        AnalysisCut cut = t.cut(first.cut()).orElseThrow();
        return new CurveSet(t.id(), t.name(), first.endpoint(), first.subgroup(),
                t.subgroup(first.subgroup()).orElseThrow().name(), first.cut(), cut.label(), unit, arms, rule, fit, hr,
                flipped);
    }

    /**
     * The curve as {@code reconstruct} reads it: the points file's bytes through {@link DigitiserCsv}, the at-risk
     * table as a two-column table named after the trial file's entry.
     */
    static ReconstructInput input(SurvivalCurve c) {
        DigitiserCsv.Read points = DigitiserCsv.parse(c.file().display(), c.file().content(), DigitiserCsv.Kind.CURVE);
        NumbersAtRisk r = c.atRiskTable();
        double[] time = r.time();
        int[] count = r.count();
        List<List<String>> rows = new ArrayList<>();
        int[] lines = new int[time.length];
        for (int i = 0; i < time.length; i++) {
            rows.add(List.of(Double.toString(time[i]), Integer.toString(count[i])));
            lines[i] = i + 1;
        }
        String name = c.atRisk().isPresent() ? "atRisk of the " + c.arm() + " " + c.endpoint() + " curve"
                : "n of the " + c.arm() + " " + c.endpoint() + " curve";
        CsvTable table = CsvTable.of(name, List.of("time", "n_risk"), rows, lines);
        DigitiserCsv.Read risk = new DigitiserCsv.Read(table, "time", "n_risk", "trial file");
        return ReconstructInput.of(c.arm(), points, risk, c.events().orElse(null), "events of the " + c.arm() + " "
                + c.endpoint() + " curve");
    }

    /** The arm's time-to-event outcome of the curve's endpoint, subgroup and cut. */
    private static Optional<TimeToEventOutcome> outcome(Trial t, String arm, SurvivalCurve c) {
        for (Outcome o : t.arm(arm).orElseThrow().outcomes()) {
            if (o instanceof TimeToEventOutcome tte && tte.endpoint() == c.endpoint()
                    && tte.subgroup().equals(c.subgroup()) && tte.cut().equals(c.cut())) {
                return Optional.of(tte);
            }
        }
        return Optional.empty();
    }

    private static Optional<CurveSet.Reported> median(TimeToEventOutcome o, TimeUnit unit) {
        if (o.median().state() == EstimateState.NOT_REPORTED) {
            return Optional.empty();
        }
        Double m = o.median().hasValue() ? o.median().in(unit).getAsDouble() : null;
        Double lo = null;
        Double hi = null;
        Double level = null;
        if (o.ci().isPresent()) {
            lo = o.ci().get().lower().hasValue() ? o.ci().get().lower().in(unit).getAsDouble() : null;
            hi = o.ci().get().upper().hasValue() ? o.ci().get().upper().in(unit).getAsDouble() : null;
            level = o.ci().get().level();
        }
        return Optional.of(new CurveSet.Reported(m, lo, hi, level,
                o.provenance().status().name().toLowerCase(Locale.ROOT), o.provenance().source(),
                o.provenance().locator().orElse(null)));
    }

    /** The HR reported on {@code c}'s arm against {@code comparator}; inverted when {@code invert}. */
    private static Optional<CurveSet.Reported> hazardRatio(Trial t, SurvivalCurve c, String comparator, boolean invert) {
        Optional<TimeToEventOutcome> o = outcome(t, c.arm(), c);
        if (o.isEmpty() || o.get().hazardRatio().isEmpty() || !o.get().hazardRatio().get().comparator()
                .equals(comparator)) {
            return Optional.empty();
        }
        HazardRatio h = o.get().hazardRatio().get();
        Double lo = h.ci().map(HazardRatio.RatioInterval::lower).orElse(null);
        Double hi = h.ci().map(HazardRatio.RatioInterval::upper).orElse(null);
        Double level = h.ci().map(HazardRatio.RatioInterval::level).orElse(null);
        var p = o.get().provenance();
        String status = p.status().name().toLowerCase(Locale.ROOT);
        if (invert) {
            return Optional.of(new CurveSet.Reported(1 / h.value(), hi == null ? null : 1 / hi,
                    lo == null ? null : 1 / lo, level, status, p.source(), p.locator().orElse(null)));
        }
        return Optional.of(new CurveSet.Reported(h.value(), lo, hi, level, status, p.source(), p.locator().orElse(null)));
    }
}

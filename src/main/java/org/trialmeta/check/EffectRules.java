package org.trialmeta.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.HazardRatio;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.TimeEstimate;
import org.trialmeta.model.TimeToEventEndpoint;
import org.trialmeta.model.TimeToEventOutcome;

/**
 * The rules of issue 19 on a trial file's figures, with the arithmetic shared with {@code scan}
 * ({@link RatioVerdicts}, {@link ResponseVerdicts}, {@link TimeVerdicts}): {@link Rule#ESTIMATE_IN_CI},
 * {@link Rule#RATIO_CI_SYMMETRY} and {@link Rule#P_FROM_CI} on hazard ratios; {@link Rule#MEDIAN_VS_HR} against
 * the comparator arm's median; {@link Rule#RESPONSE_SUM} over CR, PR, ORR and DCR of one arm, population and cut;
 * {@link Rule#TIME_ORDER} between PFS-like endpoints and OS.
 */
final class EffectRules {

    private EffectRules() {}

    /** Hazard-ratio rules and median vs HR for one time-to-event outcome. */
    static void hazardRatio(Collector c, LocatedOutcome<TimeToEventOutcome> lo) {
        TimeToEventOutcome t = lo.outcome();
        if (t.hazardRatio().isEmpty()) {
            return;
        }
        HazardRatio h = t.hazardRatio().get();
        String f = Collector.field(lo) + ".hazardRatio";
        List<String> src = Collector.sourcesOf(t);
        String name = "HR vs " + h.comparator();
        Printed r = Printed.of(h.value());
        Printed l = null;
        Printed u = null;
        double level = 95;
        if (h.ci().isPresent()) {
            HazardRatio.RatioInterval ci = h.ci().get();
            l = Printed.of(ci.lower());
            u = Printed.of(ci.upper());
            level = ci.level();
            RatioVerdicts.estimateInCi(name, r, l, u, level).ifPresent(v -> c.add(v, lo.trial(), f, src));
            RatioVerdicts.symmetry(name, true, r, l, u, level).ifPresent(v -> c.add(v, lo.trial(), f, src));
            if (h.p().isPresent()) {
                RatioVerdicts.pFromCi(name, r, l, u, level, ReportedP.of(h.p().get()))
                        .ifPresent(v -> c.add(v, lo.trial(), f + ".p", src));
            }
        }
        Optional<LocatedOutcome<TimeToEventOutcome>> other = sameCell(c, lo, h.comparator(), t.endpoint());
        if (other.isPresent()) {
            List<String> both = new ArrayList<>(src);
            both.addAll(Collector.sourcesOf(other.get().outcome()));
            TimeVerdicts.medianVsHr(t.endpoint().name(), median(t.median()), median(other.get().outcome().median()), r,
                    l, u, level, h.p().map(ReportedP::of).orElse(null)).ifPresent(v -> c.add(v, lo.trial(), f, both));
        }
    }

    /** PFS, EFS and TTP medians against the OS median of the same arm, population and cut. */
    static void timeOrder(Collector c) {
        for (LocatedOutcome<TimeToEventOutcome> lo : c.repo().outcomes(TimeToEventOutcome.class)) {
            TimeToEventEndpoint e = lo.outcome().endpoint();
            if (e != TimeToEventEndpoint.PFS && e != TimeToEventEndpoint.EFS && e != TimeToEventEndpoint.TTP) {
                continue;
            }
            sameCell(c, lo, lo.arm().id(), TimeToEventEndpoint.OS).ifPresent(os -> {
                List<String> src = new ArrayList<>(Collector.sourcesOf(lo.outcome()));
                src.addAll(Collector.sourcesOf(os.outcome()));
                TimeVerdicts.pfsWithinOs(e.name(), median(lo.outcome().median()), median(os.outcome().median()))
                        .ifPresent(v -> c.add(v, lo.trial(), Collector.field(lo), src));
            });
        }
    }

    /** CR + PR = ORR and DCR ≥ ORR over the binary outcomes of one arm, population and cut. */
    static void responseSum(Collector c) {
        Map<String, Map<BinaryEndpoint, LocatedOutcome<BinaryOutcome>>> cells = new LinkedHashMap<>();
        for (LocatedOutcome<BinaryOutcome> o : c.repo().outcomes(BinaryOutcome.class)) {
            String key = o.trial().id() + "\u0000" + o.arm().id() + "\u0000" + o.subgroup().id() + "\u0000" + o.cut().id();
            cells.computeIfAbsent(key, k -> new EnumMap<>(BinaryEndpoint.class)).putIfAbsent(o.outcome().endpoint(), o);
        }
        for (Map<BinaryEndpoint, LocatedOutcome<BinaryOutcome>> cell : cells.values()) {
            LocatedOutcome<BinaryOutcome> orr = cell.get(BinaryEndpoint.ORR);
            if (orr == null) {
                continue;
            }
            LocatedOutcome<BinaryOutcome> cr = cell.get(BinaryEndpoint.CR);
            LocatedOutcome<BinaryOutcome> pr = cell.get(BinaryEndpoint.PR);
            if (cr != null && pr != null && sameDenominator(List.of(cr, pr, orr))) {
                ResponseVerdicts.crPrOrr(part(cr), part(pr), part(orr))
                        .ifPresent(v -> c.add(v, orr.trial(), Collector.field(orr), sources(cr, pr, orr)));
            }
            LocatedOutcome<BinaryOutcome> dcr = cell.get(BinaryEndpoint.DCR);
            if (dcr != null && sameDenominator(List.of(dcr, orr))) {
                ResponseVerdicts.dcrAtLeastOrr(part(dcr), part(orr))
                        .ifPresent(v -> c.add(v, orr.trial(), Collector.field(dcr), sources(dcr, orr)));
            }
        }
    }

    /**
     * The first time-to-event outcome (in file order) of {@code endpoint} for arm {@code armId} in {@code lo}'s trial,
     * population and cut. Looked up in an index built once per run: a scan of every outcome for each outcome made
     * {@code check} quadratic (8,000 trial files: 130 s, against 4.4 s for 2,000).
     */
    private static Optional<LocatedOutcome<TimeToEventOutcome>> sameCell(Collector c, LocatedOutcome<?> lo, String armId,
            TimeToEventEndpoint endpoint) {
        Map<String, LocatedOutcome<TimeToEventOutcome>> cells = c.memo("time-to-event-cells", () -> {
            Map<String, LocatedOutcome<TimeToEventOutcome>> m = new HashMap<>();
            for (LocatedOutcome<TimeToEventOutcome> o : c.repo().outcomes(TimeToEventOutcome.class)) {
                m.putIfAbsent(cell(o, o.arm().id(), o.outcome().endpoint()), o);
            }
            return m;
        });
        return Optional.ofNullable(cells.get(cell(lo, armId, endpoint)));
    }

    /** Trial, arm, population, cut and endpoint of a cell (ids are unique within their trial). */
    private static String cell(LocatedOutcome<?> lo, String armId, TimeToEventEndpoint endpoint) {
        return lo.trial().id() + "\u0000" + armId + "\u0000" + lo.subgroup().id() + "\u0000" + lo.cut().id() + "\u0000"
                + endpoint;
    }

    static TimeVerdicts.Median median(TimeEstimate e) {
        return TimeVerdicts.Median.of(e.hasValue() ? Printed.of(e.value().getAsDouble()) : null, e.unit());
    }

    /** Evaluable counts known for all and equal (or unknown for all: then the percentages are compared as printed). */
    private static boolean sameDenominator(List<LocatedOutcome<BinaryOutcome>> outcomes) {
        Integer n = null;
        for (LocatedOutcome<BinaryOutcome> o : outcomes) {
            OptionalInt e = BinaryRules.evaluable(o.outcome());
            if (e.isEmpty()) {
                continue;
            }
            if (n != null && n != e.getAsInt()) {
                return false;
            }
            n = e.getAsInt();
        }
        return true;
    }

    private static ResponseVerdicts.Part part(LocatedOutcome<BinaryOutcome> o) {
        BinaryOutcome b = o.outcome();
        return new ResponseVerdicts.Part(b.counts().map(k -> k.responders()).orElse(null),
                b.reported().map(r -> Printed.of(r.percent().value())).orElse(null));
    }

    @SafeVarargs
    private static List<String> sources(LocatedOutcome<? extends Outcome>... outcomes) {
        List<String> out = new ArrayList<>();
        for (LocatedOutcome<? extends Outcome> o : outcomes) {
            for (String s : Collector.sourcesOf(o.outcome())) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

}

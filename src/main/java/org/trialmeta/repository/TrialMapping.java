package org.trialmeta.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.Arm;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.Biomarker;
import org.trialmeta.model.BiomarkerChange;
import org.trialmeta.model.BiomarkerStatus;
import org.trialmeta.model.Compartment;
import org.trialmeta.model.Direction;
import org.trialmeta.model.EstimateState;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.HazardRatio;
import org.trialmeta.model.PValue;
import org.trialmeta.model.Intervention;
import org.trialmeta.model.Magnitude;
import org.trialmeta.model.MagnitudeUnit;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Percent;
import org.trialmeta.model.PercentInterval;
import org.trialmeta.model.Phase;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.ReportedProportion;
import org.trialmeta.model.ResponseCount;
import org.trialmeta.model.Setting;
import org.trialmeta.model.Source;
import org.trialmeta.model.SourceKind;
import org.trialmeta.model.Subgroup;
import org.trialmeta.model.TimeEstimate;
import org.trialmeta.model.TimeInterval;
import org.trialmeta.model.TimeToEventEndpoint;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.TimeUnit;
import org.trialmeta.model.Trial;
import org.trialmeta.model.CurveClicks;
import org.trialmeta.model.CurveFile;
import org.trialmeta.model.Digitisation;
import org.trialmeta.model.NumbersAtRisk;
import org.trialmeta.model.SurvivalAxis;
import org.trialmeta.model.SurvivalCurve;
import org.trialmeta.repository.TrialDtos.AtRiskDto;
import org.trialmeta.repository.TrialDtos.CurveDto;
import org.trialmeta.repository.TrialDtos.DigitisationDto;
import org.trialmeta.repository.TrialDtos.ArmDto;
import org.trialmeta.repository.TrialDtos.BinaryDto;
import org.trialmeta.repository.TrialDtos.BiomarkerChangeDto;
import org.trialmeta.repository.TrialDtos.BiomarkerDto;
import org.trialmeta.repository.TrialDtos.CutDto;
import org.trialmeta.repository.TrialDtos.HazardRatioDto;
import org.trialmeta.repository.TrialDtos.InterventionDto;
import org.trialmeta.repository.TrialDtos.MagnitudeDto;
import org.trialmeta.repository.TrialDtos.OutcomeDto;
import org.trialmeta.repository.TrialDtos.PercentCiDto;
import org.trialmeta.repository.TrialDtos.ProvenanceDto;
import org.trialmeta.repository.TrialDtos.RatioCiDto;
import org.trialmeta.repository.TrialDtos.ReportedDto;
import org.trialmeta.repository.TrialDtos.SourceDto;
import org.trialmeta.repository.TrialDtos.SubgroupDto;
import org.trialmeta.repository.TrialDtos.TimeCiDto;
import org.trialmeta.repository.TrialDtos.TimeRangeDto;
import org.trialmeta.repository.TrialDtos.TimeToEventDto;
import org.trialmeta.repository.TrialDtos.TrialDto;

/**
 * Converts validated {@link TrialDtos} into model records and back (the reverse is what
 * {@code show --format yaml|json} prints, in the same schema as the input files).
 */
public final class TrialMapping {
    private TrialMapping() {}

    // ---------------------------------------------------------------- DTO -> record

    static Source toSource(SourceDto d) {
        return new Source(d.id, d.citation, Enums.parse(SourceKind.class, d.kind), opt(d.doi), opt(d.pmid), opt(d.url),
                opt(d.note), opt(d.published));
    }

    static Trial toTrial(TrialDto d) {
        return toTrial(d, List.of());
    }

    /** The trial, with {@code curveFiles} the points files of its curves in order (read by {@link CurveFiles}). */
    static Trial toTrial(TrialDto d, List<CurveFile> curveFiles) {
        List<Subgroup> subgroups = new ArrayList<>();
        for (SubgroupDto s : d.subgroups) {
            Optional<Biomarker> b = s.biomarker == null ? Optional.empty()
                    : Optional.of(new Biomarker(s.biomarker.name, Enums.parse(BiomarkerStatus.class, s.biomarker.status),
                            opt(s.biomarker.definition)));
            subgroups.add(new Subgroup(s.id, s.name, b));
        }
        List<AnalysisCut> cuts = new ArrayList<>();
        for (CutDto c : d.cuts) {
            cuts.add(new AnalysisCut(c.id, c.label, Optional.ofNullable(c.cutoff).map(Enums::date),
                    Optional.ofNullable(c.provenance).map(TrialMapping::provenance), opt(c.note)));
        }
        List<Arm> arms = new ArrayList<>();
        for (ArmDto a : d.arms) {
            List<Intervention> interventions = new ArrayList<>();
            for (InterventionDto i : a.interventions) {
                interventions.add(new Intervention(i.agent, opt(i.dose), opt(i.schedule)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (OutcomeDto o : a.outcomes) {
                outcomes.add(outcome(o));
            }
            arms.add(new Arm(a.id, a.name, interventions, Optional.ofNullable(a.n), outcomes, opt(a.note),
                    Boolean.TRUE.equals(a.control)));
        }
        return new Trial(d.id, d.name, d.registryIds == null ? List.of() : d.registryIds,
                Enums.parse(Phase.class, d.phase), d.design, Enums.parse(Setting.class, d.setting), d.species,
                opt(d.modelSystem), d.indication, d.sources, subgroups, cuts, arms, opt(d.note),
                curves(d.curves, curveFiles));
    }

    private static List<SurvivalCurve> curves(List<CurveDto> dtos, List<CurveFile> files) {
        List<SurvivalCurve> out = new ArrayList<>();
        for (int i = 0; dtos != null && i < dtos.size(); i++) {
            CurveDto c = dtos.get(i);
            Optional<NumbersAtRisk> risk = Optional.empty();
            if (c.atRisk != null) {
                double[] t = c.atRisk.time.stream().mapToDouble(Double::doubleValue).toArray();
                int[] n = c.atRisk.n.stream().mapToInt(Integer::intValue).toArray();
                risk = Optional.of(new NumbersAtRisk(t, n));
            }
            Digitisation dig = new Digitisation(c.digitisation.by, c.digitisation.tool, Enums.date(c.digitisation.date),
                    opt(c.digitisation.note));
            out.add(new SurvivalCurve(c.arm, Enums.parse(TimeToEventEndpoint.class, c.endpoint), c.subgroup, c.cut,
                    Enums.parse(TimeUnit.class, c.unit), files.get(i),
                    c.scale == null ? SurvivalAxis.AUTO : Enums.parse(SurvivalAxis.class, c.scale),
                    c.clicks == null ? CurveClicks.AUTO : Enums.parse(CurveClicks.class, c.clicks), risk,
                    Optional.ofNullable(c.n), Optional.ofNullable(c.events), provenance(c.provenance), dig, opt(c.note)));
        }
        return out;
    }

    private static Outcome outcome(OutcomeDto o) {
        Provenance prov = provenance(o.provenance);
        if (o instanceof BinaryDto b) {
            Optional<ResponseCount> counts = b.responders == null ? Optional.empty()
                    : Optional.of(new ResponseCount(b.responders, b.evaluable));
            Optional<ReportedProportion> reported = Optional.empty();
            if (b.reported != null) {
                ReportedDto r = b.reported;
                Optional<PercentInterval> ci = r.ci == null ? Optional.empty()
                        : Optional.of(new PercentInterval(new Percent(r.ci.lower), new Percent(r.ci.upper), r.ci.level));
                reported = Optional.of(new ReportedProportion(new Percent(r.percent), ci, Optional.ofNullable(r.n),
                        r.provenance == null ? prov : provenance(r.provenance)));
            }
            return new BinaryOutcome(Enums.parse(BinaryEndpoint.class, b.endpoint), b.subgroup, b.cut, counts, reported,
                    opt(b.criteria), Optional.ofNullable(b.confirmed), prov, opt(b.note));
        }
        if (o instanceof TimeToEventDto t) {
            TimeUnit unit = Enums.parse(TimeUnit.class, t.unit);
            Optional<TimeInterval> ci = t.ci == null ? Optional.empty()
                    : Optional.of(new TimeInterval(time(t.ci.lower, unit), time(t.ci.upper, unit), t.ci.level));
            Optional<TimeInterval> range = t.range == null ? Optional.empty()
                    : Optional.of(new TimeInterval(time(t.range.min, unit), time(t.range.max, unit), 0));
            Optional<HazardRatio> hr = Optional.empty();
            if (t.hazardRatio != null) {
                HazardRatioDto h = t.hazardRatio;
                hr = Optional.of(new HazardRatio(h.value, h.ci == null ? Optional.empty()
                        : Optional.of(new HazardRatio.RatioInterval(h.ci.lower, h.ci.upper, h.ci.level)),
                        Optional.ofNullable(h.p == null ? null : TrialDtos.Values.pValue(h.p)), h.comparator));
            }
            return new TimeToEventOutcome(Enums.parse(TimeToEventEndpoint.class, t.endpoint), t.subgroup, t.cut,
                    time(t.median, unit), ci, range, Optional.ofNullable(t.events), Optional.ofNullable(t.n), hr, prov,
                    opt(t.note));
        }
        if (o instanceof BiomarkerChangeDto b) {
            Optional<Magnitude> m = b.magnitude == null ? Optional.empty()
                    : Optional.of(new Magnitude(b.magnitude.value, Enums.parse(MagnitudeUnit.class, b.magnitude.unit)));
            return new BiomarkerChange(b.marker, Enums.parse(Compartment.class, b.compartment),
                    Enums.parse(Direction.class, b.direction), m, b.subgroup, b.cut, prov, opt(b.note));
        }
        throw new IllegalArgumentException("kind: missing (outcome of unknown kind)");
    }

    private static TimeEstimate time(Object v, TimeUnit unit) {
        String state = TrialDtos.Values.state(v);
        if (TrialDtos.NOT_REACHED.equals(state)) {
            return TimeEstimate.notReached(unit);
        }
        if (TrialDtos.NOT_REPORTED.equals(state)) {
            return TimeEstimate.notReported(unit);
        }
        return TimeEstimate.of(((Number) v).doubleValue(), unit);
    }

    private static Provenance provenance(ProvenanceDto p) {
        return new Provenance(p.source, opt(p.locator), Optional.ofNullable(p.cutoff).map(Enums::date),
                Enums.parse(EvidenceStatus.class, p.status), p.derivedFrom == null ? List.of() : p.derivedFrom,
                opt(p.method), opt(p.note));
    }

    private static Optional<String> opt(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    // ---------------------------------------------------------------- record -> DTO

    /** The source in the YAML schema of {@code sources.yaml}. */
    public static SourceDto toDto(Source s) {
        SourceDto d = new SourceDto();
        d.id = s.id();
        d.citation = s.citation();
        d.kind = Enums.text(s.kind());
        d.doi = s.doi().orElse(null);
        d.pmid = s.pmid().orElse(null);
        d.url = s.url().orElse(null);
        d.note = s.note().orElse(null);
        d.published = s.published().orElse(null);
        return d;
    }

    /** The trial in the YAML schema of a trial file (loading it again gives an equal record). */
    public static TrialDto toDto(Trial t) {
        TrialDto d = new TrialDto();
        d.id = t.id();
        d.name = t.name();
        d.registryIds = t.registryIds().isEmpty() ? null : t.registryIds();
        d.phase = Enums.text(t.phase());
        d.design = t.design();
        d.setting = Enums.text(t.setting());
        d.species = t.species();
        d.modelSystem = t.modelSystem().orElse(null);
        d.indication = t.indication();
        d.sources = t.sources();
        d.note = t.note().orElse(null);
        d.subgroups = new ArrayList<>();
        for (Subgroup s : t.subgroups()) {
            SubgroupDto sd = new SubgroupDto();
            sd.id = s.id();
            sd.name = s.name();
            s.biomarker().ifPresent(b -> {
                sd.biomarker = new BiomarkerDto();
                sd.biomarker.name = b.name();
                sd.biomarker.status = Enums.text(b.status());
                sd.biomarker.definition = b.definition().orElse(null);
            });
            d.subgroups.add(sd);
        }
        d.cuts = new ArrayList<>();
        for (AnalysisCut c : t.cuts()) {
            CutDto cd = new CutDto();
            cd.id = c.id();
            cd.label = c.label();
            cd.cutoff = c.cutoff().map(Object::toString).orElse(null);
            cd.provenance = c.provenance().map(TrialMapping::toDto).orElse(null);
            cd.note = c.note().orElse(null);
            d.cuts.add(cd);
        }
        d.arms = new ArrayList<>();
        for (Arm a : t.arms()) {
            ArmDto ad = new ArmDto();
            ad.id = a.id();
            ad.name = a.name();
            ad.control = a.control() ? Boolean.TRUE : null;
            ad.n = a.n().orElse(null);
            ad.interventions = new ArrayList<>();
            for (Intervention i : a.interventions()) {
                InterventionDto id = new InterventionDto();
                id.agent = i.agent();
                id.dose = i.dose().orElse(null);
                id.schedule = i.schedule().orElse(null);
                ad.interventions.add(id);
            }
            ad.note = a.note().orElse(null);
            ad.outcomes = new ArrayList<>();
            for (Outcome o : a.outcomes()) {
                ad.outcomes.add(toDto(o));
            }
            d.arms.add(ad);
        }
        if (!t.curves().isEmpty()) {
            d.curves = new ArrayList<>();
            for (SurvivalCurve c : t.curves()) {
                d.curves.add(toDto(c));
            }
        }
        return d;
    }

    private static CurveDto toDto(SurvivalCurve c) {
        CurveDto d = new CurveDto();
        d.arm = c.arm();
        d.endpoint = c.endpoint().name();
        d.subgroup = c.subgroup();
        d.cut = c.cut();
        d.unit = Enums.text(c.unit());
        d.file = c.file().path();
        d.scale = c.scale() == SurvivalAxis.AUTO ? null : Enums.text(c.scale());
        d.clicks = c.clicks() == CurveClicks.AUTO ? null : Enums.text(c.clicks());
        c.atRisk().ifPresent(r -> {
            d.atRisk = new AtRiskDto();
            d.atRisk.time = java.util.Arrays.stream(r.time()).boxed().toList();
            d.atRisk.n = java.util.Arrays.stream(r.count()).boxed().toList();
        });
        d.n = c.n().orElse(null);
        d.events = c.events().orElse(null);
        d.provenance = toDto(c.provenance());
        d.digitisation = new DigitisationDto();
        d.digitisation.by = c.digitisation().by();
        d.digitisation.tool = c.digitisation().tool();
        d.digitisation.date = c.digitisation().date().toString();
        d.digitisation.note = c.digitisation().note().orElse(null);
        d.note = c.note().orElse(null);
        return d;
    }

    private static OutcomeDto toDto(Outcome o) {
        OutcomeDto out;
        if (o instanceof BinaryOutcome b) {
            BinaryDto d = new BinaryDto();
            d.endpoint = b.endpoint().name();
            b.counts().ifPresent(c -> {
                d.responders = c.responders();
                d.evaluable = c.evaluable();
            });
            d.criteria = b.criteria().orElse(null);
            d.confirmed = b.confirmed().orElse(null);
            b.reported().ifPresent(r -> {
                ReportedDto rd = new ReportedDto();
                rd.percent = r.percent().value();
                r.ci().ifPresent(ci -> {
                    rd.ci = new PercentCiDto();
                    rd.ci.lower = ci.lower().value();
                    rd.ci.upper = ci.upper().value();
                    rd.ci.level = ci.level();
                });
                rd.n = r.n().orElse(null);
                rd.provenance = r.provenance().equals(b.provenance()) ? null : toDto(r.provenance());
                d.reported = rd;
            });
            out = d;
        } else if (o instanceof TimeToEventOutcome t) {
            TimeToEventDto d = new TimeToEventDto();
            d.endpoint = t.endpoint().name();
            d.unit = Enums.text(t.unit());
            d.median = time(t.median());
            t.ci().ifPresent(ci -> {
                d.ci = new TimeCiDto();
                d.ci.lower = time(ci.lower());
                d.ci.upper = time(ci.upper());
                d.ci.level = ci.level();
            });
            t.range().ifPresent(r -> {
                d.range = new TimeRangeDto();
                d.range.min = time(r.lower());
                d.range.max = time(r.upper());
            });
            d.events = t.events().orElse(null);
            d.n = t.n().orElse(null);
            t.hazardRatio().ifPresent(h -> {
                d.hazardRatio = new HazardRatioDto();
                d.hazardRatio.value = h.value();
                h.ci().ifPresent(ci -> {
                    d.hazardRatio.ci = new RatioCiDto();
                    d.hazardRatio.ci.lower = ci.lower();
                    d.hazardRatio.ci.upper = ci.upper();
                    d.hazardRatio.ci.level = ci.level();
                });
                h.p().ifPresent(pv -> d.hazardRatio.p = pv.relation() == PValue.Relation.EQUAL
                        ? (Object) pv.value() : pv.toString());
                d.hazardRatio.comparator = h.comparator();
            });
            out = d;
        } else {
            BiomarkerChange b = (BiomarkerChange) o;
            BiomarkerChangeDto d = new BiomarkerChangeDto();
            d.marker = b.marker();
            d.compartment = Enums.text(b.compartment());
            d.direction = Enums.text(b.direction());
            b.magnitude().ifPresent(m -> {
                d.magnitude = new MagnitudeDto();
                d.magnitude.value = m.value();
                d.magnitude.unit = Enums.text(m.unit());
            });
            out = d;
        }
        out.subgroup = o.subgroup();
        out.cut = o.cut();
        out.provenance = toDto(o.provenance());
        out.note = o.note().orElse(null);
        return out;
    }

    private static Object time(TimeEstimate e) {
        if (e.state() == EstimateState.VALUE) {
            OptionalDouble v = e.value();
            return v.getAsDouble();
        }
        return Enums.text(e.state());
    }

    private static ProvenanceDto toDto(Provenance p) {
        ProvenanceDto d = new ProvenanceDto();
        d.source = p.source();
        d.locator = p.locator().orElse(null);
        d.cutoff = p.cutoff().map(Object::toString).orElse(null);
        d.status = Enums.text(p.status());
        d.derivedFrom = p.derivedFrom().isEmpty() ? null : p.derivedFrom();
        d.method = p.method().orElse(null);
        d.note = p.note().orElse(null);
        return d;
    }
}

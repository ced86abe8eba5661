package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.Arm;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.BiomarkerChange;
import org.trialmeta.model.Magnitude;
import org.trialmeta.model.MagnitudeUnit;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.PercentInterval;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.TimeEstimate;
import org.trialmeta.model.TimeInterval;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;

/**
 * The text forms of the curated trials: the {@code list} table and the {@code show} page. Curated numbers are
 * echoed as the curator typed them ({@link Formats#general(double)}).
 */
public final class TrialText {

    private TrialText() {}

    /** "4 trials, 29 outcomes, 15 sources: OK": what {@code validate} prints for a valid directory. */
    public static String validated(TrialRepository repo) {
        int curves = repo.trials().stream().mapToInt(t -> t.curves().size()).sum();
        return repo.trials().size() + " trials, " + repo.outcomeCount() + " outcomes, " + repo.sources().size()
                + " sources" + (curves > 0 ? ", " + curves + " digitised curves (reconstructed)" : "") + ": OK\n";
    }

    /** One row per trial: study, phase, setting, indication, arms, subgroups, endpoints, outcomes, counts per status. */
    public static String list(List<TrialSummary> trials) {
        List<String> columns = new ArrayList<>(List.of("study", "phase", "setting", "indication", ">arms", "subgroups",
                "endpoints", ">outcomes"));
        TrialSummary.statuses().forEach(s -> columns.add(">" + s));
        TextTable table = new TextTable(columns.toArray(String[]::new));
        for (TrialSummary s : trials) {
            List<Object> row = new ArrayList<>(List.of(s.id(), s.phase(), s.setting(), s.indication(), s.arms(),
                    String.join(", ", s.subgroups()), String.join(", ", s.endpoints()), s.outcomes()));
            TrialSummary.statuses().forEach(st -> row.add(s.statusCounts().get(st)));
            table.row(row.toArray());
        }
        return table.render();
    }

    /** One trial: its design lines, cuts and arms, then every outcome with its status and sources. */
    public static String show(Trial t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.id()).append(": ").append(t.name()).append('\n');
        if (!t.registryIds().isEmpty()) {
            sb.append("  registry:   ").append(String.join(", ", t.registryIds())).append('\n');
        }
        sb.append("  phase:      ").append(t.phase().label()).append(" (").append(lower(t.setting())).append(")\n");
        sb.append("  species:    ").append(t.species());
        t.modelSystem().ifPresent(m -> sb.append(", ").append(m));
        sb.append('\n');
        sb.append("  indication: ").append(t.indication()).append('\n');
        sb.append("  design:     ").append(t.design()).append('\n');
        sb.append("  sources:    ").append(String.join(", ", t.sources())).append('\n');
        t.note().ifPresent(n -> sb.append("  note:       ").append(n).append('\n'));
        for (AnalysisCut c : t.cuts()) {
            sb.append("  cut ").append(c.id()).append(": ").append(c.label());
            c.cutoff().ifPresent(d -> sb.append(", data cut-off ").append(d));
            sb.append('\n');
        }
        for (Arm a : t.arms()) {
            sb.append("  arm ").append(a.id()).append(": ").append(a.name());
            a.n().ifPresent(n -> sb.append(", n=").append(n));
            sb.append('\n');
        }
        sb.append('\n');
        TextTable table = new TextTable("arm", "subgroup", "cut", "endpoint", "value", "status", "source");
        for (Arm a : t.arms()) {
            for (Outcome o : a.outcomes()) {
                table.row(a.id(), o.subgroup(), o.cut(), o.label(), value(o), status(o), sources(o));
            }
        }
        return sb.append(table.render()).toString();
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** "25/57; reported 44% (95% CI 31-58)", "median 31.1 months (95% CI 14.8-31.1)", "decreased 75% (tumour)". */
    static String value(Outcome o) {
        if (o instanceof BinaryOutcome b) {
            StringBuilder sb = new StringBuilder();
            b.counts().ifPresent(c -> sb.append(c.responders()).append('/').append(c.evaluable()));
            b.reported().ifPresent(r -> {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append("reported ").append(Formats.general(r.percent().value())).append('%');
                r.ci().ifPresent(ci -> sb.append(" (").append(ci(ci)).append(')'));
                r.n().ifPresent(n -> sb.append(", n=").append(n));
            });
            return sb.toString();
        }
        if (o instanceof TimeToEventOutcome t) {
            StringBuilder sb = new StringBuilder("median ").append(time(t.median()));
            t.ci().ifPresent(ci -> sb.append(" (").append(Formats.general(ci.level())).append("% CI ").append(ends(ci))
                    .append(')'));
            t.range().ifPresent(r -> sb.append(", range ").append(ends(r)));
            t.hazardRatio().ifPresent(h -> sb.append(", HR ").append(Formats.general(h.value())).append(" vs ")
                    .append(h.comparator()));
            return sb.toString();
        }
        BiomarkerChange b = (BiomarkerChange) o;
        StringBuilder sb = new StringBuilder(lower(b.direction()));
        b.magnitude().ifPresent(m -> sb.append(' ').append(magnitude(m)));
        sb.append(" (").append(lower(b.compartment()).replace('_', ' ')).append(')');
        return sb.toString();
    }

    /** The size of a biomarker change: "75%" (of baseline), "2.5-fold". */
    public static String magnitude(Magnitude m) {
        return Formats.general(m.value()) + (m.unit() == MagnitudeUnit.PERCENT ? "%" : "-fold");
    }

    private static String ci(PercentInterval ci) {
        return Formats.general(ci.level()) + "% CI " + Formats.general(ci.lower().value()) + "-"
                + Formats.general(ci.upper().value());
    }

    private static String ends(TimeInterval i) {
        return end(i.lower()) + "-" + end(i.upper());
    }

    private static String end(TimeEstimate e) {
        return e.hasValue() ? Formats.general(e.value().getAsDouble()) : time(e);
    }

    /** "31.1 months", "not reached", "not reported". */
    private static String time(TimeEstimate e) {
        return switch (e.state()) {
            case VALUE -> Formats.general(e.value().getAsDouble()) + " " + lower(e.unit());
            case NOT_REACHED -> "not reached";
            case NOT_REPORTED -> "not reported";
        };
    }

    /** "secondary", or "derived; reported: unverified" when the reported figure's status differs. */
    static String status(Outcome o) {
        StringBuilder sb = new StringBuilder(lower(o.provenance().status()));
        if (o instanceof BinaryOutcome b && b.reported().isPresent()
                && !b.reported().get().provenance().equals(b.provenance())) {
            sb.append("; reported: ").append(lower(b.reported().get().provenance().status()));
        }
        return sb.toString();
    }

    /** Source ids of the outcome's provenances. */
    static String sources(Outcome o) {
        return String.join(", ", o.provenances().stream().map(Provenance::source).distinct().toList());
    }
}

package org.trialmeta.cli;

import java.util.Locale;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.BiomarkerChange;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.PercentInterval;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.TimeInterval;
import org.trialmeta.model.TimeToEventOutcome;

/** Text forms of model values for tables. */
final class Text {
    private Text() {}

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Double.toString(v);
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
                sb.append("reported ").append(num(r.percent().value())).append('%');
                r.ci().ifPresent(ci -> sb.append(" (").append(ci(ci)).append(')'));
                r.n().ifPresent(n -> sb.append(", n=").append(n));
            });
            return sb.toString();
        }
        if (o instanceof TimeToEventOutcome t) {
            StringBuilder sb = new StringBuilder("median ").append(t.median());
            t.ci().ifPresent(ci -> sb.append(" (").append(num(ci.level())).append("% CI ").append(ends(ci)).append(')'));
            t.range().ifPresent(r -> sb.append(", range ").append(ends(r)));
            t.hazardRatio().ifPresent(h -> sb.append(", HR ").append(num(h.value())).append(" vs ").append(h.comparator()));
            return sb.toString();
        }
        BiomarkerChange b = (BiomarkerChange) o;
        StringBuilder sb = new StringBuilder(lower(b.direction()));
        b.magnitude().ifPresent(m -> sb.append(' ').append(num(m.value()))
                .append(m.unit() == org.trialmeta.model.MagnitudeUnit.PERCENT ? "%" : "-fold"));
        sb.append(" (").append(lower(b.compartment()).replace('_', ' ')).append(')');
        return sb.toString();
    }

    private static String ci(PercentInterval ci) {
        return num(ci.level()) + "% CI " + num(ci.lower().value()) + "-" + num(ci.upper().value());
    }

    private static String ends(TimeInterval i) {
        return end(i.lower()) + "-" + end(i.upper());
    }

    private static String end(org.trialmeta.model.TimeEstimate e) {
        return e.hasValue() ? num(e.value().getAsDouble()) : e.toString();
    }

    /** "secondary", or "derived; reported: unverified" when the reported figure's status differs. */
    static String status(Outcome o) {
        StringBuilder sb = new StringBuilder(lower(o.provenance().status()));
        if (o instanceof BinaryOutcome b && b.reported().isPresent() && !b.reported().get().provenance().equals(b.provenance())) {
            Provenance r = b.reported().get().provenance();
            sb.append("; reported: ").append(lower(r.status()));
        }
        return sb.toString();
    }

    /** Source ids of the outcome's provenances. */
    static String sources(Outcome o) {
        return String.join(", ", o.provenances().stream().map(Provenance::source).distinct().toList());
    }
}

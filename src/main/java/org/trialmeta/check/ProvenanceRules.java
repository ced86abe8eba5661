package org.trialmeta.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.Setting;
import org.trialmeta.model.Source;
import org.trialmeta.model.SourceKind;
import org.trialmeta.model.Trial;

/**
 * Rules on provenance: {@link Rule#CUTOFF_DATE}, {@link Rule#UNCONFIRMED} and
 * {@link Rule#DERIVED_ARITHMETIC}. Nothing here reads the clock: the reference date is the latest
 * publication date found in the data, so the output is reproducible.
 */
final class ProvenanceRules {

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    /** "17% of 52 = 8.84, rounded to 9" or "25 + 9 = 34" or "34/109 = 31.2%". */
    private static final Pattern EQUATION = Pattern.compile(
            NUM + "\\s*%\\s*of\\s*" + NUM + "\\s*=\\s*" + NUM + "(?:\\s*,?\\s*rounded to\\s*" + NUM + ")?"
                    + "|" + NUM + "\\s*([-+\u2212*\u00d7/])\\s*" + NUM + "\\s*=\\s*" + NUM + "(\\s*%)?");

    private ProvenanceRules() {}

    // ---------------------------------------------------------------- cutoff-date

    /**
     * The latest date a source can have been published: its {@code published} date, or the last day of the
     * month or year it gives; empty when none is recorded. Only that field counts: a year or date in the
     * citation may be when the source was accessed or approved, not when it appeared (issue 15: "accessed
     * 2026" made a 2025 cut-off look earlier than it is).
     */
    static Optional<LocalDate> publishedBy(Source s) {
        return s.publishedBy();
    }

    static void cutoffs(Collector c) {
        Optional<LocalDate> reference = Optional.empty();
        String referenceSource = "";
        for (Source s : c.repo().sources()) {
            Optional<LocalDate> d = published(c, s);
            if (d.isPresent() && (reference.isEmpty() || d.get().isAfter(reference.get()))) {
                reference = d;
                referenceSource = s.id();
            }
        }
        // outcomes by cut, in one pass (before: every outcome filtered again for every cut of every trial)
        Map<AnalysisCut, List<LocatedOutcome<Outcome>>> byCut = new IdentityHashMap<>();
        for (LocatedOutcome<Outcome> o : c.repo().outcomes()) {
            byCut.computeIfAbsent(o.cut(), k -> new ArrayList<>()).add(o);
        }
        for (Trial t : c.repo().trials()) {
            for (AnalysisCut cut : t.cuts()) {
                checkCut(c, t, cut, byCut.getOrDefault(cut, List.of()), reference, referenceSource);
            }
        }
    }

    /** {@link #publishedBy} once per source and run. */
    private static Optional<LocalDate> published(Collector c, Source s) {
        Map<String, Optional<LocalDate>> memo = c.memo("published-by", HashMap::new);
        return memo.computeIfAbsent(s.id(), id -> publishedBy(s));
    }

    private static void checkCut(Collector c, Trial t, AnalysisCut cut, List<LocatedOutcome<Outcome>> outcomes,
            Optional<LocalDate> reference, String refSource) {
        String f = "cut " + cut.id();
        Set<String> src = new LinkedHashSet<>();
        cut.provenance().ifPresent(p -> src.add(p.source()));
        // dates: the cut's own, and every outcome provenance's
        List<Dated> dated = new ArrayList<>();
        cut.cutoff().ifPresent(d -> dated.add(new Dated(d, cut.provenance().orElseThrow(), f + ".cutoff")));
        for (LocatedOutcome<Outcome> o : outcomes) {
            List<Provenance> ps = o.outcome().provenances();
            for (int i = 0; i < ps.size(); i++) {
                Provenance p = ps.get(i);
                if (p.cutoff().isPresent()) {
                    dated.add(new Dated(p.cutoff().get(), p,
                            Collector.field(o) + (i == 0 ? ".provenance.cutoff" : ".reported.provenance.cutoff")));
                }
                src.add(p.source());
            }
        }
        if (dated.isEmpty()) {
            if (!outcomes.isEmpty()) {
                c.add(Severity.INFO, Rule.CUTOFF_DATE, t, f, "no cut-off date", "",
                        "no data cut-off is recorded for " + cut.label() + " (" + outcomes.size() + " outcome"
                                + (outcomes.size() == 1 ? "" : "s") + "); without it interim and final figures cannot"
                                + " be ordered or matched: read it from the source",
                        src);
            }
            return;
        }
        boolean problem = false;
        for (Dated d : dated) {
            Source s = c.repo().sourceOf(d.provenance());
            Optional<LocalDate> pub = published(c, s);
            List<String> why = new ArrayList<>();
            List<String> cited = new ArrayList<>(List.of(s.id()));
            String bound = "";
            if (pub.isPresent() && d.date().isAfter(pub.get())) {
                why.add("after the publication of its source " + s.id() + " (" + pub.get() + ", its publication date)");
                bound = "published by " + pub.get();
            }
            if (reference.isPresent() && d.date().isAfter(reference.get())) {
                why.add("after the latest publication date in the data (" + reference.get() + ", " + refSource
                        + "): it lies in the future of every source");
                bound = bound.isEmpty() ? "latest publication in the data: " + reference.get() : bound;
                cited.add(refSource);
            }
            if (!why.isEmpty()) {
                problem = true;
                c.add(Severity.ERROR, Rule.CUTOFF_DATE, t, d.field(), d.date().toString(), bound,
                        "the data cut-off " + d.date() + " is " + String.join(", and ", why), cited);
            }
            if (cut.cutoff().isPresent() && !d.date().equals(cut.cutoff().get())) {
                problem = true;
                c.add(Severity.WARNING, Rule.CUTOFF_DATE, t, d.field(), d.date().toString(),
                        "cut " + cut.id() + ": " + cut.cutoff().get(),
                        "the datum's cut-off " + d.date() + " differs from its cut's " + cut.cutoff().get()
                                + ": it may belong to another cut",
                        List.of(d.provenance().source()));
            }
        }
        if (!problem) {
            LocalDate date = dated.get(0).date();
            List<String> pubs = new ArrayList<>();
            for (String id : src) {
                c.repo().source(id).flatMap(s -> published(c, s)).ifPresent(p -> pubs.add(id + " " + p.getYear()));
            }
            c.add(Severity.INFO, Rule.CUTOFF_DATE, t, f, date.toString(),
                    pubs.isEmpty() ? "" : "published: " + String.join(", ", pubs),
                    "data cut-off " + date + " of " + cut.label() + " precedes the publication of its sources"
                            + (pubs.isEmpty() ? " (no publication date recorded for them)" : "")
                            + reference.map(r -> " and the latest publication date in the data (" + r + ", "
                                    + refSource + (c.repo().source(refSource).flatMap(Source::published)
                                            .filter(p -> p.length() == 4).isPresent()
                                            ? ": end of its publication year" : "") + ")").orElse(""),
                    src);
        }
    }

    private record Dated(LocalDate date, Provenance provenance, String field) {}

    // ---------------------------------------------------------------- unconfirmed

    static void unconfirmed(Collector c) {
        for (Trial t : c.repo().trials()) {
            for (AnalysisCut cut : t.cuts()) {
                cut.provenance().filter(ProvenanceRules::weak).ifPresent(p -> listWeak(c, t, cut, "cut " + cut.id()
                        + ".cutoff", "data cut-off " + cut.cutoff().map(Object::toString).orElse("?"), p));
            }
        }
        for (LocatedOutcome<Outcome> o : c.repo().outcomes()) {
            Outcome out = o.outcome();
            if (out instanceof BinaryOutcome b) {
                String counts = b.counts().map(k -> k.responders() + "/" + k.evaluable()).orElse("");
                String printed = b.reported().map(r -> Precision.text(r.percent().value()) + "%"
                        + r.ci().map(ci -> " (" + Precision.text(ci.lower().value()) + "-"
                                + Precision.text(ci.upper().value()) + ")").orElse("")).orElse("");
                boolean sameProvenance = b.reported().isPresent() && b.reported().get().provenance().equals(b.provenance());
                if (b.counts().isPresent() && weak(b.provenance())) {
                    listWeak(c, o.trial(), o.cut(), Collector.field(o) + (sameProvenance ? "" : ".counts"),
                            sameProvenance ? counts + ", " + printed : counts, b.provenance());
                }
                if (b.reported().isPresent() && !(sameProvenance && b.counts().isPresent())
                        && weak(b.reported().get().provenance())) {
                    listWeak(c, o.trial(), o.cut(), Collector.field(o) + ".reported", printed,
                            b.reported().get().provenance());
                }
            } else if (weak(out.provenance())) {
                listWeak(c, o.trial(), o.cut(), Collector.field(o), ConsistencyRules.valueText(out), out.provenance());
            }
        }
    }

    private static boolean weak(Provenance p) {
        return p.status() == EvidenceStatus.SECONDARY || p.status() == EvidenceStatus.UNVERIFIED;
    }

    private static void listWeak(Collector c, Trial t, AnalysisCut cut, String field, String value, Provenance p) {
        Source s = c.repo().sourceOf(p);
        boolean interim = (cut.id() + " " + cut.label()).toLowerCase(Locale.ROOT).contains("interim");
        // what would confirm a datum depends only on its trial, source and whether the cut is interim: once per run
        Confirm confirm = c.memo(List.of("confirm", t.id(), s.id(), interim), () -> confirm(c, t, s, interim));
        c.add(Severity.INFO, Rule.UNCONFIRMED, t, field, value + " [" + p.status().name().toLowerCase(Locale.ROOT) + "]",
                "", p.status().name().toLowerCase(Locale.ROOT) + " (" + s.id() + p.locator().map(l -> ", " + l).orElse("")
                        + "); would be confirmed by: " + confirm.text(),
                confirm.cited());
    }

    /** What would confirm a datum from source {@code s} of trial {@code t}, and the sources that names. */
    private record Confirm(String text, List<String> cited) {}

    private static Confirm confirm(Collector c, Trial t, Source s, boolean interim) {
        List<String> confirm = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        cited.add(s.id());
        if (s.kind() == SourceKind.PEER_REVIEWED) {
            confirm.add("read the paper itself (" + Collector.cite(s).citation() + ") and record the table or figure");
        } else if (s.kind() == SourceKind.REGULATORY_LABEL) {
            confirm.add("the label's section 14 (Clinical Studies) text");
        }
        if (interim) {
            confirm.add("the conference abstract or slides of that cut (interim figures are not in the final paper)");
        }
        for (String id : t.sources()) {
            Source other = c.repo().source(id).orElseThrow();
            if (other.id().equals(s.id())) {
                continue;
            }
            if (other.kind() == SourceKind.PEER_REVIEWED && !interim) {
                confirm.add("primary paper " + other.id() + " (" + Collector.cite(other).citation() + ")");
                cited.add(other.id());
            } else if (other.kind() == SourceKind.REGULATORY_LABEL && !interim) {
                confirm.add("label section 14 (Clinical Studies) of " + other.id());
                cited.add(other.id());
            } else if (other.kind() == SourceKind.CONFERENCE_ABSTRACT && !interim) {
                confirm.add("the full results section of abstract " + other.id() + " (" + other.citation() + ")");
                cited.add(other.id());
            }
        }
        if (t.setting() == Setting.CLINICAL) {
            for (String nct : t.registryIds()) {
                confirm.add("registry results for " + nct + " (ClinicalTrials.gov results section)");
            }
        } else {
            confirm.add("the original study report (animals per arm, Kaplan-Meier curves, dosing)");
        }
        if (s.kind() == SourceKind.VENDOR_GUIDE) {
            confirm.add("the reference the guide cites for it");
        }
        if (s.kind() == SourceKind.CURATION_NOTE) {
            confirm.add("the document the curator took it from (not named)");
        }
        return new Confirm(String.join("; ", confirm), List.copyOf(cited));
    }

    // ---------------------------------------------------------------- derived-arithmetic

    static void derived(Collector c) {
        for (LocatedOutcome<Outcome> o : c.repo().outcomes()) {
            for (Provenance p : o.outcome().provenances()) {
                if (p.status() == EvidenceStatus.DERIVED) {
                    checkDerived(c, o, p);
                }
            }
        }
    }

    private static void checkDerived(Collector c, LocatedOutcome<Outcome> o, Provenance p) {
        String f = Collector.field(o) + ".provenance.method";
        String method = p.method().orElseThrow();
        List<String> held = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<Double> results = new ArrayList<>(); // what the method's steps produce (counts, not percentages)
        Matcher m = EQUATION.matcher(method);
        while (m.find()) {
            if (m.group(1) != null) {
                double pct = Double.parseDouble(m.group(1));
                double n = Double.parseDouble(m.group(2));
                double written = Double.parseDouble(m.group(3));
                double exact = pct * n / 100.0;
                String eq = m.group(1) + "% of " + m.group(2) + " = " + m.group(3);
                check(held, failed, eq, exact, written, decimals(m.group(3)));
                results.add(written);
                if (m.group(4) != null) {
                    double to = Double.parseDouble(m.group(4));
                    results.add(to);
                    check(held, failed, m.group(3) + " rounded to " + m.group(4), Math.rint(written), to,
                            decimals(m.group(4)));
                }
            } else {
                double a = Double.parseDouble(m.group(5));
                double b = Double.parseDouble(m.group(7));
                double written = Double.parseDouble(m.group(8));
                boolean percent = m.group(9) != null;
                String op = m.group(6);
                double exact = switch (op) {
                    case "+" -> a + b;
                    case "-", "\u2212" -> a - b;
                    case "*", "\u00d7" -> a * b;
                    default -> b == 0 ? Double.NaN : a / b;
                };
                if (percent) {
                    exact *= 100;
                } else {
                    results.add(written);
                }
                String eq = m.group(5) + " " + op + " " + m.group(7) + " = " + m.group(8) + (percent ? "%" : "");
                if (Double.isNaN(exact)) {
                    failed.add(eq + " (division by zero)");
                } else {
                    check(held, failed, eq, exact, written, decimals(m.group(8)));
                }
            }
        }
        // which of the counts was derived: a count the method's steps produce is derived; one that an input names
        // and no step produces was taken as given (e.g. responders as published over an assumed denominator)
        String uniqueness = "";
        Severity uniqSeverity = Severity.INFO;
        if (o.outcome() instanceof BinaryOutcome b && p == b.provenance() && b.counts().isPresent()
                && b.reported().isPresent() && b.counts().get().evaluable() > 0) {
            double pct = b.reported().get().percent().value();
            int n = b.counts().get().evaluable();
            int x = b.counts().get().responders();
            int d = Precision.decimals(pct);
            if (naming(p.derivedFrom(), x).isPresent() && !produces(results, x)) {
                uniqueness = "; " + givenResponders(x, n, pct, d, produces(results, n), naming(p.derivedFrom(), n));
            } else {
                List<Integer> cands = Precision.candidateCounts(pct, n);
                uniqSeverity = cands.size() > 1 ? Severity.WARNING : Severity.INFO; // the curator picked one of them
                uniqueness = derivedCount(cands, x, n, pct, d);
            }
        }
        List<String> src = List.of(p.source());
        String recomputed = String.join("; ", held.isEmpty() ? failed : concat(failed, held));
        if (!failed.isEmpty()) {
            c.add(Severity.ERROR, Rule.DERIVED_ARITHMETIC, o.trial(), f, method, recomputed,
                    "the derivation's arithmetic does not hold: " + String.join("; ", failed), src);
        } else if (held.isEmpty()) {
            c.add(uniqSeverity, Rule.DERIVED_ARITHMETIC, o.trial(), f, method, "",
                    "no arithmetic to recompute in the method text (derived from " + String.join("; ", p.derivedFrom())
                            + ")" + uniqueness,
                    src);
        } else {
            c.add(uniqSeverity, Rule.DERIVED_ARITHMETIC, o.trial(), f, method, recomputed,
                    held.size() + " step" + (held.size() == 1 ? "" : "s") + " recomputed and hold" + uniqueness, src);
        }
    }

    /** A derived responder count against the counts over n that give the printed percentage ({@code cands}). */
    private static String derivedCount(List<Integer> cands, int x, int n, double pct, int d) {
        if (cands.size() > 1) {
            return "; the derived count is not unique: " + BinaryRules.countList(cands, n, d) + " all give "
                    + Precision.text(pct) + "%";
        }
        if (cands.size() == 1 && cands.get(0) == x) {
            return "; " + Precision.ratio(x, n, d) + " is the only count over " + n + " that gives "
                    + Precision.text(pct) + "%";
        }
        return "";
    }

    /**
     * Responders taken as given (an input of the derivation, produced by none of its steps): what was derived is
     * the denominator (computed, or an input's number taken as the denominator), and the printed percentage is
     * matched by a run of denominators rather than of counts.
     */
    private static String givenResponders(int x, int n, double pct, int d, boolean nComputed,
            Optional<String> nInput) {
        String what = "the responders (" + x + ") are an input, not derived: what is derived is the denominator " + n
                + (nComputed ? " (computed by the method)" : nInput.map(i -> ", taken from '" + i + "'").orElse(""));
        String p = Precision.text(pct) + "%";
        if (x == 0 || pct - Precision.halfUnit(d) <= 0) {
            return what + "; the reported " + p + " does not bound the denominator";
        }
        List<Integer> dens = Precision.candidateDenominators(x, pct, d);
        if (dens.isEmpty()) {
            return what + "; no denominator gives " + p + " with " + x + " responders";
        }
        if (dens.size() == 1) {
            return what + "; " + dens.get(0) + " is the only denominator over which " + x + " responders give " + p;
        }
        return what + "; " + x + " responders give " + p + " over every denominator from " + dens.get(0) + " to "
                + dens.get(dens.size() - 1);
    }

    /** A number standing alone (not a percentage, not part of a larger number or a name) in a derivation input. */
    private static Optional<String> naming(List<String> inputs, int value) {
        Pattern alone = Pattern.compile("(?<![\\w.\\-])" + value + "(?![\\w.]|\\s*%)");
        return inputs.stream().filter(i -> alone.matcher(i).find()).findFirst();
    }

    /** Whether a step of the method produces {@code value} (its result, or the whole number it is rounded to). */
    private static boolean produces(List<Double> results, int value) {
        return results.stream().anyMatch(r -> r == value || Math.rint(r) == value);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static int decimals(String printed) {
        int dot = printed.indexOf('.');
        return dot < 0 ? 0 : printed.length() - dot - 1;
    }

    private static void check(List<String> held, List<String> failed, String eq, double exact, double written, int d) {
        String value = new BigDecimal(exact).setScale(Math.max(d + 2, 2), java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        if (Precision.roundsTo(exact, written, d)) {
            held.add(eq + " (" + value + ")");
        } else {
            failed.add(eq + " (recomputed " + value + ")");
        }
    }
}

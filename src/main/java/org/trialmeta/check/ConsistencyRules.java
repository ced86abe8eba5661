package org.trialmeta.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.BiomarkerChange;
import org.trialmeta.model.BiomarkerStatus;
import org.trialmeta.model.Compartment;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.ReportedProportion;
import org.trialmeta.model.Source;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.Trial;

/**
 * Rules across outcomes: {@link Rule#SUBGROUP_SUM}, {@link Rule#INTERIM_VS_FINAL} and
 * {@link Rule#SAME_FIGURE}.
 */
final class ConsistencyRules {

    private ConsistencyRules() {}

    // ---------------------------------------------------------------- subgroup-sum

    /**
     * For every trial, arm, endpoint and cut with an overall outcome and outcomes for both halves of one
     * biomarker (mutant/wild-type, positive/negative, high/low): the subgroup responders (reported, or
     * every count their percentage allows over their n) must add up to the overall responders, and the
     * overall reported percentage must be reachable. Subgroup denominators smaller than the overall
     * leave subjects of unknown status, who may or may not have responded.
     */
    static void subgroupSum(Collector c) {
        Map<String, List<LocatedOutcome<BinaryOutcome>>> byCell = new LinkedHashMap<>();
        for (LocatedOutcome<BinaryOutcome> o : c.repo().outcomes(BinaryOutcome.class)) {
            String key = o.trial().id() + "\u0000" + o.arm().id() + "\u0000" + o.outcome().endpoint() + "\u0000" + o.cut().id();
            byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }
        for (List<LocatedOutcome<BinaryOutcome>> cell : byCell.values()) {
            Optional<LocatedOutcome<BinaryOutcome>> overall = cell.stream().filter(o -> o.subgroup().isOverall()).findFirst();
            if (overall.isEmpty()) {
                continue;
            }
            Map<String, List<LocatedOutcome<BinaryOutcome>>> byMarker = new LinkedHashMap<>();
            for (LocatedOutcome<BinaryOutcome> o : cell) {
                o.subgroup().biomarker().ifPresent(bm -> byMarker
                        .computeIfAbsent(bm.name().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(o));
            }
            for (List<LocatedOutcome<BinaryOutcome>> parts : byMarker.values()) {
                if (parts.size() == 2 && complementary(status(parts.get(0)), status(parts.get(1)))) {
                    checkPartition(c, overall.get(), parts);
                }
            }
        }
    }

    private static BiomarkerStatus status(LocatedOutcome<BinaryOutcome> o) {
        return o.subgroup().biomarker().orElseThrow().status();
    }

    private static boolean complementary(BiomarkerStatus a, BiomarkerStatus b) {
        return pair(a, b, BiomarkerStatus.MUTANT, BiomarkerStatus.WILD_TYPE)
                || pair(a, b, BiomarkerStatus.POSITIVE, BiomarkerStatus.NEGATIVE)
                || pair(a, b, BiomarkerStatus.HIGH, BiomarkerStatus.LOW);
    }

    private static boolean pair(BiomarkerStatus a, BiomarkerStatus b, BiomarkerStatus x, BiomarkerStatus y) {
        return (a == x && b == y) || (a == y && b == x);
    }

    /**
     * Possible responder counts of an outcome: its count, or every count its percentage allows over n
     * (consecutive integers, as a view: {@link Precision#candidateCounts}).
     */
    private static List<Integer> responderCandidates(BinaryOutcome b) {
        if (b.counts().isPresent()) {
            return List.of(b.counts().get().responders());
        }
        OptionalInt n = BinaryRules.evaluable(b);
        if (n.isPresent() && b.reported().isPresent()) {
            return Precision.candidateCounts(b.reported().get().percent().value(), n.getAsInt());
        }
        return List.of();
    }

    /**
     * The subgroups' candidate counts are runs of consecutive integers, so their possible sums are one run
     * too, [sum of the lowest, sum of the highest]; the overall responders possible are that run widened
     * by 0..unknown responders of unknown status. Every test below is on these intervals: constant time
     * whatever the counts (before, the sums were enumerated pairwise and tested per unknown responder).
     */
    private static void checkPartition(Collector c, LocatedOutcome<BinaryOutcome> overall,
            List<LocatedOutcome<BinaryOutcome>> parts) {
        OptionalInt nAll = BinaryRules.evaluable(overall.outcome());
        Trial trial = overall.trial();
        String f = overall.arm().id() + "/" + parts.get(0).subgroup().id() + "+" + parts.get(1).subgroup().id()
                + "/" + overall.cut().id() + "/" + overall.outcome().label();
        List<String> src = new ArrayList<>();
        for (LocatedOutcome<BinaryOutcome> p : parts) {
            src.addAll(Collector.sourcesOf(p.outcome()));
        }
        src.addAll(Collector.sourcesOf(overall.outcome()));
        long nSum = 0;
        long sumLo = 0;
        long sumHi = 0;
        List<String> terms = new ArrayList<>();
        for (LocatedOutcome<BinaryOutcome> p : parts) {
            OptionalInt n = BinaryRules.evaluable(p.outcome());
            List<Integer> cands = responderCandidates(p.outcome());
            if (n.isEmpty() || cands.isEmpty() || nAll.isEmpty()) {
                c.add(Severity.INFO, Rule.SUBGROUP_SUM, trial, f, "", "",
                        "cannot add up the subgroups: the evaluable count or the responders of "
                                + (nAll.isEmpty() ? "the overall population" : p.subgroup().id())
                                + " are not known",
                        src);
                return;
            }
            nSum += n.getAsInt();
            sumLo += cands.get(0);
            sumHi += cands.get(cands.size() - 1);
            terms.add(p.subgroup().id() + " " + (cands.size() == 1 ? String.valueOf(cands.get(0))
                    : "{" + run(cands.get(0), cands.get(cands.size() - 1)) + "}") + "/" + n.getAsInt());
        }
        long total = nAll.getAsInt();
        String sumText = String.join(" + ", terms) + " = "
                + (sumLo == sumHi ? String.valueOf(sumLo) : "{" + run(sumLo, sumHi) + "}") + "/" + nSum;
        if (sumLo == sumHi && nSum > 0) {
            sumText += " = " + Precision.fixed(100.0 * sumLo / nSum, 1) + "%";
        }
        BinaryOutcome o = overall.outcome();
        String reported = describe(o);
        if (nSum > total) {
            c.add(Severity.ERROR, Rule.SUBGROUP_SUM, trial, f, reported, sumText,
                    "the subgroups have " + nSum + " evaluable, more than the " + total + " of the overall population",
                    src);
            return;
        }
        long unknown = total - nSum;
        // overall responders possible: a subgroup sum plus 0..unknown responders of unknown status
        long possibleLo = sumLo;
        long possibleHi = sumHi + unknown;
        List<String> problems = new ArrayList<>();
        if (o.counts().isPresent()) {
            int r = o.counts().get().responders();
            if (r < possibleLo || r > possibleHi) {
                problems.add("overall responders " + r + "/" + total + " cannot be "
                        + (unknown == 0 ? "the subgroup sum" : "the subgroup sum plus 0-" + unknown
                                + " responders of unknown status"));
            }
        }
        if (o.reported().isPresent()) {
            double p = o.reported().get().percent().value();
            List<Integer> overallCands = Precision.candidateCounts(p, (int) total);
            boolean ok = !overallCands.isEmpty() && overallCands.get(0) <= possibleHi
                    && overallCands.get(overallCands.size() - 1) >= possibleLo;
            if (!ok) {
                problems.add("no subgroup sum" + (unknown == 0 ? "" : " plus 0-" + unknown + " responders of unknown status")
                        + " over " + total + " rounds to the reported overall " + Precision.text(p) + "%");
            }
        }
        String coverage = unknown == 0 ? "the subgroups partition the " + total + " evaluable"
                : unknown + " of the " + total + " evaluable are in neither subgroup (status unknown)";
        if (!problems.isEmpty()) {
            c.add(Severity.ERROR, Rule.SUBGROUP_SUM, trial, f, reported, sumText,
                    sumText + "; " + coverage + "; " + String.join("; ", problems), src);
        } else {
            String circular = o.counts().isPresent() && o.provenance().status() == EvidenceStatus.DERIVED
                    ? " (the overall counts are derived, so the independent check is the reported percentage)" : "";
            c.add(Severity.INFO, Rule.SUBGROUP_SUM, trial, f, reported, sumText,
                    sumText + "; " + coverage + "; consistent with the overall " + reported + circular, src);
        }
    }

    /**
     * The integers first..last as listed in a finding: every one up to {@link #MAX_RUN_LISTED} of them
     * ({@code 8,9,10}), else the ends ({@code 190,...,230}).
     */
    private static String run(long first, long last) {
        if (last - first + 1 > MAX_RUN_LISTED) {
            return first + ",...," + last;
        }
        List<String> s = new ArrayList<>();
        for (long x = first; x <= last; x++) {
            s.add(Long.toString(x));
        }
        return String.join(",", s);
    }

    /** Longest run of counts listed one by one in a subgroup-sum finding. */
    static final int MAX_RUN_LISTED = 12;

    /** "34/109, reported 31% (95% CI 23-41)". */
    static String describe(BinaryOutcome b) {
        List<String> parts = new ArrayList<>();
        b.counts().ifPresent(k -> parts.add(k.responders() + "/" + k.evaluable()));
        b.reported().ifPresent(r -> {
            String s = "reported " + Precision.text(r.percent().value()) + "%";
            if (r.ci().isPresent()) {
                s += " (" + Precision.text(r.ci().get().level()) + "% CI " + Precision.text(r.ci().get().lower().value())
                        + "-" + Precision.text(r.ci().get().upper().value()) + ")";
            }
            if (b.counts().isEmpty() && r.n().isPresent()) {
                s += " of " + r.n().get();
            }
            parts.add(s);
        });
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------- interim-vs-final

    /**
     * The same arm, endpoint and subgroup at two or more cuts, in chronological order (the cut-off dates
     * when every cut has one, else the order the trial lists its cuts): every consecutive pair, and the
     * first against the last when there are more than two.
     */
    static void interimVsFinal(Collector c, CheckOptions options) {
        Map<String, List<LocatedOutcome<? extends Outcome>>> groups = new LinkedHashMap<>();
        for (LocatedOutcome<Outcome> o : c.repo().outcomes()) {
            if (o.outcome() instanceof BiomarkerChange || RegistryRules.fromRegistry(c, o.outcome())) {
                continue; // registry figures are compared with the publication by registry-vs-publication
            }
            String key = o.trial().id() + "\u0000" + o.arm().id() + "\u0000" + o.outcome().getClass().getSimpleName()
                    + "\u0000" + o.outcome().label() + "\u0000" + o.subgroup().id();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }
        for (List<LocatedOutcome<? extends Outcome>> g : groups.values()) {
            List<LocatedOutcome<? extends Outcome>> ordered = chronological(c, g);
            if (ordered.stream().map(LocatedOutcome::cut).distinct().count() < 2) {
                continue;
            }
            for (int i = 0; i + 1 < ordered.size(); i++) {
                if (ordered.get(i).cut() != ordered.get(i + 1).cut()) {
                    compareCuts(c, ordered.get(i), ordered.get(i + 1), options);
                }
            }
            if (ordered.size() > 2 && ordered.get(0).cut() != ordered.get(ordered.size() - 1).cut()) {
                compareCuts(c, ordered.get(0), ordered.get(ordered.size() - 1), options);
            }
        }
    }

    private static List<LocatedOutcome<? extends Outcome>> chronological(Collector c,
            List<LocatedOutcome<? extends Outcome>> g) {
        List<LocatedOutcome<? extends Outcome>> out = new ArrayList<>(g);
        boolean allDated = out.stream().allMatch(o -> o.cut().cutoff().isPresent());
        Map<AnalysisCut, Integer> position = cutPositions(c, out.get(0).trial());
        if (allDated) {
            out.sort(java.util.Comparator.comparing((LocatedOutcome<? extends Outcome> o) -> o.cut().cutoff().get())
                    .thenComparing(o -> position.get(o.cut())));
        } else {
            out.sort(java.util.Comparator.comparing(o -> position.get(o.cut())));
        }
        return out;
    }

    /** The position of each cut in its trial's list (by identity; one map per trial and run, not indexOf per comparison). */
    private static Map<AnalysisCut, Integer> cutPositions(Collector c, Trial t) {
        return c.memo(List.of("cut-positions", t.id()), () -> {
            Map<AnalysisCut, Integer> m = new java.util.IdentityHashMap<>();
            for (int i = t.cuts().size() - 1; i >= 0; i--) {
                m.put(t.cuts().get(i), i); // the first index wins, as indexOf
            }
            return m;
        });
    }

    private static void compareCuts(Collector c, LocatedOutcome<? extends Outcome> a, LocatedOutcome<? extends Outcome> b,
            CheckOptions options) {
        String f = a.arm().id() + "/" + a.subgroup().id() + "/" + a.cut().id() + "->" + b.cut().id() + "/"
                + a.outcome().label();
        List<String> src = new ArrayList<>(Collector.sourcesOf(a.outcome()));
        src.addAll(Collector.sourcesOf(b.outcome()));
        if (a.outcome() instanceof BinaryOutcome x && b.outcome() instanceof BinaryOutcome y) {
            OptionalDouble px = percent(x);
            OptionalDouble py = percent(y);
            String reported = cutText(a, x) + " -> " + cutText(b, y);
            if (px.isEmpty() || py.isEmpty()) {
                return;
            }
            double delta = py.getAsDouble() - px.getAsDouble();
            List<String> notes = new ArrayList<>();
            boolean fewerResponders = false;
            if (x.counts().isPresent() && y.counts().isPresent()) {
                int rx = x.counts().get().responders();
                int ry = y.counts().get().responders();
                int nx = x.counts().get().evaluable();
                int ny = y.counts().get().evaluable();
                notes.add(rx == ry ? "responders unchanged (" + rx + ")" : "responders " + rx + " -> " + ry);
                notes.add(nx == ny ? "evaluable unchanged (" + nx + ")" : "evaluable " + nx + " -> " + ny);
                fewerResponders = ry < rx;
            }
            boolean large = Math.abs(delta) >= options.largeChangePoints() - Precision.SLACK;
            String recomputed = String.format(Locale.ROOT, "%+.1f percentage points", delta);
            String msg = String.format(Locale.ROOT, "%s %s: %s (%s) -> %s (%s): %s by %.1f percentage points",
                    a.outcome().label(), a.subgroup().id(), pct(px.getAsDouble()), a.cut().label(),
                    pct(py.getAsDouble()), b.cut().label(), delta < 0 ? "down" : delta > 0 ? "up" : "unchanged",
                    Math.abs(delta));
            if (!notes.isEmpty()) {
                msg += "; " + String.join(", ", notes);
            }
            if (fewerResponders) {
                msg += "; fewer responders at the later cut (responses unconfirmed or reclassified?)";
            }
            if (large) {
                msg += "; a change of " + Precision.text(options.largeChangePoints())
                        + " points or more: cite the later cut, not the earlier";
            }
            c.add(large || fewerResponders ? Severity.WARNING : Severity.INFO, Rule.INTERIM_VS_FINAL, a.trial(), f,
                    reported, recomputed, msg, src);
        } else if (a.outcome() instanceof TimeToEventOutcome x && b.outcome() instanceof TimeToEventOutcome y) {
            if (!x.median().hasValue() || !y.median().hasValue()) {
                return;
            }
            double mx = x.median().in(x.unit()).getAsDouble();
            double my = y.median().in(x.unit()).getAsDouble();
            String unit = x.unit().name().toLowerCase(Locale.ROOT);
            c.add(Severity.INFO, Rule.INTERIM_VS_FINAL, a.trial(), f,
                    "median " + x.median() + " (" + a.cut().id() + ") -> " + y.median() + " (" + b.cut().id() + ")",
                    String.format(Locale.ROOT, "%+.1f %s", my - mx, unit),
                    String.format(Locale.ROOT, "%s %s: median %s (%s) -> %s (%s): %s by %.1f %s",
                            a.outcome().label(), a.subgroup().id(), x.median(), a.cut().label(), y.median(),
                            b.cut().label(), my < mx ? "down" : my > mx ? "up" : "unchanged", Math.abs(my - mx), unit),
                    src);
        }
    }

    private static String cutText(LocatedOutcome<? extends Outcome> lo, BinaryOutcome b) {
        return describe(b) + " [" + lo.cut().id() + "]";
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** The percentage from the counts when known, else as reported. */
    static OptionalDouble percent(BinaryOutcome b) {
        if (b.counts().isPresent() && b.counts().get().evaluable() > 0) {
            return b.counts().get().percent();
        }
        return b.reported().map(r -> OptionalDouble.of(r.percent().value())).orElse(OptionalDouble.empty());
    }

    // ---------------------------------------------------------------- same-figure

    /**
     * Two outcomes of the same trial, arm, endpoint and subgroup at the same cut (binary and
     * time-to-event), or two biomarker changes of the same trial, arm, subgroup and marker at any cuts,
     * are the same figure from two sources; they must agree. Marker names are compared after
     * normalisation: case, spacing, a phospho prefix ({@code pFAK}, {@code p-FAK}, {@code phospho-FAK})
     * and the words {@code activity}/{@code phosphorylation} are ignored, because phosphorylation of a
     * kinase is the usual read-out of its activity (so "pFAK" and "FAK activity" are one marker). A
     * curator's note naming another source id ("also in ...") is listed as an unrecorded second source.
     */
    static void sameFigure(Collector c) {
        Map<String, List<LocatedOutcome<? extends Outcome>>> groups = new LinkedHashMap<>();
        for (LocatedOutcome<Outcome> o : c.repo().outcomes()) {
            if (RegistryRules.fromRegistry(c, o.outcome())) {
                continue; // compared by registry-vs-publication
            }
            String what = o.outcome() instanceof BiomarkerChange bc ? "marker:" + normaliseMarker(bc.marker())
                    : o.outcome().getClass().getSimpleName() + ":" + o.outcome().label() + "\u0000" + o.cut().id();
            String key = o.trial().id() + "\u0000" + o.arm().id() + "\u0000" + o.subgroup().id() + "\u0000" + what;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }
        for (List<LocatedOutcome<? extends Outcome>> g : groups.values()) {
            if (g.size() <= MAX_ALL_PAIRS) {
                for (int i = 0; i < g.size(); i++) {
                    for (int j = i + 1; j < g.size(); j++) {
                        comparePair(c, g.get(i), g.get(j));
                    }
                }
            } else {
                // every pair would be quadratic in the records (30,000 copies: 4.5e8 findings); compare with the first
                for (int j = 1; j < g.size(); j++) {
                    comparePair(c, g.get(0), g.get(j));
                }
                LocatedOutcome<? extends Outcome> first = g.get(0);
                List<String> src = new ArrayList<>();
                for (LocatedOutcome<? extends Outcome> o : g) {
                    for (String id : Collector.sourcesOf(o.outcome())) {
                        if (!src.contains(id) && src.size() < MAX_ALL_PAIRS) {
                            src.add(id);
                        }
                    }
                }
                c.add(Severity.INFO, Rule.SAME_FIGURE, first.trial(), Collector.field(first), valueText(first.outcome()),
                        "", g.size() + " records of the same figure: each is compared with the first only (every pair"
                                + " is compared up to " + MAX_ALL_PAIRS + " records)",
                        src);
            }
        }
        SourceIds ids = new SourceIds(c.repo().sources());
        for (LocatedOutcome<Outcome> o : c.repo().outcomes()) {
            for (Provenance p : o.outcome().provenances()) {
                String note = p.note().orElse("") + " " + o.outcome().note().orElse("");
                for (Source s : ids.mentionedAlso(note)) {
                    if (!s.id().equals(p.source())
                            && Collector.sourcesOf(o.outcome()).stream().noneMatch(s.id()::equals)) {
                        c.add(Severity.INFO, Rule.SAME_FIGURE, o.trial(), Collector.field(o), valueText(o.outcome()), "",
                                "the curator notes the figure also appears in " + s.id()
                                        + "; record it as its own datum so the check can compare the two",
                                List.of(p.source(), s.id()));
                    }
                }
            }
        }
    }

    /** Records of one figure compared pairwise up to this many; more are compared with the first (a finding says so). */
    static final int MAX_ALL_PAIRS = 10;

    /**
     * The repository's source ids in a trie, to find which of them a note names in one pass over the note
     * (before: every source id searched in every note, outcomes × sources).
     */
    private static final class SourceIds {
        private final Node root = new Node();
        private final Map<String, Integer> order = new java.util.HashMap<>();
        private final List<Source> sources;

        private static final class Node {
            final Map<Character, Node> next = new java.util.HashMap<>();
            String id;
        }

        SourceIds(List<Source> sources) {
            this.sources = sources;
            for (int i = 0; i < sources.size(); i++) {
                String id = sources.get(i).id();
                order.putIfAbsent(id, i);
                Node n = root;
                for (int k = 0; k < id.length(); k++) {
                    n = n.next.computeIfAbsent(id.charAt(k), x -> new Node());
                }
                n.id = id;
            }
        }

        /**
         * The sources named (as a whole word: not inside a longer id-like word) in a sentence of {@code text}
         * that says "also", in repository order.
         */
        List<Source> mentionedAlso(String text) {
            if (!text.toLowerCase(Locale.ROOT).contains("also")) {
                return List.of();
            }
            java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
            for (String sentence : text.split("(?<=\\.)\\s+")) {
                if (!sentence.toLowerCase(Locale.ROOT).matches("(?s).*\\balso\\b.*")) {
                    continue;
                }
                for (int i = 0; i < sentence.length(); i++) {
                    if (i > 0 && isIdChar(sentence.charAt(i - 1))) {
                        continue;
                    }
                    Node n = root;
                    for (int j = i; j < sentence.length() && n != null; j++) {
                        n = n.next.get(sentence.charAt(j));
                        if (n != null && n.id != null && (j + 1 >= sentence.length() || !isIdChar(sentence.charAt(j + 1)))) {
                            found.add(order.get(n.id));
                        }
                    }
                }
            }
            List<Source> out = new ArrayList<>();
            for (int i : found) {
                out.add(sources.get(i));
            }
            return out;
        }
    }

    private static boolean isIdChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '-' || ch == '_';
    }

    private static final java.util.regex.Pattern PHOSPHO = java.util.regex.Pattern.compile("^(?i)phospho-?\\s*");
    private static final java.util.regex.Pattern P_PREFIX = java.util.regex.Pattern.compile("^p-?(?=[A-Z0-9])");
    private static final java.util.regex.Pattern READ_OUT = java.util.regex.Pattern.compile(
            "\\b(activity|phosphorylation)\\b");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** (The patterns compiled once: String.replaceAll compiled four per outcome, a tenth of the check's allocation.) */
    static String normaliseMarker(String marker) {
        String m = marker.trim();
        m = PHOSPHO.matcher(m).replaceFirst("");
        m = P_PREFIX.matcher(m).replaceFirst("");
        m = m.toLowerCase(Locale.ROOT);
        m = READ_OUT.matcher(m).replaceAll(" ");
        return SPACES.matcher(m).replaceAll(" ").trim();
    }

    private static void comparePair(Collector c, LocatedOutcome<? extends Outcome> a, LocatedOutcome<? extends Outcome> b) {
        List<String> src = new ArrayList<>(Collector.sourcesOf(a.outcome()));
        src.addAll(Collector.sourcesOf(b.outcome()));
        String where = a.arm().id() + "/" + a.subgroup().id() + "/" + (a.cut() == b.cut() ? a.cut().id()
                : a.cut().id() + "+" + b.cut().id()) + "/" + a.outcome().label()
                + (a.outcome().label().equals(b.outcome().label()) ? "" : "~" + b.outcome().label());
        String reported = valueText(a.outcome()) + " [" + a.outcome().provenance().source() + ", " + a.cut().id() + "] vs "
                + valueText(b.outcome()) + " [" + b.outcome().provenance().source() + ", " + b.cut().id() + "]";
        String who = sourceAndStatus(a) + " vs " + sourceAndStatus(b);
        if (a.outcome() instanceof BiomarkerChange x && b.outcome() instanceof BiomarkerChange y) {
            if (x.direction() != y.direction()) {
                c.add(Severity.WARNING, Rule.SAME_FIGURE, a.trial(), where, reported, "",
                        "the sources disagree on the direction of " + x.marker() + ": " + lower(x.direction()) + " vs "
                                + lower(y.direction()) + " (" + who + ")",
                        src);
                return;
            }
            List<String> diffs = new ArrayList<>();
            if (x.magnitude().isPresent() && y.magnitude().isPresent()) {
                var mx = x.magnitude().get();
                var my = y.magnitude().get();
                if (mx.unit() != my.unit()) {
                    diffs.add("magnitudes in different units (" + lower(mx.unit()) + " vs " + lower(my.unit()) + ")");
                } else if (Math.abs(mx.value() - my.value()) > Precision.SLACK) {
                    diffs.add(String.format(Locale.ROOT, "%s %s by %s%s vs %s%s: a difference of %s%s",
                            x.marker(), lower(x.direction()), Precision.text(mx.value()), unitSign(mx.unit()),
                            Precision.text(my.value()), unitSign(my.unit()),
                            Precision.text(Math.abs(mx.value() - my.value())),
                            mx.unit() == org.trialmeta.model.MagnitudeUnit.PERCENT ? " percentage points" : "-fold"));
                }
            }
            if (x.compartment() != y.compartment() && x.compartment() != Compartment.NOT_REPORTED
                    && y.compartment() != Compartment.NOT_REPORTED) {
                diffs.add("measured in different compartments (" + lower(x.compartment()) + " vs "
                        + lower(y.compartment()) + ")");
            }
            if (diffs.isEmpty()) {
                c.add(Severity.INFO, Rule.SAME_FIGURE, a.trial(), where, reported, "",
                        "two sources agree on " + x.marker() + " " + lower(x.direction()) + " (" + who + ")", src);
            } else {
                String compartments = x.compartment() != y.compartment()
                        ? "; compartments " + lower(x.compartment()) + " vs " + lower(y.compartment()) : "";
                c.add(Severity.WARNING, Rule.SAME_FIGURE, a.trial(), where, reported, "",
                        String.join("; ", diffs) + compartments + " (" + who + "; cuts " + a.cut().label() + " vs "
                                + b.cut().label() + "): keep both and cite the better-supported one",
                        src);
            }
        } else if (a.outcome() instanceof BinaryOutcome x && b.outcome() instanceof BinaryOutcome y) {
            OptionalDouble px = percent(x);
            OptionalDouble py = percent(y);
            if (px.isEmpty() || py.isEmpty()) {
                return;
            }
            boolean agree = agreeAtRounding(x, px.getAsDouble(), y, py.getAsDouble());
            c.add(agree ? Severity.INFO : Severity.WARNING, Rule.SAME_FIGURE, a.trial(), where, reported,
                    String.format(Locale.ROOT, "%.1f%% vs %.1f%%", px.getAsDouble(), py.getAsDouble()),
                    (agree ? "two sources agree at their rounding" : "two sources give different values")
                            + " for " + x.endpoint() + " " + a.subgroup().id() + " at " + a.cut().label() + " (" + who + ")",
                    src);
        } else if (a.outcome() instanceof TimeToEventOutcome x && b.outcome() instanceof TimeToEventOutcome y) {
            boolean agree = x.median().equals(y.median()) || (x.median().hasValue() && y.median().hasValue()
                    && Math.abs(x.median().in(x.unit()).getAsDouble() - y.median().in(x.unit()).getAsDouble())
                            <= Precision.halfUnit(Math.min(Precision.decimals(x.median().value().getAsDouble()),
                                    Precision.decimals(y.median().in(x.unit()).getAsDouble()))) + Precision.SLACK);
            c.add(agree ? Severity.INFO : Severity.WARNING, Rule.SAME_FIGURE, a.trial(), where, reported, "",
                    (agree ? "two sources agree" : "two sources give different medians") + " for " + x.endpoint() + " "
                            + a.subgroup().id() + " at " + a.cut().label() + " (" + who + ")",
                    src);
        }
    }

    private static boolean agreeAtRounding(BinaryOutcome x, double px, BinaryOutcome y, double py) {
        // each figure must round to the other when the other is a printed percentage
        boolean xy = y.reported().isPresent() && y.counts().isEmpty() ? Precision.roundsTo(px, py) : true;
        boolean yx = x.reported().isPresent() && x.counts().isEmpty() ? Precision.roundsTo(py, px) : true;
        if (x.counts().isPresent() && y.counts().isPresent()) {
            return x.counts().get().equals(y.counts().get());
        }
        return xy && yx;
    }

    private static String sourceAndStatus(LocatedOutcome<? extends Outcome> o) {
        Provenance p = o.outcome().provenance();
        if (o.outcome() instanceof BinaryOutcome b && b.counts().isEmpty() && b.reported().isPresent()) {
            p = b.reported().get().provenance();
        }
        return p.source() + " " + lower(p.status()) + p.locator().map(l -> ", " + l).orElse("");
    }

    static String valueText(Outcome o) {
        if (o instanceof BinaryOutcome b) {
            return describe(b);
        }
        if (o instanceof TimeToEventOutcome t) {
            return TimeRules.describe(t);
        }
        BiomarkerChange bc = (BiomarkerChange) o;
        return bc.marker() + " " + lower(bc.direction())
                + bc.magnitude().map(m -> " " + Precision.text(m.value()) + unitSign(m.unit())).orElse("")
                + (bc.compartment() == Compartment.NOT_REPORTED ? "" : " in " + lower(bc.compartment()));
    }

    private static String unitSign(org.trialmeta.model.MagnitudeUnit u) {
        return u == org.trialmeta.model.MagnitudeUnit.PERCENT ? "%" : "-fold";
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

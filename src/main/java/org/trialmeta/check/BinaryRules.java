package org.trialmeta.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.PercentInterval;
import org.trialmeta.model.ReportedProportion;
import org.trialmeta.model.ResponseCount;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.proportion.ProportionCi;
import org.trialmeta.stats.proportion.Proportions;

/**
 * Rules on one binary outcome: {@link Rule#DENOMINATOR}, {@link Rule#PERCENT_FROM_COUNTS},
 * {@link Rule#GRIM} and {@link Rule#BINOMIAL_CI}.
 *
 * <p><b>Severity of the CI rule.</b> A reported CI that one of the six standard methods reproduces at
 * its printed rounding is an INFO naming the method(s). A CI that none reproduces but whose ends both
 * lie within the range spanned by the six methods (widened by half a printed unit) is a WARNING, not
 * an error: sources also use methods outside the six (mid-p, Blaker, Clopper-Pearson on a different
 * analysis set, a stratified CI), and those land inside that envelope. An end outside the envelope of
 * every standard method cannot come from the stated counts by any usual method, and is an ERROR.
 */
final class BinaryRules {

    /** Longest list of candidate counts printed in one finding. */
    private static final int MAX_LISTED = 12;

    private BinaryRules() {}

    static void check(Collector c, LocatedOutcome<BinaryOutcome> lo) {
        BinaryOutcome b = lo.outcome();
        denominator(c, lo);
        if (b.reported().isEmpty()) {
            return;
        }
        ReportedProportion r = b.reported().get();
        percentFromCounts(c, lo, r);
        grim(c, lo, r);
        r.ci().ifPresent(ci -> binomialCi(c, lo, r, ci));
    }

    private static void denominator(Collector c, LocatedOutcome<BinaryOutcome> lo) {
        BinaryOutcome b = lo.outcome();
        String f = Collector.field(lo);
        Optional<Integer> reportedN = b.reported().flatMap(ReportedProportion::n);
        if (b.counts().isPresent() && reportedN.isPresent() && !reportedN.get().equals(b.counts().get().evaluable())) {
            c.add(Severity.ERROR, Rule.DENOMINATOR, lo.trial(), f + ".reported.n", "n = " + reportedN.get(),
                    "evaluable = " + b.counts().get().evaluable(),
                    "the source prints n = " + reportedN.get() + " but the counts have " + b.counts().get().evaluable()
                            + " evaluable",
                    Collector.sourcesOf(b));
        }
        OptionalInt evaluable = evaluable(b);
        if (lo.arm().n().isPresent() && evaluable.isPresent() && evaluable.getAsInt() > lo.arm().n().get()) {
            c.add(Severity.ERROR, Rule.DENOMINATOR, lo.trial(), f, "evaluable = " + evaluable.getAsInt(),
                    "arm n = " + lo.arm().n().get(),
                    evaluable.getAsInt() + " evaluable exceed the " + lo.arm().n().get() + " subjects of arm "
                            + lo.arm().id(),
                    Collector.sourcesOf(b));
        }
    }

    /** Evaluable count: from the counts, else the reported n. */
    static OptionalInt evaluable(BinaryOutcome b) {
        if (b.counts().isPresent()) {
            return OptionalInt.of(b.counts().get().evaluable());
        }
        return b.reported().flatMap(ReportedProportion::n).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static void percentFromCounts(Collector c, LocatedOutcome<BinaryOutcome> lo, ReportedProportion r) {
        if (lo.outcome().counts().isEmpty() || lo.outcome().counts().get().evaluable() == 0) {
            return;
        }
        ResponseCount k = lo.outcome().counts().get();
        double p = r.percent().value();
        int d = Precision.decimals(p);
        double exact = 100.0 * k.responders() / k.evaluable();
        String recomputed = Precision.ratio(k.responders(), k.evaluable(), d) + " -> "
                + Precision.rounded(exact, d) + "%";
        String reported = Precision.text(p) + "%";
        String f = Collector.field(lo) + ".reported.percent";
        if (Precision.roundsTo(exact, p, d)) {
            c.add(Severity.INFO, Rule.PERCENT_FROM_COUNTS, lo.trial(), f, reported, recomputed,
                    Precision.ratio(k.responders(), k.evaluable(), d) + " rounds to the reported " + reported
                            + " at " + decimalsText(d) + ": consistent",
                    Collector.sourcesOf(lo.outcome()));
        } else {
            List<Integer> cands = Precision.candidateCounts(p, k.evaluable());
            c.add(Severity.ERROR, Rule.PERCENT_FROM_COUNTS, lo.trial(), f, reported, recomputed,
                    Precision.ratio(k.responders(), k.evaluable(), d) + " does not round to the reported " + reported
                            + " at " + decimalsText(d) + "; "
                            + (cands.isEmpty() ? "no count over " + k.evaluable() + " gives " + reported
                                    : "counts over " + k.evaluable() + " giving " + reported + ": "
                                            + countList(cands, k.evaluable(), d)),
                    Collector.sourcesOf(lo.outcome()));
        }
    }

    private static void grim(Collector c, LocatedOutcome<BinaryOutcome> lo, ReportedProportion r) {
        BinaryOutcome b = lo.outcome();
        double p = r.percent().value();
        int d = Precision.decimals(p);
        String reported = Precision.text(p) + "%";
        String f = Collector.field(lo) + ".reported.percent";
        OptionalInt n = evaluable(b);
        if (n.isPresent()) {
            if (n.getAsInt() == 0) {
                return;
            }
            List<Integer> cands = Precision.candidateCounts(p, n.getAsInt());
            if (cands.isEmpty()) {
                c.add(Severity.ERROR, Rule.GRIM, lo.trial(), f, reported + " of " + n.getAsInt(),
                        "no k/" + n.getAsInt() + " rounds to " + reported + "; nearest: " + nearest(p, n.getAsInt(), d),
                        "no integer count over " + n.getAsInt() + " gives " + reported + " at " + decimalsText(d)
                                + " (nearest: " + nearest(p, n.getAsInt(), d) + "): the percentage or the n is wrong",
                        Collector.sourcesOf(b));
            } else if (b.counts().isEmpty()) {
                c.add(Severity.INFO, Rule.GRIM, lo.trial(), f, reported + " of " + n.getAsInt(),
                        countList(cands, n.getAsInt(), d),
                        "responders not reported; " + (cands.size() == 1 ? "the only count" : "the counts")
                                + " over " + n.getAsInt() + " giving " + reported + ": "
                                + countList(cands, n.getAsInt(), d),
                        Collector.sourcesOf(b));
            }
            return;
        }
        // n unknown: bound it by the overall evaluable of the same arm, endpoint and cut
        OptionalInt bound = overallEvaluable(c, lo);
        if (bound.isEmpty() || !b.counts().isEmpty()) {
            return;
        }
        // the first MAX_LISTED fractions, and one more to know whether the list goes on
        List<Fractions.Fraction> found = Fractions.lowestTerms(p, bound.getAsInt(), MAX_LISTED + 1);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < found.size() && i < MAX_LISTED; i++) {
            pairs.add(Precision.ratio(found.get(i).k(), found.get(i).m(), d));
        }
        int total = found.size();
        c.add(total == 0 ? Severity.ERROR : Severity.INFO, Rule.GRIM, lo.trial(), f, reported + ", n not reported",
                total == 0 ? "none" : String.join("; ", pairs) + (total > pairs.size() ? "; ..." : ""),
                total == 0 ? "no count k/m with m <= " + bound.getAsInt() + " (the overall evaluable at this cut) gives "
                        + reported
                        : "n not reported; fractions k/m in lowest terms with m <= " + bound.getAsInt()
                                + " (the overall evaluable at this cut) giving " + reported + ": "
                                + String.join("; ", pairs) + (total > pairs.size() ? "; ..." : ""),
                Collector.sourcesOf(b));
    }

    /**
     * Evaluable of the overall subgroup for the same arm, endpoint and cut: the first overall outcome (in
     * repository order) with an evaluable count. One index per run, built in one pass over the outcomes.
     */
    private static OptionalInt overallEvaluable(Collector c, LocatedOutcome<BinaryOutcome> lo) {
        if (lo.subgroup().isOverall()) {
            return OptionalInt.empty();
        }
        Integer n = overallIndex(c).get(cellKey(lo));
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** Overall evaluable by {@link #cellKey}; built once per run (call it before running the rules in parallel). */
    static Map<String, Integer> overallIndex(Collector c) {
        return c.memo("overall-evaluable", () -> {
            Map<String, Integer> m = new HashMap<>();
            for (LocatedOutcome<BinaryOutcome> o : c.repo().outcomes(BinaryOutcome.class)) {
                if (o.subgroup().isOverall()) {
                    OptionalInt n = evaluable(o.outcome());
                    if (n.isPresent()) {
                        m.putIfAbsent(cellKey(o), n.getAsInt());
                    }
                }
            }
            return m;
        });
    }

    /** Trial, arm, cut and endpoint of an outcome (ids are unique in the repository, arms and cuts in a trial). */
    private static String cellKey(LocatedOutcome<BinaryOutcome> o) {
        return o.trial().id() + "\u0000" + o.arm().id() + "\u0000" + o.cut().id() + "\u0000" + o.outcome().endpoint();
    }

    private static void binomialCi(Collector c, LocatedOutcome<BinaryOutcome> lo, ReportedProportion r,
            PercentInterval ci) {
        BinaryOutcome b = lo.outcome();
        String f = Collector.field(lo) + ".reported.ci";
        double lower = ci.lower().value();
        double upper = ci.upper().value();
        int dl = Precision.decimals(lower);
        int du = Precision.decimals(upper);
        String reported = Precision.text(ci.level()) + "% CI " + Precision.text(lower) + "-" + Precision.text(upper);
        int k;
        int n;
        String basis;
        if (b.counts().isPresent()) {
            k = b.counts().get().responders();
            n = b.counts().get().evaluable();
            basis = k + "/" + n;
        } else {
            OptionalInt en = evaluable(b);
            if (en.isEmpty()) {
                c.add(Severity.INFO, Rule.BINOMIAL_CI, lo.trial(), f, reported, "",
                        "neither counts nor n are reported: the CI cannot be recomputed", Collector.sourcesOf(b));
                return;
            }
            List<Integer> cands = Precision.candidateCounts(r.percent().value(), en.getAsInt());
            if (cands.size() != 1) {
                c.add(Severity.INFO, Rule.BINOMIAL_CI, lo.trial(), f, reported, "",
                        "responders not reported and " + (cands.isEmpty() ? "no" : cands.size()) + " counts over "
                                + en.getAsInt() + " give " + Precision.text(r.percent().value())
                                + "%: the CI cannot be recomputed from a unique count",
                        Collector.sourcesOf(b));
                return;
            }
            k = cands.get(0);
            n = en.getAsInt();
            basis = k + "/" + n + " (the only count giving " + Precision.text(r.percent().value()) + "%)";
        }
        if (n == 0) {
            return;
        }
        double level = ci.level() / 100.0;
        List<String> reproducing = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        double minLo = Double.POSITIVE_INFINITY;
        double maxLo = Double.NEGATIVE_INFINITY;
        double minUp = Double.POSITIVE_INFINITY;
        double maxUp = Double.NEGATIVE_INFINITY;
        for (ProportionCi m : ProportionCi.values()) {
            Interval iv = Proportions.confidenceInterval(k, n, m, level).interval().orElseThrow();
            double lo100 = 100 * iv.lower();
            double up100 = 100 * iv.upper();
            minLo = Math.min(minLo, lo100);
            maxLo = Math.max(maxLo, lo100);
            minUp = Math.min(minUp, up100);
            maxUp = Math.max(maxUp, up100);
            boolean ok = Precision.roundsTo(lo100, lower, dl) && Precision.roundsTo(up100, upper, du);
            if (ok) {
                reproducing.add(m.cliName());
            }
            listed.add(m.cliName() + " " + Precision.fixed(lo100, dl + 1) + "-" + Precision.fixed(up100, du + 1)
                    + (ok ? " (reproduces)" : ""));
        }
        String recomputed = String.join("; ", listed);
        String at = dl == du ? decimalsText(dl) : "the printed decimals";
        if (!reproducing.isEmpty()) {
            c.add(Severity.INFO, Rule.BINOMIAL_CI, lo.trial(), f, reported, recomputed,
                    "the reported " + reported + " is reproduced from " + basis + " at " + at + " by "
                            + String.join(", ", reproducing),
                    Collector.sourcesOf(b));
            return;
        }
        boolean lowerInside = lower >= minLo - Precision.halfUnit(dl) - Precision.SLACK
                && lower <= maxLo + Precision.halfUnit(dl) + Precision.SLACK;
        boolean upperInside = upper >= minUp - Precision.halfUnit(du) - Precision.SLACK
                && upper <= maxUp + Precision.halfUnit(du) + Precision.SLACK;
        if (lowerInside && upperInside) {
            c.add(Severity.WARNING, Rule.BINOMIAL_CI, lo.trial(), f, reported, recomputed,
                    "no standard method reproduces the reported " + reported + " from " + basis + " at " + at
                            + ", though both ends lie within the range of the six methods: check the method"
                            + " and the analysis set in the source",
                    Collector.sourcesOf(b));
        } else {
            List<String> ends = new ArrayList<>();
            if (!lowerInside) {
                ends.add("lower " + Precision.text(lower) + " outside " + Precision.fixed(minLo, dl + 1) + "-"
                        + Precision.fixed(maxLo, dl + 1));
            }
            if (!upperInside) {
                ends.add("upper " + Precision.text(upper) + " outside " + Precision.fixed(minUp, du + 1) + "-"
                        + Precision.fixed(maxUp, du + 1));
            }
            c.add(Severity.ERROR, Rule.BINOMIAL_CI, lo.trial(), f, reported, recomputed,
                    "the reported " + reported + " cannot come from " + basis + " by any standard method ("
                            + String.join("; ", ends) + ", the range of the six methods)",
                    Collector.sourcesOf(b));
        }
    }

    static String decimalsText(int d) {
        return d == 0 ? "integer rounding" : d == 1 ? "1 decimal" : d + " decimals";
    }

    static String countList(List<Integer> counts, int n, int d) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < counts.size() && i < MAX_LISTED; i++) {
            parts.add(Precision.ratio(counts.get(i), n, d));
        }
        return String.join("; ", parts) + (counts.size() > MAX_LISTED ? "; ..." : "");
    }

    /** The counts just below and above the reported percent over n. */
    private static String nearest(double p, int n, int d) {
        int below = (int) Math.floor(p * n / 100.0);
        List<String> parts = new ArrayList<>();
        if (below >= 0 && below <= n) {
            parts.add(Precision.ratio(below, n, d));
        }
        if (below + 1 <= n) {
            parts.add(Precision.ratio(below + 1, n, d));
        }
        return String.join(", ", parts);
    }
}

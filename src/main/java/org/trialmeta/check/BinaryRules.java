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

/**
 * Rules on one binary outcome: {@link Rule#DENOMINATOR}, {@link Rule#PERCENT_FROM_COUNTS},
 * {@link Rule#GRIM}, {@link Rule#BINOMIAL_CI} and the percentage part of {@link Rule#ESTIMATE_IN_CI}; the
 * arithmetic is {@link ProportionVerdicts}, shared with {@code scan}.
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
        c.add(ProportionVerdicts.percentFromCounts(k.responders(), k.evaluable(), Printed.of(r.percent().value())),
                lo.trial(), Collector.field(lo) + ".reported.percent", Collector.sourcesOf(lo.outcome()));
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
            ProportionVerdicts.grim(Printed.of(p), n.getAsInt(), b.counts().isPresent())
                    .ifPresent(v -> c.add(v, lo.trial(), f, Collector.sourcesOf(b)));
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
        Printed lower = Printed.of(ci.lower().value());
        Printed upper = Printed.of(ci.upper().value());
        ProportionVerdicts.percentInCi(Printed.of(r.percent().value()), lower, upper, ci.level())
                .ifPresent(v -> c.add(v, lo.trial(), f, Collector.sourcesOf(b)));
        String reported = Precision.text(ci.level()) + "% CI " + lower.text() + "-" + upper.text();
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
        c.add(ProportionVerdicts.binomialCi(k, n, basis, lower, upper, ci.level(), Optional.empty()), lo.trial(), f,
                Collector.sourcesOf(b));
    }

    static String decimalsText(int d) {
        return ProportionVerdicts.decimalsText(d);
    }

    static String countList(List<Integer> counts, int n, int d) {
        return ProportionVerdicts.countList(counts, n, d);
    }
}

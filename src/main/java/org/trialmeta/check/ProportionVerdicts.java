package org.trialmeta.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.proportion.ProportionCi;
import org.trialmeta.stats.proportion.Proportions;

/**
 * The rules on one reported proportion, shared by {@code check} ({@link BinaryRules}) and {@code scan}:
 * {@link Rule#PERCENT_FROM_COUNTS}, {@link Rule#GRIM}, {@link Rule#BINOMIAL_CI}, {@link Rule#CI_METHOD} and the
 * percentage part of {@link Rule#ESTIMATE_IN_CI}. Every comparison is at the decimals the source printed
 * ({@link Printed}).
 *
 * <p><b>Severity of the CI rule.</b> A reported CI that one of the six standard methods reproduces at its
 * printed rounding is an INFO naming the method(s). A CI that none reproduces but whose ends both lie within the
 * range spanned by the six methods (widened by half a printed unit) is a WARNING: sources also use methods
 * outside the six (mid-p, Blaker, Clopper-Pearson on a different analysis set, a stratified CI), and those land
 * inside that envelope. An end outside the envelope of every standard method cannot come from the stated counts
 * by any usual method, and is an ERROR. When the source names the method ({@link Rule#CI_METHOD}), a CI that
 * method does not reproduce but another does is an ERROR (e.g. a Wald CI described as exact).
 */
final class ProportionVerdicts {

    /** Longest list of candidate counts printed in one finding. */
    static final int MAX_LISTED = 12;

    private ProportionVerdicts() {}

    /** {@link Rule#PERCENT_FROM_COUNTS}: k/n against the printed percentage; n &gt; 0. */
    static Verdict percentFromCounts(int k, int n, Printed p) {
        int d = p.decimals();
        double exact = 100.0 * k / n;
        String recomputed = Precision.ratio(k, n, d) + " -> " + Precision.rounded(exact, d) + "%";
        String reported = p.text() + "%";
        if (Precision.roundsTo(exact, p.value(), d)) {
            return Verdict.info(Rule.PERCENT_FROM_COUNTS, reported, recomputed, Precision.ratio(k, n, d)
                    + " rounds to the reported " + reported + " at " + decimalsText(d) + ": consistent");
        }
        List<Integer> cands = candidateCounts(p, n);
        return Verdict.of(Severity.ERROR, Rule.PERCENT_FROM_COUNTS, reported, recomputed,
                Precision.ratio(k, n, d) + " does not round to the reported " + reported + " at " + decimalsText(d)
                        + "; " + (cands.isEmpty() ? "no count over " + n + " gives " + reported
                                : "counts over " + n + " giving " + reported + ": " + countList(cands, n, d)));
    }

    /**
     * {@link Rule#GRIM} for a percentage of a known n &gt; 0: an error when no integer count gives it; when the
     * responders are not reported ({@code countsKnown} false), the counts that do give it (info).
     */
    static Optional<Verdict> grim(Printed p, int n, boolean countsKnown) {
        int d = p.decimals();
        String reported = p.text() + "%";
        List<Integer> cands = candidateCounts(p, n);
        if (cands.isEmpty()) {
            return Optional.of(Verdict.of(Severity.ERROR, Rule.GRIM, reported + " of " + n,
                    "no k/" + n + " rounds to " + reported + "; nearest: " + nearest(p.value(), n, d),
                    "no integer count over " + n + " gives " + reported + " at " + decimalsText(d)
                            + " (nearest: " + nearest(p.value(), n, d) + "): the percentage or the n is wrong"));
        }
        if (countsKnown) {
            return Optional.empty();
        }
        return Optional.of(Verdict.info(Rule.GRIM, reported + " of " + n, countList(cands, n, d),
                "responders not reported; " + (cands.size() == 1 ? "the only count" : "the counts") + " over " + n
                        + " giving " + reported + ": " + countList(cands, n, d)));
    }

    /** {@link Rule#ESTIMATE_IN_CI} for a percentage: an error when it lies outside its own printed CI. */
    static Optional<Verdict> percentInCi(Printed p, Printed lower, Printed upper, double levelPct) {
        if (p.value() >= lower.value() && p.value() <= upper.value()) {
            return Optional.empty();
        }
        return Optional.of(Verdict.of(Severity.ERROR, Rule.ESTIMATE_IN_CI, p.text() + "% (" + Precision.text(levelPct)
                + "% CI " + lower.text() + "-" + upper.text() + ")", "",
                "the percentage " + p.text() + "% lies outside its own CI " + lower.text() + "-" + upper.text()));
    }

    /**
     * {@link Rule#BINOMIAL_CI} (and {@link Rule#CI_METHOD} when {@code claimed} is present): the printed CI of
     * k/n against the six standard methods; n &gt; 0.
     *
     * @param basis   how k/n is known, e.g. "25/57" or "9/52 (the only count giving 17%)"
     * @param claimed the method the source says it used, when it says
     */
    static Verdict binomialCi(int k, int n, String basis, Printed lower, Printed upper, double levelPct,
            Optional<ProportionCi> claimed) {
        int dl = lower.decimals();
        int du = upper.decimals();
        String reported = Precision.text(levelPct) + "% CI " + lower.text() + "-" + upper.text();
        double level = levelPct / 100.0;
        List<ProportionCi> reproducing = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        double minLo = Double.POSITIVE_INFINITY;
        double maxLo = Double.NEGATIVE_INFINITY;
        double minUp = Double.POSITIVE_INFINITY;
        double maxUp = Double.NEGATIVE_INFINITY;
        String claimedEnds = "";
        for (ProportionCi m : ProportionCi.values()) {
            Interval iv = Proportions.confidenceInterval(k, n, m, level).interval().orElseThrow();
            double lo100 = 100 * iv.lower();
            double up100 = 100 * iv.upper();
            minLo = Math.min(minLo, lo100);
            maxLo = Math.max(maxLo, lo100);
            minUp = Math.min(minUp, up100);
            maxUp = Math.max(maxUp, up100);
            boolean ok = Precision.roundsTo(lo100, lower.value(), dl) && Precision.roundsTo(up100, upper.value(), du);
            if (ok) {
                reproducing.add(m);
            }
            String ends = Precision.fixed(lo100, dl + 1) + "-" + Precision.fixed(up100, du + 1);
            if (claimed.isPresent() && claimed.get() == m) {
                claimedEnds = ends;
            }
            listed.add(m.cliName() + " " + ends + (ok ? " (reproduces)" : ""));
        }
        String recomputed = String.join("; ", listed);
        String at = dl == du ? decimalsText(dl) : "the printed decimals";
        List<String> names = reproducing.stream().map(ProportionCi::cliName).toList();
        if (claimed.isPresent()) {
            String c = claimed.get().cliName();
            if (reproducing.contains(claimed.get())) {
                return Verdict.info(Rule.CI_METHOD, reported, recomputed, "the reported " + reported
                        + " is reproduced from " + basis + " at " + at + " by " + c + ", the method the source names");
            }
            if (!reproducing.isEmpty()) {
                return Verdict.of(Severity.ERROR, Rule.CI_METHOD, reported, recomputed, "the source names " + c
                        + " but its " + reported + " is reproduced from " + basis + " by " + String.join(", ", names)
                        + ", not by " + c + " (" + claimedEnds + ")");
            }
        }
        if (!reproducing.isEmpty()) {
            return Verdict.info(Rule.BINOMIAL_CI, reported, recomputed, "the reported " + reported
                    + " is reproduced from " + basis + " at " + at + " by " + String.join(", ", names));
        }
        boolean lowerInside = lower.value() >= minLo - lower.halfUnit() - Precision.SLACK
                && lower.value() <= maxLo + lower.halfUnit() + Precision.SLACK;
        boolean upperInside = upper.value() >= minUp - upper.halfUnit() - Precision.SLACK
                && upper.value() <= maxUp + upper.halfUnit() + Precision.SLACK;
        if (lowerInside && upperInside) {
            return Verdict.of(Severity.WARNING, Rule.BINOMIAL_CI, reported, recomputed,
                    "no standard method reproduces the reported " + reported + " from " + basis + " at " + at
                            + ", though both ends lie within the range of the six methods: check the method"
                            + " and the analysis set in the source");
        }
        List<String> ends = new ArrayList<>();
        if (!lowerInside) {
            ends.add("lower " + lower.text() + " outside " + Precision.fixed(minLo, dl + 1) + "-"
                    + Precision.fixed(maxLo, dl + 1));
        }
        if (!upperInside) {
            ends.add("upper " + upper.text() + " outside " + Precision.fixed(minUp, du + 1) + "-"
                    + Precision.fixed(maxUp, du + 1));
        }
        return Verdict.of(Severity.ERROR, Rule.BINOMIAL_CI, reported, recomputed,
                "the reported " + reported + " cannot come from " + basis + " by any standard method ("
                        + String.join("; ", ends) + ", the range of the six methods)");
    }

    /** The counts k in [0, n] that give the printed percentage at its printed decimals. */
    static List<Integer> candidateCounts(Printed p, int n) {
        List<Integer> out = new ArrayList<>();
        if (n <= 0) {
            return out;
        }
        double h = p.halfUnit();
        int lo = Math.max(0, (int) Math.floor(n * (p.value() - h) / 100.0) - 1);
        int hi = Math.min(n, (int) Math.ceil(n * (p.value() + h) / 100.0) + 1);
        for (int k = lo; k <= hi; k++) {
            if (Precision.roundsTo(100.0 * k / n, p.value(), p.decimals())) {
                out.add(k);
            }
        }
        return out;
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
    static String nearest(double p, int n, int d) {
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

package org.trialmeta.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.PercentInterval;
import org.trialmeta.model.ReportedProportion;
import org.trialmeta.model.ResponseCount;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.proportion.ProportionCi;
import org.trialmeta.stats.proportion.ProportionEstimate;
import org.trialmeta.stats.proportion.Proportions;

/**
 * Recomputes what can be recomputed from the counts of every binary outcome and compares it with what
 * the source reported, at the source's rounding (the number of decimals of the reported figure: 44 is
 * taken as rounded to a whole percent, 42.3 to one decimal; a figure is consistent when the recomputed
 * value lies within half a unit of the last reported digit).
 *
 * <p>Rules (ids are stable):
 * <ul>
 *   <li>{@code percent-from-counts}: responders/evaluable against the reported percentage (ERROR when
 *       they cannot round to it);</li>
 *   <li>{@code grim}: where only a percentage and n are reported, whether any whole count over n rounds
 *       to it (Brown and Heathers 2017, the GRIM test; ERROR when none does, INFO with the candidate
 *       counts otherwise);</li>
 *   <li>{@code ci-method}: which binomial interval methods (Clopper-Pearson, Wilson, Wilson with
 *       continuity correction, Agresti-Coull, Jeffreys, Wald) reproduce the reported CI at its rounding
 *       (INFO naming them; WARNING when none does, since a source may use a method not listed here);</li>
 *   <li>{@code subgroup-sum}: subgroups of one biomarker (e.g. KRAS mutant and wild-type) in the same
 *       trial, arm, cut and endpoint whose patients add up to the overall n must add up to the overall
 *       responders, and their pooled rate must round to the overall reported percentage (ERROR when not);
 *       when they cover fewer patients than the overall (some with unknown status), a WARNING says what is
 *       not covered.</li>
 * </ul>
 * Consistent results are reported as INFO so that a reviewer sees what was verified, not only what failed.
 * Findings are ordered by trial, field and rule; the result does not depend on the clock.
 */
public final class ReviewerCheck {

    /** The interval methods tried against a reported CI, in the order they are named. */
    static final List<ProportionCi> CI_METHODS = List.of(ProportionCi.CLOPPER_PEARSON, ProportionCi.WILSON,
            ProportionCi.WILSON_CC, ProportionCi.AGRESTI_COULL, ProportionCi.JEFFREYS, ProportionCi.WALD);

    private static final double EPS = 1e-9;

    private ReviewerCheck() {}

    /** Runs every rule over the repository. */
    public static CheckReport run(TrialRepository repo) {
        List<Finding> out = new ArrayList<>();
        List<LocatedOutcome<BinaryOutcome>> binary = repo.outcomes(BinaryOutcome.class);
        for (LocatedOutcome<BinaryOutcome> lo : binary) {
            BinaryOutcome o = lo.outcome();
            Optional<ResponseCount> counts = o.counts();
            Optional<ReportedProportion> rep = o.reported();
            if (rep.isEmpty()) {
                continue;
            }
            double p = rep.get().percent().value();
            if (counts.isPresent() && counts.get().evaluable() > 0) {
                percentFromCounts(lo, counts.get(), rep.get(), out);
                rep.get().ci().ifPresent(ci -> ciMethod(lo, counts.get(), ci, out));
            } else {
                Optional<Integer> n = rep.get().n();
                if (n.isPresent() && n.get() > 0) {
                    grim(lo, p, n.get(), rep.get(), out);
                }
            }
        }
        subgroupSums(binary, out);
        out.sort(Comparator.comparing(Finding::trial).thenComparing(Finding::field).thenComparing(Finding::rule)
                .thenComparing(Finding::message));
        return new CheckReport(out);
    }

    private static void percentFromCounts(LocatedOutcome<BinaryOutcome> lo, ResponseCount c, ReportedProportion rep,
            List<Finding> out) {
        double p = rep.percent().value();
        int d = decimals(p);
        double recomputed = 100.0 * c.responders() / c.evaluable();
        boolean ok = roundsTo(recomputed, p, d);
        out.add(new Finding(ok ? Severity.INFO : Severity.ERROR, "percent-from-counts", lo.trial().id(), field(lo),
                fmt(p, d) + "%", c.responders() + "/" + c.evaluable() + " = " + fmt(recomputed, Math.max(1, d + 1)) + "%",
                ok ? "The counts give the reported percentage at its rounding."
                        : "The counts cannot give the reported percentage at its rounding (" + fmt(recomputed, d + 1)
                                + "% does not round to " + fmt(p, d) + "%).",
                sources(lo, rep)));
    }

    private static void grim(LocatedOutcome<BinaryOutcome> lo, double p, int n, ReportedProportion rep, List<Finding> out) {
        int d = decimals(p);
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            if (roundsTo(100.0 * k / n, p, d)) {
                candidates.add(k);
            }
        }
        boolean ok = !candidates.isEmpty();
        StringBuilder cand = new StringBuilder();
        for (int k : candidates) {
            cand.append(cand.length() == 0 ? "" : ", ").append(k).append('/').append(n);
        }
        out.add(new Finding(ok ? Severity.INFO : Severity.ERROR, "grim", lo.trial().id(), field(lo),
                fmt(p, d) + "% of n = " + n, ok ? cand.toString() : "none",
                ok ? "Responder counts consistent with the reported percentage: " + cand + "."
                        : "No whole number of responders out of " + n + " rounds to " + fmt(p, d) + "% (GRIM test).",
                sources(lo, rep)));
    }

    private static void ciMethod(LocatedOutcome<BinaryOutcome> lo, ResponseCount c, PercentInterval ci, List<Finding> out) {
        double lo0 = ci.lower().value();
        double hi0 = ci.upper().value();
        int d = Math.max(decimals(lo0), decimals(hi0));
        double level = ci.level() / 100;
        List<String> match = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (ProportionCi m : CI_METHODS) {
            ProportionEstimate e = Proportions.confidenceInterval(c.responders(), c.evaluable(), m, level);
            if (e.interval().isEmpty()) {
                continue;
            }
            Interval iv = e.interval().get();
            double l = 100 * iv.lower();
            double u = 100 * iv.upper();
            all.append(all.length() == 0 ? "" : "; ").append(m.cliName()).append(' ').append(fmt(l, d + 1)).append('-')
                    .append(fmt(u, d + 1));
            if (roundsTo(l, lo0, d) && roundsTo(u, hi0, d)) {
                match.add(m.cliName());
            }
        }
        boolean ok = !match.isEmpty();
        out.add(new Finding(ok ? Severity.INFO : Severity.WARNING, "ci-method", lo.trial().id(), field(lo),
                fmt(ci.level(), 0) + "% CI " + fmt(lo0, d) + "-" + fmt(hi0, d), all.toString(),
                ok ? "Reproduced at the reported rounding by: " + String.join(", ", match) + "."
                        : "No common binomial method reproduces the reported CI from " + c.responders() + "/"
                                + c.evaluable() + " at its rounding.",
                sources(lo, lo.outcome().reported().orElseThrow())));
    }

    private static void subgroupSums(List<LocatedOutcome<BinaryOutcome>> binary, List<Finding> out) {
        Map<String, List<LocatedOutcome<BinaryOutcome>>> cells = new LinkedHashMap<>();
        for (LocatedOutcome<BinaryOutcome> lo : binary) {
            String key = lo.trial().id() + "\u0000" + lo.arm().id() + "\u0000" + lo.cut().id() + "\u0000"
                    + lo.outcome().endpoint();
            cells.computeIfAbsent(key, k -> new ArrayList<>()).add(lo);
        }
        for (List<LocatedOutcome<BinaryOutcome>> cell : cells.values()) {
            Optional<LocatedOutcome<BinaryOutcome>> overall = cell.stream()
                    .filter(lo -> lo.subgroup().biomarker().isEmpty()).findFirst();
            if (overall.isEmpty()) {
                continue;
            }
            Map<String, List<LocatedOutcome<BinaryOutcome>>> byMarker = new LinkedHashMap<>();
            for (LocatedOutcome<BinaryOutcome> lo : cell) {
                lo.subgroup().biomarker().ifPresent(b -> byMarker.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(lo));
            }
            for (Map.Entry<String, List<LocatedOutcome<BinaryOutcome>>> e : byMarker.entrySet()) {
                List<LocatedOutcome<BinaryOutcome>> parts = e.getValue();
                long statuses = parts.stream().map(lo -> lo.subgroup().biomarker().orElseThrow().status()).distinct().count();
                if (statuses < 2 || parts.stream().anyMatch(lo -> lo.outcome().counts().isEmpty())) {
                    continue;
                }
                int r = 0;
                int n = 0;
                StringBuilder sum = new StringBuilder();
                List<String> src = new ArrayList<>();
                for (LocatedOutcome<BinaryOutcome> lo : parts) {
                    ResponseCount c = lo.outcome().counts().orElseThrow();
                    r += c.responders();
                    n += c.evaluable();
                    sum.append(sum.length() == 0 ? "" : " + ").append(c.responders()).append('/').append(c.evaluable());
                    src.add(lo.provenance().source());
                }
                sum.append(" = ").append(r).append('/').append(n);
                LocatedOutcome<BinaryOutcome> all = overall.get();
                src.add(all.provenance().source());
                String field = all.arm().id() + " / " + e.getKey() + " subgroups vs overall / " + all.cut().id() + " / "
                        + all.outcome().endpoint();
                Optional<ResponseCount> oc = all.outcome().counts();
                if (oc.isPresent() && oc.get().evaluable() != n) {
                    // the subgroups do not cover the same patients (e.g. some with unknown biomarker status):
                    // not a partition, so no sum can be demanded; say what is and is not covered
                    out.add(new Finding(Severity.WARNING, "subgroup-sum", all.trial().id(), field,
                            oc.get().responders() + "/" + oc.get().evaluable(), sum.toString(),
                            "The " + e.getKey() + " subgroups cover " + n + " of " + oc.get().evaluable()
                                    + " evaluable patients and " + r + " of " + oc.get().responders() + " responders;"
                                    + " the rest have no subgroup (e.g. status unknown), so the sum cannot be checked.",
                            src.stream().distinct().toList()));
                    continue;
                }
                if (oc.isPresent()) {
                    boolean ok = oc.get().responders() == r;
                    out.add(new Finding(ok ? Severity.INFO : Severity.ERROR, "subgroup-sum", all.trial().id(), field,
                            oc.get().responders() + "/" + oc.get().evaluable(), sum.toString(),
                            ok ? "The " + e.getKey() + " subgroups add up to the overall counts."
                                    : "The " + e.getKey() + " subgroups have " + r + " responders, the overall "
                                            + oc.get().responders() + ", over the same " + n + " patients.",
                            src.stream().distinct().toList()));
                }
                Optional<ReportedProportion> rep = all.outcome().reported();
                if (rep.isPresent() && n > 0) {
                    double p = rep.get().percent().value();
                    int d = decimals(p);
                    double pooled = 100.0 * r / n;
                    boolean ok = roundsTo(pooled, p, d);
                    src.add(rep.get().provenance().source());
                    out.add(new Finding(ok ? Severity.INFO : Severity.ERROR, "subgroup-sum", all.trial().id(), field,
                            fmt(p, d) + "% overall", sum + " = " + fmt(pooled, d + 1) + "%",
                            ok ? "The subgroups' pooled rate rounds to the reported overall percentage."
                                    : "The subgroups' pooled rate does not round to the reported overall percentage.",
                            src.stream().distinct().toList()));
                }
            }
        }
    }

    /** Whether {@code value} rounds to {@code reported} at {@code decimals} decimals (either way at a tie). */
    static boolean roundsTo(double value, double reported, int decimals) {
        double half = 0.5 * Math.pow(10, -decimals);
        return Math.abs(value - reported) <= half + EPS;
    }

    /** Number of decimals of a reported figure (0 to 4), e.g. 44 → 0, 42.3 → 1. */
    static int decimals(double v) {
        for (int d = 0; d < 4; d++) {
            double s = v * Math.pow(10, d);
            if (Math.abs(s - Math.rint(s)) < 1e-6) {
                return d;
            }
        }
        return 4;
    }

    private static String fmt(double v, int d) {
        return String.format(Locale.ROOT, "%." + d + "f", v);
    }

    private static String field(LocatedOutcome<BinaryOutcome> lo) {
        return lo.arm().id() + " / " + lo.subgroup().id() + " / " + lo.cut().id() + " / " + lo.outcome().endpoint();
    }

    private static List<String> sources(LocatedOutcome<BinaryOutcome> lo, ReportedProportion rep) {
        List<String> s = new ArrayList<>();
        s.add(lo.provenance().source());
        if (!rep.provenance().source().equals(lo.provenance().source())) {
            s.add(rep.provenance().source());
        }
        return s;
    }
}

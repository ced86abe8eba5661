package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialmeta.repository.RevManReview;
import org.trialmeta.repository.RevManReview.DataRow;
import org.trialmeta.repository.RevManReview.Outcome;
import org.trialmeta.repository.RevManReview.Stored;
import org.trialmeta.stats.meta.RevMan5;

/**
 * {@code revman --verify}: the recomputed results against those RevMan stored in the file, and the data anomalies
 * that a reviewer should see.
 *
 * <p>Mismatch: a stored number differs from the recomputed one by more than the tolerance
 * max({@link RevManReview#storedPrecision()}, {@value #RELATIVE}·|stored|, {@value #ABSOLUTE}), or RevMan and
 * trialmeta disagree on whether a result is estimable. Compared: every total, subgroup and study quantity that
 * RevMan stores (effect, CI, Z and its p, Chi², df, its p, I², τ² of random-effects models, weights, study SEs,
 * the subgroup-difference test), effects on RevMan's display scale.
 *
 * <p>Anomalies (reported, not failures): events above the total or impossible counts, a study in two subgroups
 * (or twice) in one analysis, a group total of a study that changes between analyses of one comparison,
 * double-zero studies, and analyses with study data whose results RevMan did not store.
 */
public final class RevManVerify {

    /**
     * Relative floor of the tolerance. RevMan stores full doubles, but computes the p-value of Chi² with an
     * approximation: in Fleiss1993.rm5 its P_CHI2 0.1269422522 differs from the exact upper tail (R's
     * {@code pchisq}, Commons Statistics: 0.1269421779) by 5.8e-7 relative, while every other stored quantity agrees
     * to 1e-12. Differences below 1e-6 relative are therefore not reported.
     */
    public static final double RELATIVE = 1e-6;
    /** Absolute floor of the tolerance (p-values and I² near 0). */
    public static final double ABSOLUTE = 1e-12;

    private RevManVerify() {}

    /** The kind of a finding. */
    public enum Kind { MISMATCH, ANOMALY }

    /**
     * One finding.
     *
     * @param kind       mismatch or anomaly
     * @param analysis   outcome id (or the comparison id for anomalies across outcomes)
     * @param where      "total", a subgroup id, or a study id
     * @param quantity   e.g. effect, ci_start, weight; or the anomaly's rule
     * @param stored     the stored value (mismatches)
     * @param recomputed the recomputed value (mismatches)
     * @param message    one line
     */
    public record Finding(Kind kind, String analysis, String where, String quantity, Double stored, Double recomputed,
                          String message) {}

    /** Every finding for a review and its recomputed analyses (same order as {@code review}'s outcomes). */
    public static List<Finding> verify(RevManReview review, List<RevManAnalysis> analyses) {
        List<Finding> out = new ArrayList<>();
        for (RevManAnalysis a : analyses) {
            compare(review, a, new Sink(out, new ArrayList<>()));
            anomalies(review, a, out);
        }
        for (RevManReview.Comparison c : review.comparisons()) {
            changingTotals(c, out);
        }
        return out;
    }

    /** A stored value and the recomputed one, as compared. */
    public record Compared(String analysis, String where, String quantity, double stored, double recomputed) {
        /** |stored − recomputed|/|stored| (absolute when stored is 0). */
        public double relativeError() {
            double d = Math.abs(stored - recomputed);
            return stored == 0 ? d : d / Math.abs(stored);
        }
    }

    private record Sink(List<Finding> findings, List<Compared> compared) {
        void add(Finding f) {
            findings.add(f);
        }
    }

    /** Every stored value that {@link #verify} compares, with the recomputed one (for tests and reports). */
    public static List<Compared> compared(RevManReview review, List<RevManAnalysis> analyses) {
        List<Compared> c = new ArrayList<>();
        for (RevManAnalysis a : analyses) {
            compare(review, a, new Sink(new ArrayList<>(), c));
        }
        return c;
    }

    /** Whether any stored result disagrees. */
    public static boolean anyMismatch(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.kind() == Kind.MISMATCH);
    }

    private static void compare(RevManReview review, RevManAnalysis a, Sink out) {
        Outcome o = a.outcome();
        RevMan5.Result r = a.result();
        boolean ratio = a.ratio();
        double prec = review.storedPrecision();
        Stored t = o.stored();
        if (!t.hasEffect()) {
            return;
        }
        pooled(a, "total", t, r.total(), ratio, prec, out);
        if (!o.subgroups().isEmpty()) {
            for (int j = 0; j < o.subgroups().size(); j++) {
                RevManReview.Subgroup s = o.subgroups().get(j);
                pooled(a, s.id(), s.stored(), r.subgroups().get(j), ratio, prec, out);
                check(a, s.id(), "weight", s.stored().weight(), r.subgroups().get(j).weight(), prec, out);
            }
            if (o.subgroupTest() && r.subgroupTest() != null) {
                var test = r.subgroupTest();
                check(a, "subgroup test", "chi2 (Q)", t.q(), test.chi2(), prec, out);
                check(a, "subgroup test", "p (P_Q)", t.pQ(), test.p(), prec, out);
                check(a, "subgroup test", "i2 (I2_Q)", t.i2Q(), test.i2(), prec, out);
            }
        }
        for (int i = 0; i < o.data().size(); i++) {
            DataRow row = o.data().get(i);
            RevMan5.StudyEffect e = r.studies().get(i);
            Stored s = row.stored();
            String where = row.studyId();
            if (s.estimable() != null && s.estimable() != e.estimable()) {
                out.add(new Finding(Kind.MISMATCH, a.id(), where, "estimable", null, null, a.id() + " " + where
                        + ": RevMan has it " + (s.estimable() ? "estimable" : "not estimable") + ", recomputed "
                        + (e.estimable() ? "estimable" : "not estimable")));
                continue;
            }
            check(a, where, "weight", s.weight(), r.weightPercent()[i], prec, out);
            if (!e.estimable()) {
                continue;
            }
            if (o.type() != RevManReview.DataType.IV) {
                check(a, where, "effect", s.effect(), display(e.estimate(), ratio), prec, out);
                if (o.type() != RevManReview.DataType.IPD) {
                    check(a, where, "se", s.se(), e.se(), prec, out);
                }
            }
            check(a, where, "ci_start", s.ciStart(), display(e.lower(), ratio), prec, out);
            check(a, where, "ci_end", s.ciEnd(), display(e.upper(), ratio), prec, out);
        }
    }

    private static void pooled(RevManAnalysis a, String where, Stored s, RevMan5.Pooled p, boolean ratio, double prec,
                               Sink out) {
        if (p.k() == 0) {
            if (s.effect() != null && s.estimable() != Boolean.FALSE) {
                out.add(new Finding(Kind.MISMATCH, a.id(), where, "effect", s.effect(), null, a.id() + " " + where
                        + ": RevMan stored effect " + s.effect() + ", recomputed not estimable (no estimable study)"));
            }
            return;
        }
        check(a, where, "effect", s.effect(), display(p.estimate(), ratio), prec, out);
        check(a, where, "ci_start", s.ciStart(), display(p.lower(), ratio), prec, out);
        check(a, where, "ci_end", s.ciEnd(), display(p.upper(), ratio), prec, out);
        check(a, where, "z", s.z(), p.z(), prec, out);
        check(a, where, "p_z", s.pZ(), p.pZ(), prec, out);
        if (p.df() > 0) {
            check(a, where, "chi2", s.chi2(), p.chi2(), prec, out);
            check(a, where, "df", s.df(), (double) p.df(), prec, out);
            check(a, where, "p_chi2", s.pChi2(), p.pChi2(), prec, out);
            check(a, where, "i2", s.i2(), p.i2(), prec, out);
        }
        if (a.result().settings().random()) {
            check(a, where, "tau2", s.tau2(), p.tau2(), prec, out);
        }
    }

    private static double display(double v, boolean ratio) {
        return ratio ? Math.exp(v) : v;
    }

    /** Tolerance for a stored value. */
    public static double tolerance(double stored, double precision) {
        return Math.max(precision, Math.max(RELATIVE * Math.abs(stored), ABSOLUTE));
    }

    private static void check(RevManAnalysis a, String where, String q, Double stored, double ours, double prec,
                              Sink out) {
        if (stored == null) {
            return;
        }
        out.compared().add(new Compared(a.id(), where, q, stored, ours));
        if (!Double.isFinite(ours) || Math.abs(stored - ours) > tolerance(stored, prec)) {
            out.add(new Finding(Kind.MISMATCH, a.id(), where, q, stored, Double.isFinite(ours) ? ours : null,
                    a.id() + " " + where + " " + q + ": stored " + stored + ", recomputed "
                            + (Double.isFinite(ours) ? ours : "not estimable")));
        }
    }

    private static void anomalies(RevManReview review, RevManAnalysis a, List<Finding> out) {
        Outcome o = a.outcome();
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        for (int i = 0; i < o.data().size(); i++) {
            DataRow r = o.data().get(i);
            seen.computeIfAbsent(r.studyId(), x -> new ArrayList<>()).add(r.subgroup());
            String label = a.studyLabels().get(i);
            if (o.type() == RevManReview.DataType.DICH) {
                countRule(a, r, label, "events_1", r.events1(), "total_1", r.total1(), out);
                countRule(a, r, label, "events_2", r.events2(), "total_2", r.total2(), out);
                if (a.result().studies().get(i).doubleZero()) {
                    out.add(anomaly(a, r.studyId(), "double-zero study", a.id() + " " + label + " (" + r.studyId()
                            + "): " + (r.events1() != null && r.events1() == 0 ? "no events" : "only events")
                            + " in both groups (" + (a.measure().equals("RD") ? "kept for RD" : "not estimable") + ")"));
                }
            }
            if (o.type() == RevManReview.DataType.CONT) {
                for (Double sd : new Double[] {r.sd1(), r.sd2()}) {
                    if (sd != null && !(sd > 0)) {
                        out.add(anomaly(a, r.studyId(), "SD not positive", a.id() + " " + label + " (" + r.studyId()
                                + "): SD " + sd + " (study not estimable)"));
                        break;
                    }
                }
            }
        }
        for (var e : seen.entrySet()) {
            if (e.getValue().size() > 1) {
                boolean twoGroups = e.getValue().stream().distinct().count() > 1;
                out.add(anomaly(a, e.getKey(), twoGroups ? "study in two subgroups" : "study listed twice",
                        a.id() + " " + e.getKey() + ": " + (twoGroups ? "in " + e.getValue().stream().distinct().count()
                                + " subgroups of one analysis" : "listed " + e.getValue().size() + " times")));
            }
        }
        if (!o.stored().hasEffect() && a.result().total().k() > 0) {
            out.add(anomaly(a, "total", "stored results missing", a.id() + ": RevMan stored no results for this analysis ("
                    + a.result().total().k() + " estimable studies); nothing to compare"));
        }
    }

    private static void countRule(RevManAnalysis a, DataRow r, String label, String eName, Double events, String nName,
                                  Double total, List<Finding> out) {
        String prefix = a.id() + " " + label + " (" + r.studyId() + "): ";
        if (events == null || total == null) {
            out.add(anomaly(a, r.studyId(), "missing count", prefix + (events == null ? eName : nName) + " is empty"));
        } else if (RevManAnalysis.count(events) < 0 || RevManAnalysis.count(total) < 0) {
            out.add(anomaly(a, r.studyId(), "impossible count", prefix + eName + " " + events + ", " + nName + " " + total
                    + " must be whole numbers >= 0"));
        } else if (events > total) {
            out.add(anomaly(a, r.studyId(), "events > total", prefix + eName + " " + fmt(events) + " > " + nName + " "
                    + fmt(total)));
        }
    }

    private static void changingTotals(RevManReview.Comparison c, List<Finding> out) {
        Map<String, Map<String, String>> totals = new HashMap<>();
        for (Outcome o : c.outcomes()) {
            if (o.type() != RevManReview.DataType.DICH && o.type() != RevManReview.DataType.CONT) {
                continue;
            }
            for (DataRow r : o.data()) {
                if (r.total1() == null || r.total2() == null) {
                    continue;
                }
                String key = fmt(r.total1()) + "/" + fmt(r.total2());
                Map<String, String> byKey = totals.computeIfAbsent(r.studyId(), x -> new LinkedHashMap<>());
                byKey.putIfAbsent(key, o.id());
            }
        }
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue().size() > 1) {
                StringBuilder sb = new StringBuilder();
                e.getValue().forEach((k, id) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" in ").append(id));
                out.add(new Finding(Kind.ANOMALY, c.id(), e.getKey(), "total changes between analyses",
                        null, null, c.id() + " " + e.getKey() + ": group totals change between analyses: " + sb));
            }
        });
    }

    private static Finding anomaly(RevManAnalysis a, String where, String rule, String message) {
        return new Finding(Kind.ANOMALY, a.id(), where, rule, null, null, message);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

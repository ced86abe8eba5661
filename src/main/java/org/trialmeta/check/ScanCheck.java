package org.trialmeta.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialmeta.document.DocumentText;
import org.trialmeta.scan.Extraction;
import org.trialmeta.scan.Extractor;
import org.trialmeta.scan.Median;
import org.trialmeta.scan.Num;
import org.trialmeta.scan.Proportion;
import org.trialmeta.scan.Ratio;
import org.trialmeta.scan.Statistic;
import org.trialmeta.stats.proportion.ProportionCi;

/**
 * {@code trialmeta scan}: the reviewer check on a manuscript as it is. {@link Extractor} finds the statistics in
 * the document's text; the rules recompute each with the same arithmetic as the check of a trial file
 * ({@link ProportionVerdicts}, {@link RatioVerdicts}, {@link ResponseVerdicts}, {@link TimeVerdicts}), at the
 * decimals the document printed.
 *
 * <p>Pairing: a ratio is checked against the medians of its own sentence or table row (in their order: the first
 * arm named is the HR's numerator, as abstracts and tables put the experimental arm first); response categories
 * (CR, PR, ORR, DCR) are summed within one sentence or one table column; PFS-like and OS medians are compared arm
 * by arm within one table column or within sentences at most two apart that each give two arms; every reached
 * median is compared with the longest median follow-up the document prints. Percentages of landmark survival
 * ("OS at 12 months was 69.2%") are Kaplan-Meier estimates, not binomial proportions, and are not recomputed.
 */
public final class ScanCheck {

    /** Longest quote kept in a finding. */
    private static final int MAX_QUOTE = 300;
    /** Rows apart within which a table's PFS and OS medians of one column are compared. */
    private static final int TABLE_ROWS = 30;
    /** Sentences apart within which two-arm PFS and OS medians are compared. */
    private static final int NEARBY_SENTENCES = 2;

    private final DocumentText doc;
    private final Extraction ex;
    private final CheckOptions options;
    private final Optional<ProportionCi> claimed;
    private final List<ScanFinding> findings = new ArrayList<>();
    private final Map<Statistic, List<ScanFinding>> about = new IdentityHashMap<>();

    private ScanCheck(DocumentText doc, Extraction ex, CheckOptions options) {
        this.doc = doc;
        this.ex = ex;
        this.options = options;
        this.claimed = Optional.ofNullable(ex.claimedCiMethod()).map(ProportionCi::parse);
    }

    /** Extracts the statistics of {@code doc} and checks them with {@link CheckOptions#DEFAULTS}. */
    public static ScanReport run(DocumentText doc) {
        return run(doc, CheckOptions.DEFAULTS);
    }

    /** Extracts the statistics of {@code doc} and checks them. */
    public static ScanReport run(DocumentText doc, CheckOptions options) {
        ScanCheck c = new ScanCheck(doc, Extractor.extract(doc.text()), options);
        c.checkAll();
        return c.report();
    }

    private void checkAll() {
        for (Statistic s : ex.statistics()) {
            if (s instanceof Proportion p) {
                proportion(p);
            } else if (s instanceof Ratio r) {
                ratio(r);
            } else if (s instanceof Median m) {
                median(m);
            }
            // a p-value alone cannot be recomputed
        }
        responseSums();
        mediansAgainstRatios();
        pfsAgainstOs();
        followUp();
    }

    // ------------------------------------------------------------------ one statistic

    private void proportion(Proportion p) {
        if ("SURVIVAL".equals(p.category())) {
            return;
        }
        Printed pct = p.percent() == null ? null : printed(p.percent());
        if (pct != null && p.lower() != null && p.upper() != null) {
            ProportionVerdicts.percentInCi(pct, printed(p.lower()), printed(p.upper()), p.level())
                    .ifPresent(v -> add(v, p));
        }
        Integer n = p.n();
        if (n == null || n <= 0) {
            return;
        }
        if (p.count() != null && p.count() > n) {
            add(Verdict.of(Severity.ERROR, Rule.DENOMINATOR, p.count() + "/" + n, "",
                    p.count() + " responders exceed the denominator " + n), p);
            return;
        }
        if (pct != null && pct.value() > 100) {
            return;
        }
        if (p.count() != null && pct != null) {
            add(ProportionVerdicts.percentFromCounts(p.count(), n, pct), p);
        } else if (pct != null) {
            ProportionVerdicts.grim(pct, n, false).ifPresent(v -> add(v, p));
        }
        if (p.lower() != null && p.upper() != null && p.lower().value() <= p.upper().value()) {
            Integer k = p.count();
            String basis;
            if (k != null) {
                basis = k + "/" + n;
            } else if (pct != null) {
                List<Integer> cands = ProportionVerdicts.candidateCounts(pct, n);
                if (cands.size() != 1) {
                    return;
                }
                k = cands.get(0);
                basis = k + "/" + n + " (the only count giving " + pct.text() + "%)";
            } else {
                return;
            }
            add(ProportionVerdicts.binomialCi(k, n, basis, printed(p.lower()), printed(p.upper()), p.level(), claimed),
                    p);
        }
    }

    private void ratio(Ratio r) {
        Printed est = printed(r.estimate());
        String name = r.measure();
        if (r.lower() == null || r.upper() == null) {
            return;
        }
        Printed l = printed(r.lower());
        Printed u = printed(r.upper());
        if (l.value() > u.value()) {
            add(Verdict.of(Severity.ERROR, Rule.ESTIMATE_IN_CI, RatioVerdicts.describe(name, est, l, u, r.level()), "",
                    "the CI's ends are in reverse order (" + l.text() + " > " + u.text() + ")"), r);
            return;
        }
        RatioVerdicts.estimateInCi(name, est, l, u, r.level()).ifPresent(v -> add(v, r));
        RatioVerdicts.symmetry(name, "HR".equals(name), est, l, u, r.level()).ifPresent(v -> add(v, r));
        if (r.p() != null) {
            RatioVerdicts.pFromCi(name, est, l, u, r.level(), new ReportedP(r.p().relation(), printed(r.p().value())))
                    .ifPresent(v -> add(v, r));
        }
    }

    private void median(Median m) {
        if (m.followUp()) {
            return;
        }
        TimeVerdicts.Median tm = time(m);
        TimeVerdicts.medianInCi(m.endpoint(), tm, m.lower() == null ? null : printed(m.lower()),
                m.upper() == null ? null : printed(m.upper()), m.level()).ifPresent(v -> add(v, m));
        TimeVerdicts.plausible(m.endpoint(), tm, options.maxClinicalMedianYears()).ifPresent(v -> add(v, m));
    }

    // ------------------------------------------------------------------ across statistics

    /** CR + PR = ORR and DCR ≥ ORR within one sentence or one table column. */
    private void responseSums() {
        Map<String, Map<String, Proportion>> groups = new LinkedHashMap<>();
        for (Statistic s : ex.statistics()) {
            if (s instanceof Proportion p && p.category() != null && !"SURVIVAL".equals(p.category())) {
                String key = p.table() >= 0 ? "t" + p.table() + ":" + p.column() : "s" + p.context();
                groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(p.category(), p);
            }
        }
        for (Map<String, Proportion> g : groups.values()) {
            Proportion orr = g.get("ORR");
            if (orr == null) {
                continue;
            }
            Proportion cr = g.get("CR");
            Proportion pr = g.get("PR");
            if (cr != null && pr != null && sameN(cr, pr, orr)) {
                ResponseVerdicts.crPrOrr(part(cr, orr), part(pr, orr), part(orr, orr))
                        .ifPresent(v -> add(v, orr, cr, pr));
            }
            Proportion dcr = g.get("DCR");
            if (dcr != null && sameN(dcr, orr)) {
                ResponseVerdicts.dcrAtLeastOrr(part(dcr, orr), part(orr, orr)).ifPresent(v -> add(v, dcr, orr));
            }
        }
    }

    private static boolean sameN(Proportion... ps) {
        Integer n = null;
        for (Proportion p : ps) {
            if (p.n() != null) {
                if (n != null && !n.equals(p.n())) {
                    return false;
                }
                n = p.n();
            }
        }
        return true;
    }

    /** A category's count (printed, or the only one its percentage allows over the group's n) and percentage. */
    private static ResponseVerdicts.Part part(Proportion p, Proportion reference) {
        Integer count = p.count();
        Integer n = p.n() != null ? p.n() : reference.n();
        if (count == null && p.percent() != null && n != null && n > 0) {
            List<Integer> cands = ProportionVerdicts.candidateCounts(printed(p.percent()), n);
            if (cands.size() == 1) {
                count = cands.get(0);
            }
        }
        return new ResponseVerdicts.Part(count, p.percent() == null ? null : printed(p.percent()));
    }

    /** The medians (not follow-up) of each sentence or table row. */
    private Map<Integer, List<Median>> mediansByContext() {
        Map<Integer, List<Median>> out = new java.util.HashMap<>();
        for (Statistic s : ex.statistics()) {
            if (s instanceof Median m && !m.followUp()) {
                out.computeIfAbsent(m.context(), k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    /** Each hazard ratio against the two medians of its sentence or table row (first arm = the HR's numerator). */
    private void mediansAgainstRatios() {
        Map<Integer, List<Median>> byContext = mediansByContext();
        for (Statistic s : ex.statistics()) {
            if (!(s instanceof Ratio r) || !"HR".equals(r.measure())) {
                continue;
            }
            List<Median> ms = new ArrayList<>();
            for (Median m : byContext.getOrDefault(r.context(), List.of())) {
                if (r.endpoint() == null || m.endpoint() == null || r.endpoint().equals(m.endpoint())) {
                    ms.add(m);
                }
            }
            if (ms.size() != 2 || ms.get(0).endpoint() != null && ms.get(1).endpoint() != null
                    && !ms.get(0).endpoint().equals(ms.get(1).endpoint())) {
                continue;
            }
            ms.sort(Comparator.comparingInt(Median::column).thenComparingInt(Median::order));
            String endpoint = ms.get(0).endpoint() != null ? ms.get(0).endpoint()
                    : r.endpoint() != null ? r.endpoint() : "time";
            TimeVerdicts.medianVsHr(endpoint, time(ms.get(0)), time(ms.get(1)), printed(r.estimate()),
                    r.lower() == null ? null : printed(r.lower()), r.upper() == null ? null : printed(r.upper()),
                    r.level(), r.p() == null ? null : new ReportedP(r.p().relation(), printed(r.p().value())))
                    .ifPresent(v -> add(v, r, ms.get(0), ms.get(1)));
        }
    }

    /**
     * PFS-like medians against OS medians of the same arm: within one table column, or within one paragraph in
     * sentences at most {@value #NEARBY_SENTENCES} apart (the same sentence, or two that each give exactly two arms).
     */
    private void pfsAgainstOs() {
        Map<Integer, List<Median>> byContext = mediansByContext();
        Map<String, List<Median>> osByColumn = new java.util.HashMap<>(); // each list in reading order
        for (Statistic s : ex.statistics()) {
            if (s instanceof Median m && !m.followUp() && "OS".equals(m.endpoint()) && m.value() != null
                    && m.column() >= 0) {
                osByColumn.computeIfAbsent(tableKey(m), k -> new ArrayList<>()).add(m);
            }
        }
        for (Statistic s : ex.statistics()) {
            if (!(s instanceof Median p) || p.followUp() || p.value() == null
                    || !List.of("PFS", "EFS", "TTP", "DFS", "RFS", "MFS").contains(p.endpoint())) {
                continue;
            }
            List<Median> candidates = new ArrayList<>();
            if (p.column() >= 0) {
                // the OS rows of the same column within TABLE_ROWS rows (the list is in reading order)
                List<Median> column = osByColumn.getOrDefault(tableKey(p), List.of());
                int lo = 0;
                int hi = column.size();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (column.get(mid).context() < p.context() - TABLE_ROWS) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                for (int k = lo; k < column.size() && column.get(k).context() <= p.context() + TABLE_ROWS; k++) {
                    candidates.add(column.get(k));
                }
            } else {
                for (int c = p.context() - NEARBY_SENTENCES; c <= p.context() + NEARBY_SENTENCES; c++) {
                    for (Median os : byContext.getOrDefault(c, List.of())) {
                        if ("OS".equals(os.endpoint()) && os.value() != null && os.column() < 0
                                && os.paragraph() == p.paragraph() && os.order() == p.order() && (c == p.context()
                                || twoArms(p, byContext) && twoArms(os, byContext))) {
                            candidates.add(os);
                        }
                    }
                }
            }
            for (Median os : candidates) {
                boolean certain = p.column() >= 0 || p.context() == os.context();
                TimeVerdicts.pfsWithinOs(p.endpoint(), time(p), time(os), certain).ifPresent(v -> add(v, p, os));
            }
        }
    }

    /** The table and column of a table median. */
    private static String tableKey(Median m) {
        return m.table() + ":" + m.column();
    }

    private static boolean twoArms(Median m, Map<Integer, List<Median>> byContext) {
        int count = 0;
        for (Median o : byContext.getOrDefault(m.context(), List.of())) {
            if (java.util.Objects.equals(o.endpoint(), m.endpoint())) {
                count++;
            }
        }
        return count == 2;
    }

    /** Every reached median against the longest median follow-up printed. */
    private void followUp() {
        Median longest = null;
        for (Statistic s : ex.statistics()) {
            if (s instanceof Median m && m.followUp() && m.value() != null
                    && (longest == null || time(m).days() > time(longest).days())) {
                longest = m;
            }
        }
        if (longest == null) {
            return;
        }
        TimeVerdicts.Median f = time(longest);
        for (Statistic s : ex.statistics()) {
            if (s instanceof Median m && !m.followUp() && m.value() != null) {
                TimeVerdicts.withinFollowUp(m.endpoint() == null ? "median" : m.endpoint(), time(m), f)
                        .ifPresent(v -> add(v, m));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Printed printed(Num n) {
        return new Printed(n.value(), Math.min(15, n.decimals()));
    }

    private static TimeVerdicts.Median time(Median m) {
        return new TimeVerdicts.Median(m.value() == null ? null : printed(m.value()), m.unitDays(), m.unitName());
    }

    /** Places a verdict on the statistics it is about (the first is the one whose line is given). */
    private void add(Verdict v, Statistic... on) {
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (Statistic s : on) {
            start = Math.min(start, s.start());
            end = Math.max(end, s.end());
        }
        String quote = quote(on, start, end);
        if (quote.length() > MAX_QUOTE) {
            quote = quote.substring(0, MAX_QUOTE - 3) + "...";
        }
        ScanFinding f = new ScanFinding(v.severity(), v.rule().id(), doc.page(on[0].start()), doc.line(on[0].start()),
                start, end, quote, v.reported(), v.recomputed(), v.rule().sentence(), v.message());
        findings.add(f);
        for (Statistic s : on) {
            about.computeIfAbsent(s, k -> new ArrayList<>()).add(f);
        }
    }

    /** The statistics as printed: the whole span when they stand close together, else each joined by " ... ". */
    private String quote(Statistic[] on, int start, int end) {
        String text = doc.text();
        if (end - start <= 2 * MAX_QUOTE / 3 || on.length == 1) {
            return collapse(text.substring(start, Math.min(end, text.length())));
        }
        Statistic[] sorted = on.clone();
        java.util.Arrays.sort(sorted, Comparator.comparingInt(Statistic::start));
        StringBuilder b = new StringBuilder();
        for (Statistic s : sorted) {
            if (b.length() > 0) {
                b.append(" ... ");
            }
            b.append(collapse(text.substring(s.start(), Math.min(s.end(), text.length()))));
        }
        return b.toString();
    }

    private static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private ScanReport report() {
        List<ScanFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(ScanFinding::start).thenComparing(ScanFinding::severity)
                .thenComparing(ScanFinding::rule).thenComparing(ScanFinding::message));
        List<ScanReport.Mark> marks = new ArrayList<>();
        for (Statistic s : ex.statistics()) {
            List<ScanFinding> fs = new ArrayList<>(about.getOrDefault(s, List.of()));
            fs.sort(Comparator.comparing(ScanFinding::severity));
            Severity worst = fs.isEmpty() ? null : fs.get(0).severity();
            marks.add(new ScanReport.Mark(s.start(), s.end(), kind(s), worst, fs));
        }
        return new ScanReport(doc, ex.statistics().size(), ex.claimedCiMethod(), sorted, marks);
    }

    private static String kind(Statistic s) {
        if (s instanceof Proportion) {
            return "proportion";
        }
        if (s instanceof Ratio) {
            return "ratio";
        }
        if (s instanceof Median m) {
            return m.followUp() ? "follow-up" : "median";
        }
        return "p-value";
    }

}

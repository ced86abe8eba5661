package org.trialmeta.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 *
 * <p>Memory: a finding is kept as the rule family that gave it ({@link Site}), the statistics it is about and its
 * place among that family's verdicts, a few bytes; its words (quote, values, recomputation, message) are made
 * again from the statistics when the report asks for it, by the same pure functions ({@link #verdicts}). A long
 * document gives more findings than it has characters of text (a 6 MB text: 85,000 findings, each with about 200
 * characters of words), so the words of every finding held at once would cost several times the document.
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
    private final List<Statistic> stats;
    private final CheckOptions options;
    private final Optional<ProportionCi> claimed;
    /** The longest median follow-up printed (what {@link Site#FOLLOW_UP} compares with), once found. */
    private Median longest;
    /** The findings, one row each in the order found: site, verdict among the site's, severity, rule, statistics. */
    private int rows;
    private byte[] site = new byte[64];
    private byte[] verdict = new byte[64];
    private byte[] severity = new byte[64];
    private byte[] rule = new byte[64];
    private int[] on0 = new int[64];
    private int[] on1 = new int[64];
    private int[] on2 = new int[64];
    /**
     * The verdicts last made again on each thread, the last {@value #RECENT} sites: a site's findings are mostly
     * asked for one after another, and a finding about two or three statistics is asked for again with each.
     */
    private final ThreadLocal<Recent[]> recent = ThreadLocal.withInitial(() -> new Recent[RECENT]);
    private static final int RECENT = 4;

    /**
     * A family of rules run on one, two or three statistics: run again on the same statistics it gives the same
     * verdicts in the same order. The statistics, in the order a finding names them (the first gives its line):
     * PROPORTION, RATIO, MEDIAN the one statistic; RESPONSE_SUM ORR, CR, PR; DCR_VS_ORR DCR, ORR; MEDIAN_VS_HR the
     * HR, then the two medians in arm order; PFS_VS_OS the PFS-like median, the OS median; FOLLOW_UP the median
     * (compared with {@link #longest}).
     */
    private enum Site { PROPORTION, RATIO, MEDIAN, RESPONSE_SUM, DCR_VS_ORR, MEDIAN_VS_HR, PFS_VS_OS, FOLLOW_UP }

    private static final Site[] SITES = Site.values();
    private static final Rule[] RULES = Rule.values();
    private static final Severity[] SEVERITIES = Severity.values();
    /** Each rule's rank in the order of its id (findings at one place are listed by severity, then rule id). */
    private static final int[] RULE_RANK = new int[RULES.length];

    static {
        Rule[] byId = RULES.clone();
        Arrays.sort(byId, Comparator.comparing(Rule::id));
        for (int i = 0; i < byId.length; i++) {
            RULE_RANK[byId[i].ordinal()] = i;
        }
    }

    /** The verdicts of one site on some statistics. */
    private record Recent(Site site, int a, int b, int c, List<Verdict> verdicts) {
    }

    private ScanCheck(DocumentText doc, Extraction ex, CheckOptions options) {
        this.doc = doc;
        this.ex = ex;
        this.stats = ex.statistics();
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
        for (Statistic s : stats) {
            if (s instanceof Proportion p) {
                keep(Site.PROPORTION, p);
            } else if (s instanceof Ratio r) {
                keep(Site.RATIO, r);
            } else if (s instanceof Median m) {
                keep(Site.MEDIAN, m);
            }
            // a p-value alone cannot be recomputed
        }
        responseSums();
        mediansAgainstRatios();
        pfsAgainstOs();
        followUp();
    }

    /** The verdicts of {@code site} on {@code on} (see {@link Site} for what each expects), in a fixed order. */
    private List<Verdict> verdicts(Site site, Statistic[] on) {
        return switch (site) {
            case PROPORTION -> proportion((Proportion) on[0]);
            case RATIO -> ratio((Ratio) on[0]);
            case MEDIAN -> median((Median) on[0]);
            case RESPONSE_SUM -> {
                Proportion orr = (Proportion) on[0];
                yield list(ResponseVerdicts.crPrOrr(part((Proportion) on[1], orr), part((Proportion) on[2], orr),
                        part(orr, orr)));
            }
            case DCR_VS_ORR -> {
                Proportion orr = (Proportion) on[1];
                yield list(ResponseVerdicts.dcrAtLeastOrr(part((Proportion) on[0], orr), part(orr, orr)));
            }
            case MEDIAN_VS_HR -> medianVsHr((Ratio) on[0], (Median) on[1], (Median) on[2]);
            case PFS_VS_OS -> {
                Median p = (Median) on[0];
                Median os = (Median) on[1];
                boolean certain = p.column() >= 0 || p.context() == os.context();
                yield list(TimeVerdicts.pfsWithinOs(p.endpoint(), time(p), time(os), certain));
            }
            case FOLLOW_UP -> {
                Median m = (Median) on[0];
                yield list(TimeVerdicts.withinFollowUp(m.endpoint() == null ? "median" : m.endpoint(), time(m),
                        time(longest)));
            }
        };
    }

    private static List<Verdict> list(Optional<Verdict> v) {
        return v.map(List::of).orElse(List.of());
    }

    // ------------------------------------------------------------------ one statistic

    private List<Verdict> proportion(Proportion p) {
        List<Verdict> out = new ArrayList<>(2);
        if ("SURVIVAL".equals(p.category())) {
            return out;
        }
        Printed pct = p.percent() == null ? null : printed(p.percent());
        if (pct != null && p.lower() != null && p.upper() != null) {
            ProportionVerdicts.percentInCi(pct, printed(p.lower()), printed(p.upper()), p.level()).ifPresent(out::add);
        }
        Integer n = p.n();
        if (n == null || n <= 0) {
            return out;
        }
        if (p.count() != null && p.count() > n) {
            out.add(Verdict.of(Severity.ERROR, Rule.DENOMINATOR, p.count() + "/" + n, "",
                    p.count() + " responders exceed the denominator " + n));
            return out;
        }
        if (pct != null && pct.value() > 100) {
            return out;
        }
        if (p.count() != null && pct != null) {
            out.add(ProportionVerdicts.percentFromCounts(p.count(), n, pct));
        } else if (pct != null) {
            ProportionVerdicts.grim(pct, n, false).ifPresent(out::add);
        }
        if (p.lower() != null && p.upper() != null && p.lower().value() <= p.upper().value()) {
            Integer k = p.count();
            String basis;
            if (k != null) {
                basis = k + "/" + n;
            } else if (pct != null) {
                List<Integer> cands = ProportionVerdicts.candidateCounts(pct, n);
                if (cands.size() != 1) {
                    return out;
                }
                k = cands.get(0);
                basis = k + "/" + n + " (the only count giving " + pct.text() + "%)";
            } else {
                return out;
            }
            out.add(ProportionVerdicts.binomialCi(k, n, basis, printed(p.lower()), printed(p.upper()), p.level(),
                    claimed));
        }
        return out;
    }

    private List<Verdict> ratio(Ratio r) {
        List<Verdict> out = new ArrayList<>(4);
        Printed est = printed(r.estimate());
        String name = r.measure();
        if (r.change() != null) {
            out.add(RatioVerdicts.relativeChange(name, est, printed(r.change()), r.increase()));
        }
        if (r.lower() == null || r.upper() == null) {
            return out;
        }
        Printed l = printed(r.lower());
        Printed u = printed(r.upper());
        if (l.value() > u.value()) {
            out.add(Verdict.of(Severity.ERROR, Rule.ESTIMATE_IN_CI, RatioVerdicts.describe(name, est, l, u, r.level()),
                    "", "the CI's ends are in reverse order (" + l.text() + " > " + u.text() + ")"));
            return out;
        }
        RatioVerdicts.estimateInCi(name, est, l, u, r.level()).ifPresent(out::add);
        RatioVerdicts.symmetry(name, "HR".equals(name), est, l, u, r.level()).ifPresent(out::add);
        if (r.p() != null) {
            RatioVerdicts.pFromCi(name, est, l, u, r.level(), new ReportedP(r.p().relation(), printed(r.p().value())))
                    .ifPresent(out::add);
        }
        return out;
    }

    private List<Verdict> median(Median m) {
        List<Verdict> out = new ArrayList<>(2);
        if (m.followUp()) {
            return out;
        }
        TimeVerdicts.Median tm = time(m);
        TimeVerdicts.medianInCi(m.endpoint(), tm, m.lower() == null ? null : printed(m.lower()),
                m.upper() == null ? null : printed(m.upper()), m.level()).ifPresent(out::add);
        TimeVerdicts.plausible(m.endpoint(), tm, options.maxClinicalMedianYears()).ifPresent(out::add);
        return out;
    }

    /** A hazard ratio against the medians of its two arms, {@code first} the HR's numerator. */
    private static List<Verdict> medianVsHr(Ratio r, Median first, Median second) {
        String endpoint = first.endpoint() != null ? first.endpoint() : r.endpoint() != null ? r.endpoint() : "time";
        // a CI with one end only ("0.45-NR", "0.45 to not applicable") is no CI here: TimeVerdicts reads a lower end
        // as a whole CI, and failed on the missing upper one
        boolean ci = r.lower() != null && r.upper() != null;
        return list(TimeVerdicts.medianVsHr(endpoint, time(first), time(second), printed(r.estimate()),
                ci ? printed(r.lower()) : null, ci ? printed(r.upper()) : null,
                r.level(), r.p() == null ? null : new ReportedP(r.p().relation(), printed(r.p().value()))));
    }

    // ------------------------------------------------------------------ across statistics

    /** The response categories {@link #responseSums} reads, in the order of a group's slots. */
    private static final List<String> SUMMED = List.of("ORR", "CR", "PR", "DCR");

    /**
     * CR + PR = ORR and DCR ≥ ORR within one sentence or one table column (each category's first proportion there),
     * the groups in the order of their first proportion. Grouped by sorting the proportions' indices by group, not in
     * a map of maps: a long document has tens of thousands of groups, which held 2 MB of map entries.
     */
    private void responseSums() {
        int k = 0;
        int[] idx = new int[stats.size()];
        for (int i = 0; i < idx.length; i++) {
            if (stats.get(i) instanceof Proportion p && p.category() != null && SUMMED.contains(p.category())) {
                idx[k++] = i;
            }
        }
        int[] rows = Arrays.copyOf(idx, k); // stable: within a group, in reading order
        IntSort.sort(rows, (x, y) -> byGroup((Proportion) stats.get(x), (Proportion) stats.get(y)));
        // each group's first statistic, then its first ORR, CR, PR and DCR (-1 when it has none)
        int groups = 0;
        int[] slots = new int[5 * k];
        for (int r = 0; r < k; r++) {
            Proportion p = (Proportion) stats.get(rows[r]);
            if (r == 0 || byGroup((Proportion) stats.get(rows[r - 1]), p) != 0) {
                Arrays.fill(slots, 5 * groups, 5 * groups + 5, -1);
                slots[5 * groups++] = rows[r];
            }
            int slot = 5 * (groups - 1) + 1 + SUMMED.indexOf(p.category());
            if (slots[slot] < 0) {
                slots[slot] = rows[r];
            }
        }
        int[] order = new int[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        IntSort.sort(order, (x, y) -> Integer.compare(slots[5 * x], slots[5 * y]));
        for (int g : order) {
            Proportion orr = slot(slots, 5 * g + 1);
            if (orr == null) {
                continue;
            }
            Proportion cr = slot(slots, 5 * g + 2);
            Proportion pr = slot(slots, 5 * g + 3);
            if (cr != null && pr != null && sameN(cr, pr, orr)) {
                keep(Site.RESPONSE_SUM, orr, cr, pr);
            }
            Proportion dcr = slot(slots, 5 * g + 4);
            if (dcr != null && sameN(dcr, orr)) {
                keep(Site.DCR_VS_ORR, dcr, orr);
            }
        }
    }

    /** The order of two proportions' groups: a table's columns (by table, then column), then sentences. */
    private static int byGroup(Proportion x, Proportion y) {
        boolean tx = x.table() >= 0;
        boolean ty = y.table() >= 0;
        if (tx != ty) {
            return tx ? -1 : 1;
        }
        if (tx) {
            int c = Integer.compare(x.table(), y.table());
            return c != 0 ? c : Integer.compare(x.column(), y.column());
        }
        return Integer.compare(x.context(), y.context());
    }

    private Proportion slot(int[] slots, int i) {
        return slots[i] < 0 ? null : (Proportion) stats.get(slots[i]);
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
        for (Statistic s : stats) {
            if (s instanceof Median m && !m.followUp()) {
                out.computeIfAbsent(m.context(), k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    /** Each hazard ratio against the two medians of its sentence or table row (first arm = the HR's numerator). */
    private void mediansAgainstRatios() {
        Map<Integer, List<Median>> byContext = mediansByContext();
        for (Statistic s : stats) {
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
            keep(Site.MEDIAN_VS_HR, r, ms.get(0), ms.get(1));
        }
    }

    /**
     * PFS-like medians against OS medians of the same arm: within one table column, or within one paragraph in
     * sentences at most {@value #NEARBY_SENTENCES} apart (the same sentence, or two that each give exactly two arms).
     */
    private void pfsAgainstOs() {
        Map<Integer, List<Median>> byContext = mediansByContext();
        Map<String, List<Median>> osByColumn = new java.util.HashMap<>(); // each list in reading order
        for (Statistic s : stats) {
            if (s instanceof Median m && !m.followUp() && "OS".equals(m.endpoint()) && m.value() != null
                    && m.column() >= 0) {
                osByColumn.computeIfAbsent(tableKey(m), k -> new ArrayList<>()).add(m);
            }
        }
        for (Statistic s : stats) {
            // a median of no named endpoint ("the median was 11.1 months") is none of these (List.of(...).contains(null)
            // throws: scan failed on such a sentence)
            if (!(s instanceof Median p) || p.followUp() || p.value() == null || p.endpoint() == null
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
                keep(Site.PFS_VS_OS, p, os);
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
        for (Statistic s : stats) {
            if (s instanceof Median m && m.followUp() && m.value() != null
                    && (longest == null || time(m).days() > time(longest).days())) {
                longest = m;
            }
        }
        if (longest == null) {
            return;
        }
        for (Statistic s : stats) {
            if (s instanceof Median m && !m.followUp() && m.value() != null) {
                keep(Site.FOLLOW_UP, m);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Printed printed(Num n) {
        // a p-value such as 1 x 10^-18 keeps its 18 decimals: capped at 15 it stood for [0, 5e-16]
        return new Printed(n.value(), Math.min(Printed.MAX_DECIMALS, n.decimals()));
    }

    private static TimeVerdicts.Median time(Median m) {
        return new TimeVerdicts.Median(m.value() == null ? null : printed(m.value()), m.unitDays(), m.unitName());
    }

    /** Runs {@code site} on {@code on} and keeps a row for each verdict (the first statistic gives its line). */
    private void keep(Site where, Statistic... on) {
        List<Verdict> vs = verdicts(where, on);
        if (vs.isEmpty()) {
            return;
        }
        int a = indexOf(on[0]);
        int b = on.length > 1 ? indexOf(on[1]) : -1;
        int c = on.length > 2 ? indexOf(on[2]) : -1;
        for (int i = 0; i < vs.size(); i++) {
            if (rows == site.length) {
                resize(rows + (rows >> 1));
            }
            Verdict v = vs.get(i);
            site[rows] = (byte) where.ordinal();
            verdict[rows] = (byte) i;
            severity[rows] = (byte) v.severity().ordinal();
            rule[rows] = (byte) v.rule().ordinal();
            on0[rows] = a;
            on1[rows] = b;
            on2[rows] = c;
            rows++;
        }
    }

    /**
     * The index of {@code s} in {@link #stats}, which the extractor lists by start: a binary search for its start,
     * then the few statistics starting there.
     */
    private int indexOf(Statistic s) {
        int lo = 0;
        int hi = stats.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stats.get(mid).start() < s.start()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < stats.size() && stats.get(i).start() == s.start(); i++) {
            if (stats.get(i) == s) {
                return i;
            }
        }
        throw new IllegalStateException("a statistic not in the extraction, or the extraction not in text order");
    }

    /** The rows' columns made {@code size} long (longer to add rows, exactly as long as the rows at the end). */
    private void resize(int size) {
        site = Arrays.copyOf(site, size);
        verdict = Arrays.copyOf(verdict, size);
        severity = Arrays.copyOf(severity, size);
        rule = Arrays.copyOf(rule, size);
        on0 = Arrays.copyOf(on0, size);
        on1 = Arrays.copyOf(on1, size);
        on2 = Arrays.copyOf(on2, size);
    }

    /** The statistics finding {@code row} is about. */
    private Statistic[] on(int row) {
        int n = on2[row] >= 0 ? 3 : on1[row] >= 0 ? 2 : 1;
        Statistic[] out = new Statistic[n];
        out[0] = stats.get(on0[row]);
        if (n > 1) {
            out[1] = stats.get(on1[row]);
        }
        if (n > 2) {
            out[2] = stats.get(on2[row]);
        }
        return out;
    }

    /** Where finding {@code row}'s statistics start. */
    private int start(int row) {
        int start = stats.get(on0[row]).start();
        if (on1[row] >= 0) {
            start = Math.min(start, stats.get(on1[row]).start());
        }
        if (on2[row] >= 0) {
            start = Math.min(start, stats.get(on2[row]).start());
        }
        return start;
    }

    /** Where finding {@code row} stands and what it quotes: nothing is recomputed. */
    private ScanReport.Place place(int row) {
        Statistic[] on = on(row);
        return place(row, on);
    }

    private ScanReport.Place place(int row, Statistic[] on) {
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
        return new ScanReport.Place(SEVERITIES[severity[row]], RULES[rule[row]].id(), doc.page(on[0].start()),
                doc.line(on[0].start()), start, end, quote);
    }

    /** Finding {@code row} in words: its site's verdicts made again (safe from several threads at once). */
    private ScanFinding finding(int row) {
        Statistic[] on = on(row);
        ScanReport.Place at = place(row, on);
        Verdict v = verdicts(row, on).get(verdict[row]);
        if (v.severity().ordinal() != severity[row] || v.rule().ordinal() != rule[row]) {
            // the verdict functions are pure; a change here would mix one verdict's words with another's severity
            throw new IllegalStateException("a finding's verdict changed when it was made again: " + v.rule().id());
        }
        return new ScanFinding(at.severity(), at.rule(), at.page(), at.line(), at.start(), at.end(), at.quote(),
                v.reported(), v.recomputed(), v.rule().sentence(), v.message());
    }

    /** The verdicts of finding {@code row}'s site, from this thread's recent ones when they are there. */
    private List<Verdict> verdicts(int row, Statistic[] on) {
        Site where = SITES[site[row]];
        int a = on0[row];
        int b = on1[row];
        int c = on2[row];
        Recent[] cache = recent.get();
        for (Recent r : cache) {
            if (r != null && r.site() == where && r.a() == a && r.b() == b && r.c() == c) {
                return r.verdicts();
            }
        }
        List<Verdict> vs = verdicts(where, on);
        System.arraycopy(cache, 0, cache, 1, RECENT - 1);
        cache[0] = new Recent(where, a, b, c, vs);
        return vs;
    }

    /** The statistics as printed: the whole span when they stand close together, else each joined by " ... ". */
    private String quote(Statistic[] on, int start, int end) {
        CharSequence text = doc.text();
        if (end - start <= 2 * MAX_QUOTE / 3 || on.length == 1) {
            return collapse(text.subSequence(start, Math.min(end, text.length())).toString());
        }
        Statistic[] sorted = on.clone();
        java.util.Arrays.sort(sorted, Comparator.comparingInt(Statistic::start));
        StringBuilder b = new StringBuilder();
        for (Statistic s : sorted) {
            if (b.length() > 0) {
                b.append(" ... ");
            }
            b.append(collapse(text.subSequence(s.start(), Math.min(s.end(), text.length())).toString()));
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

    /**
     * The report: the rows in reading order (place, then severity, rule id and message; rows alike in all four in
     * the order found), and each statistic's rows, most serious first (then in the order found).
     */
    private ScanReport report() {
        int n = rows;
        resize(n);
        byte[] sev = severity;
        int[] starts = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = start(i);
            order[i] = i;
        }
        IntSort.sort(order, (x, y) -> {
            int c = Integer.compare(starts[x], starts[y]);
            if (c == 0) {
                c = Integer.compare(sev[x], sev[y]);
            }
            if (c == 0) {
                c = Integer.compare(RULE_RANK[rule[x]], RULE_RANK[rule[y]]);
            }
            return c != 0 ? c : finding(x).message().compareTo(finding(y).message());
        });
        ScanReport.Findings words = new ScanReport.Findings() {
            @Override
            public ScanFinding finding(int row) {
                return ScanCheck.this.finding(row);
            }

            @Override
            public ScanReport.Place place(int row) {
                return ScanCheck.this.place(row);
            }

            @Override
            public int about(int row, int k) {
                return k == 0 ? on0[row] : k == 1 ? on1[row] : on2[row];
            }
        };
        return new ScanReport(doc, stats, ex.claimedCiMethod(), words, order, sev);
    }

    /** What a statistic is, as the annotated copy names it. */
    static String kind(Statistic s) {
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

package org.trialmeta.check;

import static org.trialmeta.check.Rounding.consistent;
import static org.trialmeta.check.Rounding.decimals;
import static org.trialmeta.check.Rounding.fmt;
import static org.trialmeta.check.Rounding.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.BiomarkerChange;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.PercentInterval;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.ReportedProportion;
import org.trialmeta.model.ResponseCount;
import org.trialmeta.model.Setting;
import org.trialmeta.model.Source;
import org.trialmeta.model.TimeInterval;
import org.trialmeta.model.TimeToEventEndpoint;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.TimeUnit;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.proportion.ProportionCi;
import org.trialmeta.stats.proportion.ProportionEstimate;
import org.trialmeta.stats.proportion.Proportions;

/**
 * Reviewer consistency check: recomputes every reported figure it can from the counts and compares it with
 * what the source reported, at the source's rounding (a percent written 44 is compared at 0 decimals, 42.3
 * at 1; ties accepted either way, see {@link Rounding#consistent}).
 *
 * <p>Rules (ids as in {@link Finding#rule()}), in report order:
 * <ol>
 * <li>{@code percent-from-counts}: 100·responders/evaluable rounds to the reported percent (ERROR if not).</li>
 * <li>{@code ci-method}: which binomial CI methods ({@link ProportionCi}) reproduce the reported CI at its
 * rounding (INFO naming them; WARNING if none). R: {@code binom.test(x, n)$conf.int} for Clopper-Pearson.</li>
 * <li>{@code grim}: some integer k/n rounds to the reported percent (Brown NJL, Heathers JAJ. The GRIM test.
 * Soc Psychol Personal Sci 2017;8:363–369, doi:10.1177/1948550616673876). ERROR if no k does; INFO with
 * the candidate counts when only n is known.</li>
 * <li>{@code subgroup-sum}: subgroups of one biomarker (e.g. KRAS mutant + wild-type) add up to the overall
 * of the same trial/arm/cut/endpoint, and the summed percent rounds to the reported overall percent.</li>
 * <li>{@code ci-order}, {@code median-in-ci}: CI lower ≤ upper and the median inside its CI (the loader
 * already rejects both, so on loaded data these never fire; kept for repositories built in code).
 * {@code time-unit-plausible}: clinical medians below 7 days or above 20 years, preclinical medians in
 * months (WARNING). A datum's cut-off differing from its analysis cut's is rejected by the loader, so it
 * has no rule here.</li>
 * <li>{@code cut-change}: the same trial/arm/subgroup/endpoint in several analysis cuts: values and change in
 * percentage points (WARNING at |change| ≥ {@value #CUT_CHANGE_WARNING_PP} pp, else INFO).</li>
 * <li>{@code source-discrepancy}: the same marker (or endpoint) in the same trial/arm/subgroup given different
 * values by different sources (WARNING with both values and citations).</li>
 * <li>{@code evidence-status}: every secondary or unverified datum (INFO, with what would confirm it).</li>
 * <li>{@code derived-arithmetic}: derived counts re-derived as round(percent × n / 100) (ERROR if the derived
 * count does not reproduce the reported percent; WARNING if another count is the nearer one).</li>
 * </ol>
 */
public final class ReviewerCheck {

    /** Rule ids in report order. */
    public static final List<String> RULES = List.of("percent-from-counts", "ci-method", "grim", "subgroup-sum",
            "ci-order", "median-in-ci", "time-unit-plausible", "cut-change", "source-discrepancy",
            "evidence-status", "derived-arithmetic");

    /** A change between cuts of at least this many percentage points is a WARNING, smaller ones INFO. */
    public static final double CUT_CHANGE_WARNING_PP = 10.0;

    /** Clinical medians below this many days are implausible as a trial duration endpoint. */
    public static final double MIN_CLINICAL_MEDIAN_DAYS = 7.0;

    /** Clinical medians above this many years are implausible. */
    public static final double MAX_CLINICAL_MEDIAN_YEARS = 20.0;

    private final TrialRepository repo;
    private final List<Finding> out = new ArrayList<>();

    private ReviewerCheck(TrialRepository repo) {
        this.repo = repo;
    }

    /** Runs every rule on the repository. Never throws on data; a datum a rule cannot check is skipped. */
    public static CheckReport run(TrialRepository repo) {
        if (repo == null) {
            throw new IllegalArgumentException("repository: null (required)");
        }
        ReviewerCheck c = new ReviewerCheck(repo);
        for (BinaryEndpoint e : BinaryEndpoint.values()) {
            for (LocatedOutcome<BinaryOutcome> o : repo.binaryOutcomes(e)) {
                c.percentFromCounts(o);
                c.ciMethod(o);
                c.grim(o);
                c.derivedArithmetic(o);
            }
            c.subgroupSum(repo.binaryOutcomes(e));
            c.binaryCutChange(repo.binaryOutcomes(e));
            c.binarySourceDiscrepancy(repo.binaryOutcomes(e));
        }
        for (TimeToEventEndpoint e : TimeToEventEndpoint.values()) {
            for (LocatedOutcome<TimeToEventOutcome> o : repo.timeToEventOutcomes(e)) {
                c.timeToEvent(o);
            }
            c.medianCutChange(repo.timeToEventOutcomes(e));
        }
        c.biomarkerSourceDiscrepancy(repo.biomarkerChanges());
        for (LocatedOutcome<Outcome> o : repo.outcomes()) {
            c.evidenceStatus(o);
        }
        List<Finding> sorted = new ArrayList<>(c.out);
        sorted.sort(Comparator.comparing(Finding::trial)
                .thenComparingInt(f -> RULES.indexOf(f.rule()))
                .thenComparing(Finding::field)
                .thenComparing(Finding::message));
        return new CheckReport(sorted);
    }

    // ---------------------------------------------------------------- binary outcomes

    private void percentFromCounts(LocatedOutcome<BinaryOutcome> o) {
        BinaryOutcome b = o.outcome();
        if (b.counts().isEmpty() || b.reported().isEmpty() || b.counts().get().evaluable() == 0) {
            return;
        }
        ResponseCount c = b.counts().get();
        ReportedProportion r = b.reported().get();
        double reported = r.percent().value();
        int d = decimals(reported);
        double exact = 100.0 * c.responders() / c.evaluable();
        String recomputed = c.responders() + "/" + c.evaluable() + " = " + fmt(exact, d + 1) + "%";
        if (consistent(exact, reported, d)) {
            add(Severity.INFO, "percent-from-counts", o, num(reported) + "%", recomputed, String.format(Locale.ROOT,
                    "%s consistent with the reported %s%% at %d decimal(s)", recomputed, num(reported), d), sources(b));
        } else {
            add(Severity.ERROR, "percent-from-counts", o, num(reported) + "%", recomputed, String.format(Locale.ROOT,
                    "%s does not round to the reported %s%% at %d decimal(s)", recomputed, num(reported), d), sources(b));
        }
        r.n().filter(n -> n != c.evaluable()).ifPresent(n -> add(Severity.WARNING, "percent-from-counts", o,
                "n = " + n, "evaluable = " + c.evaluable(), String.format(Locale.ROOT,
                        "reported n %d differs from the evaluable count %d the percent is recomputed over", n,
                        c.evaluable()), sources(b)));
    }

    private void ciMethod(LocatedOutcome<BinaryOutcome> o) {
        BinaryOutcome b = o.outcome();
        if (b.counts().isEmpty() || b.reported().isEmpty() || b.reported().get().ci().isEmpty()
                || b.counts().get().evaluable() == 0) {
            return;
        }
        ResponseCount c = b.counts().get();
        PercentInterval ci = b.reported().get().ci().get();
        int d = Math.max(decimals(ci.lower().value()), decimals(ci.upper().value()));
        String reported = String.format(Locale.ROOT, "%s%% CI %s–%s", num(ci.level()), num(ci.lower().value()),
                num(ci.upper().value()));
        List<String> reproducing = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (ProportionCi m : ProportionCi.values()) {
            ProportionEstimate e = Proportions.confidenceInterval(c.responders(), c.evaluable(), m, ci.level() / 100.0);
            if (e.interval().isEmpty()) {
                continue;
            }
            Interval iv = e.interval().get();
            double lo = 100 * iv.lower();
            double hi = 100 * iv.upper();
            all.add(m.cliName() + " " + fmt(lo, d + 1) + "–" + fmt(hi, d + 1));
            if (consistent(lo, ci.lower().value(), d) && consistent(hi, ci.upper().value(), d)) {
                reproducing.add(m.cliName());
            }
        }
        String recomputed = String.join("; ", all);
        String counts = c.responders() + "/" + c.evaluable();
        if (reproducing.isEmpty()) {
            add(Severity.WARNING, "ci-method", o, reported, recomputed, String.format(Locale.ROOT,
                    "no binomial CI method reproduces the reported %s for %s at %d decimal(s)", reported, counts, d),
                    sources(b));
        } else {
            add(Severity.INFO, "ci-method", o, reported, recomputed, String.format(Locale.ROOT,
                    "the reported %s for %s is reproduced at %d decimal(s) by %s", reported, counts, d,
                    String.join(", ", reproducing)), sources(b));
        }
    }

    private void grim(LocatedOutcome<BinaryOutcome> o) {
        BinaryOutcome b = o.outcome();
        if (b.reported().isEmpty()) {
            return;
        }
        ReportedProportion r = b.reported().get();
        Optional<Integer> n = r.n().or(() -> b.counts().map(ResponseCount::evaluable));
        if (n.isEmpty() || n.get() == 0) {
            return;
        }
        double reported = r.percent().value();
        int d = decimals(reported);
        List<Integer> candidates = grimCandidates(reported, d, n.get());
        String cand = candidates.stream().map(k -> k + "/" + n.get() + " = " + fmt(100.0 * k / n.get(), d + 1) + "%")
                .collect(Collectors.joining(", "));
        if (candidates.isEmpty()) {
            add(Severity.ERROR, "grim", o, num(reported) + "% of " + n.get(), "no k/" + n.get(),
                    String.format(Locale.ROOT, "no integer count k of %d rounds to the reported %s%% at %d decimal(s)",
                            n.get(), num(reported), d), sources(b));
        } else if (b.counts().isEmpty()) {
            add(Severity.INFO, "grim", o, num(reported) + "% of " + n.get(), cand, String.format(Locale.ROOT,
                    "counts not reported; %d count(s) over %d give the reported %s%%: %s", candidates.size(), n.get(),
                    num(reported), cand), sources(b));
        }
    }

    /** Every k in 0..n with 100·k/n consistent with {@code percent} at {@code decimals}. */
    static List<Integer> grimCandidates(double percent, int decimals, int n) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            if (consistent(100.0 * k / n, percent, decimals)) {
                out.add(k);
            }
        }
        return out;
    }

    private void derivedArithmetic(LocatedOutcome<BinaryOutcome> o) {
        BinaryOutcome b = o.outcome();
        if (b.provenance().status() != EvidenceStatus.DERIVED || b.counts().isEmpty() || b.reported().isEmpty()
                || b.counts().get().evaluable() == 0) {
            return;
        }
        ResponseCount c = b.counts().get();
        double reported = b.reported().get().percent().value();
        int d = decimals(reported);
        int n = c.evaluable();
        double product = reported * n / 100.0;
        long nearest = Math.round(product);
        String reportedText = num(reported) + "% × " + n + " = " + fmt(product, 2);
        String recomputed = "round → " + nearest + "; derived " + c.responders() + "/" + n + " = "
                + fmt(100.0 * c.responders() / n, d + 1) + "%";
        String method = b.provenance().method().map(m -> " (method: " + m + ")").orElse("");
        if (!consistent(100.0 * c.responders() / n, reported, d)) {
            add(Severity.ERROR, "derived-arithmetic", o, reportedText, recomputed, String.format(Locale.ROOT,
                    "the derived count %d/%d does not reproduce the reported %s%%%s", c.responders(), n,
                    num(reported), method), sources(b));
        } else if (nearest != c.responders()) {
            add(Severity.WARNING, "derived-arithmetic", o, reportedText, recomputed, String.format(Locale.ROOT,
                    "the derived count %d reproduces %s%% but round(%s%% × %d) is %d%s", c.responders(),
                    num(reported), num(reported), n, nearest, method), sources(b));
        } else {
            add(Severity.INFO, "derived-arithmetic", o, reportedText, recomputed, String.format(Locale.ROOT,
                    "re-derived: round(%s%% × %d) = %d, and %d/%d reproduces the reported %s%%", num(reported), n,
                    nearest, c.responders(), n, num(reported)), sources(b));
        }
    }

    private void subgroupSum(List<LocatedOutcome<BinaryOutcome>> all) {
        // key: trial/arm/cut; overall and biomarker subgroups
        Map<String, List<LocatedOutcome<BinaryOutcome>>> groups = new LinkedHashMap<>();
        for (LocatedOutcome<BinaryOutcome> o : all) {
            groups.computeIfAbsent(o.trial().id() + "\u0000" + o.arm().id() + "\u0000" + o.cut().id(),
                    k -> new ArrayList<>()).add(o);
        }
        for (List<LocatedOutcome<BinaryOutcome>> g : groups.values()) {
            Optional<LocatedOutcome<BinaryOutcome>> overall = g.stream().filter(o -> o.subgroup().isOverall()).findFirst();
            if (overall.isEmpty()) {
                continue;
            }
            Map<String, List<LocatedOutcome<BinaryOutcome>>> byMarker = new LinkedHashMap<>();
            for (LocatedOutcome<BinaryOutcome> o : g) {
                o.subgroup().biomarker().ifPresent(bm -> byMarker.computeIfAbsent(bm.name(), k -> new ArrayList<>()).add(o));
            }
            for (Map.Entry<String, List<LocatedOutcome<BinaryOutcome>>> e : byMarker.entrySet()) {
                checkPartition(overall.get(), e.getKey(), e.getValue());
            }
        }
    }

    private void checkPartition(LocatedOutcome<BinaryOutcome> overall, String marker,
            List<LocatedOutcome<BinaryOutcome>> parts) {
        Set<Object> statuses = new LinkedHashSet<>();
        for (LocatedOutcome<BinaryOutcome> p : parts) {
            statuses.add(p.subgroup().biomarker().get().status());
        }
        if (parts.size() < 2 || statuses.size() != parts.size()
                || parts.stream().anyMatch(p -> p.outcome().counts().isEmpty())) {
            return;
        }
        int x = parts.stream().mapToInt(p -> p.outcome().counts().get().responders()).sum();
        int n = parts.stream().mapToInt(p -> p.outcome().counts().get().evaluable()).sum();
        String sum = parts.stream().map(p -> p.outcome().counts().get().responders() + "/"
                + p.outcome().counts().get().evaluable()).collect(Collectors.joining(" + ")) + " = " + x + "/" + n;
        String names = parts.stream().map(p -> p.subgroup().id()).collect(Collectors.joining(" + "));
        List<String> src = new ArrayList<>(sources(overall.outcome()));
        parts.forEach(p -> sources(p.outcome()).stream().filter(s -> !src.contains(s)).forEach(src::add));
        LocatedOutcome<BinaryOutcome> o = overall;
        BinaryOutcome ov = overall.outcome();
        String field = field(o);
        if (ov.counts().isPresent()) {
            ResponseCount oc = ov.counts().get();
            String rep = oc.responders() + "/" + oc.evaluable();
            if (x > oc.responders() || n > oc.evaluable()) {
                add(Severity.ERROR, "subgroup-sum", o.trial().id(), field, rep, sum, String.format(Locale.ROOT,
                        "the %s subgroups (%s) sum to %d/%d, more than the overall %s", marker, names, x, n, rep), src);
                return;
            }
            if (n < oc.evaluable()) {
                add(Severity.INFO, "subgroup-sum", o.trial().id(), field, rep, sum, String.format(Locale.ROOT,
                        "the %s subgroups (%s) cover %d of %d evaluable (%d with %s status not reported) and %d of %d"
                                + " responders", marker, names, n, oc.evaluable(), oc.evaluable() - n, marker, x,
                        oc.responders()), src);
                return;
            }
            if (x != oc.responders()) {
                add(Severity.ERROR, "subgroup-sum", o.trial().id(), field, rep, sum, String.format(Locale.ROOT,
                        "the %s subgroups (%s) sum to %d/%d but the overall count is %s", marker, names, x, n, rep),
                        src);
                return;
            }
        }
        if (ov.reported().isEmpty() || n == 0) {
            if (ov.counts().isPresent()) {
                add(Severity.INFO, "subgroup-sum", o.trial().id(), field, "", sum, String.format(Locale.ROOT,
                        "the %s subgroups (%s) sum to the overall count %d/%d", marker, names, x, n), src);
            }
            return;
        }
        double reported = ov.reported().get().percent().value();
        int d = decimals(reported);
        double exact = 100.0 * x / n;
        String recomputed = sum + " = " + fmt(exact, d + 1) + "%";
        if (ov.reported().get().n().isPresent() && ov.reported().get().n().get() != n) {
            add(Severity.INFO, "subgroup-sum", o.trial().id(), field, num(reported) + "% of "
                    + ov.reported().get().n().get(), recomputed, String.format(Locale.ROOT,
                    "the %s subgroups (%s) cover %d patients, the reported overall n is %d; not a partition",
                    marker, names, n, ov.reported().get().n().get()), src);
        } else if (consistent(exact, reported, d)) {
            add(Severity.INFO, "subgroup-sum", o.trial().id(), field, num(reported) + "%", recomputed,
                    String.format(Locale.ROOT, "the %s subgroups (%s) sum to %s, consistent with the reported overall"
                            + " %s%%", marker, names, recomputed, num(reported)), src);
        } else {
            add(Severity.ERROR, "subgroup-sum", o.trial().id(), field, num(reported) + "%", recomputed,
                    String.format(Locale.ROOT, "the %s subgroups (%s) sum to %s, which does not round to the reported"
                            + " overall %s%%", marker, names, recomputed, num(reported)), src);
        }
    }

    private void binaryCutChange(List<LocatedOutcome<BinaryOutcome>> all) {
        for (List<LocatedOutcome<BinaryOutcome>> g : byCutGroups(all).values()) {
            if (g.size() < 2) {
                continue;
            }
            List<String> values = new ArrayList<>();
            double first = Double.NaN;
            double last = Double.NaN;
            for (LocatedOutcome<BinaryOutcome> o : g) {
                BinaryOutcome b = o.outcome();
                double p = b.reported().map(r -> r.percent().value())
                        .orElseGet(() -> b.counts().get().percent().orElse(Double.NaN));
                if (Double.isNaN(p)) {
                    continue;
                }
                String counts = b.counts().map(c -> " (" + c.responders() + "/" + c.evaluable() + ")").orElse("");
                values.add(o.cut().label() + " " + num(p) + "%" + counts);
                first = Double.isNaN(first) ? p : first;
                last = p;
            }
            if (values.size() < 2) {
                continue;
            }
            double change = last - first;
            LocatedOutcome<BinaryOutcome> head = g.get(0);
            LocatedOutcome<BinaryOutcome> tail = g.get(g.size() - 1);
            String field = head.arm().id() + "/" + head.subgroup().id() + "/" + head.outcome().endpoint();
            List<String> src = new ArrayList<>();
            g.forEach(o -> sources(o.outcome()).stream().filter(s -> !src.contains(s)).forEach(src::add));
            add(Math.abs(change) >= CUT_CHANGE_WARNING_PP ? Severity.WARNING : Severity.INFO, "cut-change",
                    head.trial().id(), field, String.join(" → ", values),
                    String.format(Locale.ROOT, "%+.1f pp", change), String.format(Locale.ROOT,
                            "%s changed from %s%% (%s) to %s%% (%s), %+.1f percentage points over %d cuts",
                            head.outcome().endpoint(), num(first), head.cut().label(), num(last), tail.cut().label(),
                            change, values.size()), src);
        }
    }

    private void binarySourceDiscrepancy(List<LocatedOutcome<BinaryOutcome>> all) {
        Map<String, List<LocatedOutcome<BinaryOutcome>>> groups = new LinkedHashMap<>();
        for (LocatedOutcome<BinaryOutcome> o : all) {
            if (o.outcome().reported().isEmpty()) {
                continue;
            }
            groups.computeIfAbsent(String.join("\u0000", o.trial().id(), o.arm().id(), o.subgroup().id(),
                    o.cut().id()), k -> new ArrayList<>()).add(o);
        }
        for (List<LocatedOutcome<BinaryOutcome>> g : groups.values()) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    ReportedProportion a = g.get(i).outcome().reported().get();
                    ReportedProportion b = g.get(j).outcome().reported().get();
                    if (!a.provenance().source().equals(b.provenance().source())
                            && a.percent().value() != b.percent().value()) {
                        discrepancy(g.get(i), num(a.percent().value()) + "%", a.provenance(),
                                num(b.percent().value()) + "%", b.provenance(), g.get(i).outcome().endpoint().name());
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- time to event

    private void timeToEvent(LocatedOutcome<TimeToEventOutcome> o) {
        TimeToEventOutcome t = o.outcome();
        List<String> src = sources(t);
        if (t.ci().isPresent()) {
            TimeInterval ci = t.ci().get();
            String ciText = ci.lower() + "–" + ci.upper();
            if (ci.lower().hasValue() && ci.upper().hasValue()
                    && !ciOrdered(ci.lower().value().getAsDouble(), ci.upper().value().getAsDouble())) {
                add(Severity.ERROR, "ci-order", o, ciText, "", "CI lower exceeds upper", src);
            }
            if (t.median().hasValue() && !ci.contains(t.median())) {
                add(Severity.ERROR, "median-in-ci", o, "median " + t.median() + ", CI " + ciText, "",
                        "the median lies outside its CI", src);
            }
        }
        if (!t.median().hasValue()) {
            return;
        }
        double v = t.median().value().getAsDouble();
        String text = num(v) + " " + t.unit().name().toLowerCase(Locale.ROOT);
        Optional<String> why = implausibleUnit(o.trial().setting(), v, t.unit());
        why.ifPresent(w -> add(Severity.WARNING, "time-unit-plausible", o, text,
                fmt(v * t.unit().days(), 1) + " days", w, src));
    }

    /** CI ends in order: lower ≤ upper. */
    static boolean ciOrdered(double lower, double upper) {
        return lower <= upper;
    }

    /** Median within [lower, upper]. */
    static boolean medianInCi(double median, double lower, double upper) {
        return lower <= median && median <= upper;
    }

    /** Why a median of {@code value} {@code unit} is implausible in this setting, if it is. */
    static Optional<String> implausibleUnit(Setting setting, double value, TimeUnit unit) {
        double days = value * unit.days();
        if (setting == Setting.CLINICAL) {
            if (days < MIN_CLINICAL_MEDIAN_DAYS) {
                return Optional.of(String.format(Locale.ROOT,
                        "a clinical median of %s %s is under %s days: check the unit", num(value),
                        unit.name().toLowerCase(Locale.ROOT), num(MIN_CLINICAL_MEDIAN_DAYS)));
            }
            if (days > MAX_CLINICAL_MEDIAN_YEARS * 365.25) {
                return Optional.of(String.format(Locale.ROOT,
                        "a clinical median of %s %s is over %s years: check the unit", num(value),
                        unit.name().toLowerCase(Locale.ROOT), num(MAX_CLINICAL_MEDIAN_YEARS)));
            }
        } else if (unit == TimeUnit.MONTHS) {
            return Optional.of(String.format(Locale.ROOT,
                    "a preclinical median in months (%s months) is unusual; mouse survival is usually in days: check"
                            + " the unit", num(value)));
        }
        return Optional.empty();
    }

    private void medianCutChange(List<LocatedOutcome<TimeToEventOutcome>> all) {
        Map<String, List<LocatedOutcome<TimeToEventOutcome>>> groups = new LinkedHashMap<>();
        for (LocatedOutcome<TimeToEventOutcome> o : all) {
            if (o.outcome().median().hasValue()) {
                groups.computeIfAbsent(String.join("\u0000", o.trial().id(), o.arm().id(), o.subgroup().id()),
                        k -> new ArrayList<>()).add(o);
            }
        }
        for (List<LocatedOutcome<TimeToEventOutcome>> g : groups.values()) {
            if (g.stream().map(o -> o.cut().id()).distinct().count() < 2) {
                continue;
            }
            g.sort(Comparator.comparingInt(o -> o.trial().cuts().indexOf(o.cut())));
            LocatedOutcome<TimeToEventOutcome> head = g.get(0);
            LocatedOutcome<TimeToEventOutcome> tail = g.get(g.size() - 1);
            String values = g.stream().map(o -> o.cut().label() + " " + o.outcome().median())
                    .collect(Collectors.joining(" → "));
            double a = head.outcome().median().in(TimeUnit.MONTHS).getAsDouble();
            double b = tail.outcome().median().in(TimeUnit.MONTHS).getAsDouble();
            List<String> src = new ArrayList<>();
            g.forEach(o -> sources(o.outcome()).stream().filter(s -> !src.contains(s)).forEach(src::add));
            add(Severity.INFO, "cut-change", head.trial().id(), head.arm().id() + "/" + head.subgroup().id() + "/"
                    + head.outcome().endpoint(), values, String.format(Locale.ROOT, "%+.1f months", b - a),
                    String.format(Locale.ROOT, "median %s changed by %+.1f months between %s and %s",
                            head.outcome().endpoint(), b - a, head.cut().label(), tail.cut().label()), src);
        }
    }

    // ---------------------------------------------------------------- biomarkers

    private void biomarkerSourceDiscrepancy(List<LocatedOutcome<BiomarkerChange>> all) {
        Map<String, List<LocatedOutcome<BiomarkerChange>>> groups = new LinkedHashMap<>();
        for (LocatedOutcome<BiomarkerChange> o : all) {
            if (o.outcome().magnitude().isEmpty()) {
                continue;
            }
            groups.computeIfAbsent(String.join("\u0000", o.trial().id(), o.arm().id(), o.subgroup().id(),
                    normalMarker(o.outcome().marker()), o.outcome().direction().name(),
                    o.outcome().magnitude().get().unit().name()), k -> new ArrayList<>()).add(o);
        }
        for (List<LocatedOutcome<BiomarkerChange>> g : groups.values()) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    BiomarkerChange a = g.get(i).outcome();
                    BiomarkerChange b = g.get(j).outcome();
                    if (!a.provenance().source().equals(b.provenance().source())
                            && a.magnitude().get().value() != b.magnitude().get().value()) {
                        String unit = a.magnitude().get().unit().name().equals("PERCENT") ? "%"
                                : " " + a.magnitude().get().unit().name().toLowerCase(Locale.ROOT);
                        discrepancy(g.get(i), a.marker() + " " + a.direction().name().toLowerCase(Locale.ROOT) + " "
                                + num(a.magnitude().get().value()) + unit, a.provenance(), b.marker() + " "
                                + b.direction().name().toLowerCase(Locale.ROOT) + " " + num(b.magnitude().get().value())
                                + unit, b.provenance(), normalMarker(a.marker()));
                    }
                }
            }
        }
    }

    /**
     * Marker name for matching across sources: lower case, a phospho prefix "p" dropped before an upper-case
     * protein name and a trailing "activity"/"levels" dropped (pFAK ≡ FAK activity).
     */
    static String normalMarker(String marker) {
        String m = marker.strip();
        if (m.length() > 1 && m.charAt(0) == 'p' && Character.isUpperCase(m.charAt(1))) {
            m = m.substring(1);
        }
        m = m.toLowerCase(Locale.ROOT).replaceAll("\\s+(activity|levels?|expression)$", "").strip();
        return m;
    }

    private void discrepancy(LocatedOutcome<?> o, String first, Provenance pa, String second, Provenance pb,
            String what) {
        String ca = cite(pa);
        String cb = cite(pb);
        add(Severity.WARNING, "source-discrepancy", o.trial().id(), o.arm().id() + "/" + o.subgroup().id() + "/"
                + what, first + " [" + pa.source() + "]", second + " [" + pb.source() + "]", String.format(Locale.ROOT,
                "%s (%s, %s, %s) vs %s (%s, %s, %s)", first, ca, pa.locator().orElse("no locator"),
                pa.status().name().toLowerCase(Locale.ROOT), second, cb, pb.locator().orElse("no locator"),
                pb.status().name().toLowerCase(Locale.ROOT)), List.of(source(pa.source()), source(pb.source())));
    }

    // ---------------------------------------------------------------- evidence status

    private void evidenceStatus(LocatedOutcome<Outcome> o) {
        Set<Provenance> seen = new LinkedHashSet<>(o.outcome().provenances());
        for (Provenance p : seen) {
            if (p.status() != EvidenceStatus.SECONDARY && p.status() != EvidenceStatus.UNVERIFIED) {
                continue;
            }
            add(Severity.INFO, "evidence-status", o, p.status().name().toLowerCase(Locale.ROOT),
                    "", String.format(Locale.ROOT, "%s datum (%s, %s); would be confirmed by %s",
                            p.status().name().toLowerCase(Locale.ROOT), p.source(), p.locator().orElse("no locator"),
                            confirmation(o.trial())), List.of(source(p.source())));
        }
    }

    private static String confirmation(Trial t) {
        if (t.setting() == Setting.PRECLINICAL) {
            return "the primary preclinical publication (the survival figure or table with animals per arm)";
        }
        String registry = t.registryIds().isEmpty() ? "the trial registry's results"
                : "the registry results (ClinicalTrials.gov " + String.join(", ", t.registryIds()) + ")";
        return "the primary peer-reviewed paper, the approved label's section 14 (Clinical Studies), or " + registry;
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, List<LocatedOutcome<BinaryOutcome>>> byCutGroups(List<LocatedOutcome<BinaryOutcome>> all) {
        Map<String, List<LocatedOutcome<BinaryOutcome>>> groups = new LinkedHashMap<>();
        for (LocatedOutcome<BinaryOutcome> o : all) {
            groups.computeIfAbsent(String.join("\u0000", o.trial().id(), o.arm().id(), o.subgroup().id()),
                    k -> new ArrayList<>()).add(o);
        }
        for (List<LocatedOutcome<BinaryOutcome>> g : groups.values()) {
            g.sort(Comparator.comparing((LocatedOutcome<BinaryOutcome> o) -> cutOrder(o.trial(), o.cut())));
            // several outcomes in one cut (e.g. two sources) are not a cut change
            if (g.stream().map(o -> o.cut().id()).distinct().count() < g.size()) {
                g.clear();
            }
        }
        return groups;
    }

    /** Cuts in declaration order of the trial file (curated files list cuts chronologically). */
    private static String cutOrder(Trial t, AnalysisCut c) {
        return String.format(Locale.ROOT, "%05d", t.cuts().indexOf(c));
    }

    private static String field(LocatedOutcome<?> o) {
        String what = o.outcome().label();
        return o.arm().id() + "/" + o.subgroup().id() + "/" + o.cut().id() + "/" + what;
    }

    private List<String> sources(Outcome o) {
        List<String> out = new ArrayList<>();
        for (Provenance p : o.provenances()) {
            String s = source(p.source());
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private String source(String id) {
        return repo.source(id).map(Source::citation).map(c -> id + ": " + c).orElse(id);
    }

    private String cite(Provenance p) {
        return repo.source(p.source()).map(Source::citation).orElse(p.source());
    }

    private void add(Severity s, String rule, LocatedOutcome<?> o, String reported, String recomputed, String message,
            List<String> sources) {
        add(s, rule, o.trial().id(), field(o), reported, recomputed, message, sources);
    }

    private void add(Severity s, String rule, String trial, String field, String reported, String recomputed,
            String message, List<String> sources) {
        out.add(new Finding(s, rule, trial, field, reported, recomputed, message, sources));
    }
}

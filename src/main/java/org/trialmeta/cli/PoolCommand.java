package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.FitResult;
import org.trialmeta.stats.meta.Heterogeneity;
import org.trialmeta.stats.meta.MetaAnalysis;
import org.trialmeta.stats.meta.MetaAnalysisResult;
import org.trialmeta.stats.meta.NotConverged;
import org.trialmeta.stats.meta.SubgroupAnalysis;
import org.trialmeta.stats.meta.Tau2ConfidenceInterval;
import org.trialmeta.stats.meta.Tau2Estimator;
import org.trialmeta.stats.meta.TestType;
import org.trialmeta.stats.meta.MantelHaenszel;
import org.trialmeta.stats.meta.Peto;
import org.trialmeta.stats.meta.TwoByTwoPoolOptions;
import org.trialmeta.stats.meta.TwoByTwoPoolResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta pool}: meta-analysis of a CSV of studies, as metafor's
 * {@code rma(escalc(...), method=, test=, level=)} with {@code predict} and {@code confint}.
 */
@Command(
        name = "pool",
        mixinStandardHelpOptions = true,
        description = {
            "Pool study results (fixed or random effects, as R metafor's escalc + rma).",
            "CSV columns: study,ai,n1i,ci,n2i (OR, RR, RD); study,xi,ni (PLO, PFT, PAS, PR, PLN); study,yi,vi (GEN).",
            "Zero cells: 1/2 added to the cells of studies with a zero (metafor's default; none for PAS, PFT)."
        })
public final class PoolCommand implements Callable<Integer> {

    /** The --method values, in the order shown to users. */
    static final List<String> METHODS = List.of("FE", "DL", "HE", "HS", "HSk", "SJ", "ML", "REML", "EB", "PM", "MH", "PETO");

    /**
     * Range of generic estimates |yi| and sampling variances vi accepted with --measure GEN. Weights 1/vi
     * enter the estimators up to the fourth power; outside these ranges double-precision sums overflow or
     * cancel and the fit would be NaN. No effect size on any published scale comes near them.
     */
    static final double MAX_ABS_YI = 1e10;
    static final double MIN_VI = 1e-20;
    static final double MAX_VI = 1e20;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "CSV file, one study per row.")
    Path input;

    @Option(names = "--measure", required = true, paramLabel = "MEASURE",
            description = "Effect measure: ${COMPLETION-CANDIDATES}.")
    EffectMeasure measure;

    @Option(names = "--method", defaultValue = "REML", paramLabel = "METHOD",
            description = "FE (fixed effects), tau^2 estimator DL, HE, HS, HSk, SJ, ML, REML, EB, PM, "
                    + "or MH (Mantel-Haenszel), PETO. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--test", defaultValue = "z", paramLabel = "z|knha",
            description = "z (normal) or knha (Knapp-Hartung, t with k-1 df). Default: ${DEFAULT-VALUE}.")
    String test;

    @Option(names = "--level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Confidence level in percent. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--subgroup", paramLabel = "COLUMN",
            description = "Column naming each study's subgroup: pooled estimate per subgroup and the test for subgroup differences.")
    String subgroup;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: table or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("table") && !fmt.equals("json")) {
            throw new InputException("--format: '" + format + "' (allowed: table, json)");
        }
        TestType testType = parseTest(test);
        OptionChecks.level("--level", level);
        String methodLabel = parseMethod(method);
        CsvTable table = CsvTable.read(input);
        Studies studies = readStudies(table, measure);
        String[] groups = subgroup == null ? null : table.requireColumns(subgroup).strings(subgroup);

        if (methodLabel.equals("MH") || methodLabel.equals("PETO")) {
            return poolTwoByTwo(methodLabel, studies, testType, groups);
        }
        Tau2Estimator estimator = Tau2Estimator.parse(methodLabel);
        EffectSizes es = studies.effectSizes();
        MetaAnalysis.Options options = MetaAnalysis.Options.defaults(es).withMethod(estimator).withTest(testType).withLevel(level);
        FitResult fit = MetaAnalysis.fit(es, options);
        if (fit instanceof NotConverged nc) {
            return notConverged(nc);
        }
        MetaAnalysisResult r = (MetaAnalysisResult) fit;
        Optional<SubgroupAnalysis> sub = Optional.ofNullable(groups).map(g -> SubgroupAnalysis.of(es, g, options));
        String out = fmt.equals("json") ? json(r, studies.names(), es, sub) : table(r, studies.names(), es, sub);
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * Mantel-Haenszel (OR, RR, RD; as metafor {@code rma.mh}) and Peto (OR; as {@code rma.peto}) pooling of
     * the 2×2 tables. Both are fixed-effect methods: tau² is 0 and the tau² and prediction fields are null.
     * With {@code --subgroup}, each subgroup is pooled by the same method and the test for subgroup
     * differences is the fixed-effect Q-between of the subgroup estimates (as RevMan).
     */
    private int poolTwoByTwo(String methodLabel, Studies studies, TestType testType, String[] groups) {
        if (measure.kind() != EffectMeasure.Kind.TWO_GROUP
                || (methodLabel.equals("PETO") && measure != EffectMeasure.OR)) {
            throw new InputException("--method " + methodLabel + " applies to "
                    + (methodLabel.equals("PETO") ? "--measure OR" : "--measure OR, RR or RD") + ", not " + measure);
        }
        if (testType != TestType.Z) {
            throw new InputException("--test knha: applies to inverse-variance fits only (MH and PETO use the z-test)");
        }
        TwoByTwoPoolOptions options = TwoByTwoPoolOptions.DEFAULTS.withLevel(level);
        int[] all = new int[studies.names().length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        TwoByTwoPoolResult r = poolRows(methodLabel, studies, all, options);
        List<String[]> subNames = new ArrayList<>();
        List<TwoByTwoPoolResult> subFits = new ArrayList<>();
        if (groups != null) {
            Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
            for (int i = 0; i < groups.length; i++) {
                byGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
                int[] rows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                subNames.add(new String[] {e.getKey()});
                subFits.add(poolRows(methodLabel, studies, rows, options));
            }
        }
        boolean json = format.equalsIgnoreCase("json");
        String out = json ? twoByTwoJson(r, studies.names(), subNames, subFits)
                : twoByTwoTable(r, studies.names(), subNames, subFits);
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static TwoByTwoPoolResult poolRows(String methodLabel, Studies s, int[] rows, TwoByTwoPoolOptions options) {
        int[] ai = pick(s.ai(), rows);
        int[] n1i = pick(s.n1i(), rows);
        int[] ci = pick(s.ci(), rows);
        int[] n2i = pick(s.n2i(), rows);
        return methodLabel.equals("MH") ? MantelHaenszel.pool(s.measure(), ai, n1i, ci, n2i, options)
                : Peto.pool(ai, n1i, ci, n2i, options);
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** Q-between of subgroup estimates: a fixed-effect inverse-variance meta-analysis of them. */
    /**
     * Test for differences between the MH/Peto subgroup estimates: {@link SubgroupAnalysis#differenceTest}
     * over the subgroups with an estimate and an SE &gt; 0 (as {@code rma(yi, sei, method = "FE")}).
     */
    private static Optional<SubgroupAnalysis.SubgroupTest> subgroupTest(List<TwoByTwoPoolResult> fits) {
        List<TwoByTwoPoolResult> usable = fits.stream()
                .filter(f -> f.estimate().isPresent() && f.se().isPresent() && f.se().getAsDouble() > 0).toList();
        double[] est = usable.stream().mapToDouble(f -> f.estimate().getAsDouble()).toArray();
        double[] se = usable.stream().mapToDouble(f -> f.se().getAsDouble()).toArray();
        return SubgroupAnalysis.differenceTest(est, se);
    }

    private static Double opt(java.util.OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private String twoByTwoJson(TwoByTwoPoolResult r, String[] names, List<String[]> subNames,
            List<TwoByTwoPoolResult> subFits) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("measure", r.measure().name());
        o.put("method", r.method().name());
        o.put("test", "z");
        o.put("level", level);
        o.put("k", r.k());
        o.put("estimate", opt(r.estimate()));
        o.put("se", opt(r.se()));
        o.put("statistic", opt(r.zval()));
        o.put("pval", opt(r.pval()));
        o.put("ci_lower", r.ci().map(Interval::lower).orElse(null));
        o.put("ci_upper", r.ci().map(Interval::upper).orElse(null));
        o.put("pi_lower", null);
        o.put("pi_upper", null);
        o.put("tau2", null);
        o.put("tau2_se", null);
        o.put("tau2_ci_lower", null);
        o.put("tau2_ci_upper", null);
        o.put("tau", null);
        o.put("i2", opt(r.i2()));
        o.put("h2", opt(r.h2()));
        o.put("q", opt(r.q()));
        o.put("q_df", r.qDf());
        o.put("q_pval", opt(r.qPval()));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("estimate", opt(r.transformed().estimate()));
        t.put("ci_lower", r.transformed().ci().map(Interval::lower).orElse(null));
        t.put("ci_upper", r.transformed().ci().map(Interval::upper).orElse(null));
        t.put("pi_lower", null);
        t.put("pi_upper", null);
        o.put("transformed", t);
        List<Map<String, Object>> studies = new ArrayList<>();
        for (TwoByTwoPoolResult.Study s : r.studies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("study", names[s.index()]);
            m.put("yi", opt(s.yi()));
            m.put("vi", opt(s.vi()));
            m.put("weight", opt(s.weight()));
            studies.add(m);
        }
        o.put("studies", studies);
        if (!subFits.isEmpty()) {
            List<Map<String, Object>> subs = new ArrayList<>();
            for (int g = 0; g < subFits.size(); g++) {
                TwoByTwoPoolResult f = subFits.get(g);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", subNames.get(g)[0]);
                m.put("k", f.k());
                m.put("estimate", opt(f.estimate()));
                m.put("se", opt(f.se()));
                m.put("ci_lower", f.ci().map(Interval::lower).orElse(null));
                m.put("ci_upper", f.ci().map(Interval::upper).orElse(null));
                m.put("tau2", null);
                m.put("i2", opt(f.i2()));
                subs.add(m);
            }
            o.put("subgroups", subs);
            Optional<SubgroupAnalysis.SubgroupTest> st = subgroupTest(subFits);
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("q", st.map(SubgroupAnalysis.SubgroupTest::q).orElse(null));
            tm.put("df", st.map(SubgroupAnalysis.SubgroupTest::df).orElse(null));
            tm.put("pval", st.map(SubgroupAnalysis.SubgroupTest::pval).orElse(null));
            o.put("subgroup_test", tm);
        }
        return Json.write(o);
    }

    private String twoByTwoTable(TwoByTwoPoolResult r, String[] names, List<String[]> subNames,
            List<TwoByTwoPoolResult> subFits) {
        StringBuilder sb = new StringBuilder();
        String lv = format(level);
        String model = r.method() == TwoByTwoPoolResult.Method.MH ? "Mantel-Haenszel" : "Peto";
        sb.append(String.format(Locale.ROOT, "%s fixed-effect meta-analysis, %s, z-test, k = %d%n%n", model,
                describe(r.measure()), r.k()));
        TextTable t = new TextTable("study", ">yi", ">vi", ">weight %");
        for (TwoByTwoPoolResult.Study s : r.studies()) {
            t.row(names[s.index()], s.yi().isPresent() ? f4(s.yi().getAsDouble()) : "-",
                    s.vi().isPresent() ? f4(s.vi().getAsDouble()) : "-",
                    s.weight().isPresent() ? f2(s.weight().getAsDouble()) : "-");
        }
        sb.append(t.render()).append('\n');
        if (r.estimate().isEmpty()) {
            sb.append("Pooled estimate: not estimable (no study has events in either group)\n");
        } else {
            sb.append(String.format(Locale.ROOT, "Pooled %s: %s  SE %s  %s%% CI %s  z = %s  %s%n", describe(r.measure()),
                    f4(r.estimate().getAsDouble()), r.se().isPresent() ? f4(r.se().getAsDouble()) : "-", lv,
                    r.ci().map(c -> ci(c.lower(), c.upper())).orElse("-"),
                    r.zval().isPresent() ? f4(r.zval().getAsDouble()) : "-",
                    r.pval().isPresent() ? p(r.pval().getAsDouble()) : "p not estimable"));
            if (r.measure() != EffectMeasure.RD) {
                sb.append(String.format(Locale.ROOT, "Pooled %s: %s  %s%% CI %s%n", naturalName(r.measure()),
                        f4(r.transformed().estimate().getAsDouble()), lv,
                        r.transformed().ci().map(c -> ci(c.lower(), c.upper())).orElse("-")));
            }
        }
        if (r.q().isPresent()) {
            sb.append(String.format(Locale.ROOT, "Heterogeneity: I^2 = %s%%, H^2 = %s, Q(%d) = %s, %s%n",
                    r.i2().isPresent() ? f2(r.i2().getAsDouble()) : "-", r.h2().isPresent() ? f2(r.h2().getAsDouble()) : "-",
                    r.qDf(), f2(r.q().getAsDouble()), r.qPval().isPresent() ? p(r.qPval().getAsDouble()) : "p not estimable"));
        } else {
            sb.append("Heterogeneity: not estimable\n");
        }
        if (!subFits.isEmpty()) {
            sb.append('\n');
            TextTable st = new TextTable("subgroup", ">k", ">estimate", ">se", ">" + lv + "% CI", ">I^2 %");
            for (int g = 0; g < subFits.size(); g++) {
                TwoByTwoPoolResult f = subFits.get(g);
                st.row(subNames.get(g)[0], f.k(), f.estimate().isPresent() ? f4(f.estimate().getAsDouble()) : "not estimable",
                        f.se().isPresent() ? f4(f.se().getAsDouble()) : "-",
                        f.ci().map(c -> ci(c.lower(), c.upper())).orElse("-"),
                        f.i2().isPresent() ? f2(f.i2().getAsDouble()) : "-");
            }
            sb.append(st.render());
            sb.append(subgroupTest(subFits).map(x -> String.format(Locale.ROOT,
                    "Test for subgroup differences: Q(%d) = %s, %s%n", x.df(), f2(x.q()), p(x.pval())))
                    .orElse("Test for subgroup differences: not available\n"));
        }
        return sb.toString();
    }

    /** The data cannot be fitted by this estimator: a usage problem with one line and exit 2, not a crash. */
    private int notConverged(NotConverged nc) {
        throw new InputException(input + ": " + nc.reason() + "; no estimate is given (try --method DL or PM)");
    }

    static String parseMethod(String m) {
        for (String allowed : METHODS) {
            if (allowed.equalsIgnoreCase(m.strip())) {
                return allowed;
            }
        }
        throw new InputException("--method: unknown method '" + m + "' (allowed: " + String.join(", ", METHODS) + ")");
    }

    static TestType parseTest(String t) {
        return switch (t.strip().toLowerCase(Locale.ROOT)) {
            case "z" -> TestType.Z;
            case "knha" -> TestType.KNHA;
            default -> throw new InputException("--test: unknown test '" + t + "' (allowed: z, knha)");
        };
    }

    /** The study rows of the CSV, validated. */
    record Studies(String[] names, EffectMeasure measure, int[] ai, int[] n1i, int[] ci, int[] n2i, double[] yi, double[] vi) {
        EffectSizes effectSizes() {
            return switch (measure.kind()) {
                case TWO_GROUP -> EffectSizes.twoGroup(measure, ai, n1i, ci, n2i);
                case SINGLE_PROPORTION -> EffectSizes.proportion(measure, ai, n1i);
                case GENERIC -> EffectSizes.generic(yi, vi);
            };
        }
    }

    static Studies readStudies(CsvTable t, EffectMeasure m) {
        switch (m.kind()) {
            case TWO_GROUP -> {
                t.requireColumns("study", "ai", "n1i", "ci", "n2i").requireRows(1);
                String[] names = t.strings("study");
                int[] ai = t.counts("ai");
                int[] n1i = t.counts("n1i");
                int[] ci = t.counts("ci");
                int[] n2i = t.counts("n2i");
                for (int r = 0; r < names.length; r++) {
                    checkGroup(t, r, "ai", ai[r], "n1i", n1i[r]);
                    checkGroup(t, r, "ci", ci[r], "n2i", n2i[r]);
                }
                return new Studies(names, m, ai, n1i, ci, n2i, null, null);
            }
            case SINGLE_PROPORTION -> {
                t.requireColumns("study", "xi", "ni").requireRows(1);
                String[] names = t.strings("study");
                int[] xi = t.counts("xi");
                int[] ni = t.counts("ni");
                for (int r = 0; r < names.length; r++) {
                    checkGroup(t, r, "xi", xi[r], "ni", ni[r]);
                }
                return new Studies(names, m, xi, ni, null, null, null, null);
            }
            default -> {
                t.requireColumns("study", "yi", "vi").requireRows(1);
                String[] names = t.strings("study");
                double[] yi = t.doubles("yi");
                double[] vi = t.doubles("vi");
                for (int r = 0; r < names.length; r++) {
                    if (!(vi[r] > 0)) {
                        throw t.cellError("vi", r, t.string("vi", r), "a sampling variance must be greater than 0");
                    }
                    if (vi[r] < MIN_VI || vi[r] > MAX_VI) {
                        throw t.cellError("vi", r, t.string("vi", r), "a sampling variance must be between 1e-20 and 1e20");
                    }
                    if (Math.abs(yi[r]) > MAX_ABS_YI) {
                        throw t.cellError("yi", r, t.string("yi", r), "an estimate must be between -1e10 and 1e10");
                    }
                }
                return new Studies(names, m, null, null, null, null, yi, vi);
            }
        }
    }

    private static void checkGroup(CsvTable t, int row, String events, int e, String total, int n) {
        if (n < 1) {
            throw t.cellError(total, row, t.string(total, row), "a group must have at least 1 participant");
        }
        if (e > n) {
            throw t.cellError(events, row, t.string(events, row), "events must not exceed " + total + " = " + n);
        }
    }

    // ---- JSON -------------------------------------------------------------------------------

    private static String json(MetaAnalysisResult r, String[] names, EffectSizes es, Optional<SubgroupAnalysis> sub) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("measure", r.measure().name());
        o.put("method", r.method().label());
        o.put("test", r.test().label());
        o.put("level", r.level());
        o.put("k", r.k());
        o.put("estimate", r.estimate());
        o.put("se", r.se());
        o.put("statistic", r.statistic());
        o.put("pval", r.pval());
        o.put("ci_lower", r.ci().lower());
        o.put("ci_upper", r.ci().upper());
        o.put("pi_lower", r.pi().map(Interval::lower).orElse(null));
        o.put("pi_upper", r.pi().map(Interval::upper).orElse(null));
        o.put("tau2", r.tau2());
        o.put("tau2_se", r.tau2Se().isPresent() ? r.tau2Se().getAsDouble() : null);
        Optional<Tau2ConfidenceInterval> tci = r.tau2Ci();
        o.put("tau2_ci_lower", tci.map(c -> c.tau2().lower()).orElse(null));
        o.put("tau2_ci_upper", tci.map(c -> c.tau2().upper()).orElse(null));
        o.put("tau", r.tau());
        Optional<Heterogeneity> h = r.heterogeneity();
        o.put("i2", h.map(Heterogeneity::i2).orElse(null));
        o.put("h2", h.map(Heterogeneity::h2).orElse(null));
        o.put("q", h.map(Heterogeneity::q).orElse(null));
        o.put("q_df", h.map(Heterogeneity::df).orElse(null));
        o.put("q_pval", h.map(Heterogeneity::pval).orElse(null));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("estimate", r.transformed().estimate());
        t.put("ci_lower", r.transformed().ci().lower());
        t.put("ci_upper", r.transformed().ci().upper());
        t.put("pi_lower", r.transformed().pi().map(Interval::lower).orElse(null));
        t.put("pi_upper", r.transformed().pi().map(Interval::upper).orElse(null));
        o.put("transformed", t);
        List<Map<String, Object>> studies = new ArrayList<>();
        double[] yi = es.yi();
        double[] vi = es.vi();
        double[] w = r.weights();
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("study", names[i]);
            s.put("yi", yi[i]);
            s.put("vi", vi[i]);
            s.put("weight", w[i]);
            studies.add(s);
        }
        o.put("studies", studies);
        sub.ifPresent(sa -> {
            List<Map<String, Object>> subs = new ArrayList<>();
            for (SubgroupAnalysis.Subgroup s : sa.subgroups()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("k", s.studies().size());
                MetaAnalysisResult sr = s.fit() instanceof MetaAnalysisResult x ? x : null;
                m.put("estimate", sr == null ? null : sr.estimate());
                m.put("se", sr == null ? null : sr.se());
                m.put("ci_lower", sr == null ? null : sr.ci().lower());
                m.put("ci_upper", sr == null ? null : sr.ci().upper());
                m.put("tau2", sr == null ? null : sr.tau2());
                m.put("i2", sr == null ? null : sr.heterogeneity().map(Heterogeneity::i2).orElse(null));
                subs.add(m);
            }
            o.put("subgroups", subs);
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("q", sa.test().map(SubgroupAnalysis.SubgroupTest::q).orElse(null));
            st.put("df", sa.test().map(SubgroupAnalysis.SubgroupTest::df).orElse(null));
            st.put("pval", sa.test().map(SubgroupAnalysis.SubgroupTest::pval).orElse(null));
            o.put("subgroup_test", st);
        });
        return Json.write(o);
    }

    // ---- table ------------------------------------------------------------------------------

    private static String describe(EffectMeasure m) {
        return switch (m) {
            case OR -> "log odds ratio";
            case RR -> "log risk ratio";
            case RD -> "risk difference";
            case PLO -> "logit proportion";
            case PFT -> "Freeman-Tukey double arcsine proportion";
            case PAS -> "arcsine square-root proportion";
            case PR -> "proportion";
            case PLN -> "log proportion";
            case GEN -> "generic estimate";
        };
    }

    private static String naturalName(EffectMeasure m) {
        return switch (m) {
            case OR -> "odds ratio";
            case RR -> "risk ratio";
            case PLO, PFT, PAS, PLN, PR -> "proportion";
            case RD -> "risk difference";
            case GEN -> "estimate";
        };
    }

    private String table(MetaAnalysisResult r, String[] names, EffectSizes es, Optional<SubgroupAnalysis> sub) {
        StringBuilder sb = new StringBuilder();
        String lv = format(r.level());
        String model = r.method().isFixedEffect() ? "Fixed-effect (inverse variance)"
                : "Random-effects (tau^2: " + r.method().label() + ")";
        sb.append(String.format(Locale.ROOT, "%s meta-analysis, %s, %s, k = %d%n", model, describe(r.measure()),
                r.test() == TestType.KNHA ? "Knapp-Hartung t-test" : "z-test", r.k()));
        if (es.measure().kind() != EffectMeasure.Kind.GENERIC) {
            int corrected = 0;
            for (boolean c : es.corrected()) {
                corrected += c ? 1 : 0;
            }
            if (corrected > 0) {
                sb.append(String.format(Locale.ROOT, "Zero cells: %s added to the cells of %d stud%s%n",
                        format(es.correction().add()), corrected, corrected == 1 ? "y" : "ies"));
            }
        }
        sb.append('\n');
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((100 - r.level()) / 200);
        TextTable t = new TextTable("study", ">yi", ">se", ">" + lv + "% CI", ">weight %");
        double[] yi = es.yi();
        double[] vi = es.vi();
        double[] w = r.weights();
        boolean[] corr = es.corrected();
        for (int i = 0; i < names.length; i++) {
            double se = Math.sqrt(vi[i]);
            t.row(names[i] + (corr[i] ? " *" : ""), f4(yi[i]), f4(se), ci(yi[i] - z * se, yi[i] + z * se), f2(w[i]));
        }
        sb.append(t.render()).append('\n');
        String stat = r.test() == TestType.KNHA ? "t(" + (r.k() - 1) + ")" : "z";
        sb.append(String.format(Locale.ROOT, "Pooled %s: %s  SE %s  %s%% CI %s  %s = %s  %s%n", describe(r.measure()),
                f4(r.estimate()), f4(r.se()), lv, ci(r.ci().lower(), r.ci().upper()), stat, f4(r.statistic()), p(r.pval())));
        if (r.measure() != EffectMeasure.GEN && r.measure() != EffectMeasure.PR && r.measure() != EffectMeasure.RD) {
            sb.append(String.format(Locale.ROOT, "Pooled %s: %s  %s%% CI %s%s%n", naturalName(r.measure()),
                    f4(r.transformed().estimate()), lv, ci(r.transformed().ci().lower(), r.transformed().ci().upper()),
                    r.transformed().pi().map(x -> "  " + lv + "% PI " + ci(x.lower(), x.upper())).orElse("")));
        }
        r.pi().ifPresent(x -> sb.append(String.format(Locale.ROOT, "%s%% prediction interval (%s): %s%n", lv,
                describe(r.measure()), ci(x.lower(), x.upper()))));
        sb.append(heterogeneityLine(r)).append('\n');
        sub.ifPresent(sa -> {
            sb.append('\n');
            TextTable st = new TextTable("subgroup", ">k", ">estimate", ">se", ">" + lv + "% CI", ">tau^2", ">I^2 %");
            for (SubgroupAnalysis.Subgroup s : sa.subgroups()) {
                if (s.fit() instanceof MetaAnalysisResult x) {
                    st.row(s.name(), x.k(), f4(x.estimate()), f4(x.se()), ci(x.ci().lower(), x.ci().upper()), f4(x.tau2()),
                            x.heterogeneity().map(h -> f2(h.i2())).orElse("-"));
                } else {
                    st.row(s.name(), s.studies().size(), "not converged", "", "", "", "");
                }
            }
            sb.append(st.render());
            sb.append(sa.test().map(x -> String.format(Locale.ROOT, "Test for subgroup differences: Q(%d) = %s, %s%n",
                    x.df(), f2(x.q()), p(x.pval()))).orElse("Test for subgroup differences: not available\n"));
        });
        for (boolean c : es.corrected()) {
            if (c) {
                sb.append('\n').append("* zero-cell correction applied\n");
                break;
            }
        }
        return sb.toString();
    }

    private static String heterogeneityLine(MetaAnalysisResult r) {
        if (r.heterogeneity().isEmpty()) {
            return "Heterogeneity: not estimable with k = 1";
        }
        Heterogeneity h = r.heterogeneity().get();
        StringBuilder sb = new StringBuilder("Heterogeneity: ");
        if (!r.method().isFixedEffect()) {
            sb.append("tau^2 = ").append(f4(r.tau2()));
            List<String> extra = new ArrayList<>();
            if (r.tau2Se().isPresent()) {
                extra.add("SE " + f4(r.tau2Se().getAsDouble()));
            }
            r.tau2Ci().ifPresent(c -> extra.add(format(r.level()) + "% CI " + ci(c.tau2().lower(), c.tau2().upper())
                    + (c.nullSet() ? " (null set)" : "") + (c.upperAtSearchLimit() ? " (upper bound at search limit)" : "")));
            if (!extra.isEmpty()) {
                sb.append(" (").append(String.join(", ", extra)).append(')');
            }
            sb.append(", tau = ").append(f4(r.tau())).append(", ");
        }
        sb.append(String.format(Locale.ROOT, "I^2 = %s%%, H^2 = %s, Q(%d) = %s, %s", f2(h.i2()), f2(h.h2()), h.df(),
                f2(h.q()), p(h.pval())));
        return sb.toString();
    }

    private static String f4(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static String f2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String ci(double lo, double hi) {
        return "[" + f4(lo) + ", " + f4(hi) + "]";
    }

    /** "p = 0.1234" or "p < 0.0001". */
    private static String p(double p) {
        return p < 1e-4 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);
    }

    private static String format(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}

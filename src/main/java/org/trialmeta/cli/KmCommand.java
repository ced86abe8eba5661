package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.survival.ConfType;
import org.trialmeta.stats.survival.KaplanMeier;
import org.trialmeta.stats.survival.KaplanMeierCurve;
import org.trialmeta.stats.survival.KaplanMeierRow;
import org.trialmeta.stats.survival.LogRank;
import org.trialmeta.stats.survival.LogRankResult;
import org.trialmeta.stats.survival.RmstDifference;
import org.trialmeta.stats.survival.RmstResult;
import org.trialmeta.stats.survival.SurvivalQuantile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta km}: Kaplan-Meier curves per group with median, restricted mean and, with
 * {@code --group}, the G-rho log-rank test, as R's survfit / print(survfit) / survdiff.
 */
@Command(name = "km", mixinStandardHelpOptions = true,
        description = {"Kaplan-Meier estimate (Greenwood variance) per group, median with CI and restricted mean"
                + " (as R survival::survfit / print(survfit, rmean=)), and with --group the log-rank / G-rho test"
                + " (as survdiff).",
            "Input: a CSV with a time column and an event column (1 = event, 0 = censored)."})
public final class KmCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json }

    /**
     * Largest accepted follow-up time. Greenwood and restricted-mean variances sum squared areas (time
     * squared); beyond about 1e150 they overflow to infinity. 1e15 is far above any follow-up in any unit
     * and keeps every sum finite.
     */
    static final double MAX_TIME = 1e15;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "CSV file, one row per patient.")
    Path input;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of follow-up times (>= 0).")
    String timeColumn;

    @Option(names = "--event", required = true, paramLabel = "COL",
            description = "Column of event indicators: 1 = event, 0 = censored.")
    String eventColumn;

    @Option(names = "--group", paramLabel = "COL", description = "Column of group labels: one curve per group and a log-rank test.")
    String groupColumn;

    @Option(names = "--strata", paramLabel = "COL", description = "Column of strata for a stratified log-rank test (needs --group).")
    String strataColumn;

    @Option(names = "--conf-type", paramLabel = "TYPE", defaultValue = "log",
            description = "Confidence interval type: log, log-log, plain or none (default: ${DEFAULT-VALUE}, as survfit).")
    String confType;

    @Option(names = "--level", paramLabel = "PERCENT", defaultValue = "95",
            description = "Confidence level in percent (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--rho", paramLabel = "RHO", defaultValue = "0",
            description = "G-rho test weight S(t-)^rho: 0 = log-rank, 1 = Peto-Peto (default: ${DEFAULT-VALUE}, as survdiff).")
    double rho;

    @Option(names = "--tau", paramLabel = "TIME",
            description = "Upper limit of the restricted mean (default: the largest last follow-up time over the groups,"
                    + " survival's \"common\" limit).")
    Double tau;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the curves (CI bands, censor marks, numbers at risk) to FILE; "
                    + "the format follows the extension: .png (300 dpi), .svg or .pdf.")
    Path plot;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "",
            description = "Time unit shown on the plot's axis, e.g. months.")
    String timeUnit;

    @Option(names = "--y-label", paramLabel = "TEXT", defaultValue = "Survival probability",
            description = "Y-axis label of the plot. Default: ${DEFAULT-VALUE}.")
    String yLabel;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        ConfType ct;
        try {
            ct = ConfType.fromRName(confType);
        } catch (IllegalArgumentException e) {
            throw new InputException("--conf-type: '" + confType + "' (must be one of log, log-log, plain, none)");
        }
        OptionChecks.level("--level", level, 1);
        OptionChecks.finite("--rho", rho);
        if (strataColumn != null && groupColumn == null) {
            throw new InputException("--strata needs --group (the strata stratify the log-rank test between groups)");
        }
        OptionChecks.positiveFinite("--tau", tau);
        OutputPaths.notAnInput("--plot", plot, "--input", input);
        CsvTable csv = CsvTable.read(input).requireColumns(timeColumn, eventColumn).requireRows(1);
        if (groupColumn != null) {
            csv.requireColumns(groupColumn);
        }
        if (strataColumn != null) {
            csv.requireColumns(strataColumn);
        }
        int n = csv.rowCount();
        double[] time = csv.doubles(timeColumn);
        double[] ev = csv.doubles(eventColumn);
        int[] event = new int[n];
        for (int r = 0; r < n; r++) {
            if (time[r] < 0) {
                throw csv.cellError(timeColumn, r, csv.string(timeColumn, r), "a time must not be negative");
            }
            if (time[r] > MAX_TIME) {
                throw csv.cellError(timeColumn, r, csv.string(timeColumn, r), "a time must be at most 1e15");
            }
            if (ev[r] != 0 && ev[r] != 1) {
                throw csv.cellError(eventColumn, r, csv.string(eventColumn, r), "event must be 1 (event) or 0 (censored)");
            }
            event[r] = (int) ev[r];
        }
        String[] groupOf = groupColumn == null ? null : csv.strings(groupColumn);
        List<String> labels = groupOf == null ? List.of("all") : factorLevels(groupOf);
        int[] gi = new int[n];
        if (groupOf != null) {
            for (int r = 0; r < n; r++) {
                gi[r] = labels.indexOf(groupOf[r]);
            }
        }
        double lev = level / 100;
        List<KaplanMeierCurve> curves = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            int m = 0;
            for (int r = 0; r < n; r++) {
                if (gi[r] == g) {
                    m++;
                }
            }
            double[] t = new double[m];
            int[] e = new int[m];
            int k = 0;
            for (int r = 0; r < n; r++) {
                if (gi[r] == g) {
                    t[k] = time[r];
                    e[k++] = event[r];
                }
            }
            curves.add(KaplanMeier.fit(t, e, ct, lev));
        }
        double rmeanTau = tau != null ? tau : KaplanMeier.commonTau(curves);
        LogRankResult lr = null;
        if (groupOf != null && labels.size() > 1) {
            int[] strata = null;
            if (strataColumn != null) {
                String[] s = csv.strings(strataColumn);
                List<String> sl = factorLevels(s);
                strata = new int[n];
                for (int r = 0; r < n; r++) {
                    strata[r] = sl.indexOf(s[r]);
                }
            }
            try {
                lr = LogRank.test(time, event, gi, strata, rho);
            } catch (IllegalArgumentException e) {
                throw new InputException(csv.name() + ": " + e.getMessage());
            }
        }
        if (plot != null) {
            writePlot(labels, curves);
        }
        if (format == Format.json) {
            spec.commandLine().getOut().print(Json.write(json(labels, curves, rmeanTau, lr, ct, lev)));
        } else {
            spec.commandLine().getOut().print(table(labels, curves, rmeanTau, lr, ct, lev));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Group labels in R's factor order: numeric order when every label is a number, else text order. */
    static List<String> factorLevels(String[] values) {
        boolean numeric = true;
        for (String v : values) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        TreeSet<String> set = numeric
                ? new TreeSet<>((a, b) -> {
                    int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
                    return c != 0 ? c : a.compareTo(b);
                })
                : new TreeSet<>();
        for (String v : values) {
            set.add(v);
        }
        return new ArrayList<>(set);
    }

    private void writePlot(List<String> labels, List<KaplanMeierCurve> curves) {
        String name = plot.getFileName() == null ? "" : plot.getFileName().toString();
        int dot = name.lastIndexOf('.');
        org.trialmeta.report.FigureWriter.Format f;
        try {
            f = org.trialmeta.report.FigureWriter.Format.parse(dot < 0 ? "" : name.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InputException("--plot: '" + plot + "' (the file must end in .png, .svg or .pdf)");
        }
        org.trialmeta.report.FigureWriter.write(org.trialmeta.report.KaplanMeierFigure.figure("", yLabel, timeUnit,
                labels, curves), plot, f);
        TrialMetaCommand.printError(spec.commandLine().getErr(), "wrote " + plot);
    }

    /** The restricted mean up to {@code tau}; null (not estimable) when tau is 0, i.e. every time is 0. */
    private static RmstResult rmst(KaplanMeierCurve c, double tau) {
        return tau > 0 ? c.rmst(tau) : null;
    }

    private static Double d(OptionalDouble o) {
        return o.isPresent() ? o.getAsDouble() : null;
    }

    private Map<String, Object> json(List<String> labels, List<KaplanMeierCurve> curves, double rmeanTau,
            LogRankResult lr, ConfType ct, double lev) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("conf_type", ct.rName());
        root.put("level", lev);
        root.put("rmean_tau", rmeanTau);
        List<Object> groups = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            KaplanMeierCurve c = curves.get(g);
            SurvivalQuantile med = c.median();
            RmstResult rm = rmst(c, rmeanTau);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", labels.get(g));
            m.put("n", c.n());
            m.put("events", c.events());
            m.put("median", d(med.time()));
            m.put("median_lower", d(med.lower()));
            m.put("median_upper", d(med.upper()));
            m.put("rmean", rm == null ? null : rm.rmean());
            m.put("rmean_se", rm == null ? null : rm.se());
            List<Object> rows = new ArrayList<>();
            for (KaplanMeierRow r : c.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("time", r.time());
                row.put("n_risk", r.nRisk());
                row.put("n_event", r.nEvent());
                row.put("n_censor", r.nCensor());
                row.put("surv", r.surv());
                row.put("std_err", d(r.stdErr()));
                row.put("lower", d(r.lower()));
                row.put("upper", d(r.upper()));
                rows.add(row);
            }
            m.put("table", rows);
            List<Object> qs = new ArrayList<>();
            for (double p : new double[] {0.25, 0.5, 0.75}) {
                SurvivalQuantile q = c.quantile(p);
                Map<String, Object> qm = new LinkedHashMap<>();
                qm.put("probability", p);
                qm.put("time", d(q.time()));
                qm.put("lower", d(q.lower()));
                qm.put("upper", d(q.upper()));
                qs.add(qm);
            }
            m.put("quantiles", qs);
            groups.add(m);
        }
        root.put("groups", groups);
        if (curves.size() == 2 && rmeanTau > 0) {
            RmstDifference diff = KaplanMeier.rmstDifference(curves.get(0), curves.get(1), rmeanTau, lev);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("first", labels.get(0));
            m.put("second", labels.get(1));
            m.put("tau", rmeanTau);
            m.put("difference", diff.difference());
            m.put("se", diff.se());
            m.put("lower", diff.ci().lower());
            m.put("upper", diff.ci().upper());
            m.put("pval", diff.pValue());
            root.put("rmst_difference", m);
        }
        if (groupColumn != null) {
            if (lr == null) {
                root.put("logrank", null);
            } else {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("chisq", lr.chisq());
                l.put("df", lr.df());
                l.put("pval", d(lr.pValue()));
                l.put("rho", lr.rho());
                l.put("stratified", lr.stratified());
                l.put("observed", lr.observed());
                l.put("expected", lr.expected());
                root.put("logrank", l);
            }
        }
        return root;
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "NA" : String.format(Locale.ROOT, "%.4f", x);
    }

    private static String num(OptionalDouble x) {
        return x.isPresent() ? num(x.getAsDouble()) : "NA";
    }

    /** Up to 6 significant digits without trailing zeros (times, levels, test statistics). */
    private static String g(double x) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String t = String.format(Locale.ROOT, "%.6g", x);
        if (t.contains("e") || !t.contains(".")) {
            return t;
        }
        return t.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private String table(List<String> labels, List<KaplanMeierCurve> curves, double rmeanTau, LogRankResult lr,
            ConfType ct, double lev) {
        StringBuilder sb = new StringBuilder();
        String pct = g(lev * 100) + "%";
        TextTable summary = new TextTable("group", ">n", ">events", ">median", ">" + pct + " lower",
                ">" + pct + " upper", ">rmean", ">se(rmean)");
        for (int i = 0; i < labels.size(); i++) {
            KaplanMeierCurve c = curves.get(i);
            SurvivalQuantile m = c.median();
            RmstResult r = rmst(c, rmeanTau);
            summary.row(labels.get(i), c.n(), c.events(), num(m.time()), num(m.lower()), num(m.upper()),
                    r == null ? "NA" : num(r.rmean()), r == null ? "NA" : num(r.se()));
        }
        sb.append(summary.render());
        sb.append("median NA = not reached; restricted mean up to ").append(g(rmeanTau))
                .append("; CI type ").append(ct.rName()).append('\n');
        for (int i = 0; i < labels.size(); i++) {
            sb.append('\n').append("group ").append(labels.get(i)).append('\n');
            TextTable t = new TextTable(">time", ">n.risk", ">n.event", ">n.censor", ">survival", ">std.err",
                    ">lower " + pct, ">upper " + pct);
            for (KaplanMeierRow r : curves.get(i).rows()) {
                t.row(g(r.time()), r.nRisk(), r.nEvent(), r.nCensor(), num(r.surv()), num(r.stdErr()),
                        num(r.lower()), num(r.upper()));
            }
            sb.append(t.render());
        }
        if (curves.size() == 2 && rmeanTau > 0) {
            RmstDifference diff = KaplanMeier.rmstDifference(curves.get(0), curves.get(1), rmeanTau, lev);
            sb.append('\n').append("RMST difference ").append(labels.get(0)).append(" - ").append(labels.get(1))
                    .append(" up to ").append(g(rmeanTau)).append(": ").append(num(diff.difference()))
                    .append(" (SE ").append(num(diff.se())).append(", ").append(pct).append(" CI ")
                    .append(num(diff.ci().lower())).append(" to ").append(num(diff.ci().upper())).append(", p = ")
                    .append(g(diff.pValue())).append(")\n");
        }
        if (lr != null) {
            sb.append('\n').append(lr.rho() == 0 ? "Log-rank test" : "G-rho test (rho = " + g(lr.rho()) + ")")
                    .append(lr.stratified() ? ", stratified" : "").append(": chisq = ").append(g(lr.chisq()))
                    .append(" on ").append(lr.df()).append(" df, p = ")
                    .append(lr.pValue().isPresent() ? g(lr.pValue().getAsDouble()) : "NA").append('\n');
        } else if (groupColumn != null) {
            sb.append("\nLog-rank test: not computed (only one group)\n");
        }
        return sb.toString();
    }
}

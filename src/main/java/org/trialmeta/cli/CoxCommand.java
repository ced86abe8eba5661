package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.survival.CoxTest;
import org.trialmeta.stats.survival.Concordance;
import org.trialmeta.stats.survival.CoxCoefficient;
import org.trialmeta.stats.survival.CoxConvergence;
import org.trialmeta.stats.survival.CoxModel;
import org.trialmeta.stats.survival.CoxRegression;
import org.trialmeta.stats.survival.ProportionalHazardsTest;
import org.trialmeta.stats.survival.Ties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta cox}: Cox proportional-hazards regression on patient-level data, as R's coxph. */
@Command(name = "cox", mixinStandardHelpOptions = true,
        description = {"Cox proportional-hazards regression on a patient-level CSV, as R survival 3.5"
                + " coxph(Surv(time, event) ~ covariates + strata(s), ties=), with cox.zph proportional-hazards"
                + " tests (transform km).",
            "Rows with a missing value are refused (no silent row dropping)."})
public final class CoxCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json }

    /**
     * Largest accepted |covariate|. The information matrix sums squared covariates weighted by
     * exp(x'beta); with |x| near 1e154 the squares overflow and the fit reports se 0 and p 0 for nonsense.
     * 1e15 is beyond any measured covariate in any unit (rescale otherwise).
     */
    static final double MAX_ABS_COVARIATE = 1e15;

    /** Tie handling as spelled on the command line. */
    enum TiesOption { efron, breslow }

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "Patient-level CSV file.")
    Path input;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "Follow-up time column.")
    String timeColumn;

    @Option(names = "--event", required = true, paramLabel = "COL",
            description = "Event column: 1 = event, 0 = censored.")
    String eventColumn;

    @Option(names = "--covariate", required = true, paramLabel = "COL",
            description = "Numeric covariate column (repeat for several).")
    List<String> covariates;

    @Option(names = "--strata", paramLabel = "COL", description = "Stratification column (any text), as strata(COL).")
    String strataColumn;

    @Option(names = "--ties", defaultValue = "efron", paramLabel = "efron|breslow",
            description = "Tie handling: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TiesOption ties;

    @Option(names = "--level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Confidence level of the hazard-ratio intervals in percent (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        OptionChecks.level("--level", level);
        List<String> names = new ArrayList<>(covariates);
        for (int i = 0; i < names.size(); i++) {
            if (names.subList(0, i).contains(names.get(i))) {
                throw new InputException("--covariate " + names.get(i) + ": given twice");
            }
        }
        CsvTable csv = CsvTable.read(input);
        List<String> required = new ArrayList<>(List.of(timeColumn, eventColumn));
        required.addAll(names);
        if (strataColumn != null) {
            required.add(strataColumn);
        }
        csv.requireColumns(required.toArray(String[]::new)).requireRows(1);
        double[] time = csv.doubles(timeColumn);
        for (int r = 0; r < time.length; r++) {
            if (time[r] < 0) { // coxph would only rank them, but a negative follow-up time is a data error (as km)
                throw csv.cellError(timeColumn, r, csv.string(timeColumn, r), "a time must not be negative");
            }
        }
        int[] event = csv.counts(eventColumn);
        for (int r = 0; r < event.length; r++) {
            if (event[r] > 1) {
                throw csv.cellError(eventColumn, r, Integer.toString(event[r]), "event must be 1 (event) or 0 (censored)");
            }
        }
        double[][] columns = new double[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            columns[k] = csv.doubles(names.get(k));
            for (int r = 0; r < columns[k].length; r++) {
                if (Math.abs(columns[k][r]) > MAX_ABS_COVARIATE) {
                    throw csv.cellError(names.get(k), r, csv.string(names.get(k), r),
                            "a covariate must be between -1e15 and 1e15 (rescale it)");
                }
            }
        }
        int[] strata = null;
        if (strataColumn != null) {
            String[] s = csv.strings(strataColumn);
            List<String> levels = new ArrayList<>(new TreeSet<>(List.of(s)));
            strata = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                strata[i] = levels.indexOf(s[i]);
            }
        }
        Ties t = ties == TiesOption.breslow ? Ties.BRESLOW : Ties.EFRON;
        CoxModel fit;
        ProportionalHazardsTest.Result zph;
        try {
            fit = CoxRegression.fit(time, event, columns, names, strata, t, level / 100);
            zph = ProportionalHazardsTest.zph(fit, time, event, columns, strata);
        } catch (IllegalArgumentException e) {
            throw new InputException(csv.name() + ": " + e.getMessage());
        }
        String warning = warning(fit);
        if (format == Format.json) {
            spec.commandLine().getOut().print(Json.write(json(fit, zph, warning)));
        } else {
            spec.commandLine().getOut().print(table(fit, zph, warning));
        }
        spec.commandLine().getOut().flush();
        if (warning != null) {
            TrialMetaCommand.printError(spec.commandLine().getErr(), "warning: " + warning);
        }
        return ExitCodes.OK;
    }

    private static String warning(CoxModel fit) {
        if (fit.convergence() == CoxConvergence.NOT_CONVERGED) {
            return "the Cox fit did not converge in " + CoxRegression.ITER_MAX + " iterations (a coefficient is"
                    + " probably infinite: monotone likelihood); coefficients are not estimates";
        }
        if (fit.convergence() == CoxConvergence.INFINITE_COEFFICIENT) {
            return "log-likelihood converged before the coefficient of " + String.join(", ", infinite(fit))
                    + "; it may be infinite (monotone likelihood) and its estimate and SE are not meaningful";
        }
        return null;
    }

    private static List<String> infinite(CoxModel fit) {
        return fit.coefficients().stream().filter(CoxCoefficient::possiblyInfinite).map(CoxCoefficient::name).toList();
    }

    static Map<String, Object> json(CoxModel fit, ProportionalHazardsTest.Result zph, String warning) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", fit.n());
        m.put("events", fit.events());
        m.put("loglik_null", fit.logLikNull());
        m.put("loglik", fit.logLik());
        Optional<Concordance> c = fit.concordance();
        m.put("concordance", c.map(Concordance::value).orElse(null));
        m.put("concordance_se", c.map(Concordance::standardError).orElse(null));
        m.put("lr_test", test(fit.likelihoodRatioTest()));
        m.put("wald_test", test(fit.waldTest()));
        m.put("score_test", test(fit.scoreTest()));
        List<Map<String, Object>> coefs = new ArrayList<>();
        for (CoxCoefficient cf : fit.coefficients()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", cf.name());
            var e = cf.estimate();
            row.put("coef", e.map(CoxCoefficient.Estimate::coef).orElse(null));
            row.put("se", e.map(CoxCoefficient.Estimate::se).orElse(null));
            row.put("hr", e.map(CoxCoefficient.Estimate::hazardRatio).orElse(null));
            row.put("hr_lower", e.map(x -> x.hazardRatioCi().lower()).orElse(null));
            row.put("hr_upper", e.map(x -> x.hazardRatioCi().upper()).orElse(null));
            row.put("z", e.map(CoxCoefficient.Estimate::z).orElse(null));
            row.put("pval", e.map(CoxCoefficient.Estimate::pValue).orElse(null));
            coefs.add(row);
        }
        m.put("coefficients", coefs);
        m.put("converged", fit.converged());
        m.put("convergence", fit.convergence().name().toLowerCase(Locale.ROOT));
        m.put("possibly_infinite", infinite(fit));
        m.put("warning", warning);
        m.put("iterations", fit.iterations());
        m.put("ties", fit.ties().name().toLowerCase(Locale.ROOT));
        m.put("level", fit.level());
        m.put("strata", fit.strata());
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("transform", "km");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var r : zph.terms()) {
            rows.add(zphRow(r));
        }
        z.put("terms", rows);
        z.put("global", zphRow(zph.global()));
        m.put("zph", z);
        return m;
    }

    private static Map<String, Object> test(CoxTest t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statistic", t.statistic());
        m.put("df", t.df());
        m.put("pval", t.pValue());
        return m;
    }

    private static Map<String, Object> zphRow(ProportionalHazardsTest.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("term", r.term());
        m.put("chisq", r.test().map(CoxTest::statistic).orElse(null));
        m.put("df", r.test().map(CoxTest::df).orElse(null));
        m.put("pval", r.test().map(CoxTest::pValue).orElse(null));
        return m;
    }

    private static String table(CoxModel fit, ProportionalHazardsTest.Result zph, String warning) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Cox proportional hazards (ties: %s): n = %d, events = %d%s%n",
                fit.ties().name().toLowerCase(Locale.ROOT), fit.n(), fit.events(),
                fit.strata() > 1 ? ", strata = " + fit.strata() : ""));
        if (warning != null) {
            sb.append("WARNING: ").append(warning).append('\n');
        }
        sb.append('\n');
        double pct = fit.level() * 100;
        String lv = pct == Math.rint(pct) ? fmt("%.0f", pct) : fmt("%s", pct);
        TextTable t = new TextTable("covariate", ">coef", ">HR", ">HR " + lv + "% CI", ">se(coef)", ">z", ">p");
        for (CoxCoefficient cf : fit.coefficients()) {
            if (cf.estimate().isEmpty()) {
                t.row(cf.name(), "NA (aliased)", "", "", "", "", "");
                continue;
            }
            var e = cf.estimate().get();
            t.row(cf.name(), fmt("%.5g", e.coef()), fmt("%.4g", e.hazardRatio()),
                    fmt("%.4g", e.hazardRatioCi().lower()) + " to " + fmt("%.4g", e.hazardRatioCi().upper()),
                    fmt("%.4g", e.se()), fmt("%.3f", e.z()), p(e.pValue()));
        }
        sb.append(t.render()).append('\n');
        fit.concordance().ifPresentOrElse(
                c -> sb.append(fmt("Concordance = %.4f (se = %.4f)%n", c.value(), c.standardError())),
                () -> sb.append("Concordance = not estimable (no comparable pair)\n"));
        sb.append(fmt("Log-likelihood: null %.6g, model %.6g%n", fit.logLikNull(), fit.logLik()));
        testLine(sb, "Likelihood ratio test", fit.likelihoodRatioTest());
        testLine(sb, "Wald test            ", fit.waldTest());
        testLine(sb, "Score (logrank) test ", fit.scoreTest());
        sb.append("\nProportional hazards (cox.zph, transform km)\n");
        TextTable z = new TextTable("term", ">chisq", ">df", ">p");
        List<ProportionalHazardsTest.Row> all = new ArrayList<>(zph.terms());
        all.add(zph.global());
        for (var r : all) {
            if (r.test().isPresent()) {
                CoxTest c = r.test().get();
                z.row(r.term(), fmt("%.4g", c.statistic()), c.df(), p(c.pValue()));
            } else {
                z.row(r.term(), "NA", "", "not estimable (singular information)");
            }
        }
        sb.append(z.render());
        return sb.toString();
    }

    private static void testLine(StringBuilder sb, String name, CoxTest t) {
        sb.append(name).append(fmt(" = %.4g on %d df, p = ", t.statistic(), t.df())).append(p(t.pValue())).append('\n');
    }

    private static String p(double p) {
        return p < 1e-4 ? fmt("%.2e", p) : fmt("%.4f", p);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}

package org.trialmeta.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary.Favours;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary.Sides;
import org.trialmeta.stats.survival.summary.LogHazardRatio;
import org.trialmeta.stats.survival.summary.ReportedMedian;
import org.trialmeta.stats.survival.summary.SummaryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta hr-from-summary}: log HR and variance from published statistics (Tierney 2007). */
@Command(name = "hr-from-summary", mixinStandardHelpOptions = true,
        description = {"Log hazard ratio and its variance (for generic inverse-variance pooling) from published"
                + " statistics, Tierney et al. 2007 (Trials 8:16) or an exponential model on medians. Give exactly"
                + " one set of inputs:",
            "  --hr with --hr-ci LOWER,UPPER            (HR and CI)",
            "  --hr with --p                            (HR and p-value)",
            "  --hr with --events [--ratio]             (HR and total events)",
            "  --o-minus-e with --v                     (log-rank O-E and V)",
            "  --logrank-p with --favours and --events [--ratio], or --events-research and --events-control",
            "  --median-treated/--median-control with --events-research/--events-control or both median CIs"
                    + " (exponential model)"})
public final class HrFromSummaryCommand implements Callable<Integer> {

    enum Format { table, json }

    enum SidesOption { two, one }

    enum FavoursOption { research, control }

    @Spec
    CommandSpec spec;

    @Option(names = "--hr", paramLabel = "HR", description = "Reported hazard ratio (research vs control).")
    Double hr;

    @Option(names = "--hr-ci", paramLabel = "LOWER,UPPER", description = "Reported CI of the HR.")
    String hrCi;

    @Option(names = "--ci-level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Level of reported CIs in percent (default: ${DEFAULT-VALUE}).")
    double ciLevel;

    @Option(names = "--p", paramLabel = "P", description = "p-value reported with the HR.")
    Double p;

    @Option(names = "--logrank-p", paramLabel = "P", description = "Reported log-rank p-value.")
    Double logrankP;

    @Option(names = "--sides", defaultValue = "two", paramLabel = "two|one",
            description = "Sidedness of the p-value (default: ${DEFAULT-VALUE}).")
    SidesOption sides;

    @Option(names = "--favours", paramLabel = "research|control", description = "Arm favoured by the log-rank test.")
    FavoursOption favours;

    @Option(names = "--events", paramLabel = "D", description = "Total number of events.")
    Integer events;

    @Option(names = "--ratio", defaultValue = "1", paramLabel = "R",
            description = "Randomisation ratio research:control (default: ${DEFAULT-VALUE}).")
    double ratio;

    @Option(names = "--events-research", paramLabel = "D", description = "Events on the research/treated arm.")
    Integer eventsResearch;

    @Option(names = "--events-control", paramLabel = "D", description = "Events on the control arm.")
    Integer eventsControl;

    @Option(names = "--o-minus-e", paramLabel = "O-E", description = "Log-rank observed minus expected (research).")
    Double oMinusE;

    @Option(names = "--v", paramLabel = "V", description = "Log-rank variance V.")
    Double v;

    @Option(names = "--median-treated", paramLabel = "MEDIAN|NR|NA", description = "Treated median.")
    String medianTreated;

    @Option(names = "--median-treated-ci", paramLabel = "LOWER,UPPER", description = "CI of the treated median.")
    String medianTreatedCi;

    @Option(names = "--median-control", paramLabel = "MEDIAN|NR|NA", description = "Control median.")
    String medianControl;

    @Option(names = "--median-control-ci", paramLabel = "LOWER,UPPER", description = "CI of the control median.")
    String medianControlCi;

    @Option(names = "--level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Level of the output HR CI in percent (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        double lv = OptionChecks.level("--level", level);
        double cl = OptionChecks.level("--ci-level", ciLevel);
        OptionChecks.positiveFinite("--hr", hr);
        OptionChecks.pValue("--p", p);
        OptionChecks.pValue("--logrank-p", logrankP);
        OptionChecks.atLeast("--events", events, 1);
        OptionChecks.positiveFinite("--ratio", ratio);
        OptionChecks.atLeast("--events-research", eventsResearch, 0);
        OptionChecks.atLeast("--events-control", eventsControl, 0);
        OptionChecks.finite("--o-minus-e", oMinusE);
        OptionChecks.positiveFinite("--v", v);
        Sides s = sides == SidesOption.one ? Sides.ONE_SIDED : Sides.TWO_SIDED;
        SummaryResult<LogHazardRatio> r;
        try {
            r = compute(cl, s);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimable", r.isEstimable());
        m.put("log_hr", r.value().map(LogHazardRatio::logHr).orElse(null));
        m.put("variance", r.value().map(LogHazardRatio::variance).orElse(null));
        m.put("se", r.value().map(LogHazardRatio::standardError).orElse(null));
        m.put("hr", r.value().map(LogHazardRatio::hazardRatio).orElse(null));
        m.put("hr_lower", r.value().map(x -> x.hazardRatioCi(lv).lower()).orElse(null));
        m.put("hr_upper", r.value().map(x -> x.hazardRatioCi(lv).upper()).orElse(null));
        m.put("level", lv);
        m.put("method", r.value().map(LogHazardRatio::method).orElse(null));
        m.put("reason", r instanceof SummaryResult.NotEstimable<LogHazardRatio> n ? n.reason() : null);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(Json.write(m));
        } else if (r.value().isPresent()) {
            LogHazardRatio x = r.value().get();
            out.printf(Locale.ROOT, "log HR = %.6g, variance = %.6g, SE = %.6g%nHR = %.4g (%s%% CI %.4g to %.4g)%n"
                    + "method: %s%n", x.logHr(), x.variance(), x.standardError(), x.hazardRatio(),
                    fmtLevel(lv), x.hazardRatioCi(lv).lower(), x.hazardRatioCi(lv).upper(), x.method());
        } else {
            out.println("not estimable: " + m.get("reason"));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String fmtLevel(double lv) {
        double pct = lv * 100;
        return pct == Math.rint(pct) ? String.format(Locale.ROOT, "%.0f", pct) : Double.toString(pct);
    }

    private SummaryResult<LogHazardRatio> compute(double cl, Sides s) {
        int sets = 0;
        sets += hr != null ? 1 : 0;
        sets += oMinusE != null || v != null ? 1 : 0;
        sets += logrankP != null ? 1 : 0;
        sets += medianTreated != null || medianControl != null ? 1 : 0;
        if (sets != 1) {
            throw new InputException("give exactly one of --hr, --o-minus-e/--v, --logrank-p, --median-treated/"
                    + "--median-control (see --help); got " + sets);
        }
        if (hr != null) {
            if (hrCi != null) {
                String[] parts = hrCi.split(",", -1);
                if (parts.length != 2) {
                    throw new InputException("--hr-ci " + hrCi + ": expected LOWER,UPPER, e.g. 0.62,0.91");
                }
                return SummaryResult.of(HazardRatioFromSummary.fromHazardRatioCi(hr, new Interval(
                        SummaryInputs.number("--hr-ci", parts[0]), SummaryInputs.number("--hr-ci", parts[1])), cl));
            }
            if (p != null) {
                return HazardRatioFromSummary.fromHazardRatioAndP(hr, p, s);
            }
            if (events != null) {
                return SummaryResult.of(HazardRatioFromSummary.fromHazardRatioAndEvents(hr, events, ratio));
            }
            throw new InputException("--hr needs --hr-ci, --p or --events");
        }
        if (oMinusE != null || v != null) {
            OptionChecks.together("--o-minus-e", oMinusE, "--v", v);
            return SummaryResult.of(HazardRatioFromSummary.fromObservedMinusExpected(oMinusE, v));
        }
        if (logrankP != null) {
            if (favours == null) {
                throw new InputException("--logrank-p needs --favours research|control (the direction of the effect)");
            }
            Favours f = favours == FavoursOption.research ? Favours.RESEARCH : Favours.CONTROL;
            if (eventsResearch != null && eventsControl != null) {
                return HazardRatioFromSummary.fromLogRankP(logrankP, s, f, eventsResearch, eventsControl);
            }
            if (events != null) {
                return HazardRatioFromSummary.fromLogRankP(logrankP, s, f, events, ratio);
            }
            throw new InputException("--logrank-p needs --events (with --ratio) or --events-research and --events-control");
        }
        OptionChecks.together("--median-treated", medianTreated, "--median-control", medianControl);
        ReportedMedian t = SummaryInputs.median("--median-treated", medianTreated, medianTreatedCi, ciLevel);
        ReportedMedian c = SummaryInputs.median("--median-control", medianControl, medianControlCi, ciLevel);
        if (eventsResearch != null && eventsControl != null) {
            return HazardRatioFromSummary.fromMediansAndEvents(t, c, eventsResearch, eventsControl);
        }
        return HazardRatioFromSummary.fromMedianCis(t, c);
    }
}

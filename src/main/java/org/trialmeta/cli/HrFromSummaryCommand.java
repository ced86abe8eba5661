package org.trialmeta.cli;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.HrFromSummaryInput;
import org.trialmeta.check.PValueAgreement;
import org.trialmeta.model.InputException;
import org.trialmeta.model.PValue;
import org.trialmeta.present.HrSummary;
import org.trialmeta.present.HrText;
import org.trialmeta.repository.Messages;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary.Favours;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary.Sides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta hr-from-summary}: log HR and variance from published statistics (Tierney 2007). Parse →
 * {@link HrFromSummaryInput#estimate} → {@link HrSummary} → text or JSON.
 */
@Command(name = "hr-from-summary", mixinStandardHelpOptions = true,
        description = {"Log hazard ratio and its variance (for generic inverse-variance pooling) from published"
                + " statistics, Tierney et al. 2007 (Trials 8:16) or an exponential model on medians. Give exactly"
                + " one set of inputs:",
            "  --hr with --hr-ci LOWER,UPPER            (HR and CI)",
            "  --hr with --p                            (HR and p-value)",
            "    (--hr-ci and --p together: the CI is used and the p is checked against it, rule p-from-ci)",
            "  --hr with --events [--ratio]             (HR and total events)",
            "  --o-minus-e with --v                     (log-rank O-E and V)",
            "  --logrank-p with --favours and --events [--ratio], or --events-research and --events-control",
            "  --median-treated/--median-control with --events-research/--events-control or both median CIs"
                    + " (exponential model)"})
public final class HrFromSummaryCommand implements Callable<Integer> {

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

    @Mixin
    LevelOption level;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        double lv = level.fraction();
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
        OptionChecks.together("--o-minus-e", oMinusE, "--v", v);
        OptionChecks.together("--median-treated", medianTreated, "--median-control", medianControl);
        Interval ci = SummaryInputs.intervalIfGiven("--hr-ci", hrCi);
        HrFromSummaryInput in = new HrFromSummaryInput(hr, ci, cl, p,
                logrankP, sides == SidesOption.one ? Sides.ONE_SIDED : Sides.TWO_SIDED,
                favours == null ? null : favours == FavoursOption.research ? Favours.RESEARCH : Favours.CONTROL, events,
                ratio, eventsResearch, eventsControl, oMinusE, v,
                SummaryInputs.medianIfGiven("--median-treated", medianTreated, medianTreatedCi, cl),
                SummaryInputs.medianIfGiven("--median-control", medianControl, medianControlCi, cl));
        // given both a CI and a p, the estimate uses the CI; the p is checked against it, not dropped
        HrSummary.PCheck pCheck = hr == null || ci == null || p == null ? null
                : PValueAgreement.of(hr, ci.lower(), ci.upper(), ciLevel, PValue.equal(p))
                        .map(a -> HrSummary.PCheck.of(p, a)).orElse(null);
        var estimate = in.estimate();
        refuseUnused(in);
        HrSummary summary = HrSummary.of(estimate, lv, pCheck);
        format.print(spec.commandLine().getOut(), summary, HrText::render);
        return ExitCodes.OK;
    }

    /** The options of this command that give inputs (not --level, --format). */
    private static final List<String> INPUT_OPTIONS = List.of("--hr", "--hr-ci", "--ci-level", "--p", "--logrank-p",
            "--sides", "--favours", "--events", "--ratio", "--events-research", "--events-control", "--o-minus-e", "--v",
            "--median-treated", "--median-treated-ci", "--median-control", "--median-control-ci");

    /** "Give exactly one set of inputs": an input option given but not used by the set is refused, not ignored. */
    private void refuseUnused(HrFromSummaryInput in) {
        Set<String> used = in.usedOptions();
        ParseResult given = spec.commandLine().getParseResult();
        List<String> set = INPUT_OPTIONS.stream().filter(o -> used.contains(o) && given.hasMatchedOption(o)).toList();
        for (String o : INPUT_OPTIONS) {
            if (given.hasMatchedOption(o) && !used.contains(o)) {
                throw new InputException(o + ": " + Messages.value(String.valueOf(given.matchedOptionValue(o, (Object) null)))
                        + " (not used with " + String.join(" and ", set) + ": give exactly one set of inputs, see --help)");
            }
        }
    }
}

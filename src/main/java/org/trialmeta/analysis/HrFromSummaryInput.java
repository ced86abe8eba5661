package org.trialmeta.analysis;

import java.util.List;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary.Favours;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary.Sides;
import org.trialmeta.stats.survival.summary.LogHazardRatio;
import org.trialmeta.stats.survival.summary.ReportedMedian;
import org.trialmeta.stats.survival.summary.SummaryResult;

/**
 * The published statistics given to {@code hr-from-summary} (null where not given), and the choice of method
 * they imply (Tierney et al. 2007, Trials 8:16, or an exponential model on medians). Exactly one set must be
 * given: the HR with its CI, p-value or total events; the log-rank O−E with V; the log-rank p-value with its
 * direction and events; or the two medians with events per arm or CIs.
 *
 * @param hr             reported hazard ratio (research vs control)
 * @param hrCi           its CI
 * @param ciLevel        level of the reported CIs, as a fraction
 * @param p              p-value reported with the HR
 * @param logrankP       reported log-rank p-value
 * @param sides          sidedness of the p-values
 * @param favours        arm favoured by the log-rank test
 * @param events         total number of events
 * @param ratio          randomisation ratio research:control
 * @param eventsResearch events on the research arm
 * @param eventsControl  events on the control arm
 * @param oMinusE        log-rank observed minus expected (research)
 * @param v              log-rank variance
 * @param medianTreated  treated median
 * @param medianControl  control median
 */
public record HrFromSummaryInput(Double hr, Interval hrCi, double ciLevel, Double p, Double logrankP, Sides sides,
        Favours favours, Integer events, double ratio, Integer eventsResearch, Integer eventsControl, Double oMinusE,
        Double v, ReportedMedian medianTreated, ReportedMedian medianControl) {

    /** O−E and V, and the two medians, come in pairs (the command line checks this first, naming the options). */
    public HrFromSummaryInput {
        if ((oMinusE == null) != (v == null) || (medianTreated == null) != (medianControl == null)) {
            throw new IllegalArgumentException("O-E and V, and the two medians, must be given together");
        }
    }

    /**
     * The log HR and its variance by the method the given set calls for.
     *
     * @throws InputException when not exactly one set is given, a set is incomplete, or the values contradict
     *     each other (e.g. a CI that does not contain the HR)
     */
    public SummaryResult<LogHazardRatio> estimate() {
        int sets = (hr != null ? 1 : 0) + (oMinusE != null || v != null ? 1 : 0) + (logrankP != null ? 1 : 0)
                + (medianTreated != null || medianControl != null ? 1 : 0);
        if (sets != 1) {
            throw new InputException("give exactly one of --hr, --o-minus-e/--v, --logrank-p, --median-treated/"
                    + "--median-control (see --help); got " + sets);
        }
        try {
            return estimateFromTheGivenSet();
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    /**
     * The options the given set of inputs uses (as {@link #estimate} reads them; the command refuses any other
     * summary option given, rather than ignore it): e.g. {@code --hr} with {@code --p} uses {@code --sides}, not
     * {@code --events}.
     */
    public java.util.Set<String> usedOptions() {
        java.util.Set<String> used = new java.util.HashSet<>();
        boolean perArm = eventsResearch != null && eventsControl != null;
        if (hr != null) {
            used.add("--hr");
            if (hrCi != null) {
                used.addAll(List.of("--hr-ci", "--ci-level", "--p")); // the p is checked against the CI
            } else if (p != null) {
                used.addAll(List.of("--p", "--sides"));
            } else {
                used.addAll(List.of("--events", "--ratio"));
            }
        } else if (oMinusE != null || v != null) {
            used.addAll(List.of("--o-minus-e", "--v"));
        } else if (logrankP != null) {
            used.addAll(List.of("--logrank-p", "--sides", "--favours"));
            used.addAll(perArm ? List.of("--events-research", "--events-control") : List.of("--events", "--ratio"));
        } else {
            used.addAll(List.of("--median-treated", "--median-control"));
            used.addAll(perArm ? List.of("--events-research", "--events-control")
                    : List.of("--median-treated-ci", "--median-control-ci", "--ci-level"));
        }
        return used;
    }

    private SummaryResult<LogHazardRatio> estimateFromTheGivenSet() {
        if (hr != null) {
            if (hrCi != null) {
                return SummaryResult.of(HazardRatioFromSummary.fromHazardRatioCi(hr, hrCi, ciLevel));
            }
            if (p != null) {
                return HazardRatioFromSummary.fromHazardRatioAndP(hr, p, sides);
            }
            if (events != null) {
                return SummaryResult.of(HazardRatioFromSummary.fromHazardRatioAndEvents(hr, events, ratio));
            }
            throw new InputException("--hr needs --hr-ci, --p or --events");
        }
        if (oMinusE != null) {
            return SummaryResult.of(HazardRatioFromSummary.fromObservedMinusExpected(oMinusE, v));
        }
        if (logrankP != null) {
            if (favours == null) {
                throw new InputException("--logrank-p needs --favours research|control (the direction of the effect)");
            }
            if (eventsResearch != null && eventsControl != null) {
                return HazardRatioFromSummary.fromLogRankP(logrankP, sides, favours, eventsResearch, eventsControl);
            }
            if (events != null) {
                return HazardRatioFromSummary.fromLogRankP(logrankP, sides, favours, events, ratio);
            }
            throw new InputException("--logrank-p needs --events (with --ratio) or --events-research and --events-control");
        }
        if (eventsResearch != null && eventsControl != null) {
            return HazardRatioFromSummary.fromMediansAndEvents(medianTreated, medianControl, eventsResearch, eventsControl);
        }
        return HazardRatioFromSummary.fromMedianCis(medianTreated, medianControl);
    }
}

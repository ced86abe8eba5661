package org.trialmeta.analysis;

import java.util.List;
import java.util.Optional;
import org.trialmeta.model.SurvivalCurve;
import org.trialmeta.model.TimeToEventEndpoint;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.TimeUnit;

/**
 * The digitised curves of one figure: one trial, endpoint, subgroup and cut, one curve per arm, reconstructed together
 * ({@link SurvivalCurveAnalysis}). Everything computed here is derived from the figure, never published.
 *
 * @param trial          trial id
 * @param trialName      trial name
 * @param endpoint       OS, PFS, ...
 * @param subgroup       subgroup id
 * @param subgroupName   subgroup name
 * @param cut            cut id
 * @param cutLabel       cut label
 * @param unit           the time unit of the curves (and of the medians reported beside them)
 * @param arms           one per arm, in the order of the fit: with two arms the compared arm first, the reference
 *                       arm second
 * @param referenceRule  with two arms, why the second is the reference: "control arm" (marked {@code control: true})
 *                       or "first arm listed in the trial file (no arm is marked control)"; null with one arm
 * @param fit            the reconstruction ({@link ReconstructFit}: the same code and settings as {@code reconstruct})
 * @param reportedHr     the publication's HR of the same comparison, oriented as the fit (first arm vs reference),
 *                       when the trial file has one
 * @param reportedHrFlipped whether the trial file gives that HR the other way round (reference vs first arm), so that
 *                       it was inverted here
 */
public record CurveSet(String trial, String trialName, TimeToEventEndpoint endpoint, String subgroup,
        String subgroupName, String cut, String cutLabel, TimeUnit unit, List<Arm> arms, String referenceRule,
        ReconstructFit fit, Optional<Reported> reportedHr, boolean reportedHrFlipped) {

    public CurveSet {
        arms = List.copyOf(arms);
    }

    /**
     * One arm's curve.
     *
     * @param arm            arm id
     * @param armName        arm name
     * @param curve          the digitised curve with its provenance and digitisation
     * @param reportedMedian the arm's reported median of the same endpoint, subgroup and cut (in {@code unit}), when
     *                       the trial file has one that is not {@code not_reported}
     * @param reported       the outcome it comes from, when there is one
     */
    public record Arm(String arm, String armName, SurvivalCurve curve, Optional<Reported> reportedMedian,
            Optional<TimeToEventOutcome> reported) {}

    /**
     * A published figure beside the reconstruction.
     *
     * @param estimate the value; null for a median not reached
     * @param lower    lower confidence limit, or null
     * @param upper    upper confidence limit, or null (also when not reached)
     * @param level    confidence level in percent, or null
     * @param status   the datum's evidence status, lower case
     * @param source   its source id
     * @param locator  where in the source, or null
     */
    public record Reported(Double estimate, Double lower, Double upper, Double level, String status, String source,
            String locator) {}

    /** "trial / endpoint / subgroup / cut", for messages. */
    public String describe() {
        return trial + " / " + endpoint + " / " + subgroup + " / " + cut;
    }
}

package org.trialmeta.present;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialmeta.analysis.CurveSet;
import org.trialmeta.analysis.SurvivalCurveAnalysis;
import java.util.Locale;

/**
 * The digitised curves of the trial files and what was reconstructed from them: the one summary the report's
 * survival-curves section, its table and {@code survival-curves.json} are made from. Every number computed here has
 * status {@value #STATUS} and is labelled {@value #LABEL}; the publication's figures stand beside it with their own
 * status and source.
 *
 * @param status     {@value #STATUS}: every reconstructed number
 * @param label      how reconstructed numbers are labelled everywhere
 * @param method     the reconstruction in one line
 * @param figures    one per trial, endpoint, subgroup and cut
 * @param excluded   curves left out, one line each
 */
public record SurvivalCurvesSummary(String status, String label, String method, List<FigureSet> figures,
        List<String> excluded) {

    /** Status of every reconstructed number. */
    public static final String STATUS = "derived";
    /** Label of every reconstructed number. */
    public static final String LABEL = "reconstructed from a digitised figure (not published)";
    /** The method in one line. */
    public static final String METHOD = "patient data rebuilt from the digitised curve and its numbers at risk (Guyot"
            + " et al. 2012, as trialmeta reconstruct with its defaults: digitising tolerance 0.02, 0.02, repairs listed);"
            + " Kaplan-Meier medians with log-type 95% CIs; with two arms Cox HR (Efron ties) and log-rank test of the"
            + " rebuilt data";

    /**
     * The curves of one figure.
     *
     * @param trial           trial id
     * @param trialName       trial name
     * @param endpoint        OS, PFS, ...
     * @param subgroup        subgroup id
     * @param subgroupName    subgroup name
     * @param cut             cut id
     * @param cutLabel        cut label
     * @param unit            time unit
     * @param referenceArm    with two arms, the reference arm's id (the HR is the other arm's hazard over its); else null
     * @param referenceRule   why it is the reference; null with one arm
     * @param curves          each arm's curve: where it was read and by whom
     * @param reportedHr      the publication's HR as oriented here, or null
     * @param reportedHrFlipped whether the trial file gives it the other way round (inverted here)
     * @param reconstruction  the numbers, as {@code trialmeta reconstruct --format json} gives them
     */
    public record FigureSet(String trial, String trialName, String endpoint, String subgroup, String subgroupName,
            String cut, String cutLabel, String unit, String referenceArm, String referenceRule, List<Curve> curves,
            Reported reportedHr, boolean reportedHrFlipped, ReconstructSummary reconstruction) {}

    /**
     * One arm's digitised curve.
     *
     * @param arm            arm id
     * @param armName        arm name
     * @param file           the points file, relative to the trials directory
     * @param source         the figure's source id
     * @param locator        the figure, e.g. "Figure 2A"
     * @param status         the curve's status (as read off the figure)
     * @param digitisedBy    who digitised it
     * @param tool           with what
     * @param date           when (ISO)
     * @param reportedMedian the arm's reported median (same endpoint, subgroup and cut), or null
     */
    public record Curve(String arm, String armName, String file, String source, String locator, String status,
            String digitisedBy, String tool, String date, Reported reportedMedian) {}

    /**
     * A published figure.
     *
     * @param estimate the value; null for a median not reached
     * @param lower    lower limit, or null
     * @param upper    upper limit, or null
     * @param level    CI level in percent, or null
     * @param status   its status
     * @param source   its source id
     * @param locator  where in the source, or null
     */
    public record Reported(Double estimate, Double lower, Double upper, Double level, String status, String source,
            String locator) {}

    /** The summary of {@code result}. */
    public static SurvivalCurvesSummary of(SurvivalCurveAnalysis.Result result) {
        List<FigureSet> sets = new ArrayList<>();
        for (CurveSet s : result.sets()) {
            List<Curve> curves = new ArrayList<>();
            for (CurveSet.Arm a : s.arms()) {
                var c = a.curve();
                curves.add(new Curve(a.arm(), a.armName(), c.file().path(), c.provenance().source(),
                        c.provenance().locator().orElse(null), lower(c.provenance().status()),
                        c.digitisation().by(), c.digitisation().tool(), c.digitisation().date().toString(),
                        a.reportedMedian().map(SurvivalCurvesSummary::reported).orElse(null)));
            }
            boolean two = s.arms().size() == 2;
            sets.add(new FigureSet(s.trial(), s.trialName(), s.endpoint().name(), s.subgroup(), s.subgroupName(),
                    s.cut(), s.cutLabel(), lower(s.unit()), two ? s.arms().get(1).arm() : null, s.referenceRule(),
                    curves, s.reportedHr().map(SurvivalCurvesSummary::reported).orElse(null), s.reportedHrFlipped(),
                    ReconstructSummary.of(s.fit(), Path.of(""))));
        }
        List<String> excluded = result.excluded().stream().map(e -> e.data().describe() + ": " + e.reason()).toList();
        return new SurvivalCurvesSummary(STATUS, LABEL, METHOD, sets, excluded);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Reported reported(CurveSet.Reported r) {
        return new Reported(r.estimate(), r.lower(), r.upper(), r.level(), r.status(), r.source(), r.locator());
    }
}

package org.trialmeta.check;

import java.util.Locale;
import java.util.Optional;
import org.trialmeta.model.TimeUnit;

/**
 * Rules on medians across arms and endpoints, shared by {@code check} and {@code scan}: {@link Rule#MEDIAN_VS_HR}
 * and {@link Rule#TIME_ORDER}.
 *
 * <p><b>Median vs HR.</b> Under exponential survival in each arm the hazard is ln 2 / median, so HR ≈
 * median_comparator / median_research. Curves that cross (delayed effects of immunotherapy, a cured fraction)
 * break this, so a median pair pointing against the HR is an error only when it is clear: the HR's CI excludes 1
 * (without a CI: its p-value is below 0.05) and the longer median is at least {@value #CLEAR_MEDIAN_RATIO} times the
 * shorter; otherwise a warning. An
 * implied HR more than {@value #FAR_FACTOR} times beyond an end of the reported CI (or {@value #NO_CI_FAR_FACTOR}
 * times beyond the HR when no CI is printed) is a warning (a median with a slipped decimal point or unit shows this
 * way).
 *
 * <p><b>Time order.</b> A PFS, EFS or TTP event includes progression or death, so its survival curve lies under
 * the OS curve and its median cannot exceed the OS median of the same patients (beyond rounding: an error). A
 * Kaplan–Meier median is estimated only where patients are still followed, so a reached median more than
 * {@value #FOLLOW_UP_FACTOR} times the median follow-up is a warning.
 */
final class TimeVerdicts {

    /** Ratio of medians (longer / shorter) from which a contradiction of the HR is clear. */
    static final double CLEAR_MEDIAN_RATIO = 1.2;
    /** Factor beyond a CI end from which the medians' implied HR is far from the reported one. */
    static final double FAR_FACTOR = 2.0;
    /** Factor beyond the HR itself (no CI printed) from which the medians' implied HR is far from it. */
    static final double NO_CI_FAR_FACTOR = 3.0;
    /** Multiple of the median follow-up beyond which a reached median is doubtful. */
    static final double FOLLOW_UP_FACTOR = 2.0;

    private TimeVerdicts() {}

    /**
     * A median as printed: a value in a unit, or not reached (value null).
     *
     * @param value   printed value, null when not reached
     * @param unitDays length of the unit in days (months: 365.25/12)
     * @param unit    the unit's name, e.g. "months"
     */
    record Median(Printed value, double unitDays, String unit) {

        static Median of(Printed value, TimeUnit unit) {
            return new Median(value, unit.days(), unit.name().toLowerCase(Locale.ROOT));
        }

        boolean reached() {
            return value != null;
        }

        double days() {
            return value.value() * unitDays;
        }

        double halfDays() {
            return value.halfUnit() * unitDays;
        }

        String text() {
            return reached() ? value.text() + " " + unit : "not reached";
        }
    }

    /**
     * {@link Rule#MEDIAN_VS_HR}: the medians of the research arm (the HR's numerator) and of its comparator against
     * the HR. Empty when the direction cannot be judged (both medians not reached, equal within rounding, or an HR
     * of 1 within rounding).
     */
    static Optional<Verdict> medianVsHr(String endpoint, Median research, Median comparator, Printed hr, Printed lower,
            Printed upper, double levelPct, ReportedP p) {
        if (!research.reached() && !comparator.reached()) {
            return Optional.empty();
        }
        if (hr.value() - hr.halfUnit() <= 1 && 1 <= hr.value() + hr.halfUnit()) {
            return Optional.empty();
        }
        String hrText = "HR " + hr.text() + (lower != null ? " (" + Precision.text(levelPct) + "% CI " + lower.text()
                + "-" + upper.text() + ")" : "");
        String reported = "median " + endpoint + " " + research.text() + " vs " + comparator.text() + ", " + hrText;
        boolean researchLonger;
        double ratio;
        if (research.reached() && comparator.reached()) {
            double a = research.days();
            double b = comparator.days();
            if (Math.abs(a - b) <= research.halfDays() + comparator.halfDays()) {
                return Optional.empty();
            }
            researchLonger = a > b;
            ratio = Math.max(a, b) / Math.min(a, b);
        } else {
            researchLonger = !research.reached();
            ratio = Double.POSITIVE_INFINITY;
        }
        boolean hrFavoursResearch = hr.value() < 1;
        if (researchLonger != hrFavoursResearch) {
            boolean ciExcludesOne = lower != null && (lower.value() - lower.halfUnit() > 1
                    || upper.value() + upper.halfUnit() < 1) || lower == null && p != null && p.range().upper() < 0.05;
            Severity s = ciExcludesOne && ratio >= CLEAR_MEDIAN_RATIO ? Severity.ERROR : Severity.WARNING;
            return Optional.of(Verdict.of(s, Rule.MEDIAN_VS_HR, reported, "",
                    "the " + (researchLonger ? "first" : "second") + " arm has the longer median " + endpoint + " but the "
                            + hrText + (hrFavoursResearch ? " favours the first arm" : " favours the second arm")
                            + (s == Severity.ERROR ? ": the HR may be inverted or the medians swapped"
                                    : ": check the direction of the HR (crossing curves can also do this)")));
        }
        if (research.reached() && comparator.reached()) {
            double implied = comparator.days() / research.days();
            String recomputed = "exponential model: HR ~ " + comparator.value().text() + " / " + research.value().text()
                    + " = " + String.format(Locale.ROOT, "%.2f", implied);
            boolean far = lower != null ? implied < lower.value() / FAR_FACTOR || implied > upper.value() * FAR_FACTOR
                    : implied < hr.value() / NO_CI_FAR_FACTOR || implied > hr.value() * NO_CI_FAR_FACTOR;
            if (far) {
                return Optional.of(Verdict.of(Severity.WARNING, Rule.MEDIAN_VS_HR, reported, recomputed,
                        "the medians imply HR ~ " + String.format(Locale.ROOT, "%.2f", implied)
                                + " under exponential survival, more than "
                                + Precision.text(lower != null ? FAR_FACTOR : NO_CI_FAR_FACTOR) + " times beyond the"
                                + (lower != null ? " reported CI" : " reported HR") + ": non-proportional hazards, or a"
                                + " slip in a median"
                                + " (decimal point, unit)"));
            }
            return Optional.of(Verdict.info(Rule.MEDIAN_VS_HR, reported, recomputed,
                    "the medians point the same way as the HR: consistent"));
        }
        return Optional.of(Verdict.info(Rule.MEDIAN_VS_HR, reported, "",
                "the arm whose median is not reached is the one the HR favours: consistent"));
    }

    /**
     * {@link Rule#MEDIAN_IN_CI} for a median printed with its CI: an error when the median lies outside it (an
     * upper end not reached is +infinity).
     */
    static Optional<Verdict> medianInCi(String endpoint, Median median, Printed lower, Printed upper, double levelPct) {
        if (!median.reached() || lower == null) {
            return Optional.empty();
        }
        double m = median.value().value();
        boolean outside = m < lower.value() || upper != null && m > upper.value();
        if (!outside) {
            return Optional.empty();
        }
        String ci = lower.text() + "-" + (upper == null ? "NR" : upper.text());
        return Optional.of(Verdict.of(Severity.ERROR, Rule.MEDIAN_IN_CI, "median " + (endpoint == null ? "" : endpoint + " ")
                + median.text() + " (" + Precision.text(levelPct) + "% CI " + ci + ")", "",
                "the median " + median.text() + " lies outside its CI " + ci
                        + ": a slipped decimal point or a transcription error"));
    }

    /** {@link Rule#TIME_PLAUSIBLE} for a clinical median: more than {@code maxYears} years is an error. */
    static Optional<Verdict> plausible(String endpoint, Median median, double maxYears) {
        if (!median.reached()) {
            return Optional.empty();
        }
        double years = (median.days() - median.halfDays()) / 365.25;
        if (years <= maxYears) {
            return Optional.empty();
        }
        return Optional.of(Verdict.of(Severity.ERROR, Rule.TIME_PLAUSIBLE, "median " + (endpoint == null ? "" : endpoint
                + " ") + median.text(), String.format(Locale.ROOT, "%.1f years", median.days() / 365.25),
                String.format(Locale.ROOT, "a clinical median of %.1f years exceeds %s years: implausible; check the"
                        + " figure and its unit", median.days() / 365.25, Precision.text(maxYears))));
    }

    /** {@link Rule#TIME_ORDER}: a PFS-like median above the OS median of the same arm is an error. */
    static Optional<Verdict> pfsWithinOs(String endpoint, Median pfs, Median os) {
        return pfsWithinOs(endpoint, pfs, os, true);
    }

    /**
     * {@link Rule#TIME_ORDER}: a PFS-like median above the OS median of what is taken to be the same arm; an error
     * when the arm is certain ({@code sameArm}: one trial file's arm, one table column, one sentence), a warning
     * when it is inferred (two-arm sentences near each other, which may speak of different trials or populations).
     */
    static Optional<Verdict> pfsWithinOs(String endpoint, Median pfs, Median os, boolean sameArm) {
        if (!pfs.reached() || !os.reached()) {
            return Optional.empty();
        }
        if (pfs.days() - pfs.halfDays() <= os.days() + os.halfDays()) {
            return Optional.empty();
        }
        return Optional.of(Verdict.of(sameArm ? Severity.ERROR : Severity.WARNING, Rule.TIME_ORDER, "median " + endpoint
                + " " + pfs.text() + ", median OS " + os.text(), "",
                "the median " + endpoint + " " + pfs.text() + " exceeds the median OS " + os.text()
                        + (sameArm ? " of the same arm" : " of the arm in the same place nearby")
                        + ": a " + endpoint + " event includes death, so its median cannot exceed OS;"
                        + " check the figure and its unit" + (sameArm ? "" : " (and that both are of one trial)")));
    }

    /** {@link Rule#TIME_ORDER}: a reached median far beyond the median follow-up is a warning. */
    static Optional<Verdict> withinFollowUp(String endpoint, Median median, Median followUp) {
        if (!median.reached() || !followUp.reached()) {
            return Optional.empty();
        }
        if (median.days() - median.halfDays() <= FOLLOW_UP_FACTOR * (followUp.days() + followUp.halfDays())) {
            return Optional.empty();
        }
        return Optional.of(Verdict.of(Severity.WARNING, Rule.TIME_ORDER, "median " + endpoint + " " + median.text()
                + ", median follow-up " + followUp.text(), "",
                "the median " + endpoint + " " + median.text() + " is more than " + Precision.text(FOLLOW_UP_FACTOR)
                        + " times the median follow-up of " + followUp.text()
                        + ": a Kaplan-Meier median needs patients still followed at that time; check the figure and"
                        + " its unit (weeks or months)"));
    }
}

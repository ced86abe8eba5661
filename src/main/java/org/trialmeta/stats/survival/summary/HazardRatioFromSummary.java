package org.trialmeta.stats.survival.summary;

import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.Interval;

/**
 * Log hazard ratio (research/treated vs control) and its variance from published summary
 * statistics, for generic inverse-variance meta-analysis.
 *
 * <p>Methods of Tierney JF, Stewart LA, Ghersi D, Burdett S, Sydes MR. Practical methods for
 * incorporating summary time-to-event data into meta-analysis. Trials 2007;8:16,
 * doi:10.1186/1745-6215-8-16 (after Parmar MKB, Torri V, Stewart L. Stat Med 1998;17:2815–2834):
 * <ul>
 *   <li>HR and CI: ln HR, Var = ((ln U − ln L) / (2 z_{(1+c)/2}))²;</li>
 *   <li>HR and p-value: Var = (ln HR / z_p)², z_p = Φ⁻¹(1 − p/2) two-sided (Φ⁻¹(1 − p) one-sided);</li>
 *   <li>HR and events: V = d R / (1 + R)² for total events d and randomisation ratio R (research :
 *       control), Var = 1/V;</li>
 *   <li>O − E and V of the log-rank test: ln HR = (O − E)/V, Var = 1/V;</li>
 *   <li>log-rank p and events: V = d R/(1 + R)² (or d_r d_c / d with events per arm),
 *       O − E = ±z_p sqrt(V) (negative when the research arm is favoured), ln HR = (O − E)/V,
 *       Var = 1/V.</li>
 * </ul>
 * And under an exponential (constant-hazard) model in each arm, HR ≈ median_control /
 * median_treated, with Var(ln HR) ≈ 1/d1 + 1/d0 (events per arm) or from the medians' CIs (the SE
 * of each log median from its CI width on the log scale).
 */
public final class HazardRatioFromSummary {

    private HazardRatioFromSummary() {}

    /** Which arm a reported test favours (direction of a p-value). */
    public enum Favours {
        /** fewer events than expected on the research arm: HR < 1. */
        RESEARCH,
        /** HR > 1. */
        CONTROL
    }

    /** Sidedness of a reported p-value. */
    public enum Sides {
        TWO_SIDED,
        ONE_SIDED
    }

    /** Tierney 2007 (HR and CI). */
    public static LogHazardRatio fromHazardRatioCi(double hr, Interval ci, double level) {
        positive("hr", hr);
        if (!(ci.lower() > 0) || !Double.isFinite(ci.upper()) || !ci.contains(hr) || !(ci.upper() > ci.lower())) {
            throw new IllegalArgumentException("HR CI [" + ci.lower() + ", " + ci.upper()
                    + "] must be finite, positive, of positive width and contain HR " + hr);
        }
        double se = (Math.log(ci.upper()) - Math.log(ci.lower())) / (2 * MedianComparison.z(level));
        return new LogHazardRatio(Math.log(hr), se * se, "Tierney 2007: HR and " + percent(level)
                + "% CI; Var(ln HR) = ((ln U - ln L)/(2 z))^2, assuming a Wald CI symmetric on the log scale");
    }

    /** Tierney 2007 (HR and p-value of the same test). Not estimable when HR = 1 or p = 1 (no information). */
    public static SummaryResult<LogHazardRatio> fromHazardRatioAndP(double hr, double p, Sides sides) {
        positive("hr", hr);
        probability(p);
        double z = zOfP(p, sides);
        if (hr == 1 || z == 0) {
            return SummaryResult.notEstimable("HR = 1 or p = 1: the variance cannot be recovered from the p-value");
        }
        double se = Math.abs(Math.log(hr)) / z;
        return SummaryResult.of(new LogHazardRatio(Math.log(hr), se * se,
                "Tierney 2007: HR and " + sides.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + " p-value; Var(ln HR) = (ln HR / z_p)^2, assuming the p-value is from a Wald test of the"
                        + " same HR"));
    }

    /** Tierney 2007 (HR and total events, randomisation ratio R = research : control). */
    public static LogHazardRatio fromHazardRatioAndEvents(double hr, int totalEvents, double ratio) {
        positive("hr", hr);
        double v = varianceFromEvents(totalEvents, ratio);
        return new LogHazardRatio(Math.log(hr), 1 / v,
                "Tierney 2007: HR and total events; V = d R/(1+R)^2, Var(ln HR) = 1/V, assuming few events"
                        + " relative to the numbers at risk and allocation ratio R maintained among events");
    }

    /** Tierney 2007 (log-rank O − E and V). */
    public static LogHazardRatio fromObservedMinusExpected(double observedMinusExpected, double v) {
        if (!Double.isFinite(observedMinusExpected)) {
            throw new IllegalArgumentException("O-E " + observedMinusExpected + " must be finite");
        }
        positive("V", v);
        return new LogHazardRatio(observedMinusExpected / v, 1 / v,
                "Tierney 2007: log-rank O-E and V; ln HR = (O-E)/V (Peto), Var = 1/V");
    }

    /** Tierney 2007 (log-rank p-value, total events, randomisation ratio R = research : control). */
    public static SummaryResult<LogHazardRatio> fromLogRankP(double p, Sides sides, Favours favours,
            int totalEvents, double ratio) {
        probability(p);
        double v = varianceFromEvents(totalEvents, ratio);
        return fromLogRankP(p, sides, favours, v, "V = d R/(1+R)^2 from total events and allocation ratio");
    }

    /** Tierney 2007 (log-rank p-value with events per arm): V = d_r d_c / (d_r + d_c). */
    public static SummaryResult<LogHazardRatio> fromLogRankP(double p, Sides sides, Favours favours,
            int eventsResearch, int eventsControl) {
        probability(p);
        if (eventsResearch < 1 || eventsControl < 1) {
            return SummaryResult.notEstimable("events per arm " + eventsResearch + ", " + eventsControl
                    + ": both arms need at least one event");
        }
        double v = (double) eventsResearch * eventsControl / ((double) eventsResearch + eventsControl);
        return fromLogRankP(p, sides, favours, v, "V = d_r d_c/(d_r + d_c) from events per arm");
    }

    private static SummaryResult<LogHazardRatio> fromLogRankP(double p, Sides sides, Favours favours, double v,
            String vNote) {
        double z = zOfP(p, sides);
        double oe = (favours == Favours.RESEARCH ? -1 : 1) * z * Math.sqrt(v);
        return SummaryResult.of(new LogHazardRatio(oe / v, 1 / v, "Tierney 2007: log-rank p-value; " + vNote
                + "; O-E = z_p sqrt(V) signed by the favoured arm, ln HR = (O-E)/V, Var = 1/V"));
    }

    /**
     * HR ≈ median_control / median_treated under exponential survival in both arms, with
     * Var(ln HR) = 1/d1 + 1/d0 from the events per arm.
     */
    public static SummaryResult<LogHazardRatio> fromMediansAndEvents(ReportedMedian treated, ReportedMedian control,
            int eventsTreated, int eventsControl) {
        var pair = medians(treated, control);
        if (pair.isEmpty()) {
            return SummaryResult.notEstimable(reason(treated, control));
        }
        if (eventsTreated < 1 || eventsControl < 1) {
            return SummaryResult.notEstimable("events per arm " + eventsTreated + ", " + eventsControl
                    + ": both arms need at least one event for Var(ln HR) = 1/d1 + 1/d0");
        }
        double[] m = pair.get();
        return SummaryResult.of(new LogHazardRatio(Math.log(m[1] / m[0]), 1.0 / eventsTreated + 1.0 / eventsControl,
                "exponential model: HR = median_control/median_treated (constant hazard ln2/median in each arm);"
                        + " Var(ln HR) = 1/d1 + 1/d0 from events per arm"));
    }

    /**
     * HR ≈ median_control / median_treated under exponential survival, with Var(ln HR) = s1² + s0² where
     * s is the SE of each log median from its CI (see {@link MedianComparison}).
     */
    public static SummaryResult<LogHazardRatio> fromMedianCis(ReportedMedian treated, ReportedMedian control) {
        var pair = medians(treated, control);
        if (pair.isEmpty()) {
            return SummaryResult.notEstimable(reason(treated, control));
        }
        Optional<Double> s1 = MedianComparison.logMedianStandardError((ReportedMedian.Value) treated);
        Optional<Double> s0 = MedianComparison.logMedianStandardError((ReportedMedian.Value) control);
        if (s1.isEmpty() || s0.isEmpty()) {
            return SummaryResult.notEstimable((s1.isEmpty() ? "treated" : "control")
                    + " median has no CI with two finite positive ends: Var(ln HR) cannot be derived");
        }
        double[] m = pair.get();
        return SummaryResult.of(new LogHazardRatio(Math.log(m[1] / m[0]), s1.get() * s1.get() + s0.get() * s0.get(),
                "exponential model: HR = median_control/median_treated (constant hazard ln2/median in each arm);"
                        + " Var(ln HR) = Var(ln m1) + Var(ln m0), each from the median CI as"
                        + " ((ln U - ln L)/(2 z))^2 assuming approximate log-normality"));
    }

    private static Optional<double[]> medians(ReportedMedian treated, ReportedMedian control) {
        if (treated instanceof ReportedMedian.Value t && control instanceof ReportedMedian.Value c) {
            return Optional.of(new double[] {t.median(), c.median()});
        }
        return Optional.empty();
    }

    private static String reason(ReportedMedian treated, ReportedMedian control) {
        var t = MedianComparison.reached("treated", treated);
        if (t instanceof SummaryResult.NotEstimable<ReportedMedian.Value> n) {
            return n.reason();
        }
        return ((SummaryResult.NotEstimable<ReportedMedian.Value>) MedianComparison.reached("control", control))
                .reason();
    }

    private static String percent(double level) {
        double pct = level * 100;
        return pct == Math.rint(pct) ? Long.toString(Math.round(pct)) : Double.toString(pct);
    }

    private static double varianceFromEvents(int totalEvents, double ratio) {
        if (totalEvents < 1) {
            throw new IllegalArgumentException("total events " + totalEvents + " must be >= 1");
        }
        positive("randomisation ratio", ratio);
        return totalEvents * ratio / ((1 + ratio) * (1 + ratio));
    }

    /**
     * The smallest p-value converted to a z statistic: the smallest normal double (about 2.2e-308). Below it a
     * double keeps only a few digits (and p/2 may be 0), and a p of 0 has no finite z.
     */
    public static final double MIN_P = Double.MIN_NORMAL;

    /**
     * z with upper-tail probability p/2 (two-sided) or p (one-sided), computed as −Φ⁻¹(tail) from the lower tail:
     * Φ⁻¹(1 − tail) loses the tail as soon as 1 − tail rounds to 1 (p below about 1e-16 gave z = ∞).
     */
    static double zOfP(double p, Sides sides) {
        double tail = sides == Sides.TWO_SIDED ? p / 2 : p;
        return -NormalDistribution.of(0, 1).inverseCumulativeProbability(tail);
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " " + v + " must be finite and > 0");
        }
    }

    private static void probability(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p-value " + p + " must be in (0, 1]");
        }
        if (p < MIN_P) {
            throw new IllegalArgumentException("p-value " + p + " is below " + MIN_P + ", the smallest converted to a"
                    + " z statistic");
        }
    }
}

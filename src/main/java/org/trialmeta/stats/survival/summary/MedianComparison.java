package org.trialmeta.stats.survival.summary;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.Interval;

/**
 * Contrasts of two published medians (treated vs control): difference, ratio, and the percent
 * increase in lifespan used in animal studies.
 *
 * <p>CI method (stated in every result): the SE of a log median is recovered from its reported CI
 * as (ln U − ln L) / (2 z_{(1+c)/2}), c the CI's level, assuming the log median is approximately
 * normal (the CI symmetric on the log scale); the two arms are independent. Ratio:
 * exp(ln(m1/m0) ± z sqrt(s1² + s0²)). Difference: delta method, Var(m) ≈ m² Var(ln m), so
 * (m1 − m0) ± z sqrt(m1² s1² + m0² s0²). Percent increase in lifespan: (ratio − 1) × 100, with the
 * ratio's CI mapped the same way. A median that is not reached or not reported makes the contrast
 * not estimable (no number is imputed); a median without a usable CI (not reported, or an end not
 * reached) gives the point estimate without CI.
 *
 * <p>Same numbers in R: {@code s <- (log(u) - log(l)) / (2 * qnorm(0.975))}, then the formulas above
 * (see src/test/r/cox.R).
 */
public final class MedianComparison {

    private MedianComparison() {}

    /** median_treated − median_control with a CI at {@code level} when both medians have CIs. */
    public static SummaryResult<MedianContrast> difference(ReportedMedian treated, ReportedMedian control,
            double level) {
        return contrast(MedianContrast.Measure.DIFFERENCE, treated, control, level);
    }

    /** median_treated / median_control with a CI at {@code level} when both medians have CIs. */
    public static SummaryResult<MedianContrast> ratio(ReportedMedian treated, ReportedMedian control,
            double level) {
        return contrast(MedianContrast.Measure.RATIO, treated, control, level);
    }

    /**
     * Percent increase in lifespan (animal studies): (median treated / median control − 1) × 100, e.g.
     * the %ILS of MC38 tumour-bearing mice versus the control arm.
     */
    public static SummaryResult<MedianContrast> percentIncreaseInLifespan(ReportedMedian treated,
            ReportedMedian control, double level) {
        return contrast(MedianContrast.Measure.PERCENT_INCREASE_IN_LIFESPAN, treated, control, level);
    }

    /** Every contrast (difference, ratio, percent increase in lifespan), in {@link MedianContrast.Measure} order. */
    public static Map<MedianContrast.Measure, SummaryResult<MedianContrast>> all(ReportedMedian treated,
            ReportedMedian control, double level) {
        Map<MedianContrast.Measure, SummaryResult<MedianContrast>> m = new EnumMap<>(MedianContrast.Measure.class);
        for (MedianContrast.Measure measure : MedianContrast.Measure.values()) {
            m.put(measure, contrast(measure, treated, control, level));
        }
        return m;
    }

    /** SE of ln(median) from its CI: (ln U − ln L) / (2 z_{(1+ciLevel)/2}); empty without a usable CI. */
    public static Optional<Double> logMedianStandardError(ReportedMedian.Value m) {
        if (!m.hasFiniteLogCi()) {
            return Optional.empty();
        }
        Interval ci = m.ci().orElseThrow();
        return Optional.of((Math.log(ci.upper()) - Math.log(ci.lower())) / (2 * z(m.ciLevel())));
    }

    static SummaryResult<ReportedMedian.Value> reached(String arm, ReportedMedian m) {
        if (m instanceof ReportedMedian.NotReached) {
            return SummaryResult.notEstimable(arm + " median not reached");
        }
        if (m instanceof ReportedMedian.NotReported) {
            return SummaryResult.notEstimable(arm + " median not reported");
        }
        return SummaryResult.of((ReportedMedian.Value) m);
    }

    static double z(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " must be in (0, 1)");
        }
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    private static SummaryResult<MedianContrast> contrast(MedianContrast.Measure measure, ReportedMedian treated,
            ReportedMedian control, double level) {
        double zq = z(level);
        var t = reached("treated", treated);
        var c = reached("control", control);
        if (t instanceof SummaryResult.NotEstimable<ReportedMedian.Value> nt) {
            return SummaryResult.notEstimable(nt.reason());
        }
        if (c instanceof SummaryResult.NotEstimable<ReportedMedian.Value> nc) {
            return SummaryResult.notEstimable(nc.reason());
        }
        ReportedMedian.Value m1 = t.value().orElseThrow();
        ReportedMedian.Value m0 = c.value().orElseThrow();
        Optional<Double> s1 = logMedianStandardError(m1);
        Optional<Double> s0 = logMedianStandardError(m0);
        boolean withCi = s1.isPresent() && s0.isPresent();
        String ciNote = withCi
                ? "; CI: SE of log median from each reported CI as (ln U - ln L)/(2 z), assuming approximate"
                        + " log-normality of the median and independent arms"
                : "; no CI: " + (s1.isEmpty() ? "treated" : "control")
                        + " median has no CI with two finite positive ends";
        double est;
        Optional<Interval> ci = Optional.empty();
        String method;
        switch (measure) {
            case DIFFERENCE -> {
                est = m1.median() - m0.median();
                method = "difference of medians" + ciNote + (withCi ? "; delta method Var(m) = m^2 Var(ln m)" : "");
                if (withCi) {
                    double se = Math.sqrt(sq(m1.median() * s1.get()) + sq(m0.median() * s0.get()));
                    ci = Optional.of(new Interval(est - zq * se, est + zq * se));
                }
            }
            case RATIO, PERCENT_INCREASE_IN_LIFESPAN -> {
                double lr = Math.log(m1.median() / m0.median());
                Optional<Interval> rci = Optional.empty();
                if (withCi) {
                    double se = Math.sqrt(sq(s1.get()) + sq(s0.get()));
                    rci = Optional.of(new Interval(Math.exp(lr - zq * se), Math.exp(lr + zq * se)));
                }
                if (measure == MedianContrast.Measure.RATIO) {
                    est = m1.median() / m0.median();
                    ci = rci;
                    method = "ratio of medians" + ciNote + (withCi ? "; Wald CI on the log ratio" : "");
                } else {
                    est = (m1.median() / m0.median() - 1) * 100;
                    ci = rci.map(r -> r.map(x -> (x - 1) * 100));
                    method = "percent increase in lifespan (median treated / median control - 1) x 100" + ciNote
                            + (withCi ? "; CI from the log ratio of medians" : "");
                }
            }
            default -> throw new IllegalStateException("unknown measure " + measure);
        }
        return SummaryResult.of(new MedianContrast(measure, est, ci, level, method));
    }

    private static double sq(double x) {
        return x * x;
    }
}

package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.proportion.ChiSquareResult;
import org.trialmeta.stats.proportion.ProportionComparison;
import org.trialmeta.stats.proportion.ProportionEstimate;
import org.trialmeta.stats.proportion.RatioEstimate;
import org.trialmeta.stats.proportion.RiskDifference;

/**
 * What {@code orr-diff} reports: two response rates compared, from a {@link ProportionComparison}. Its JSON is
 * the {@code orr-diff --format json} contract (snake_case keys, {@code null} where not estimable; JSON has no
 * infinity, so an infinite conditional MLE is {@code null} with {@code estimate_infinite: true});
 * {@link TwoProportionsText} writes its text.
 *
 * @param x1                   responders in group 1
 * @param n1                   evaluable patients in group 1
 * @param x2                   responders in group 2
 * @param n2                   evaluable patients in group 2
 * @param label1               name of group 1
 * @param label2               name of group 2
 * @param level                confidence level in percent (95)
 * @param group1               group 1's rate with its Clopper-Pearson interval
 * @param group2               group 2's rate
 * @param riskDifference       p1 − p2 with its Newcombe, Miettinen-Nurminen and Wald intervals
 * @param riskRatio            risk ratio, log interval
 * @param oddsRatio            odds ratio, Woolf interval
 * @param oddsRatioConditional conditional MLE odds ratio with its exact interval (fisher.test)
 * @param fisherPval           Fisher's exact two-sided p
 * @param chisq                Pearson's chi-square
 * @param chisqYates           with Yates' correction
 */
public record TwoProportionsSummary(int x1, int n1, int x2, int n2, String label1, String label2, double level,
        Group group1, Group group2, Difference riskDifference, Ratio riskRatio, Ratio oddsRatio,
        Ratio oddsRatioConditional, Double fisherPval, ChiSquare chisq, ChiSquare chisqYates) {

    /** One group's rate: responders, n, the proportion and its interval. */
    public record Group(int responders, int n, Double estimate, String ciMethod, Double lower, Double upper) {
    }

    /** The risk difference (one estimate) with one interval per method. */
    public record Difference(boolean estimable, Double estimate, List<MethodInterval> intervals) {
    }

    /** One method's interval; the method is its command-line name (newcombe, mn, wald). */
    public record MethodInterval(String method, Double lower, Double upper) {
    }

    /**
     * A ratio.
     *
     * @param method             its method's command-line name (log, woolf, conditional-mle)
     * @param estimable          whether it could be estimated
     * @param estimate           the ratio (may be +∞ for the conditional MLE; JSON null)
     * @param lower              interval lower end
     * @param upper              upper end (may be +∞)
     * @param zeroCellCorrection whether 1/2 was added to every cell
     * @param estimateInfinite   whether the estimate is +∞
     * @param upperInfinite      whether the upper end is +∞
     */
    public record Ratio(String method, boolean estimable, Double estimate, Double lower, Double upper,
            boolean zeroCellCorrection, boolean estimateInfinite, boolean upperInfinite) {
    }

    /** A chi-square test; null statistic and p when not estimable. */
    public record ChiSquare(Double statistic, int df, Double pval) {
    }

    /** The summary of a comparison, with the groups' names. */
    public static TwoProportionsSummary of(ProportionComparison c, String label1, String label2) {
        List<MethodInterval> intervals = new ArrayList<>();
        for (RiskDifference d : List.of(c.riskDifferenceNewcombe(), c.riskDifferenceMiettinenNurminen(),
                c.riskDifferenceWald())) {
            intervals.add(new MethodInterval(d.method().cliName(), lower(d.interval()), upper(d.interval())));
        }
        RiskDifference wald = c.riskDifferenceWald();
        return new TwoProportionsSummary(c.group1().x(), c.group1().n(), c.group2().x(), c.group2().n(), label1, label2,
                PoolSummary.percent(c.level()), group(c.group1()), group(c.group2()),
                new Difference(wald.estimable(), PoolSummary.d(wald.estimate()), intervals), ratio(c.riskRatio()),
                ratio(c.oddsRatio()), ratio(c.conditionalOddsRatio()), PoolSummary.d(c.fisherExactP()),
                chi(c.chiSquare()), chi(c.chiSquareYates()));
    }

    private static Group group(ProportionEstimate e) {
        return new Group(e.x(), e.n(), PoolSummary.d(e.estimate()), e.method().cliName(), lower(e.interval()),
                upper(e.interval()));
    }

    private static Ratio ratio(RatioEstimate r) {
        Double estimate = PoolSummary.d(r.estimate());
        Double upper = upper(r.interval());
        return new Ratio(r.method().cliName(), r.estimable(), estimate, lower(r.interval()), upper,
                r.zeroCellCorrection(), estimate != null && estimate == Double.POSITIVE_INFINITY,
                upper != null && upper == Double.POSITIVE_INFINITY);
    }

    private static ChiSquare chi(ChiSquareResult r) {
        return new ChiSquare(PoolSummary.d(r.statistic()), r.df(), PoolSummary.d(r.pValue()));
    }

    private static Double lower(Optional<Interval> i) {
        return PoolSummary.lower(i);
    }

    private static Double upper(Optional<Interval> i) {
        return PoolSummary.upper(i);
    }
}

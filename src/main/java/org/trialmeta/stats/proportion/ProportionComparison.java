package org.trialmeta.stats.proportion;

import java.util.OptionalDouble;

/**
 * Everything that compares two proportions at one confidence level: each group's proportion with its
 * Clopper-Pearson interval, the risk difference by three interval methods, the risk ratio, the odds
 * ratio (Woolf and conditional MLE), Fisher's exact p and Pearson's chi-square with and without
 * Yates' correction. Each part carries its own method and "not estimable" state.
 */
public record ProportionComparison(
        TwoProportions data,
        double level,
        ProportionEstimate group1,
        ProportionEstimate group2,
        RiskDifference riskDifferenceNewcombe,
        RiskDifference riskDifferenceMiettinenNurminen,
        RiskDifference riskDifferenceWald,
        RatioEstimate riskRatio,
        RatioEstimate oddsRatio,
        RatioEstimate conditionalOddsRatio,
        OptionalDouble fisherExactP,
        ChiSquareResult chiSquare,
        ChiSquareResult chiSquareYates) {
    public ProportionComparison {
        if (data == null || group1 == null || group2 == null || riskDifferenceNewcombe == null
                || riskDifferenceMiettinenNurminen == null || riskDifferenceWald == null || riskRatio == null
                || oddsRatio == null || conditionalOddsRatio == null || fisherExactP == null
                || chiSquare == null || chiSquareYates == null) {
            throw new IllegalArgumentException("no component of a ProportionComparison may be null");
        }
        Proportions.checkLevel(level);
    }
}

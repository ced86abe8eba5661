package org.trialmeta.analysis;

/**
 * Mutant vs wild-type response in one trial at one cut: the 2×2 table and its effect measures
 * (group 1 = mutant). Ratios are on the natural scale; null when not estimable.
 *
 * @param trial          trial id
 * @param trialName      display name
 * @param arm            arm id
 * @param cut            cut id
 * @param cutLabel       cut label
 * @param cutoff         cut-off date (ISO) or null
 * @param mutant         datum of the mutant subgroup
 * @param wildType       datum of the wild-type subgroup
 * @param x1             mutant responders
 * @param n1             mutant evaluable
 * @param x2             wild-type responders
 * @param n2             wild-type evaluable
 * @param oddsRatio      OR ad/bc (1/2 added to every cell when one is 0), as {@code metafor::escalc("OR")}
 * @param orLower        Woolf CI lower
 * @param orUpper        Woolf CI upper
 * @param riskRatio      RR, as {@code escalc("RR")}
 * @param rrLower        log (Katz) CI lower
 * @param rrUpper        log (Katz) CI upper
 * @param riskDifference RD p1 − p2, as {@code escalc("RD")}
 * @param rdLower        Wald CI lower
 * @param rdUpper        Wald CI upper
 * @param conditionalOr  conditional MLE odds ratio, as {@code fisher.test()$estimate}
 * @param condOrLower    its exact CI lower ({@code fisher.test()$conf.int})
 * @param condOrUpper    its exact CI upper
 * @param fisherP        two-sided Fisher exact p, as {@code fisher.test()$p.value}
 * @param level          confidence level in (0, 1)
 * @param selected       whether this cut is the one of its trial used in the pooled analyses
 * @param selection      why it was (or was not) selected
 */
public record SubgroupComparison(String trial, String trialName, String arm, String cut, String cutLabel,
        String cutoff, DataUse mutant, DataUse wildType, int x1, int n1, int x2, int n2, Double oddsRatio,
        Double orLower, Double orUpper, Double riskRatio, Double rrLower, Double rrUpper, Double riskDifference,
        Double rdLower, Double rdUpper, Double conditionalOr, Double condOrLower, Double condOrUpper, Double fisherP,
        double level, boolean selected, String selection) {
}

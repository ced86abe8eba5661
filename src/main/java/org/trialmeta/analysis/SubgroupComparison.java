package org.trialmeta.analysis;

import java.util.Objects;

/**
 * Mutant vs wild-type response in one trial at one cut: the 2×2 table and its effect measures
 * (group 1 = mutant). Ratios are on the natural scale; a missing bound or estimate is null (not estimable).
 *
 * <p>Its published JSON form ({@code analysis.json}, {@code compare --format json}) is flat and is written by the
 * presentation layer ({@code present.SubgroupComparisonJson}); this record knows nothing of how it is written.
 *
 * @param mutant         the mutant subgroup's datum and counts (group 1)
 * @param wildType       the wild-type subgroup's datum and counts (group 2), same trial, arm and cut
 * @param oddsRatio      OR ad/bc (1/2 added to every cell when one is 0) with its Woolf CI, as
 *                       {@code metafor::escalc("OR")}
 * @param riskRatio      RR with its log (Katz) CI, as {@code escalc("RR")}
 * @param riskDifference RD p1 − p2 with its Wald CI, as {@code escalc("RD")}
 * @param fisher         Fisher's exact test: conditional MLE odds ratio, its exact CI and the two-sided p
 * @param level          confidence level in (0, 1)
 * @param selected       whether this cut is the one of its trial used in the pooled analyses
 * @param selection      why it was (or was not) selected
 */
public record SubgroupComparison(Rate mutant, Rate wildType, Effect oddsRatio, Effect riskRatio,
        Effect riskDifference, FisherTest fisher, double level, boolean selected, String selection) {

    public SubgroupComparison {
        Objects.requireNonNull(mutant, "mutant");
        Objects.requireNonNull(wildType, "wildType");
        Objects.requireNonNull(oddsRatio, "oddsRatio");
        Objects.requireNonNull(riskRatio, "riskRatio");
        Objects.requireNonNull(riskDifference, "riskDifference");
        Objects.requireNonNull(fisher, "fisher");
    }

    /**
     * One subgroup's response count.
     *
     * @param data       the datum used
     * @param responders responders
     * @param evaluable  evaluable patients
     */
    public record Rate(DataUse data, int responders, int evaluable) {
        public Rate {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * An effect estimate and its confidence interval; each null when not estimable.
     *
     * @param estimate point estimate
     * @param lower    CI lower bound
     * @param upper    CI upper bound
     */
    public record Effect(Double estimate, Double lower, Double upper) {}

    /**
     * Fisher's exact test of the 2×2 table, as R's {@code fisher.test()}.
     *
     * @param conditionalOr conditional MLE odds ratio ({@code $estimate}) and its exact CI ({@code $conf.int})
     * @param p             two-sided p ({@code $p.value})
     */
    public record FisherTest(Effect conditionalOr, Double p) {
        public FisherTest {
            Objects.requireNonNull(conditionalOr, "conditionalOr");
        }
    }

    /** Trial id (both subgroups share trial, arm and cut). */
    public String trial() {
        return mutant.data().trial();
    }

    /** Trial display name. */
    public String trialName() {
        return mutant.data().trialName();
    }

    /** Arm id. */
    public String arm() {
        return mutant.data().arm();
    }

    /** Analysis cut id. */
    public String cut() {
        return mutant.data().cut();
    }

    /** Analysis cut label. */
    public String cutLabel() {
        return mutant.data().cutLabel();
    }

    /** Cut-off date (ISO) of the mutant datum, or null. */
    public String cutoff() {
        return mutant.data().cutoff();
    }

    /** Mutant responders: cell {@code ai} of {@code escalc}. */
    public int x1() {
        return mutant.responders();
    }

    /** Mutant evaluable: {@code n1i}. */
    public int n1() {
        return mutant.evaluable();
    }

    /** Wild-type responders: {@code ci}. */
    public int x2() {
        return wildType.responders();
    }

    /** Wild-type evaluable: {@code n2i}. */
    public int n2() {
        return wildType.evaluable();
    }
}

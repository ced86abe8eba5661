package org.trialmeta.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.Objects;

/**
 * Mutant vs wild-type response in one trial at one cut: the 2×2 table and its effect measures
 * (group 1 = mutant). Ratios are on the natural scale; a missing bound or estimate is null (not estimable).
 *
 * <p>The JSON form ({@code analysis.json}, {@code compare --format json}) is flat, with the keys published before
 * this record was given its nested shape: {@code trial … cutoff, mutant, wild_type, x1, n1, x2, n2, odds_ratio,
 * or_lower, or_upper, risk_ratio, rr_lower, rr_upper, risk_difference, rd_lower, rd_upper, conditional_or,
 * cond_or_lower, cond_or_upper, fisher_p, level, selected, selection} ({@link FlatJson}).
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
@JsonSerialize(using = SubgroupComparison.FlatJson.class)
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

    /** Writes the flat, published JSON form through the mapper's own serializers (NaN → null, snake_case data). */
    static final class FlatJson extends JsonSerializer<SubgroupComparison> {
        @Override
        public void serialize(SubgroupComparison c, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            p.defaultSerializeField("trial", c.trial(), g);
            p.defaultSerializeField("trial_name", c.trialName(), g);
            p.defaultSerializeField("arm", c.arm(), g);
            p.defaultSerializeField("cut", c.cut(), g);
            p.defaultSerializeField("cut_label", c.cutLabel(), g);
            p.defaultSerializeField("cutoff", c.cutoff(), g);
            p.defaultSerializeField("mutant", c.mutant().data(), g);
            p.defaultSerializeField("wild_type", c.wildType().data(), g);
            p.defaultSerializeField("x1", c.x1(), g);
            p.defaultSerializeField("n1", c.n1(), g);
            p.defaultSerializeField("x2", c.x2(), g);
            p.defaultSerializeField("n2", c.n2(), g);
            effect(p, g, "odds_ratio", "or", c.oddsRatio());
            effect(p, g, "risk_ratio", "rr", c.riskRatio());
            effect(p, g, "risk_difference", "rd", c.riskDifference());
            effect(p, g, "conditional_or", "cond_or", c.fisher().conditionalOr());
            p.defaultSerializeField("fisher_p", c.fisher().p(), g);
            p.defaultSerializeField("level", c.level(), g);
            p.defaultSerializeField("selected", c.selected(), g);
            p.defaultSerializeField("selection", c.selection(), g);
            g.writeEndObject();
        }

        private static void effect(SerializerProvider p, JsonGenerator g, String name, String prefix, Effect e)
                throws IOException {
            p.defaultSerializeField(name, e.estimate(), g);
            p.defaultSerializeField(prefix + "_lower", e.lower(), g);
            p.defaultSerializeField(prefix + "_upper", e.upper(), g);
        }
    }
}

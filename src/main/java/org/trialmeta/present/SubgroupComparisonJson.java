package org.trialmeta.present;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import org.trialmeta.analysis.SubgroupComparison;
import org.trialmeta.analysis.SubgroupComparison.Effect;

/**
 * The published, flat JSON form of a {@link SubgroupComparison} ({@code analysis.json}'s {@code comparisons},
 * {@code compare --format json}), with the keys it had before the record was given its nested shape:
 * {@code trial, trial_name, arm, cut, cut_label, cutoff, mutant, wild_type, x1, n1, x2, n2, odds_ratio, or_lower,
 * or_upper, risk_ratio, rr_lower, rr_upper, risk_difference, rd_lower, rd_upper, conditional_or, cond_or_lower,
 * cond_or_upper, fisher_p, level, selected, selection}. Values go through the mapper's own serializers (NaN → null,
 * snake_case keys of the nested data). Used as {@code @JsonSerialize(contentUsing = SubgroupComparisonJson.class)}
 * on the summaries' lists of comparisons ({@link TrialComparison}, {@link AnalysisJson}).
 */
public final class SubgroupComparisonJson extends JsonSerializer<SubgroupComparison> {

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

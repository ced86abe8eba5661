package org.trialmeta.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Compact-constructor checks name the field, the value and the rule. */
class ModelInvariantsTest {

    @Test
    void respondersMustNotExceedEvaluable() {
        assertThatThrownBy(() -> new ResponseCount(27, 26)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("responders: 27 > evaluable 26 (responders must not exceed evaluable)");
        assertThatThrownBy(() -> new ResponseCount(-1, 26)).hasMessage("responders: -1 (must not be negative)");
        assertThat(new ResponseCount(9, 52).percent().getAsDouble()).isEqualTo(100.0 * 9 / 52);
        assertThat(new ResponseCount(0, 0).percent()).isEmpty();
    }

    @Test
    void percentagesStayInZeroToHundred() {
        assertThatThrownBy(() -> new Percent(101)).hasMessage("percent: 101 (must be in [0, 100])");
        assertThatThrownBy(() -> new Percent(Double.NaN)).hasMessage("percent: NaN (must be in [0, 100])");
        assertThatThrownBy(() -> new PercentInterval(new Percent(58), new Percent(31), 95))
                .hasMessage("ci.lower: 58 > upper 31 (CI lower must not exceed upper)");
    }

    @Test
    void derivedProvenanceNeedsInputsAndMethod() {
        assertThatThrownBy(() -> new Provenance("s", Optional.empty(), Optional.empty(), EvidenceStatus.DERIVED,
                List.of(), Optional.of("sum"), Optional.empty()))
                .hasMessage("provenance.derivedFrom: [] (a derived datum must name what it was derived from)");
        assertThatThrownBy(() -> new Provenance("s", Optional.empty(), Optional.empty(), EvidenceStatus.CONFIRMED,
                List.of(), Optional.empty(), Optional.empty()))
                .hasMessage("provenance.locator: missing (required unless the status is derived)");
    }

    @Test
    void timeEstimatesAreExplicitStates() {
        assertThatThrownBy(() -> TimeEstimate.of(0, TimeUnit.MONTHS))
                .hasMessage("value: 0 (must be a positive finite number)");
        assertThatThrownBy(() -> new TimeEstimate(EstimateState.NOT_REACHED, OptionalDouble.of(3), TimeUnit.DAYS))
                .hasMessageContaining("a value is present exactly when the state is VALUE");
        assertThat(TimeEstimate.of(12, TimeUnit.MONTHS).in(TimeUnit.DAYS).getAsDouble()).isEqualTo(365.25);
        assertThat(TimeEstimate.notReached(TimeUnit.MONTHS).toString()).isEqualTo("not reached");
        var ci = new TimeInterval(TimeEstimate.of(14.8, TimeUnit.MONTHS), TimeEstimate.notReached(TimeUnit.MONTHS), 95);
        assertThat(ci.contains(TimeEstimate.of(31.1, TimeUnit.MONTHS))).isTrue();
        assertThat(ci.contains(TimeEstimate.of(10, TimeUnit.MONTHS))).isFalse();
    }

    @Test
    void binaryOutcomeNeedsCountsOrAReportedFigure() {
        Provenance p = Provenance.of("s", "Table 1", EvidenceStatus.CONFIRMED);
        assertThatThrownBy(() -> new BinaryOutcome(BinaryEndpoint.ORR, "overall", "final", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), p, Optional.empty()))
                .hasMessage("responders: missing (a binary outcome needs responders/evaluable or a reported percent)");
    }

    @Test
    void trialRejectsDuplicateArmIdsAndUnknownReferences() {
        Provenance p = Provenance.of("s", "Table 1", EvidenceStatus.CONFIRMED);
        Subgroup all = new Subgroup("overall", "All", Optional.empty());
        AnalysisCut fin = new AnalysisCut("final", "Final", Optional.empty(), Optional.empty(), Optional.empty());
        Intervention drug = new Intervention("drug", Optional.empty(), Optional.empty());
        BinaryOutcome o = new BinaryOutcome(BinaryEndpoint.ORR, "kras", "final", Optional.of(new ResponseCount(1, 2)),
                Optional.empty(), Optional.empty(), Optional.empty(), p, Optional.empty());
        Arm a = new Arm("a", "A", List.of(drug), Optional.empty(), List.of(), Optional.empty());
        assertThatThrownBy(() -> new Trial("t", "T", List.of(), Phase.PHASE_2, "d", Setting.CLINICAL, "human",
                Optional.empty(), "x", List.of("s"), List.of(all), List.of(fin), List.of(a, a), Optional.empty()))
                .hasMessage("trial t: arms[1].id: 'a' (duplicate of trial t: arms[0].id; ids must be unique)");
        Arm withOutcome = new Arm("a", "A", List.of(drug), Optional.empty(), List.of(o), Optional.empty());
        assertThatThrownBy(() -> new Trial("t", "T", List.of(), Phase.PHASE_2, "d", Setting.CLINICAL, "human",
                Optional.empty(), "x", List.of("s"), List.of(all), List.of(fin), List.of(withOutcome), Optional.empty()))
                .hasMessage("trial t: arm a: subgroup: 'kras' (unknown subgroup id)");
    }
}

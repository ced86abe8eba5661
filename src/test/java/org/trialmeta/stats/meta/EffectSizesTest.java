package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EffectSizesTest {

    private static final double ESCALC_TOLERANCE = 1e-12;

    @TestFactory
    Stream<DynamicTest> zeroCellCorrectionVariantsMatchMetaforEscalc() {
        JsonNode ref = MetaforReference.load("escalc_variants");
        JsonNode niel = MetaforReference.load("nielweise2007_OR").get("data");
        JsonNode pritz = MetaforReference.load("pritz1997_PLO").get("data");
        return StreamSupport.stream(ref.get("variants").spliterator(), false).map(v -> {
            EffectMeasure m = EffectMeasure.valueOf(v.get("measure").asText());
            ZeroCellCorrection c = new ZeroCellCorrection(v.get("add").asDouble(),
                    ZeroCellCorrection.To.valueOf(v.get("to").asText().toUpperCase(Locale.ROOT)));
            String id = v.get("data").asText() + " " + m + " add=" + c.add() + " to=" + c.to();
            return DynamicTest.dynamicTest(id + " matches escalc", () -> {
                double[] y = MetaforReference.doubles(v.get("yi"));
                double[] vi = MetaforReference.doubles(v.get("vi"));
                boolean estimable = java.util.Arrays.stream(y).allMatch(Double::isFinite)
                        && java.util.Arrays.stream(vi).allMatch(x -> x > 0);
                java.util.concurrent.Callable<EffectSizes> make = () -> m.kind() == EffectMeasure.Kind.TWO_GROUP
                        ? EffectSizes.twoGroup(m, MetaforReference.ints(niel.get("ai")), MetaforReference.ints(niel.get("n1i")),
                                MetaforReference.ints(niel.get("ci")), MetaforReference.ints(niel.get("n2i")), c)
                        : EffectSizes.proportion(m, MetaforReference.ints(pritz.get("xi")), MetaforReference.ints(pritz.get("ni")), c);
                if (!estimable) {
                    // metafor returns NA (or vi = 0) for these studies; we refuse with the study and the rule
                    assertThatThrownBy(make::call).hasMessageContaining("not estimable");
                    return;
                }
                EffectSizes es = make.call();
                for (int i = 0; i < y.length; i++) {
                    MetaAnalysisReferenceTest.close(id + " yi[" + i + "]", es.yi()[i], y[i], ESCALC_TOLERANCE);
                    MetaAnalysisReferenceTest.close(id + " vi[" + i + "]", es.vi()[i], vi[i], ESCALC_TOLERANCE);
                }
            });
        });
    }

    @Test
    void metaforDefaultsAddHalfOnlyToZeroCellStudiesButNothingForPasAndPft() {
        assertThat(ZeroCellCorrection.metaforDefault(EffectMeasure.OR)).isEqualTo(new ZeroCellCorrection(0.5, ZeroCellCorrection.To.ONLY0));
        assertThat(ZeroCellCorrection.metaforDefault(EffectMeasure.PR).add()).isEqualTo(0.5);
        assertThat(ZeroCellCorrection.metaforDefault(EffectMeasure.PAS).add()).isZero();
        assertThat(ZeroCellCorrection.metaforDefault(EffectMeasure.PFT).add()).isZero();
        EffectSizes es = EffectSizes.twoGroup(EffectMeasure.OR, new int[] {0, 3}, new int[] {10, 10}, new int[] {2, 4}, new int[] {10, 10});
        assertThat(es.corrected()).containsExactly(true, false);
        // cells 0.5, 10.5, 2.5, 8.5
        assertThat(es.yi()[0]).isCloseTo(Math.log(0.5 / 10.5) - Math.log(2.5 / 8.5), within(1e-14));
        assertThat(es.vi()[0]).isCloseTo(1 / 0.5 + 1 / 10.5 + 1 / 2.5 + 1 / 8.5, within(1e-14));
    }

    @Test
    void pftVarianceIsOneOverFourNPlusTwo() {
        EffectSizes es = EffectSizes.proportion(EffectMeasure.PFT, new int[] {3}, new int[] {10});
        assertThat(es.vi()[0]).isEqualTo(1.0 / 42);
    }

    @Test
    void eventsAboveTotalAndZeroTotalsAreRefusedNamingTheStudy() {
        assertThatThrownBy(() -> EffectSizes.twoGroup(EffectMeasure.RR, new int[] {1, 12}, new int[] {10, 10},
                new int[] {1, 1}, new int[] {10, 10}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("study 1: ai 12 > n1i 10 (events must not exceed the total)");
        assertThatThrownBy(() -> EffectSizes.proportion(EffectMeasure.PR, new int[] {0}, new int[] {0}))
                .hasMessageContaining("study 0");
        assertThatThrownBy(() -> EffectSizes.generic(new double[] {0.1}, new double[] {0}))
                .hasMessage("study 0: vi 0.0 must be finite and > 0");
        assertThatThrownBy(() -> EffectSizes.twoGroup(EffectMeasure.PLO, new int[] {1}, new int[] {2}, new int[] {1}, new int[] {2}))
                .hasMessageContaining("not a two-group measure");
    }

    @Test
    void pftBackTransformUsesHarmonicMeanOfN() {
        Transform t = Transform.forMeasure(EffectMeasure.PFT, new int[] {10, 40});
        assertThat(t.harmonicMeanN()).isCloseTo(16.0, within(1e-12));
        // round trip at the harmonic mean: ipft(pft(p, n), n) = p
        assertThat(t.apply(Transform.pft(0.3, 16))).isCloseTo(0.3, within(1e-12));
        assertThat(t.apply(-1)).isZero();
        assertThat(t.apply(2)).isEqualTo(1);
    }
}

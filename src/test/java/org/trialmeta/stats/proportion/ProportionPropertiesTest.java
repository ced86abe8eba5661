package org.trialmeta.stats.proportion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trialmeta.stats.Interval;

/** Seeded property tests: invariants that must hold for every input, not only the R grid. */
class ProportionPropertiesTest {

    private static final long SEED = 20260401L;
    private static final int CASES = 2000;

    @Test
    void singleIntervalsAreOrderedWithinUnitContainTheEstimateAndWidenWithLevel() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 5000);
            int x = rnd.nextInt(n + 1);
            for (ProportionCi m : ProportionCi.values()) {
                Interval narrow = m.estimate(x, n, 0.90).interval().orElseThrow();
                Interval wide = m.estimate(x, n, 0.99).interval().orElseThrow();
                double p = (double) x / n;
                String what = m + " " + x + "/" + n;
                assertThat(narrow.lower()).as(what).isGreaterThanOrEqualTo(0.0);
                assertThat(narrow.upper()).as(what).isLessThanOrEqualTo(1.0);
                assertThat(narrow.contains(p)).as(what + " contains p " + narrow).isTrue();
                assertThat(wide.lower()).as(what).isLessThanOrEqualTo(narrow.lower());
                assertThat(wide.upper()).as(what).isGreaterThanOrEqualTo(narrow.upper());
            }
        }
    }

    @Test
    void twoProportionResultsAreFiniteOrNotEstimableAndIntervalsContainTheEstimate() {
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES / 4; c++) {
            int n1 = rnd.nextInt(rnd.nextBoolean() ? 15 : 2000);
            int n2 = rnd.nextInt(rnd.nextBoolean() ? 15 : 2000);
            int x1 = rnd.nextInt(3) == 0 ? (rnd.nextBoolean() ? 0 : n1) : rnd.nextInt(n1 + 1);
            int x2 = rnd.nextInt(3) == 0 ? (rnd.nextBoolean() ? 0 : n2) : rnd.nextInt(n2 + 1);
            ProportionComparison cmp = new TwoProportions(x1, n1, x2, n2).compare(0.95);
            String what = x1 + "/" + n1 + " vs " + x2 + "/" + n2;
            for (RiskDifference rd : List.of(cmp.riskDifferenceNewcombe(), cmp.riskDifferenceMiettinenNurminen(),
                    cmp.riskDifferenceWald())) {
                assertThat(rd.estimable()).as(what).isEqualTo(n1 > 0 && n2 > 0);
                rd.interval().ifPresent(i -> {
                    assertThat(i.lower()).as(what + " " + rd.method()).isGreaterThanOrEqualTo(-1.0);
                    assertThat(i.upper()).as(what + " " + rd.method()).isLessThanOrEqualTo(1.0);
                    assertThat(i.contains(rd.estimate().getAsDouble())).as(what + " " + rd.method() + i).isTrue();
                });
            }
            for (RatioEstimate r : List.of(cmp.riskRatio(), cmp.oddsRatio(), cmp.conditionalOddsRatio())) {
                r.estimate().ifPresent(v -> assertThat(v).as(what + " " + r.method()).isNotNaN()
                        .isGreaterThanOrEqualTo(0.0));
                r.interval().ifPresent(i -> assertThat(i.contains(r.estimate().getAsDouble()))
                        .as(what + " " + r.method() + i).isTrue());
            }
            cmp.fisherExactP().ifPresent(p -> assertThat(p).as(what).isBetween(0.0, 1.0));
            cmp.chiSquare().pValue().ifPresent(p -> assertThat(p).as(what).isBetween(0.0, 1.0));
            cmp.chiSquareYates().pValue().ifPresent(p -> assertThat(p).as(what).isBetween(0.0, 1.0));
        }
    }
}

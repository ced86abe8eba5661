package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Each repair of {@link DigitisationRepair} on a minimal input: what it changes, that it lists exactly the points it
 * touched, and what is refused instead.
 */
class DigitisationRepairTest {

    private static final AtRiskTable TEN = new AtRiskTable(new double[] {0}, new int[] {10});

    private static PreparedCurve prepare(double[] t, double[] s, AtRiskTable risk) {
        return DigitisationRepair.prepare(new DigitisedCurve(t, s), risk, SurvivalScale.AUTO,
                DigitisingTolerance.DEFAULT);
    }

    private static Repair only(PreparedCurve p, RepairKind kind) {
        return p.repairs().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow(
                () -> new AssertionError(kind + " not in " + p.repairs()));
    }

    private static int[] indices(Repair r) {
        return r.points().stream().mapToInt(Repair.Touched::index).toArray();
    }

    @Test
    void cleanCurveNeedsNoRepair() {
        PreparedCurve p = prepare(new double[] {0, 1, 1, 2}, new double[] {1, 1, 0.8, 0.8}, TEN);
        assertThat(p.repairs()).isEmpty();
        assertThat(p.scale()).isEqualTo(SurvivalScale.PROPORTION);
        assertThat(p.scaleDetected()).isTrue();
    }

    @Test
    void percentAxisIsDetectedDividedAndSaid() {
        PreparedCurve p = prepare(new double[] {0, 5, 10}, new double[] {100, 80, 61.5}, TEN);
        assertThat(p.scale()).isEqualTo(SurvivalScale.PERCENT);
        assertThat(p.survival()).containsExactly(1, 0.8, 0.615);
        assertThat(only(p, RepairKind.SCALE_PERCENT).description()).contains("0-100 axis detected (largest value 100");
    }

    @Test
    void aFewLargeValuesAmongFractionsAreAmbiguousAndRefused() {
        assertThatThrownBy(() -> prepare(new double[] {0, 5, 10}, new double[] {1, 0.8, 60}, TEN))
                .isInstanceOf(DigitisationException.class)
                .hasMessageContaining("digitised point 3").hasMessageContaining("scale cannot be told");
    }

    @Test
    void valuesSlightlyOutsideTheUnitIntervalAreClampedFartherOnesRefused() {
        PreparedCurve p = prepare(new double[] {0, 1, 2, 3}, new double[] {1.012, 0.9, 0.5, -0.01}, TEN);
        assertThat(indices(only(p, RepairKind.ABOVE_ONE))).containsExactly(0);
        assertThat(indices(only(p, RepairKind.BELOW_ZERO))).containsExactly(3);
        assertThat(p.survival()).containsExactly(1, 0.9, 0.5, 0);
        assertThatThrownBy(() -> prepare(new double[] {0, 1}, new double[] {1.03, 0.9}, TEN))
                .isInstanceOf(DigitisationException.class).hasMessageContaining("survival 1.03 is above 1 by more than"
                        + " the digitising tolerance 0.02").hasMessageContaining("--scale percent");
    }

    @Test
    void percentValuesSlightlyAbove100AreClampedAfterScaling() {
        PreparedCurve p = prepare(new double[] {0, 1, 2}, new double[] {101.5, 90, 50}, TEN);
        assertThat(p.survival()).containsExactly(1, 0.9, 0.5);
        assertThat(indices(only(p, RepairKind.ABOVE_ONE))).containsExactly(0);
    }

    @Test
    void startReadSlightlyBelowOneIsOne() {
        PreparedCurve p = prepare(new double[] {0, 2}, new double[] {0.99, 0.7}, TEN);
        assertThat(indices(only(p, RepairKind.START_AT_ONE))).containsExactly(0);
        assertThat(p.time()).containsExactly(0, 2);
        assertThat(p.survival()).containsExactly(1, 0.7);
    }

    @Test
    void negativeTimeWithinToleranceIsZeroFartherRefused() {
        PreparedCurve p = prepare(new double[] {-0.05, 5, 10}, new double[] {1, 0.8, 0.6}, TEN);
        assertThat(indices(only(p, RepairKind.NEGATIVE_TIME))).containsExactly(0);
        assertThatThrownBy(() -> prepare(new double[] {-3, 5, 10}, new double[] {1, 0.8, 0.6}, TEN))
                .isInstanceOf(DigitisationException.class).hasMessageContaining("time: a time must not be negative");
    }

    @Test
    void outOfOrderPointsAreSortedListingOnlyTheMisplacedOnes() {
        PreparedCurve p = prepare(new double[] {0, 2, 3, 1, 4, 4}, new double[] {1, 0.8, 0.7, 0.9, 0.5, 0.6}, TEN);
        assertThat(indices(only(p, RepairKind.SORTED))).containsExactly(3, 5);
        assertThat(p.time()).containsExactly(0, 1, 2, 3, 4, 4);
        assertThat(p.survival()).containsExactly(1, 0.9, 0.8, 0.7, 0.6, 0.5);
    }

    @Test
    void duplicatesAreRemoved() {
        PreparedCurve p = prepare(new double[] {0, 1, 1, 2}, new double[] {1, 0.9, 0.9, 0.8}, TEN);
        assertThat(indices(only(p, RepairKind.DUPLICATE))).containsExactly(2);
        assertThat(p.time()).containsExactly(0, 1, 2);
    }

    @Test
    void smallRisesGetTheIsotonicFitLargeOnesAreRefused() {
        PreparedCurve p = prepare(new double[] {0, 1, 2, 3, 4}, new double[] {1, 0.80, 0.81, 0.79, 0.5}, TEN);
        Repair iso = only(p, RepairKind.ISOTONIC);
        assertThat(indices(iso)).containsExactly(1, 2);
        assertThat(p.survival()[1]).isEqualTo(p.survival()[2]).isCloseTo(0.805, org.assertj.core.api.Assertions
                .within(1e-12));
        assertThatThrownBy(() -> prepare(new double[] {0, 1, 2, 3}, new double[] {1, 0.6, 0.65, 0.5}, TEN))
                .isInstanceOf(DigitisationException.class).hasMessageContaining("digitised point 3")
                .hasMessageContaining("survival 0.65 at time 2 is 0.05 above the 0.6 read at time 1");
    }

    @Test
    void originIsAddedAndListed() {
        PreparedCurve p = prepare(new double[] {2, 4}, new double[] {0.9, 0.7}, TEN);
        assertThat(indices(only(p, RepairKind.ORIGIN))).containsExactly(-1);
        assertThat(p.time()).containsExactly(0, 2, 4);
    }

    @Test
    void atRiskRowsBeyondTheCurveAndTrailingZerosAreRemovedTheFirstBeyondStaysAtRisk() {
        AtRiskTable risk = new AtRiskTable(new double[] {0, 5, 10, 15, 20, 25}, new int[] {50, 30, 12, 5, 0, 0});
        PreparedCurve p = prepare(new double[] {0, 4, 9, 12}, new double[] {1, 0.7, 0.4, 0.3}, risk);
        assertThat(indices(only(p, RepairKind.AT_RISK_TRAILING_ZEROS))).containsExactly(5);
        assertThat(indices(only(p, RepairKind.AT_RISK_BEYOND_CURVE))).containsExactly(3, 4);
        assertThat(p.atRisk().time()).containsExactly(0, 5, 10);
        assertThat(p.remainingAtEnd()).isEqualTo(5);
    }

    @Test
    void anIntervalWithoutPointsCarriesTheLastSurvivalForward() {
        AtRiskTable risk = new AtRiskTable(new double[] {0, 5, 10, 15}, new int[] {50, 30, 20, 10});
        PreparedCurve p = prepare(new double[] {0, 4, 4, 16}, new double[] {1, 0.8, 0.6, 0.3}, risk);
        Repair flat = only(p, RepairKind.FLAT_INTERVAL);
        assertThat(indices(flat)).containsExactly(1, 2);
        assertThat(flat.source()).isEqualTo(Repair.Source.AT_RISK);
        assertThat(p.time()).containsExactly(0, 4, 4, 5, 10, 16);
        assertThat(p.survival()).containsExactly(1, 0.8, 0.6, 0.6, 0.6, 0.3);
    }

    @Test
    void risingAtRiskCountsAreRefusedByTheTable() {
        assertThatThrownBy(() -> new AtRiskTable(new double[] {0, 5, 10}, new int[] {50, 30, 35}))
                .hasMessageContaining("numbers at risk never rise");
    }

    @Test
    void unlimitedToleranceRepairsEverything() {
        PreparedCurve p = DigitisationRepair.prepare(new DigitisedCurve(new double[] {-5, 1, 2, 3},
                new double[] {1.3, 0.5, 0.9, -0.2}), TEN, SurvivalScale.PROPORTION, DigitisingTolerance.UNLIMITED);
        // the rise 0.5 -> 0.9 is steeper than long (0.4 > 1/3 of the axis): a drop read foot first, at time 1.5
        assertThat(p.time()).containsExactly(0, 1.5, 1.5, 3);
        assertThat(p.survival()).containsExactly(new double[] {1, 0.9, 0.5, 0},
                org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void aDropReadFootFirstIsPlacedAtTheMeanOfItsTwoClicks() {
        // top of the drop 0.9 -> 0.6 clicked at 5.1, its foot a little before, at 4.9 (axis 10: 2% = 0.2)
        PreparedCurve p = prepare(new double[] {0, 2, 4.9, 5.1, 10}, new double[] {1, 0.9, 0.6, 0.9, 0.6},
                new AtRiskTable(new double[] {0, 10}, new int[] {10, 5}));
        Repair r = only(p, RepairKind.FOOT_FIRST);
        assertThat(indices(r)).containsExactly(2, 3);
        assertThat(r.points().get(0).newTime()).isEqualTo(5.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.points().get(0).newValue()).isEqualTo(0.9); // the foot, read first, becomes the top
        assertThat(r.points().get(1).newValue()).isEqualTo(0.6);
        assertThat(p.repairs()).extracting(Repair::kind).doesNotContain(RepairKind.ISOTONIC);
        assertThat(p.time()).containsExactly(new double[] {0, 2, 5, 5, 10},
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(p.survival()).containsExactly(1, 0.9, 0.9, 0.6, 0.6);
    }

    @Test
    void aLevelReadTwiceIsPooledNotMoved() {
        // 0.80 then 0.81 a whole unit later on a 0-4 axis: flatter than steep, one level read twice (isotonic)
        PreparedCurve p = prepare(new double[] {0, 1, 2, 3}, new double[] {1, 0.80, 0.81, 0.5}, TEN);
        assertThat(p.repairs()).extracting(Repair::kind).containsExactly(RepairKind.ISOTONIC);
        assertThat(p.time()).containsExactly(0, 1, 2, 3);
        // the same rise within 2% of a 0-100 axis (times 50, 50.5): steep, one drop read foot first
        PreparedCurve q = prepare(new double[] {0, 50, 50.5, 100}, new double[] {1, 0.80, 0.81, 0.5}, TEN);
        assertThat(q.repairs()).extracting(Repair::kind).containsExactly(RepairKind.FOOT_FIRST);
        assertThat(q.time()).containsExactly(0, 50.25, 50.25, 100);
        assertThat(q.survival()).containsExactly(1, 0.81, 0.80, 0.5);
    }

    @Test
    void aSteepRiseBeyondTheTimeToleranceIsNotAFootFirstDrop() {
        // 0.80 -> 0.81 at times 1 and 1.5 of a 0-10 axis: steep, but 5% of the axis apart (tolerance 2%)
        PreparedCurve p = prepare(new double[] {0, 1, 1.5, 10}, new double[] {1, 0.80, 0.81, 0.5}, TEN);
        assertThat(p.repairs()).extracting(Repair::kind).containsExactly(RepairKind.ISOTONIC);
    }
}

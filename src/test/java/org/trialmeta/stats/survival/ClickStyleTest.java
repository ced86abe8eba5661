package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The clicking style ({@link ClickStyle}) on small hand-made curves: detection, the missing-foot repair on curves
 * clicked at both corners, and nothing added on curves clicked at the feet.
 */
class ClickStyleTest {

    private static final AtRiskTable FIFTY = new AtRiskTable(new double[] {0}, new int[] {50});

    /** Both corners of the drops at 1, 2, 3, 5 and 6 clicked; the drop at 4 has its top (4, 0.7) but no foot. */
    private static final double[] CORNERS_T = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 10};
    private static final double[] CORNERS_S = {1, 1, 0.9, 0.9, 0.8, 0.8, 0.7, 0.7, 0.6, 0.5, 0.5, 0.4, 0.4};

    private static PreparedCurve prepare(double[] t, double[] s, ClickStyle clicks) {
        return DigitisationRepair.prepare(new DigitisedCurve(t, s), FIFTY, SurvivalScale.AUTO, clicks,
                DigitisingTolerance.DEFAULT);
    }

    @Test
    void aCurveClickedAtBothCornersIsDetectedAndItsMissedFootAdded() {
        PreparedCurve p = prepare(CORNERS_T, CORNERS_S, ClickStyle.AUTO);
        // drops at 1, 2, 3, 6 follow a click at their top's level; the drop at 5 follows the top at 4 (0.1 higher)
        assertThat(p.clicks()).isEqualTo(new ClickStyle.Used(ClickStyle.CORNERS, true, 5, 4));
        assertThat(p.repairs()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RepairKind.MISSING_FOOT);
            assertThat(r.points()).singleElement().isEqualTo(new Repair.Touched(7, 4, 0.7, 4, 0.6));
        });
        // the drop 0.7 -> 0.6 at 4 (its top's time), not at 5 (the next click, Guyot's reading)
        assertThat(p.time()).containsExactly(0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 10);
        assertThat(p.survival()).containsExactly(1, 1, 0.9, 0.9, 0.8, 0.8, 0.7, 0.7, 0.6, 0.6, 0.5, 0.5, 0.4, 0.4);
    }

    @Test
    void theSameCurveDeclaredFeetKeepsGuyotsReading() {
        PreparedCurve p = prepare(CORNERS_T, CORNERS_S, ClickStyle.FEET);
        assertThat(p.clicks()).isEqualTo(new ClickStyle.Used(ClickStyle.FEET, false, 5, 4));
        assertThat(p.repairs()).isEmpty();
        assertThat(p.time()).containsExactly(CORNERS_T);
    }

    @Test
    void aCurveClickedAtTheFeetIsDetectedAndNothingAdded() {
        // one click per drop, at its foot; drops 0.05 apart, pairs of events 0.1 apart in time (1% of the axis)
        double[] t = {0, 1, 1.1, 2, 2.1, 3, 3.1, 4, 4.1, 5, 5.1, 10};
        double[] s = {1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.5};
        PreparedCurve p = prepare(t, s, ClickStyle.AUTO);
        // the five steep pairs each follow a click a whole drop higher: no corner pair
        assertThat(p.clicks()).isEqualTo(new ClickStyle.Used(ClickStyle.FEET, true, 5, 0));
        assertThat(p.repairs()).isEmpty();
        assertThat(p.time()).containsExactly(t);
    }

    @Test
    void detectionNeedsAMajorityOfAtLeastFiveDrops() {
        assertThat(ClickStyle.decide(5, 3)).isEqualTo(ClickStyle.CORNERS);
        assertThat(ClickStyle.decide(10, 5)).isEqualTo(ClickStyle.CORNERS);
        assertThat(ClickStyle.decide(10, 4)).isEqualTo(ClickStyle.FEET);
        assertThat(ClickStyle.decide(5, 2)).isEqualTo(ClickStyle.FEET);
        assertThat(ClickStyle.decide(4, 4)).as("too few drops to tell").isEqualTo(ClickStyle.FEET);
        assertThat(ClickStyle.decide(0, 0)).isEqualTo(ClickStyle.FEET);
        // a curve with too few drops is read at the feet under auto, even if every drop is a corner pair
        PreparedCurve p = prepare(new double[] {0, 1, 1, 2, 3}, new double[] {1, 1, 0.8, 0.8, 0.6}, ClickStyle.AUTO);
        assertThat(p.clicks()).isEqualTo(new ClickStyle.Used(ClickStyle.FEET, true, 1, 1));
        assertThat(p.repairs()).isEmpty();
        assertThatThrownBy(() -> new ClickStyle.Used(ClickStyle.AUTO, true, 1, 1))
                .hasMessageContaining("must be corners or feet");
    }

    @Test
    void aFootWhoseTopWasMissedIsNotTakenForATop() {
        // the top of the drop at 4 was missed: (4, 0.68) is a foot, 0.02 below the level before it, not on it
        double[] s = CORNERS_S.clone();
        s[7] = 0.68;
        PreparedCurve p = prepare(CORNERS_T, s, ClickStyle.AUTO);
        assertThat(p.clicks().style()).isEqualTo(ClickStyle.CORNERS);
        assertThat(p.repairs()).isEmpty();
    }

    @Test
    void aFallLargerThanAnyClickedDropIsNotOneMissedFoot() {
        // after the top at 4 the next click is 0.4 lower: a stretch read without clicks (several drops), not one drop
        double[] s = {1, 1, 0.9, 0.9, 0.8, 0.8, 0.7, 0.7, 0.3, 0.2, 0.2, 0.1, 0.1};
        PreparedCurve p = prepare(CORNERS_T, s, ClickStyle.CORNERS);
        assertThat(p.repairs()).isEmpty();
        assertThat(p.time()).containsExactly(CORNERS_T);
    }

    @Test
    void aFootFirstDropCountsAsOneDropAtTheMeanOfItsClicks() {
        // the drop at 2 clicked foot first (1.98 then 2.02): repaired to one vertical drop at 2, a corner pair
        double[] t = CORNERS_T.clone();
        t[3] = 2.02;
        t[4] = 1.98;
        PreparedCurve p = prepare(t, CORNERS_S, ClickStyle.AUTO);
        assertThat(p.clicks()).isEqualTo(new ClickStyle.Used(ClickStyle.CORNERS, true, 5, 4));
        assertThat(p.repairs()).extracting(Repair::kind).containsExactly(RepairKind.SORTED, RepairKind.FOOT_FIRST,
                RepairKind.MISSING_FOOT);
        assertThat(p.time()[3]).isCloseTo(2, within(1e-12));
    }
}

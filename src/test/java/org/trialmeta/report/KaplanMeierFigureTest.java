package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.present.DisplayUnit;
import org.trialmeta.stats.survival.ConfType;
import org.trialmeta.stats.survival.KaplanMeier;
import org.trialmeta.stats.survival.KaplanMeierCurve;

class KaplanMeierFigureTest {

    // aml (survival package), maintained group: 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+
    private static final double[] TIME = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
    private static final int[] STATUS = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0};

    @Test
    void stepsStartAtOneAndCarryTheCurveBandsCensorsAndAtRiskCounts() {
        KaplanMeierCurve c = KaplanMeier.fit(TIME, STATUS, ConfType.LOG, 0.95);
        SurvivalPlotData d = KaplanMeierFigure.data("", "Survival", "weeks", List.of("Maintained"), List.of(c));
        SurvivalPlotData.Group g = d.groups().get(0);
        assertThat(g.time()[0]).isZero();
        assertThat(g.surv()[0]).isEqualTo(1.0);
        assertThat(g.time()).hasSize(c.rows().size() + 1);
        for (int i = 0; i < c.rows().size(); i++) {
            assertThat(g.surv()[i + 1]).isEqualTo(c.rows().get(i).surv());
        }
        assertThat(g.censorTimes()).containsExactly(13, 28, 45, 161);
        assertThat(d.tickTimes()).containsExactly(0, 50, 100, 150, 200);
        // at risk = observations with time >= tick: 11 at 0, 1 at 50 (161+), 1 at 100, 1 at 150, 0 at 200
        assertThat(g.atRisk()).containsExactly(11, 1, 1, 1, 0);
        assertThat(g.lower()).hasSameSizeAs(g.time());
        assertThat(d.showCi()).isTrue();
    }

    @Test
    void noBandsWithConfTypeNoneAndTicksCoverTheLastTime() {
        KaplanMeierCurve c = KaplanMeier.fit(TIME, STATUS, ConfType.NONE, 0.95);
        SurvivalPlotData d = KaplanMeierFigure.data("", "Survival", "", List.of("a"), List.of(c));
        assertThat(d.showCi()).isFalse();
        assertThat(d.groups().get(0).lower()).isEmpty();
        assertThat(KaplanMeierFigure.ticks(7.3)).containsExactly(0, 2, 4, 6, 8);
        assertThat(KaplanMeierFigure.ticks(999)).containsExactly(0, 200, 400, 600, 800, 1000);
    }

    /** The lung data's 1,022 days on a month axis (issue 16's leftover: 0, 10, 20, ... months before). */
    @Test
    void aMonthAxisTicksEverySixMonths() {
        double end = 1022 / DisplayUnit.MONTHS.days();
        assertThat(KaplanMeierFigure.ticks(end, DisplayUnit.MONTHS)).containsExactly(0, 6, 12, 18, 24, 30, 36);
        assertThat(KaplanMeierFigure.ticks(end)).containsExactly(0, 10, 20, 30, 40);
        KaplanMeierCurve c = KaplanMeier.fit(TIME, STATUS, ConfType.LOG, 0.95);
        assertThat(KaplanMeierFigure.data("", "Survival", "months", List.of("a"), List.of(c)).tickTimes())
                .containsExactly(0, 36, 72, 108, 144, 180); // the last time, 161 months, by 36-month steps
    }

    /** Beyond a year of follow-up every month tick is a multiple of 6, and beyond six years of 12. */
    @Test
    void monthAxesTickAtMultiplesOfSixOrTwelve() {
        for (double end = 12.25; end <= 600; end += 0.25) {
            double[] t = KaplanMeierFigure.ticks(end, DisplayUnit.MONTHS);
            int multiple = end > 72 ? 12 : 6;
            assertThat(t[0]).isZero();
            assertThat(t.length - 1).as("intervals up to %s months", end).isBetween(2, 6);
            assertThat(t[t.length - 1]).isGreaterThanOrEqualTo(end);
            assertThat(t[t.length - 2]).isLessThan(end);
            for (double v : t) {
                assertThat(v % multiple).as("tick %s of an axis to %s months", v, end).isZero();
            }
        }
        // up to a year: by 1, 2 or 3 months
        assertThat(KaplanMeierFigure.ticks(9, DisplayUnit.MONTHS)).containsExactly(0, 2, 4, 6, 8, 10);
        assertThat(KaplanMeierFigure.ticks(12, DisplayUnit.MONTHS)).containsExactly(0, 2, 4, 6, 8, 10, 12);
        assertThat(KaplanMeierFigure.ticks(15, DisplayUnit.MONTHS)).containsExactly(0, 6, 12, 18);
        assertThat(KaplanMeierFigure.ticks(100, DisplayUnit.MONTHS)).containsExactly(0, 24, 48, 72, 96, 120);
    }

    /** Days, weeks and years step by 1, 2 or 5 × 10^k (never 2.5 units), with plain fractions below one unit. */
    @Test
    void daysWeeksAndYearsStepByOneTwoOrFive() {
        assertThat(KaplanMeierFigure.ticks(1022, DisplayUnit.DAYS)).containsExactly(0, 200, 400, 600, 800, 1000, 1200);
        assertThat(KaplanMeierFigure.ticks(161, DisplayUnit.WEEKS)).containsExactly(0, 50, 100, 150, 200);
        assertThat(KaplanMeierFigure.ticks(14, DisplayUnit.YEARS)).containsExactly(0, 5, 10, 15);
        assertThat(KaplanMeierFigure.ticks(2.8, DisplayUnit.YEARS)).containsExactly(0, 0.5, 1, 1.5, 2, 2.5, 3);
        for (DisplayUnit u : List.of(DisplayUnit.DAYS, DisplayUnit.WEEKS, DisplayUnit.YEARS)) {
            for (double end = 6; end <= 50_000; end *= 1.01) {
                double[] t = KaplanMeierFigure.ticks(end, u);
                double step = t[1];
                double lead = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
                assertThat(lead).as("%s step %s for %s", u, step, end).isIn(1.0, 2.0, 5.0);
                assertThat(t.length - 1).isBetween(2, 6);
                assertThat(t[t.length - 1]).isGreaterThanOrEqualTo(end);
            }
        }
    }
}

package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
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
}

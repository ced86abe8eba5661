package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the geometry behind the Kaplan-Meier plot. */
class SurvivalPlotLayoutTest {

    private static final double POS_TOLERANCE = 1e-9;

    @Test
    void atRiskCountsAreCentredUnderTheirTicks() {
        var plot = new SurvivalPlot(SampleFigures.km());
        var l = plot.layout();
        assertThat(l.atRisk()).hasSize(2 * 7);
        for (var cell : l.atRisk()) {
            var tick = l.xTicks().get(cell.tickIndex());
            assertThat(cell.box().x() + cell.box().width() / 2).isCloseTo(tick.pos(), within(POS_TOLERANCE));
            assertThat(cell.box().text()).isEqualTo(Integer.toString(cell.count()));
            assertThat(cell.box().top()).isGreaterThan(l.panelBottom());
        }
        // counts as given, row per group
        var g0 = SampleFigures.km().groups().get(0).atRisk();
        assertThat(l.atRisk().stream().filter(c -> c.group() == 0).map(c -> c.count()).toList())
                .containsExactly(java.util.Arrays.stream(g0).boxed().toArray(Integer[]::new));
        assertThat(l.atRiskLabels()).extracting(r -> r.box().text()).containsExactly("KRAS-mutant", "KRAS wild-type");
    }

    @Test
    void atRiskColumnsLineUpWithTheTicksJFreeChartDraws() {
        var plot = new SurvivalPlot(SampleFigures.km());
        var l = plot.layout();
        var chart = plot.chart();
        var info = LayoutAssertions.drawAndCheckDataArea(plot, chart, l.dataArea());
        var xy = (org.jfree.chart.plot.XYPlot) chart.getPlot();
        var drawnArea = info.getPlotInfo().getDataArea();
        var axis = xy.getDomainAxis();
        // the ticks the axis draws are the layout's, at the x where the counts are centred
        @SuppressWarnings("unchecked")
        List<org.jfree.chart.axis.ValueTick> ticks = axis.refreshTicks(null, new org.jfree.chart.axis.AxisState(),
                drawnArea, org.jfree.chart.ui.RectangleEdge.BOTTOM);
        assertThat(ticks).extracting(org.jfree.chart.axis.ValueTick::getValue)
                .containsExactlyElementsOf(l.xTicks().stream().map(Tick::value).toList());
        for (var cell : l.atRisk()) {
            double t = l.xTicks().get(cell.tickIndex()).value();
            double x = axis.valueToJava2D(t, drawnArea, org.jfree.chart.ui.RectangleEdge.BOTTOM);
            assertThat(cell.box().x() + cell.box().width() / 2).isCloseTo(x, within(POS_TOLERANCE));
        }
        // censor marks and the survival axis map as JFreeChart maps them
        for (var curve : l.curves()) {
            for (var m : curve.censors()) {
                assertThat(m.y()).isCloseTo(xy.getRangeAxis().valueToJava2D(
                        SampleFigures.km().groups().get(curve.group()).survivalAt(m.time()), drawnArea,
                        org.jfree.chart.ui.RectangleEdge.LEFT), within(POS_TOLERANCE));
            }
        }
        assertThat(xy.getRangeAxis().valueToJava2D(1, drawnArea, org.jfree.chart.ui.RectangleEdge.LEFT))
                .isCloseTo(l.panelTop(), within(POS_TOLERANCE));
    }

    @Test
    void ciBandsAreShadedInTheGroupColoursOnlyWhenShown() {
        var withCi = FigureWriter.svg(new SurvivalPlot(SampleFigures.km()));
        // one translucent band per group, in its colour (0072B2 blue, D55E00 vermillion)
        assertThat(bands(withCi)).containsExactly("rgb(0,114,178)", "rgb(213,94,0)");
        var d = SampleFigures.km();
        var noCi = new SurvivalPlotData(d.title(), d.xLabel(), d.timeUnit(), d.yLabel(), d.groups(), d.tickTimes(), false,
                d.showMedians(), d.percent(), d.footnotes());
        var plot = new SurvivalPlot(noCi);
        assertThat(plot.layout().curves()).noneMatch(SurvivalPlot.Curve::band);
        assertThat(bands(FigureWriter.svg(plot))).isEmpty();
    }

    /** The fill colours of the translucent (band) paths of an SVG, in order. */
    private static List<String> bands(String svg) {
        var m = java.util.regex.Pattern.compile("fill:(rgb\\([0-9,]+\\));fill-opacity:0\\.15625").matcher(svg);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void ticksMapTimesLinearlyAndSurvivalVertically() {
        var l = new SurvivalPlot(SampleFigures.km()).layout();
        assertThat(l.xTicks()).extracting(Tick::value).containsExactly(0.0, 6.0, 12.0, 18.0, 24.0, 30.0, 36.0);
        assertThat(l.xTicks().get(0).pos()).isEqualTo(l.panelLeft());
        assertThat(l.xTicks().get(6).pos()).isCloseTo(l.panelRight(), within(POS_TOLERANCE));
        assertThat(l.xTicks().get(3).pos()).isCloseTo((l.panelLeft() + l.panelRight()) / 2, within(POS_TOLERANCE));
        assertThat(l.yTicks()).extracting(t -> t.label().text()).containsExactly("0%", "25%", "50%", "75%", "100%");
        assertThat(l.y(1)).isCloseTo(l.panelTop(), within(POS_TOLERANCE));
        assertThat(l.y(0)).isEqualTo(l.panelBottom());
    }

    @Test
    void censorMarksSitOnTheCurveAndMediansWhereItReachesHalf() {
        var data = SampleFigures.km();
        var l = new SurvivalPlot(data).layout();
        for (var curve : l.curves()) {
            var g = data.groups().get(curve.group());
            assertThat(curve.censors()).isNotEmpty();
            for (var m : curve.censors()) {
                assertThat(m.x()).isCloseTo(l.x(m.time()), within(POS_TOLERANCE));
                assertThat(m.y()).isCloseTo(l.y(g.survivalAt(m.time())), within(POS_TOLERANCE));
            }
            assertThat(curve.median()).isPresent();
            double med = curve.median().getAsDouble();
            assertThat(g.survivalAt(med)).isLessThanOrEqualTo(0.5);
            assertThat(g.survivalAt(Math.nextDown(med))).isGreaterThan(0.5);
            assertThat(curve.medianX()).isCloseTo(l.x(med), within(POS_TOLERANCE));
            assertThat(curve.band()).isTrue();
        }
    }

    @Test
    void stepFunctionAndMedianOfASmallCurve() {
        var g = new SurvivalPlotData.Group("g", new double[] {1, 2, 4}, new double[] {0.8, 0.5, 0.2}, null, null,
                new double[] {3}, null);
        assertThat(g.survivalAt(0.5)).isEqualTo(1.0);
        assertThat(g.survivalAt(1)).isEqualTo(0.8);
        assertThat(g.survivalAt(3)).isEqualTo(0.5);
        assertThat(g.median()).hasValue(2.0);
        var never = new SurvivalPlotData.Group("g", new double[] {1}, new double[] {0.9}, null, null, null, null);
        assertThat(never.median()).isEmpty();
    }

    @Test
    void noLabelsOverlapWithManyTicksLargeCountsAndEveryStyle() {
        double[] ticks = new double[21];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = 3 * i;
        }
        int[] risk = new int[ticks.length];
        for (int i = 0; i < risk.length; i++) {
            risk[i] = 12345 - 500 * i;
        }
        var g1 = new SurvivalPlotData.Group("Arm A with a rather long name", new double[] {5, 30}, new double[] {0.6, 0.3},
                null, null, new double[] {10, 50}, risk);
        var g2 = new SurvivalPlotData.Group("B", new double[] {8}, new double[] {0.7}, null, null, null, risk);
        var data = new SurvivalPlotData("Overall survival", "Time", "months", "Overall survival", List.of(g1, g2), ticks,
                true, true, false, List.of("note"));
        for (FigureStyle style : List.of(FigureStyle.JOURNAL_PAGE, FigureStyle.JOURNAL_COLUMN, FigureStyle.SLIDE)) {
            var l = new SurvivalPlot(data, style).layout();
            LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
        }
        var l = new SurvivalPlot(SampleFigures.km(), FigureStyle.JOURNAL_COLUMN).layout();
        LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> new SurvivalPlotData.Group("g", new double[] {1, 2}, new double[] {0.5}, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'g'").hasMessageContaining("same");
        assertThatThrownBy(() -> new SurvivalPlotData.Group("g", new double[] {1, 2}, new double[] {0.5, 0.6}, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-increasing");
        var g = new SurvivalPlotData.Group("g", new double[] {1}, new double[] {0.5}, null, null, null, new int[] {10, 5});
        assertThatThrownBy(() -> new SurvivalPlotData("", "t", "", "", List.of(g), new double[] {0, 6, 12}, false, false, false,
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 numbers at risk");
    }
}

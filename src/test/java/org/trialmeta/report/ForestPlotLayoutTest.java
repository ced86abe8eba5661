package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialmeta.report.ForestPlot.RowKind;
import org.trialmeta.report.ForestPlotData.Columns;
import org.trialmeta.report.ForestPlotData.Pooled;
import org.trialmeta.report.ForestPlotData.PooledKind;
import org.trialmeta.report.ForestPlotData.Study;
import org.trialmeta.report.ForestPlotData.Text;

/** Checks the geometry behind the forest plot, not its pixels. */
class ForestPlotLayoutTest {

    private static final double POS_TOLERANCE = 1e-9;

    private static ForestPlotData.Builder base() {
        return ForestPlotData.builder().effectLabel("Odds ratio").scale(AxisScale.LOG)
                .columns(new Columns("Study", "", List.of("Events"), "OR [95% CI]", "Weight"));
    }

    @Test
    void ciEndsMapToTheirPositionOnTheLogAxis() {
        var plot = new ForestPlot(base().axisLimits(0.1, 10)
                .row(Study.of("A", List.of("1/2"), 0.8, 0.5, 2.0, 50.0))
                .row(Study.of("B", List.of("1/2"), 3.0, 1.25, 8.0, 50.0)).build());
        var l = plot.layout();
        double w = l.panelRight() - l.panelLeft();
        // x = left + (log10 v − log10 0.1) / (log10 10 − log10 0.1) × width
        var a = l.studies().get(0);
        assertThat(a.xLower()).isCloseTo(l.panelLeft() + (Math.log10(0.5) + 1) / 2 * w, within(POS_TOLERANCE));
        assertThat(a.xUpper()).isCloseTo(l.panelLeft() + (Math.log10(2.0) + 1) / 2 * w, within(POS_TOLERANCE));
        assertThat(a.xEstimate()).isCloseTo(l.panelLeft() + (Math.log10(0.8) + 1) / 2 * w, within(POS_TOLERANCE));
        var b = l.studies().get(1);
        assertThat(b.xUpper()).isCloseTo(l.panelLeft() + (Math.log10(8.0) + 1) / 2 * w, within(POS_TOLERANCE));
        // the null value 1 sits in the middle of a 0.1..10 log axis, and the CIs are symmetric there
        assertThat(l.nullX()).isCloseTo((l.panelLeft() + l.panelRight()) / 2, within(POS_TOLERANCE));
        assertThat(a.xUpper() - l.nullX()).isCloseTo(l.nullX() - l.x(0.5), within(POS_TOLERANCE));
        assertThat(a.clippedLower() || a.clippedUpper()).isFalse();
    }

    @Test
    void marksSitWhereJFreeChartsLogAxisPutsTheirValuesAndRowsOnTheirTextRows() {
        var plot = new ForestPlot(SampleFigures.forest(8, false));
        var l = plot.layout();
        var chart = plot.chart();
        var info = LayoutAssertions.drawAndCheckDataArea(plot, chart, l.dataArea());
        var xy = (org.jfree.chart.plot.XYPlot) chart.getPlot();
        assertThat(xy.getDomainAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
        var area = info.getPlotInfo().getDataArea();
        var bottom = org.jfree.chart.ui.RectangleEdge.BOTTOM;
        var left = org.jfree.chart.ui.RectangleEdge.LEFT;
        for (var s : l.studies()) {
            var e = ((Study) plot.data().rows().get(s.dataIndex())).effect().orElseThrow();
            assertThat(s.xEstimate()).isCloseTo(xy.getDomainAxis().valueToJava2D(e.value(), area, bottom),
                    within(POS_TOLERANCE));
            // the row axis maps a row's centre in points onto itself
            assertThat(xy.getRangeAxis().valueToJava2D(s.centerY(), area, left)).isCloseTo(s.centerY(), within(1e-9));
        }
        for (var t : l.ticks()) {
            assertThat(t.pos()).isCloseTo(xy.getDomainAxis().valueToJava2D(t.value(), area, bottom), within(POS_TOLERANCE));
        }
        assertThat(l.axisY()).isEqualTo(area.getMaxY());
        assertThat(l.nullX()).isCloseTo(xy.getDomainAxis().valueToJava2D(1, area, bottom), within(POS_TOLERANCE));
    }

    @Test
    void logAxisHasOneTwoFiveTicks() {
        var plot = new ForestPlot(base().axisLimits(0.1, 10)
                .row(Study.of("A", List.of("1/2"), 0.8, 0.5, 2.0, 50.0)).build());
        assertThat(plot.layout().ticks()).extracting(Tick::value)
                .containsExactly(0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0);
        assertThat(plot.layout().ticks()).extracting(t -> t.label().text())
                .containsExactly("0.1", "0.2", "0.5", "1", "2", "5", "10");
    }

    @Test
    void automaticLogLimitsSnapToNiceValuesAndIncludeEveryCi() {
        var plot = new ForestPlot(base()
                .row(Study.of("A", List.of("1/2"), 0.8, 0.35, 1.9, 50.0))
                .row(Study.of("B", List.of("1/2"), 1.5, 0.9, 3.1, 50.0)).build());
        var l = plot.layout();
        assertThat(l.axisMin()).isEqualTo(0.2);
        assertThat(l.axisMax()).isEqualTo(5.0);
        assertThat(l.studies()).noneMatch(s -> s.clippedLower() || s.clippedUpper());
    }

    @Test
    void squareAreaIsProportionalToWeight() {
        var plot = new ForestPlot(base().axisLimits(0.1, 10)
                .row(Study.of("A", List.of("1/2"), 1, 0.5, 2, 10.0))
                .row(Study.of("B", List.of("1/2"), 1, 0.5, 2, 40.0))
                .row(Study.of("C", List.of("1/2"), 1, 0.5, 2, 22.5))
                .row(Study.of("D", List.of("1/2"), 1, 0.5, 2, 27.5)).build());
        var s = plot.layout().studies();
        double areaPerWeight = s.get(1).side() * s.get(1).side() / 40.0;
        for (var m : s) {
            assertThat(m.side() * m.side() / m.weightPercent()).isCloseTo(areaPerWeight, within(1e-9));
        }
        // the heaviest square fits inside its row
        var rows = plot.layout().rows();
        assertThat(s.get(1).side()).isLessThan(rows.get(1).height());
    }

    @Test
    void clippedCisGetArrowsAtThePanelEdges() {
        var plot = new ForestPlot(base().axisLimits(0.5, 2)
                .row(Study.of("wide", List.of("1/2"), 1.2, 0.1, 5, 50.0))
                .row(Study.of("outside", List.of("1/2"), 4, 3, 6, 50.0))
                .row(Pooled.of("Random", PooledKind.RANDOM, 1.0, 0.8, 1.25).withPrediction(0.3, 3.5)).build());
        var l = plot.layout();
        var wide = l.studies().get(0);
        assertThat(wide.clippedLower()).isTrue();
        assertThat(wide.clippedUpper()).isTrue();
        assertThat(wide.xLower()).isEqualTo(l.panelLeft());
        assertThat(wide.xUpper()).isEqualTo(l.panelRight());
        assertThat(wide.estimateInside()).isTrue();
        var outside = l.studies().get(1);
        assertThat(outside.estimateInside()).isFalse();
        assertThat(outside.side()).isZero();
        assertThat(outside.clippedUpper()).isTrue();
        assertThat(l.diamonds().get(0).clippedLower()).isFalse();
        var pi = l.predictions().get(0);
        assertThat(pi.clippedLower()).isTrue();
        assertThat(pi.clippedUpper()).isTrue();
        assertThat(l.rows()).extracting(ForestPlot.RowBox::kind)
                .containsExactly(RowKind.STUDY, RowKind.STUDY, RowKind.POOLED, RowKind.PREDICTION);
    }

    @Test
    void nullLineBreaksWhereASpanningTextCrossesIt() {
        var plot = new ForestPlot(base().axisLimits(0.1, 10)
                .row(Study.of("A", List.of("1/2"), 0.8, 0.5, 2.0, 100.0))
                .row(new Text("A very long heterogeneity line that certainly runs across the null line of the panel"))
                .row(Study.of("B", List.of("1/2"), 0.8, 0.5, 2.0, 100.0)).build());
        var l = plot.layout();
        var textRow = l.rows().get(1);
        assertThat(l.nullLine()).hasSize(2);
        for (var seg : l.nullLine()) {
            assertThat(seg.y2() <= textRow.top() + 1e-9 || seg.y1() >= textRow.top() + textRow.height() - 1e-9).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 20, 60})
    void noTwoLabelsOverlapAndNoneIsClipped(int studies) {
        for (boolean longLabels : new boolean[] {false, true}) {
            for (FigureStyle style : List.of(FigureStyle.JOURNAL_PAGE, FigureStyle.JOURNAL_COLUMN, FigureStyle.SLIDE)) {
                var l = new ForestPlot(SampleFigures.forest(studies, longLabels), style).layout();
                LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
                // marks stay inside the panel, squares inside their rows
                for (var s : l.studies()) {
                    assertThat(s.xLower()).isBetween(l.panelLeft(), l.panelRight());
                    assertThat(s.xUpper()).isBetween(l.panelLeft(), l.panelRight());
                }
            }
        }
        var sub = new ForestPlot(SampleFigures.subgroups()).layout();
        LayoutAssertions.noOverlapsAndInside(sub.texts(), sub.width(), sub.height());
    }

    @Test
    void heightGrowsWithTheNumberOfStudies() {
        double h1 = new ForestPlot(SampleFigures.forest(1, false)).height();
        double h20 = new ForestPlot(SampleFigures.forest(20, false)).height();
        double h60 = new ForestPlot(SampleFigures.forest(60, false)).height();
        assertThat(h1).isLessThan(h20);
        assertThat(h20).isLessThan(h60);
        var l = new ForestPlot(SampleFigures.forest(60, false)).layout();
        double rowH = l.rows().get(1).top() - l.rows().get(0).top();
        assertThat(h60 - h20).isCloseTo(40 * rowH, within(1e-6));
    }

    @Test
    void labelsAndEstimatesAreLaidOutAsText() {
        var l = new ForestPlot(SampleFigures.subgroups()).layout();
        assertThat(l.texts()).extracting(TextBox::text)
                .contains("KRAS-mutant", "RAMP 201\u2020", "25/57", "0.44 [0.31, 0.58]", "55.0%", "not estimable",
                        "Subtotal", "0.50 [0.36, 0.64]", SampleFigures.DAGGER_NOTE, "Objective response rate");
    }

    @Test
    void rejectsRowsWhoseColumnsDoNotMatchTheHeaders() {
        assertThatThrownBy(() -> base().row(Study.of("A", List.of("1/2", "3/4"), 1, 0.5, 2, null)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows[0]").hasMessageContaining("'A'").hasMessageContaining("2 left columns");
        assertThatThrownBy(() -> base().row(Study.of("A", List.of("1/2"), 1, -0.1, 2, null)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log scale");
        assertThatThrownBy(() -> base().row(Study.of("A", List.of("1/2"), 0, 0, 2, null)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log scale");
        assertThatThrownBy(() -> Study.of("A", List.of(), 1, Double.NaN, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> Study.of("A", List.of(), 3, 0.5, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within its CI");
    }

    @Test
    void aCiBeyondTheExponentialsRangeIsClippedBothWaysAndLeavesTheAutomaticAxisAlone() {
        // exp of a log-scale CI [-784, 784]: [0, Inf]
        var l = new ForestPlot(base().row(Study.of("A", List.of("1/2"), 1.2, 0.8, 1.8, 60.0))
                .row(Study.of("B", List.of("3/4"), 0.74, 0, Double.POSITIVE_INFINITY, 0.0)).build()).layout();
        var b = l.studies().get(1);
        assertThat(b.clippedLower()).isTrue();
        assertThat(b.clippedUpper()).isTrue();
        assertThat(l.axisMax()).isLessThan(1e3);
        assertThat(l.axisMin()).isGreaterThan(1e-3);
        assertThat(l.texts()).extracting(TextBox::text).contains("0.74 [0.00, Inf]");
    }

    @Test
    void differencesUseALinearAxisAroundZeroWithTrueMinusSigns() {
        var plot = new ForestPlot(ForestPlotData.builder().scale(AxisScale.LINEAR).effectLabel("Risk difference")
                .columns(new Columns("Study", "", List.of(), "RD [95% CI]", ""))
                .row(Study.of("A", List.of(), -0.12, -0.31, 0.07, null))
                .row(Study.of("B", List.of(), 0.05, -0.02, 0.12, null)).build());
        var l = plot.layout();
        assertThat(l.axisMin()).isLessThanOrEqualTo(-0.31);
        assertThat(l.axisMax()).isGreaterThanOrEqualTo(0.12);
        assertThat(l.nullX()).isCloseTo(l.x(0), within(POS_TOLERANCE));
        assertThat(l.texts()).extracting(TextBox::text).contains("\u22120.12 [\u22120.31, 0.07]");
        assertThat(l.ticks()).extracting(Tick::value).contains(0.0);
        // no weights: equal squares, no weight column
        assertThat(l.studies().get(0).side()).isEqualTo(l.studies().get(1).side());
        assertThat(l.texts()).extracting(TextBox::text).noneMatch(t -> t.endsWith("%"));
        LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
    }

    @Test
    void onlyNonEstimableStudiesStillGiveAnAxis() {
        var l = new ForestPlot(base().row(Study.notEstimable("A", List.of("0/10"))).build()).layout();
        assertThat(l.axisMin()).isLessThan(1.0);
        assertThat(l.axisMax()).isGreaterThan(1.0);
        assertThat(l.studies()).isEmpty();
        assertThat(l.texts()).extracting(TextBox::text).contains("not estimable");
        LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
    }

    @Test
    void subgroupColumnAppearsWhenStudiesCarryASubgroupAndNullLineCanBeOff() {
        var plot = new ForestPlot(base().noNullLine().axisLimits(0.1, 10)
                .row(Study.of("RAMP 201", List.of("25/57"), 0.8, 0.5, 2.0, 60.0).withSubgroup("KRAS-mutant"))
                .row(Study.of("RAMP 201", List.of("4/37"), 1.2, 0.6, 2.4, 40.0).withSubgroup("KRAS wild-type")).build());
        var l = plot.layout();
        assertThat(l.texts()).extracting(TextBox::text).contains("KRAS-mutant", "KRAS wild-type");
        TextBox label = l.texts().stream().filter(t -> t.text().equals("RAMP 201")).findFirst().orElseThrow();
        TextBox sub = l.texts().stream().filter(t -> t.text().equals("KRAS wild-type")).findFirst().orElseThrow();
        assertThat(sub.x()).isGreaterThan(label.right());
        assertThat(l.nullLine()).isEmpty();
        LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
    }
}

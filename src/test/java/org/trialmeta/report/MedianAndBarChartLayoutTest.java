package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.report.MedianChartData.MedianState;

/** Checks the geometry behind the median dot-and-interval chart and the bar chart. */
class MedianAndBarChartLayoutTest {

    private static final double POS_TOLERANCE = 1e-9;

    @Test
    void mediansAndCiEndsMapToTheLinearAxis() {
        var l = new MedianChart(SampleFigures.medians()).layout();
        assertThat(l.axisMin()).isZero();
        assertThat(l.axisMax()).isEqualTo(40.0);
        var ramp = l.marks().get(0); // RAMP 201 KRAS-mutant: 22.0 [11.1, 36.6]
        assertThat(ramp.xMedian()).isCloseTo(l.x(22.0), within(POS_TOLERANCE));
        assertThat(ramp.xLower()).isCloseTo(l.x(11.1), within(POS_TOLERANCE));
        assertThat(ramp.xUpper()).isCloseTo(l.x(36.6), within(POS_TOLERANCE));
        assertThat(ramp.arrowRight()).isFalse();
        var frame = l.marks().get(1); // upper end not reached: whisker to the edge with an arrow
        assertThat(frame.arrowRight()).isTrue();
        assertThat(frame.xUpper()).isEqualTo(l.panelRight());
    }

    @Test
    void dotsAndBarsSitWhereJFreeChartPutsThem() {
        var bottom = org.jfree.chart.ui.RectangleEdge.BOTTOM;
        var medians = new MedianChart(SampleFigures.medians());
        var ml = medians.layout();
        var mChart = medians.chart();
        var mArea = LayoutAssertions.drawAndCheckDataArea(medians, mChart, ml.dataArea()).getPlotInfo().getDataArea();
        var xAxis = ((org.jfree.chart.plot.XYPlot) mChart.getPlot()).getDomainAxis();
        var ramp = ml.marks().get(0); // 22.0 [11.1, 36.6]
        assertThat(ramp.xMedian()).isCloseTo(xAxis.valueToJava2D(22.0, mArea, bottom), within(POS_TOLERANCE));
        assertThat(ramp.xLower()).isCloseTo(xAxis.valueToJava2D(11.1, mArea, bottom), within(POS_TOLERANCE));
        for (var t : ml.ticks()) {
            assertThat(t.pos()).isCloseTo(xAxis.valueToJava2D(t.value(), mArea, bottom), within(POS_TOLERANCE));
        }

        var bars = new BarChart(SampleFigures.bars());
        var bl = bars.layout();
        var bChart = bars.chart();
        var bArea = LayoutAssertions.drawAndCheckDataArea(bars, bChart, bl.dataArea()).getPlotInfo().getDataArea();
        var cat = (org.jfree.chart.plot.CategoryPlot) bChart.getPlot();
        int n = bl.bars().size();
        for (var b : bl.bars()) {
            double middle = cat.getDomainAxis().getCategoryMiddle(b.index(), n, bArea, bottom);
            assertThat(b.x() + b.width() / 2).isCloseTo(middle, within(POS_TOLERANCE));
            assertThat(b.top()).isCloseTo(cat.getRangeAxis().valueToJava2D(SampleFigures.bars().bars().get(b.index()).value(),
                    bArea, org.jfree.chart.ui.RectangleEdge.LEFT), within(POS_TOLERANCE));
            // the labels are centred under the bar, as the category axis draws them
            for (var t : b.label()) {
                assertThat(t.x() + t.width() / 2).isCloseTo(middle, within(1e-3));
            }
        }
        // a bar takes 0.6 of its slot: JFreeChart's bar width from the axis margins
        assertThat(bl.bars().get(0).width()).isCloseTo(0.6 * (bl.panelRight() - bl.panelLeft()) / n, within(1e-9));
    }

    @Test
    void notReachedAndNotReportedAreTextNotDots() {
        var chart = new MedianChart(SampleFigures.medians());
        var l = chart.layout();
        var engot = l.marks().get(2); // NR with lower 9.4
        assertThat(engot.state()).isEqualTo(MedianState.NOT_REACHED);
        assertThat(engot.xMedian()).isNaN();
        assertThat(engot.arrowRight()).isTrue();
        var pilot = l.marks().get(5);
        assertThat(pilot.state()).isEqualTo(MedianState.NOT_REACHED);
        assertThat(pilot.hasWhisker()).isFalse();
        assertThat(pilot.stateText().text()).isEqualTo("not reached");
        var notRep = l.marks().get(6);
        assertThat(notRep.xMedian()).isNaN();
        assertThat(notRep.stateText().text()).isEqualTo("not reported");
        for (var m : l.marks()) {
            if (m.stateText() != null && m.hasWhisker()) {
                assertThat(m.stateText().right()).isLessThan(m.xLower());
            }
        }
        assertThat(l.texts()).extracting(TextBox::text)
                .contains("22.0 [11.1, 36.6]", "23.0 [5.5, NR]", "NR [9.4, NR]", "5.6", "NR", "not reported", "RAMP 201\u2020");
        LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
        for (FigureStyle style : List.of(FigureStyle.JOURNAL_COLUMN, FigureStyle.SLIDE)) {
            var l2 = new MedianChart(SampleFigures.medians(), style).layout();
            LayoutAssertions.noOverlapsAndInside(l2.texts(), l2.width(), l2.height());
        }
    }

    @Test
    void medianEntriesRejectContradictions() {
        assertThatThrownBy(() -> new MedianChartData.Entry("x", List.of(), MedianState.REPORTED, java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), false, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'").hasMessageContaining("median value");
        assertThatThrownBy(() -> MedianChartData.Entry.reported("x", List.of(), 5, 6.0, 7.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within its CI");
    }

    @Test
    void barsHaveTheirValueHeightAndAnnotationsStackAboveThem() {
        var l = new BarChart(SampleFigures.bars()).layout();
        assertThat(l.axisMax()).isEqualTo(50.0);
        var data = SampleFigures.bars();
        for (var b : l.bars()) {
            double v = data.bars().get(b.index()).value();
            assertThat(b.top()).isCloseTo(l.y(v), within(POS_TOLERANCE));
            assertThat(b.bottom()).isEqualTo(l.panelBottom());
            assertThat(b.valueText().bottom()).isLessThanOrEqualTo(b.top());
            if (b.annotation() != null) {
                assertThat(b.annotation().bottom()).isLessThanOrEqualTo(b.valueText().top() + 1e-9);
            }
            double slotLeft = b.x() - (b.width() / 0.6 - b.width()) / 2;
            double slotRight = slotLeft + b.width() / 0.6;
            for (var t : b.label()) {
                assertThat(t.x()).isGreaterThanOrEqualTo(slotLeft);
                assertThat(t.right()).isLessThanOrEqualTo(slotRight);
            }
        }
        assertThat(l.bars().get(3).annotation().text()).isEqualTo("+100% vs vehicle");
        assertThat(l.bars().get(3).valueText().text()).isEqualTo("\u2265 42 (NR)");
        assertThat(l.bars().get(3).label()).hasSizeGreaterThan(1);
        for (FigureStyle style : List.of(FigureStyle.JOURNAL_PAGE, FigureStyle.JOURNAL_COLUMN, FigureStyle.SLIDE)) {
            var l2 = new BarChart(SampleFigures.bars(), style).layout();
            LayoutAssertions.noOverlapsAndInside(l2.texts(), l2.width(), l2.height());
        }
    }

    @Test
    void tallestBarTextsStayBelowTheAxisLabelWhenTheBarReachesTheAxisEnd() {
        var data = new BarChartData("", "Days", List.of(BarChartData.Bar.reference("Vehicle", 10),
                BarChartData.Bar.of("Drug", 50, "+400% vs vehicle")), List.of(), 0, java.util.Optional.of(50.0));
        var l = new BarChart(data).layout();
        LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
        assertThat(l.bars().get(1).top()).isCloseTo(l.panelTop(), within(POS_TOLERANCE));
    }

    @Test
    void wrapKeepsNonBreakingSpacesAndExplicitBreaks() {
        var lines = BarChart.wrap("Avutometinib 0.3\u00a0mg/kg\nplus anti-PD-1", FigureFonts.Face.REGULAR, 8, 60);
        assertThat(lines).contains("0.3\u00a0mg/kg").contains("plus anti-PD-1");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 20, 60})
    void manyMedianRowsWithLongLabelsNeverOverlap(int n) {
        var rows = new java.util.ArrayList<MedianChartData.Row>();
        var rnd = new java.util.Random(n);
        for (int i = 0; i < n; i++) {
            String label = "Trial " + i + " (phase " + (1 + i % 3) + ", expansion cohort with a long descriptive name)";
            double med = 1 + rnd.nextDouble() * 30;
            rows.add(switch (i % 4) {
                case 0 -> MedianChartData.Entry.reported(label, List.of(Integer.toString(10 + i)), med, med * 0.6, med * 1.5);
                case 1 -> MedianChartData.Entry.reported(label, List.of(Integer.toString(10 + i)), med, med * 0.5, null)
                        .withUpperNotReached();
                case 2 -> MedianChartData.Entry.notReached(label, List.of(Integer.toString(10 + i)), i % 8 == 2 ? 0.5 : null);
                default -> MedianChartData.Entry.notReported(label, List.of(Integer.toString(10 + i)));
            });
        }
        var data = new MedianChartData("Medians", "Median OS (months)", new MedianChartData.Columns("Trial", List.of("n"),
                "Median [95% CI]"), rows, List.of(), java.util.Optional.empty(), 1);
        for (FigureStyle style : List.of(FigureStyle.JOURNAL_PAGE, FigureStyle.JOURNAL_COLUMN, FigureStyle.SLIDE)) {
            var l = new MedianChart(data, style).layout();
            LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
            for (var m : l.marks()) {
                if (m.hasWhisker()) {
                    assertThat(m.xLower()).isBetween(l.panelLeft(), l.panelRight());
                    assertThat(m.xUpper()).isBetween(l.panelLeft(), l.panelRight());
                }
                if (m.stateText() != null) {
                    assertThat(m.stateText().x()).isGreaterThanOrEqualTo(l.panelLeft());
                    assertThat(m.stateText().right()).isLessThanOrEqualTo(l.panelRight());
                }
            }
        }
    }
}

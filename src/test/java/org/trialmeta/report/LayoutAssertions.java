package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/** Shared checks on laid-out text (no overlaps, nothing outside the figure) and on the drawn chart. */
final class LayoutAssertions {

    private LayoutAssertions() {}

    /**
     * Draws {@code chart} (a figure's {@link LaidOutFigure#chart()}) as the figure does, into an image, and
     * checks that JFreeChart's data area is the one the layout reserved; returns the rendering info.
     */
    static ChartRenderingInfo drawAndCheckDataArea(LaidOutFigure<?, ?> figure, JFreeChart chart, Rectangle2D dataArea) {
        BufferedImage img = new BufferedImage(FigureWriter.pixels(figure.width(), 72),
                FigureWriter.pixels(figure.height(), 72), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        try {
            FigureWriter.hints(g);
            chart.draw(g, Charts.chartArea(figure.width(), figure.height()), null, info);
        } finally {
            g.dispose();
        }
        assertThat(info.getPlotInfo().getDataArea()).as("JFreeChart's data area").isEqualTo(dataArea);
        return info;
    }

    static void noOverlapsAndInside(List<TextBox> texts, double width, double height) {
        for (TextBox t : texts) {
            assertThat(t.inside(width, height))
                    .as("'%s' at x=%.2f..%.2f y=%.2f..%.2f inside %.2f × %.2f", t.text(), t.x(), t.right(), t.top(),
                            t.bottom(), width, height)
                    .isTrue();
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                TextBox a = texts.get(i);
                TextBox b = texts.get(j);
                assertThat(a.overlaps(b)).as("'%s' %s overlaps '%s' %s", a.text(), a, b.text(), b).isFalse();
            }
        }
    }
}

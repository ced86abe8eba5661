package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The funnel plot's geometry (reversed SE axis, pseudo-95% region, open filled studies) and its files. */
class FunnelPlotTest {

    private static final double GEOMETRY_TOLERANCE = 1e-9;

    private static FunnelPlotData data() {
        return new FunnelPlotData("Log risk ratio", new double[] {-0.9, -1.6, -1.4, 0.01, -0.2},
                new double[] {0.57, 0.44, 0.64, 0.06, 0.27}, new double[] {0.3}, new double[] {0.47}, -0.66,
                "Trim and fill: 1 study filled on the right");
    }

    private static Graphics2D graphics() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        return img.createGraphics();
    }

    @Test
    void standardErrorAxisIsReversedWithZeroAtTheTopAndTheLargestSeAtTheBottom() {
        FunnelPlot f = new FunnelPlot(data());
        Rectangle2D area = f.dataArea(graphics());
        XYPlot plot = f.chart().getXYPlot();
        ValueAxis y = plot.getRangeAxis();
        assertThat(y.isInverted()).isTrue();
        assertThat(y.valueToJava2D(0, area, RectangleEdge.LEFT)).isCloseTo(area.getMinY(), within(GEOMETRY_TOLERANCE));
        assertThat(y.valueToJava2D(0.64, area, RectangleEdge.LEFT)).isLessThanOrEqualTo(area.getMaxY())
                .isGreaterThan(y.valueToJava2D(0.06, area, RectangleEdge.LEFT));
        ValueAxis x = plot.getDomainAxis();
        assertThat(x.valueToJava2D(0.3, area, RectangleEdge.BOTTOM)).isBetween(area.getMinX(), area.getMaxX());
        assertThat(x.getLowerBound()).isLessThan(-0.66 - FunnelPlot.Z95 * 0.64);
        assertThat(x.getUpperBound()).isGreaterThan(-0.66 + FunnelPlot.Z95 * 0.64);
    }

    @Test
    void regionLinesRunFromTheApexAtTheEstimateToPlusMinus196SeAtTheLargestSe() {
        XYDataset ds = new FunnelPlot(data()).chart().getXYPlot().getDataset();
        assertThat(ds.getSeriesCount()).isEqualTo(5);
        for (int s : new int[] {FunnelPlot.REGION_LEFT, FunnelPlot.REGION_RIGHT, FunnelPlot.CENTRE}) {
            assertThat(ds.getXValue(s, 0)).isEqualTo(-0.66);
            assertThat(ds.getYValue(s, 0)).isZero();
            assertThat(ds.getYValue(s, 1)).isEqualTo(0.64);
        }
        assertThat(ds.getXValue(FunnelPlot.REGION_LEFT, 1)).isCloseTo(-0.66 - 1.959963984540054 * 0.64,
                within(GEOMETRY_TOLERANCE));
        assertThat(ds.getXValue(FunnelPlot.REGION_RIGHT, 1)).isCloseTo(-0.66 + 1.959963984540054 * 0.64,
                within(GEOMETRY_TOLERANCE));
        assertThat(ds.getItemCount(FunnelPlot.STUDIES)).isEqualTo(5);
        assertThat(ds.getItemCount(FunnelPlot.FILLED)).isEqualTo(1);
    }

    @Test
    void observedStudiesAreFilledCirclesAndFilledStudiesOpenOnes() {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) new FunnelPlot(data()).chart().getXYPlot().getRenderer();
        assertThat(r.getSeriesShapesFilled(FunnelPlot.STUDIES)).isTrue();
        assertThat(r.getSeriesShapesFilled(FunnelPlot.FILLED)).isFalse();
        assertThat(r.getSeriesLinesVisible(FunnelPlot.STUDIES)).isFalse();
        assertThat(r.getSeriesLinesVisible(FunnelPlot.REGION_LEFT)).isTrue();
    }

    @Test
    void filesAreDeterministicAndKeepTextAsText() throws IOException {
        for (FigureWriter.Format fmt : FigureWriter.Format.values()) {
            byte[] a = FigureWriter.bytes(new FunnelPlot(data()), fmt);
            byte[] b = FigureWriter.bytes(new FunnelPlot(data()), fmt);
            assertThat(a).as(fmt.name()).isEqualTo(b);
        }
        String svg = new String(FigureWriter.bytes(new FunnelPlot(data()), FigureWriter.Format.SVG), StandardCharsets.UTF_8);
        assertThat(svg).contains(">Log risk ratio<", ">Standard error<", ">Filled studies (trim and fill)<", ">\u22121<");
        try (PDDocument pdf = Loader.loadPDF(FigureWriter.bytes(new FunnelPlot(data()), FigureWriter.Format.PDF))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Log risk ratio", "Pseudo 95% region"); // the rotated label is text too, extracted in pieces
        }
        BufferedImage png = javax.imageio.ImageIO.read(new ByteArrayInputStream(FigureWriter.png(new FunnelPlot(data()), 300)));
        assertThat(png.getWidth()).isEqualTo(FigureWriter.pixels(360, 300));
    }

    @Test
    void noFilledStudiesNoFilledLegendEntry() {
        FunnelPlotData d = new FunnelPlotData("Estimate", new double[] {0.1, 0.2, 0.4}, new double[] {0.1, 0.2, 0.3},
                new double[0], new double[0], 0.2, "");
        String svg = new String(FigureWriter.bytes(new FunnelPlot(d), FigureWriter.Format.SVG), StandardCharsets.UTF_8);
        assertThat(svg).doesNotContain("Filled studies").contains("Studies");
    }
}

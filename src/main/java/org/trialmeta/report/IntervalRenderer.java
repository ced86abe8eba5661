package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.Range;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Draws estimates with horizontal confidence intervals, as forest plots and dot-and-interval charts do:
 * the CI as a whisker without caps, an arrow head instead of each end that runs off the axis (or is open,
 * ±∞), and the estimate as a square of a per-item side (e.g. by weight) or a dot. JFreeChart's
 * {@code XYErrorRenderer} always draws caps and runs the line to the clip edge, under where the arrow
 * head goes, so this renderer does the whisker itself; positions come from the axes as usual.
 *
 * <p>Items come from an {@link IntervalXYDataset} (e.g. {@code XIntervalSeriesCollection}): x the estimate
 * (NaN for no marker), start and end x the CI ends (NaN start for no whisker; infinite for an open end),
 * y the row.
 */
final class IntervalRenderer extends AbstractXYItemRenderer {

    /** The mark of an estimate. */
    enum Marker { SQUARE, DOT }

    private final Marker marker;
    private final double[] sizes;
    private final Color markerColor;
    private final double lineWidth;
    private final double arrowLength;
    private final double arrowHalfWidth;
    private final boolean keepNarrowCiVisible;

    /**
     * @param marker              square or dot
     * @param sizes               the marker's side or diameter in points, per item of series 0 (0 = none)
     * @param markerColor         its fill
     * @param lineWidth           width of the whisker
     * @param arrowLength         length of an arrow head
     * @param arrowHalfWidth      half its width
     * @param keepNarrowCiVisible draw a CI narrower than its square in white across the square
     */
    IntervalRenderer(Marker marker, double[] sizes, Color markerColor, double lineWidth, double arrowLength,
            double arrowHalfWidth, boolean keepNarrowCiVisible) {
        this.marker = marker;
        this.sizes = sizes.clone();
        this.markerColor = markerColor;
        this.lineWidth = lineWidth;
        this.arrowLength = arrowLength;
        this.arrowHalfWidth = arrowHalfWidth;
        this.keepNarrowCiVisible = keepNarrowCiVisible;
    }

    /** Pass 0 draws the whiskers, pass 1 the markers over them. */
    @Override
    public int getPassCount() {
        return 2;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        IntervalXYDataset d = (IntervalXYDataset) dataset;
        double x = d.getXValue(series, item);
        double lo = d.getStartXValue(series, item);
        double hi = d.getEndXValue(series, item);
        double yy = rangeAxis.valueToJava2D(d.getYValue(series, item), dataArea, plot.getRangeAxisEdge());
        Range r = domainAxis.getRange();
        boolean whisker = !Double.isNaN(lo);
        double xl = whisker ? map(domainAxis, Math.max(lo, r.getLowerBound()), dataArea, plot) : Double.NaN;
        double xu = whisker ? map(domainAxis, Math.min(hi, r.getUpperBound()), dataArea, plot) : Double.NaN;
        if (pass == 0 && whisker) {
            LaidOutFigure.whisker(g2, xl, xu, yy, lo < r.getLowerBound(), hi > r.getUpperBound(), lineWidth,
                    arrowLength, arrowHalfWidth);
        } else if (pass == 1 && !Double.isNaN(x) && r.contains(x) && item < sizes.length && sizes[item] > 0) {
            double xx = map(domainAxis, x, dataArea, plot);
            double s = sizes[item];
            g2.setColor(markerColor);
            g2.fill(marker == Marker.SQUARE ? new Rectangle2D.Double(xx - s / 2, yy - s / 2, s, s)
                    : new Ellipse2D.Double(xx - s / 2, yy - s / 2, s, s));
            if (keepNarrowCiVisible && whisker && xu - xl < s) {
                g2.setColor(Color.WHITE);
                g2.setStroke(new BasicStroke(Draw.width(lineWidth), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                g2.draw(new Line2D.Double(xl, yy, xu, yy));
            }
        }
    }

    private static double map(ValueAxis axis, double v, Rectangle2D dataArea, XYPlot plot) {
        return axis.valueToJava2D(v, dataArea, plot.getDomainAxisEdge());
    }
}

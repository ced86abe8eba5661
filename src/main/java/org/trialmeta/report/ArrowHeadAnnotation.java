package org.trialmeta.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * A filled arrow head with its tip at a data point, pointing left or right, of a size in points: the mark
 * of a pooled diamond or prediction interval that runs off the axis. (JFreeChart's
 * {@code XYPointerAnnotation} always comes with a line and a text label.)
 */
final class ArrowHeadAnnotation extends AbstractXYAnnotation {

    private final double x;
    private final double y;
    private final int direction;
    private final double length;
    private final double halfWidth;
    private final Color color;

    /** Tip at (x, y) in data values; {@code direction} −1 points left, +1 right. */
    ArrowHeadAnnotation(double x, double y, int direction, double length, double halfWidth, Color color) {
        this.x = x;
        this.y = y;
        this.direction = direction;
        this.length = length;
        this.halfWidth = halfWidth;
        this.color = color;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        double xx = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double yy = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        g2.setColor(color);
        g2.fill(Draw.arrowHead(xx, yy, direction, length, halfWidth));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrowHeadAnnotation a && a.x == x && a.y == y && a.direction == direction
                && a.length == length && a.halfWidth == halfWidth && a.color.equals(color);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(x, y, direction, length, halfWidth, color);
    }
}

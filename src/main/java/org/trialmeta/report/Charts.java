package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.trialmeta.report.FigureFonts.Face;

/**
 * The JFreeChart side of the figures: a plain theme, value axes that draw the ticks the layout chose, and
 * the pinning of a plot's data area to the rectangle the layout reserved for it.
 *
 * <p>Every figure draws its chart into its whole canvas with {@link JFreeChart#draw}; fixed axis spaces
 * make the plot's data area exactly the layout's {@code dataArea} (whole points, because XYPlot and
 * CategoryPlot round the data area inward to integers). JFreeChart then draws the data, gridlines,
 * tick marks and tick labels; the layout keeps the text that lives outside the plot (titles, legends,
 * text columns, the numbers-at-risk table, footnotes) and predicts where JFreeChart puts each tick
 * label, which {@code FigureTextTest} checks against the SVG.
 *
 * <p>The axis lines themselves are drawn by the figure after the chart ({@link LaidOutFigure#axisLines}):
 * JFreeChart paints axes before the data and clips the data to the data area, so a bar or a curve at 0
 * could only meet an axis line edge to edge, which anti-aliasing renders as a light seam between them;
 * drawn on top, centred on the data area's edge, the line covers the data's end as it always did.
 */
final class Charts {

    static {
        // JFreeChart measures text with FontMetrics.stringWidth by default, an int: centred tick labels
        // would be off by up to half a point from the fractional widths FigureFonts measures with.
        TextUtils.setUseFontMetricsGetStringBounds(true);
    }

    /** Space between an axis line and its tick labels that JFreeChart always adds (ValueAxis.calculateAnchorPoint). */
    static final double JFREE_LABEL_GAP = 2.0;

    /** Nudge that keeps the integer data area from being rounded one point inward by float noise. */
    private static final double NUDGE = 1e-6;

    private Charts() {}

    /**
     * The plain theme: white, no gradients, no shadows, no plot outline, the bundled DejaVu Sans at the
     * style's size, the Okabe–Ito palette and the project's ink and grid colours.
     */
    static StandardChartTheme theme(FigureStyle style) {
        double fs = style.fontSize();
        StandardChartTheme t = new StandardChartTheme("trialmeta", false);
        t.setExtraLargeFont(Face.BOLD.at(fs * 1.15));
        t.setLargeFont(Face.BOLD.at(fs));
        t.setRegularFont(Face.REGULAR.at(fs));
        t.setSmallFont(Face.REGULAR.at(fs * 0.875));
        t.setTitlePaint(Draw.INK);
        t.setSubtitlePaint(Draw.INK);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(Draw.INK);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(Draw.INK);
        t.setDomainGridlinePaint(LaidOutFigure.GRID);
        t.setRangeGridlinePaint(LaidOutFigure.GRID);
        t.setBaselinePaint(Draw.INK);
        t.setAxisLabelPaint(Draw.INK);
        t.setTickLabelPaint(Draw.INK);
        t.setItemLabelPaint(Draw.INK);
        t.setErrorIndicatorPaint(Draw.INK);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setShadowVisible(false);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        t.setDrawingSupplier(new DefaultDrawingSupplier(Draw.PALETTE.clone(), Draw.PALETTE.clone(),
                new Paint[] {Draw.INK}, new Stroke[] {new BasicStroke(1f)}, new Stroke[] {new BasicStroke(1f)},
                new Shape[] {new Rectangle2D.Double(-2, -2, 4, 4)}));
        return t;
    }

    /**
     * A chart of {@code plot} alone (no title, no legend) in the plain theme, with no background, border
     * or padding: the figure paints the page and places everything else.
     */
    static JFreeChart chart(Plot plot, FigureStyle style) {
        plot.setBackgroundPaint(null);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        theme(style).apply(chart);
        chart.setBackgroundPaint(null);
        chart.setBorderVisible(false);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);
        plot.setInsets(RectangleInsets.ZERO_INSETS);
        return chart;
    }

    /** The rectangle a figure draws its chart into: the canvas, rounded up to whole points. */
    static Rectangle2D chartArea(double width, double height) {
        return new Rectangle2D.Double(0, 0, Math.ceil(width), Math.ceil(height));
    }

    /** Fixes the axis spaces of an XY plot so that its data area is {@code dataArea}, axes on its edges. */
    static void pin(XYPlot plot, Rectangle2D chartArea, Rectangle2D dataArea) {
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setFixedDomainAxisSpace(vertical(chartArea, dataArea));
        plot.setFixedRangeAxisSpace(horizontal(chartArea, dataArea));
    }

    /** Fixes the axis spaces of a category plot so that its data area is {@code dataArea}, axes on its edges. */
    static void pin(CategoryPlot plot, Rectangle2D chartArea, Rectangle2D dataArea) {
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setFixedDomainAxisSpace(vertical(chartArea, dataArea));
        plot.setFixedRangeAxisSpace(horizontal(chartArea, dataArea));
    }

    private static AxisSpace vertical(Rectangle2D chart, Rectangle2D data) {
        checkInteger(data);
        AxisSpace s = new AxisSpace();
        s.setTop(data.getMinY() - chart.getMinY() - NUDGE);
        s.setBottom(chart.getMaxY() - data.getMaxY() - NUDGE);
        return s;
    }

    private static AxisSpace horizontal(Rectangle2D chart, Rectangle2D data) {
        AxisSpace s = new AxisSpace();
        s.setLeft(data.getMinX() - chart.getMinX() - NUDGE);
        s.setRight(chart.getMaxX() - data.getMaxX() - NUDGE);
        return s;
    }

    private static void checkInteger(Rectangle2D r) {
        for (double v : new double[] {r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY()}) {
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("data area " + r + " must lie on whole points");
            }
        }
    }

    /**
     * Styles an axis drawn on {@code edge}: ink tick marks of the figure's line width, {@code tickLength}
     * long pointing out from the data area's edge, no minor ticks, no axis label (the figure sets its axis
     * titles as text), tick labels in the regular face whose near edge is {@code labelDistance} from the
     * edge; no axis line (the figure draws it over the data, see above).
     */
    static void style(Axis axis, FigureStyle style, double lineWidth, double tickLength, double labelDistance,
            RectangleEdge edge) {
        axis.setAxisLineVisible(false);
        axis.setTickMarkPaint(Draw.INK);
        axis.setTickMarkStroke(new BasicStroke(Draw.width(lineWidth), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        axis.setTickMarkOutsideLength((float) tickLength);
        axis.setTickMarkInsideLength(0f);
        axis.setMinorTickMarksVisible(false);
        axis.setTickLabelFont(Face.REGULAR.at(style.fontSize()));
        axis.setTickLabelPaint(Draw.INK);
        axis.setLabel(null);
        double inset = labelDistance - JFREE_LABEL_GAP;
        if (inset < 0) {
            throw new IllegalArgumentException("tick labels " + labelDistance + " pt from the axis must be at least "
                    + JFREE_LABEL_GAP + " pt away");
        }
        RectangleInsets insets;
        if (edge == RectangleEdge.TOP) {
            insets = new RectangleInsets(0, 0, inset, 0);
        } else if (edge == RectangleEdge.BOTTOM) {
            insets = new RectangleInsets(inset, 0, 0, 0);
        } else if (edge == RectangleEdge.LEFT) {
            insets = new RectangleInsets(0, inset, 0, 0);
        } else {
            insets = new RectangleInsets(0, 0, 0, inset);
        }
        axis.setTickLabelInsets(insets);
    }

    /** The ticks of a horizontal (labels below) or vertical (labels to the left) axis, as JFreeChart ticks. */
    private static List<NumberTick> ticks(List<Tick> ticks, boolean horizontal) {
        List<NumberTick> out = new ArrayList<>();
        for (Tick t : ticks) {
            out.add(new NumberTick(TickType.MAJOR, t.value(), t.label().text(),
                    horizontal ? TextAnchor.TOP_CENTER : TextAnchor.CENTER_RIGHT, TextAnchor.CENTER, 0.0));
        }
        return List.copyOf(out);
    }

    /** A linear axis over [lower, upper] that draws exactly {@code ticks}. */
    static NumberAxis linearAxis(double lower, double upper, List<Tick> ticks, boolean horizontal) {
        NumberAxis a = new FixedTicksNumberAxis(ticks(ticks, horizontal));
        a.setAutoRangeIncludesZero(false);
        a.setRange(lower, upper);
        return a;
    }

    /** A log10 axis over [lower, upper] that draws exactly {@code ticks}. */
    static LogAxis logAxis(double lower, double upper, List<Tick> ticks) {
        LogAxis a = new FixedTicksLogAxis(ticks(ticks, true));
        a.setBase(10);
        a.setSmallestValue(Double.MIN_NORMAL);
        a.setRange(lower, upper);
        return a;
    }

    /**
     * An invisible vertical axis on which a value is its own y in points ({@code top} at the top of the
     * data area, {@code bottom} at its bottom): rows of text columns and marks in the plot then share one y.
     */
    static NumberAxis pointsAxis(double top, double bottom) {
        NumberAxis a = new NumberAxis();
        a.setAutoRangeIncludesZero(false);
        a.setRange(top, bottom);
        a.setInverted(true);
        a.setVisible(false);
        return a;
    }

    /** A NumberAxis whose ticks are given rather than derived from a tick unit. */
    private static final class FixedTicksNumberAxis extends NumberAxis {
        private final List<NumberTick> fixed;

        FixedTicksNumberAxis(List<NumberTick> fixed) {
            this.fixed = fixed;
        }

        @Override
        @SuppressWarnings("rawtypes") // JFreeChart's signature
        public List refreshTicks(java.awt.Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return new ArrayList<>(fixed);
        }
    }

    /** A LogAxis whose ticks are given: the 1–2–5 series, which LogAxis itself labels only at powers of ten. */
    private static final class FixedTicksLogAxis extends LogAxis {
        private final List<NumberTick> fixed;

        FixedTicksLogAxis(List<NumberTick> fixed) {
            this.fixed = fixed;
        }

        @Override
        @SuppressWarnings("rawtypes") // JFreeChart's signature
        public List refreshTicks(java.awt.Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return new ArrayList<>(fixed);
        }
    }

    /** x of {@code value} on a horizontal axis over {@code dataArea}, as JFreeChart maps it. */
    static double x(ValueAxis axis, double value, Rectangle2D dataArea) {
        return axis.valueToJava2D(value, dataArea, RectangleEdge.BOTTOM);
    }

    /** y of {@code value} on a vertical axis over {@code dataArea}, as JFreeChart maps it. */
    static double y(ValueAxis axis, double value, Rectangle2D dataArea) {
        return axis.valueToJava2D(value, dataArea, RectangleEdge.LEFT);
    }
}

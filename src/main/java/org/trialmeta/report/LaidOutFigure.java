package org.trialmeta.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.trialmeta.report.FigureFonts.Face;
import org.trialmeta.report.TextBox.Align;

/**
 * A figure whose whole geometry (a {@code Layout} record) is computed once, in the constructor, from its
 * data and {@link FigureStyle}; drawing then only paints that geometry, so tests can check the layout
 * without rendering. Holds what {@link BarChart}, {@link MedianChart}, {@link ForestPlot} and
 * {@link SurvivalPlot} share: the data, the style, the layout with its size (checked by
 * {@link FigureWriter#checkSize}), and a few drawing helpers.
 *
 * <p>Drawing is in two parts: a {@link JFreeChart} ({@link #chart()}) draws the plot (data, gridlines,
 * axes with their ticks and tick labels) into the data area the layout reserved, and the figure draws
 * the rest of its laid-out text on top (titles, legends, text columns, tables, footnotes). The layout
 * also predicts the texts the chart draws ({@link #chartTexts()}), so that every text of the figure is
 * checked for overlaps; {@code FigureTextTest} compares those predictions with the SVG.
 *
 * @param <D> the figure's data
 * @param <L> the computed layout
 */
public abstract class LaidOutFigure<D, L extends LaidOutFigure.Size> implements Figure {

    /** What every layout has: the size of the figure in points and its texts. */
    public interface Size {
        /** Width in points. */
        double width();

        /** Height in points. */
        double height();

        /** Every text of the figure, those the chart draws included (see {@link LaidOutFigure#chartTexts()}). */
        List<TextBox> texts();
    }

    /** Light grey of grid lines. */
    static final Color GRID = new Color(0xe6, 0xe6, 0xe6);

    /** The data drawn. */
    final D data;
    /** Sizes of fonts and target width. */
    final FigureStyle style;
    private final L layout;

    /**
     * Stores data and style, computes the layout and checks its size.
     *
     * @param name what the figure is, for the size-check message (e.g. "forest plot")
     */
    LaidOutFigure(String name, D data, FigureStyle style) {
        this.data = Objects.requireNonNull(data, "data");
        this.style = Objects.requireNonNull(style, "style");
        this.layout = computeLayout();
        FigureWriter.checkSize(name, layout.width(), layout.height());
    }

    /**
     * Computes the geometry. Called once, from the constructor of this base class: it may use only
     * {@link #data}, {@link #style} and static members, not fields of the subclass.
     */
    abstract L computeLayout();

    /** The computed geometry (points from the top left). */
    public L layout() {
        return layout;
    }

    @Override
    public double width() {
        return layout.width();
    }

    @Override
    public double height() {
        return layout.height();
    }

    /**
     * The chart that draws this figure's plot, built afresh from the layout: its data area is pinned to the
     * layout's when drawn into {@link Charts#chartArea} of the figure's size.
     */
    abstract JFreeChart chart();

    /** The texts of the layout that the chart draws (tick and category labels), as predicted. */
    abstract List<TextBox> chartTexts();

    /** Draws the chart into the whole figure; returns what JFreeChart reports (the data area among it). */
    ChartRenderingInfo drawChart(Graphics2D g) {
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        chart().draw(g, Charts.chartArea(width(), height()), null, info);
        return info;
    }

    /** Draws each of {@code texts} that the chart does not draw, in {@code color.apply(text)}. */
    void drawTexts(Graphics2D g, List<TextBox> texts, Function<TextBox, Color> color) {
        Set<TextBox> byChart = Collections.newSetFromMap(new IdentityHashMap<>());
        byChart.addAll(chartTexts());
        for (TextBox t : texts) {
            if (!byChart.contains(t)) {
                Draw.text(g, t, color.apply(t));
            }
        }
    }

    /**
     * Draws axis lines along edges of the chart's data area, after the chart, so that they cover the ends of
     * bars and curves that reach them (see {@link Charts}): {@code bottom} along the bottom edge, {@code left}
     * along the left edge.
     */
    void axisLines(Graphics2D g, java.awt.geom.Rectangle2D dataArea, boolean bottom, boolean left) {
        double lw = lineWidth();
        if (bottom) {
            Draw.line(g, dataArea.getMinX(), dataArea.getMaxY(), dataArea.getMaxX(), dataArea.getMaxY(), lw, Draw.INK);
        }
        if (left) {
            Draw.line(g, dataArea.getMinX(), dataArea.getMinY(), dataArea.getMinX(), dataArea.getMaxY(), lw, Draw.INK);
        }
    }

    /** Width of axis and whisker lines for the style's font size: max(0.5, font size / 10). */
    double lineWidth() {
        return Math.max(0.5, style.fontSize() / 10.0);
    }

    /** The lines of a column header ({@code \n}-separated); none for an empty header. */
    static String[] lines(String s) {
        return s.isEmpty() ? new String[0] : s.split("\n", -1);
    }

    /** Width of the widest line of {@code s} in {@code face} at {@code size}. */
    static double maxWidth(Face face, double size, String s) {
        double w = 0;
        for (String line : lines(s)) {
            w = Math.max(w, FigureFonts.width(face.at(size), line));
        }
        return w;
    }

    /**
     * Places a bold, possibly multi-line column header whose last line sits on {@code bottom} (less the
     * descent); empty lines take their place but get no text box.
     */
    static void addHeader(List<TextBox> texts, String header, double ax, Align align, double bottom, double lineH,
            double desc, double fs) {
        String[] ls = lines(header);
        for (int k = 0; k < ls.length; k++) {
            double base = bottom - desc - (ls.length - 1 - k) * lineH;
            if (!ls[k].isEmpty()) {
                texts.add(TextBox.place(ls[k], Face.BOLD, fs, ax, base, align));
            }
        }
    }

    /**
     * A horizontal confidence-interval whisker at {@code y} from {@code xLower} to {@code xUpper}, with an
     * arrow head instead of the end where the interval runs off the axis.
     */
    static void whisker(Graphics2D g, double xLower, double xUpper, double y, boolean arrowLeft, boolean arrowRight,
            double lw, double arrowLen, double arrowHalf) {
        double xl = arrowLeft ? xLower + arrowLen * 0.9 : xLower;
        double xu = arrowRight ? xUpper - arrowLen * 0.9 : xUpper;
        if (xu > xl) {
            Draw.line(g, xl, y, xu, y, lw, Draw.INK);
        }
        g.setColor(Draw.INK);
        if (arrowLeft) {
            g.fill(Draw.arrowHead(xLower, y, -1, arrowLen, arrowHalf));
        }
        if (arrowRight) {
            g.fill(Draw.arrowHead(xUpper, y, 1, arrowLen, arrowHalf));
        }
    }

    /**
     * Places a bold title at the left margin {@code m} with its top at {@code y}; returns the y below it,
     * {@code y + titleSize·1.25 + gap} ({@code y} when there is no title).
     */
    static double addTitle(List<TextBox> texts, String title, double titleSize, double m, double y, double gap) {
        if (title.isEmpty()) {
            return y;
        }
        texts.add(TextBox.place(title, Face.BOLD, titleSize, m, y + FigureFonts.ascent(Face.BOLD.at(titleSize)),
                Align.LEFT));
        return y + (titleSize * 1.25 + gap);
    }

    /**
     * Places footnotes at the left margin {@code m}, one a line of {@code size}·1.3, half a font size
     * ({@code fs}) below {@code y}; returns the y below the last ({@code y} when there are none).
     */
    static double addFootnotes(List<TextBox> texts, List<String> footnotes, double size, double m, double y,
            double fs) {
        if (footnotes.isEmpty()) {
            return y;
        }
        y += fs * 0.5;
        for (String f : footnotes) {
            texts.add(TextBox.place(f, Face.REGULAR, size, m, y + FigureFonts.ascent(Face.REGULAR.at(size)), Align.LEFT));
            y += size * 1.3;
        }
        return y;
    }
}

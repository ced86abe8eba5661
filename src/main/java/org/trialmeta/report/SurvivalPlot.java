package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.trialmeta.report.FigureFonts.Face;
import org.trialmeta.report.SurvivalPlotData.Group;
import org.trialmeta.report.TextBox.Align;

/**
 * Kaplan-Meier plot: step curves per group (Okabe–Ito colours), optional shaded CI steps, censor
 * marks (+), dashed median lines, a legend above the panel, and a numbers-at-risk table whose
 * counts are centred under the x-axis ticks. Geometry comes from {@link #layout()}.
 *
 * <p>JFreeChart draws the plot: a {@link DeviationStepRenderer} draws each curve as one stepped path
 * with its CI band, an {@link XYLineAndShapeRenderer} the censor marks, dashed {@link XYLineAnnotation}s
 * the medians, and the axes their lines, ticks and tick labels. The title, legend, axis titles,
 * numbers-at-risk table and footnotes are laid-out text; the table's columns are placed with the x
 * axis's {@link ValueAxis#valueToJava2D} over the plot's data area, so they line up with the ticks.
 */
public final class SurvivalPlot extends LaidOutFigure<SurvivalPlotData, SurvivalPlot.Layout> {

    /** A censor mark centred at (x, y). */
    public record Mark(double time, double x, double y) {}

    /**
     * Geometry of one curve: its censor marks, its median (empty when not reached) and the x of the median
     * (NaN when not reached or beyond the axis); {@code band} tells whether a CI band is drawn.
     */
    public record Curve(int group, Color color, boolean band, List<Mark> censors, OptionalDouble median,
                        double medianX) {}

    /** The label of a group's at-risk row, drawn in the group's colour. */
    public record RowLabel(int group, TextBox box) {}

    /** One number-at-risk cell. */
    public record AtRiskCell(int group, int tickIndex, int count, TextBox box) {}

    /**
     * Computed geometry in points from the top left.
     *
     * @param panelLeft   x of time 0 (the left edge of the data area)
     * @param panelRight  x of the last tick time
     * @param panelTop    y of survival 1
     * @param panelBottom y of survival 0 (the bottom edge of the data area)
     * @param dataArea    the plot's data area, in whole points: the panel plus room above survival 1 and
     *                    right of the last tick for a censor mark there
     * @param annotationBox the framed block of the annotation lines inside the panel, in a corner that no curve, CI
     *                    band or median line crosses; empty when there are none or no corner is free (the lines are
     *                    then set under the axis title)
     */
    public record Layout(double width, double height, double panelLeft, double panelRight, double panelTop,
                         double panelBottom, Rectangle2D dataArea, double xMax, List<Tick> xTicks, List<Tick> yTicks,
                         List<Curve> curves, List<AtRiskCell> atRisk, List<RowLabel> atRiskLabels, List<TextBox> texts,
                         List<Rectangle2D> legendSwatches, java.util.Optional<Rectangle2D> annotationBox)
            implements LaidOutFigure.Size {

        public double x(double t) {
            return panelLeft + t / xMax * (panelRight - panelLeft);
        }

        public double y(double s) {
            return panelBottom - s * (panelBottom - panelTop);
        }

        /** Upper end of the time axis: the time at the right edge of the data area. */
        double xAxisMax() {
            return xMax * (dataArea.getMaxX() - panelLeft) / (panelRight - panelLeft);
        }

        /** Upper end of the survival axis: the survival at the top edge of the data area. */
        double yAxisMax() {
            return (panelBottom - dataArea.getMinY()) / (panelBottom - panelTop);
        }
    }

    public SurvivalPlot(SurvivalPlotData data, FigureStyle style) {
        super("survival plot", data, style);
    }

    public SurvivalPlot(SurvivalPlotData data) {
        this(data, FigureStyle.JOURNAL_PAGE);
    }

    /** Survival values with a tick, a light gridline above 0 and a label. */
    private static final double[] Y_TICKS = {0, 0.25, 0.5, 0.75, 1};
    /** Half the width of a censor mark (+), in font sizes. */
    private static final double CENSOR_HALF = 0.3;
    /** Opacity of a CI band: light, so that two bands that overlap stay light; their edges are drawn as lines. */
    private static final float BAND_ALPHA = 0.15625f; // 10/64: exact as a float, written "0.15625"


    private String yTickText(double v) {
        return data.percent() ? Draw.tick(Ticks.clean(v * 100)) + "%" : Draw.tick(v);
    }

    private Color color(int i) {
        return style.palette().series(i);
    }

    /** The stroke of group {@code i}'s curve (dashed in the grey palette), {@code width} wide. */
    private BasicStroke curveStroke(int i, double width) {
        float[] dash = style.palette().dash(i, width);
        return dash == null ? new BasicStroke(Draw.width(width), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER)
                : new BasicStroke(Draw.width(width), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** The smallest panel height (survival 0 to 1), in font sizes, that {@code --height-cm} may leave. */
    private static final double MIN_PANEL = 8;

    @Override
    Layout computeLayout() {
        double fs = style.fontSize();
        double natural = Double.NaN;
        Layout l = layout(natural);
        if (style.targetHeight() > 0) {
            double panel = l.panelBottom() - l.panelTop() + style.targetHeight() - l.height();
            if (panel < fs * MIN_PANEL) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "height %.1f cm leaves no room for the plot (at least %.1f cm with this text)",
                        style.targetHeight() / 72 * 2.54,
                        (l.height() - (l.panelBottom() - l.panelTop()) + fs * MIN_PANEL) / 72 * 2.54));
            }
            l = layout(panel);
        }
        return l;
    }

    /** The layout with a panel {@code panelHeight} points high, or the natural one for NaN. */
    private Layout layout(double panelHeight) {
        double fs = style.fontSize();
        double m = fs;
        double gap = fs * 0.8;
        double lineH = fs * 1.3;
        double tickLen = fs * 0.4;
        double lw = lineWidth();
        double[] ticks = data.tickTimes();
        double xMax = ticks[ticks.length - 1];
        List<Group> groups = data.groups();
        boolean anyAtRisk = groups.stream().anyMatch(g -> g.atRisk().length > 0);
        var reg = Face.REGULAR.at(fs);
        double asc = FigureFonts.ascent(reg);
        double desc = FigureFonts.descent(reg);

        // left margin: y tick labels or at-risk group names, whichever is wider
        double yLabW = 0;
        for (double v : Y_TICKS) {
            yLabW = Math.max(yLabW, FigureFonts.width(reg, yTickText(v)));
        }
        double nameW = 0;
        if (anyAtRisk) {
            for (Group g : groups) {
                nameW = Math.max(nameW, FigureFonts.width(Face.BOLD.at(fs), g.name()));
            }
        }
        // tick labels and at-risk counts need room between ticks
        double cellW = 0;
        for (double t : ticks) {
            cellW = Math.max(cellW, FigureFonts.width(reg, Draw.tick(t)));
        }
        for (Group g : groups) {
            for (int n : g.atRisk()) {
                cellW = Math.max(cellW, FigureFonts.width(reg, Integer.toString(n)));
            }
        }
        // the first count is centred on time 0, so the names need half a cell more; the data area starts on
        // a whole point (JFreeChart rounds it so)
        double pl = Math.ceil(m + Math.max(yLabW + tickLen + fs * 0.3,
                anyAtRisk ? nameW + gap * 1.5 + cellW / 2 : 0));
        double minSpacing = cellW + fs * 0.8;
        double minGapFrac = 1;
        for (int i = 1; i < ticks.length; i++) {
            minGapFrac = Math.min(minGapFrac, (ticks[i] - ticks[i - 1]) / xMax);
        }
        double rightPad = Math.max(m + cellW / 2, m);
        double panelW = Math.max(style.targetWidth() - pl - rightPad, minSpacing / minGapFrac);
        panelW = Math.max(panelW, fs * 15);
        double pr = pl + panelW;
        // room in the data area for a censor mark at the last tick or at survival 1
        double markRoom = fs * CENSOR_HALF + lw;
        double dataRight = Math.ceil(pr + markRoom);
        double width = Math.max(pr + rightPad, dataRight + m);

        List<TextBox> texts = new ArrayList<>();
        double y = m;
        y = addTitle(texts, data.title(), fs * 1.15, m, y, fs * 0.4);
        // legend: swatch + name, wrapping within the figure
        List<Rectangle2D> swatches = new ArrayList<>();
        double swW = fs * 1.8;
        double lx = pl;
        double base = y + asc;
        for (int i = 0; i < groups.size(); i++) {
            double w = swW + fs * 0.4 + FigureFonts.width(reg, groups.get(i).name());
            if (lx > pl && lx + w > width - m) {
                lx = pl;
                base += lineH;
            }
            swatches.add(new Rectangle2D.Double(lx, base - (asc - desc) / 2 - fs * 0.08, swW, fs * 0.16));
            texts.add(TextBox.place(groups.get(i).name(), Face.REGULAR, fs, lx + swW + fs * 0.4, base, Align.LEFT));
            lx += w + fs * 1.5;
        }
        y = base + desc + fs * 0.6;
        if (!data.yLabel().isEmpty()) {
            texts.add(TextBox.place(data.yLabel(), Face.BOLD, fs, m, y + asc, Align.LEFT));
            y += lineH + fs * 0.2;
        }
        // the "100%" label is centred on survival 1; the data area reaches a mark's room above it
        double dataTop = Math.ceil(y + asc / 2 - markRoom);
        double pt = dataTop + markRoom;
        double pb = Math.ceil(pt + (Double.isNaN(panelHeight) ? Math.min(Math.max(fs * 16, panelW * 0.55), fs * 32)
                : panelHeight));
        Rectangle2D dataArea = new Rectangle2D.Double(pl, dataTop, dataRight - pl, pb - dataTop);
        Layout frame = new Layout(0, 0, pl, pr, pt, pb, dataArea, xMax, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), java.util.Optional.empty());
        ValueAxis xAxis = Charts.linearAxis(0, frame.xAxisMax(), List.of(), true);
        ValueAxis yAxis = Charts.linearAxis(0, frame.yAxisMax(), List.of(), false);

        // tick labels where JFreeChart draws them: near edge at a fixed distance from the axis line's centre
        double yAxisX = pl;
        List<Tick> yTicks = new ArrayList<>();
        for (double v : Y_TICKS) {
            double yy = Charts.y(yAxis, v, dataArea);
            TextBox box = TextBox.centred(yTickText(v), Face.REGULAR, fs, yAxisX - yLabelDistance(), yy, Align.RIGHT);
            yTicks.add(new Tick(v, yy, box));
            texts.add(box);
        }
        double xAxisY = pb;
        double tickBase = xAxisY + xLabelDistance() + asc;
        List<Tick> xTicks = new ArrayList<>();
        for (double t : ticks) {
            double xx = Charts.x(xAxis, t, dataArea);
            TextBox box = TextBox.place(Draw.tick(t), Face.REGULAR, fs, xx, tickBase, Align.CENTER);
            xTicks.add(new Tick(t, xx, box));
            texts.add(box);
        }
        y = tickBase + desc + fs * 0.35;
        if (!data.xLabelWithUnit().isEmpty()) {
            texts.add(TextBox.place(data.xLabelWithUnit(), Face.BOLD, fs, (pl + pr) / 2, y + asc, Align.CENTER));
            y += lineH;
        }
        // the annotation block (medians, log-rank p, hazard ratio): in the first free corner of the panel, else
        // under the axis title
        Rectangle2D annotationBox = null;
        if (!data.annotation().isEmpty()) {
            double as = fs * ANNOTATION_SIZE;
            var af = Face.REGULAR.at(as);
            double aAsc = FigureFonts.ascent(af);
            double aDesc = FigureFonts.descent(af);
            double aLine = as * 1.3;
            double pad = fs * 0.4;
            double bw = 0;
            for (String line : data.annotation()) {
                bw = Math.max(bw, FigureFonts.width(af, line));
            }
            bw += 2 * pad;
            double bh = (data.annotation().size() - 1) * aLine + aAsc + aDesc + 2 * pad;
            double inset = fs * 0.6;
            double[][] corners = {{pl + inset, pb - inset - bh}, {pr - inset - bw, pt + inset},
                {pr - inset - bw, pb - inset - bh}};
            for (double[] c : corners) {
                if (c[0] >= pl + inset - 1e-9 && c[1] >= pt - 1e-9
                        && clear(frame, new Rectangle2D.Double(c[0], c[1], bw, bh), markRoom)) {
                    annotationBox = new Rectangle2D.Double(c[0], c[1], bw, bh);
                    break;
                }
            }
            double ax = annotationBox != null ? annotationBox.getX() + pad : pl;
            double b = annotationBox != null ? annotationBox.getY() + pad + aAsc : y + fs * 0.3 + aAsc;
            for (String line : data.annotation()) {
                texts.add(TextBox.place(line, Face.REGULAR, as, ax, b, Align.LEFT));
                b += aLine;
            }
            if (annotationBox == null) {
                y = b - aLine + aDesc;
            }
        }
        // numbers at risk, each centred on its tick's x as JFreeChart maps it
        List<AtRiskCell> cells = new ArrayList<>();
        List<RowLabel> rowLabels = new ArrayList<>();
        if (anyAtRisk) {
            y += fs * 0.6;
            texts.add(TextBox.place("Number at risk", Face.BOLD, fs, m, y + asc, Align.LEFT));
            y += lineH;
            for (int gi = 0; gi < groups.size(); gi++) {
                Group g = groups.get(gi);
                if (g.atRisk().length == 0) {
                    continue;
                }
                double b = y + asc;
                TextBox nameBox = TextBox.place(g.name(), Face.BOLD, fs, m, b, Align.LEFT);
                rowLabels.add(new RowLabel(gi, nameBox));
                texts.add(nameBox);
                int[] n = g.atRisk();
                for (int k = 0; k < n.length; k++) {
                    TextBox box = TextBox.place(Integer.toString(n[k]), Face.REGULAR, fs, xTicks.get(k).pos(), b, Align.CENTER);
                    cells.add(new AtRiskCell(gi, k, n[k], box));
                    texts.add(box);
                }
                y += lineH;
            }
        }
        y = addFootnotes(texts, data.footnotes(), fs * 0.875, m, y, fs);
        double height = y + m * 0.75;
        for (TextBox t : texts) {
            width = Math.max(width, t.right() + m);
        }

        // censor marks and medians
        List<Curve> curves = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            List<Mark> marks = new ArrayList<>();
            for (double c : g.censorTimes()) {
                if (c <= xMax) {
                    marks.add(new Mark(c, Charts.x(xAxis, c, dataArea), Charts.y(yAxis, g.survivalAt(c), dataArea)));
                }
            }
            OptionalDouble med = g.median();
            double mx = med.isPresent() && med.getAsDouble() <= xMax ? Charts.x(xAxis, med.getAsDouble(), dataArea)
                    : Double.NaN;
            curves.add(new Curve(gi, color(gi), data.showCi() && g.hasCi(), List.copyOf(marks), med, mx));
        }
        return new Layout(width, height, pl, pr, pt, pb, dataArea, xMax, List.copyOf(xTicks), List.copyOf(yTicks),
                List.copyOf(curves), List.copyOf(cells), List.copyOf(rowLabels), List.copyOf(texts), List.copyOf(swatches),
                java.util.Optional.ofNullable(annotationBox));
    }

    /** Size of the annotation text, in font sizes. */
    private static final double ANNOTATION_SIZE = 0.9;

    /**
     * Whether {@code box} (points), grown by {@code room} for censor marks, is crossed by no curve, drawn CI band
     * or median line. A step curve over [t0, t1] covers the survival values from S(t1) to S just before t0 (the
     * band: from the lower limit at t1 to the upper just before t0).
     */
    private boolean clear(Layout frame, Rectangle2D box, double room) {
        double span = frame.panelRight() - frame.panelLeft();
        double height = frame.panelBottom() - frame.panelTop();
        double t0 = (box.getMinX() - room - frame.panelLeft()) / span * frame.xMax();
        double t1 = (box.getMaxX() + room - frame.panelLeft()) / span * frame.xMax();
        double sTop = (frame.panelBottom() - box.getMinY() + room) / height;
        double sBottom = (frame.panelBottom() - box.getMaxY() - room) / height;
        for (Group g : data.groups()) {
            double end = end(g, frame.xMax());
            boolean band = data.showCi() && g.hasCi();
            if (t0 <= end) {
                double from = Math.max(0, t0);
                double to = Math.min(t1, end);
                double before = Math.nextDown(from);
                double hi = band ? step(g.time(), g.upper(), before) : g.survivalAt(before);
                double lo = band ? step(g.time(), g.lower(), to) : g.survivalAt(to);
                if (hi >= sBottom && lo <= sTop) {
                    return false;
                }
            }
            OptionalDouble med = g.median();
            if (data.showMedians() && med.isPresent() && med.getAsDouble() <= frame.xMax()) {
                double mt = med.getAsDouble();
                boolean horizontal = sBottom <= 0.5 && 0.5 <= sTop && t0 <= mt;
                boolean vertical = t0 <= mt && mt <= t1 && sBottom <= 0.5;
                if (horizontal || vertical) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The step function {@code values} over {@code times} at {@code t} (1 before the first time). */
    private static double step(double[] times, double[] values, double t) {
        double v = 1;
        for (int i = 0; i < times.length && times[i] <= t; i++) {
            v = values[i];
        }
        return v;
    }

    /** Distance from the x axis line's centre to the top of its tick labels. */
    private double xLabelDistance() {
        return style.fontSize() * (0.4 + 0.15);
    }

    /** Distance from the y axis line's centre to the right edge of its tick labels. */
    private double yLabelDistance() {
        return style.fontSize() * (0.4 + 0.3);
    }

    /** The last time a group's curve is drawn to: its last step or censoring, within the axis. */
    private static double end(Group g, double xMax) {
        double[] t = g.time();
        double end = t[t.length - 1];
        for (double c : g.censorTimes()) {
            end = Math.max(end, c);
        }
        return Math.min(end, xMax);
    }

    @Override
    JFreeChart chart() {
        Layout l = layout();
        double fs = style.fontSize();
        double lw = lineWidth();
        NumberAxis xAxis = Charts.linearAxis(0, l.xAxisMax(), l.xTicks(), true);
        NumberAxis yAxis = Charts.linearAxis(0, l.yAxisMax(), l.yTicks(), false);
        List<Group> groups = data.groups();

        // curves from S(0) = 1, steps up to the last step or censoring; bands on the same steps
        YIntervalSeriesCollection steps = new YIntervalSeriesCollection();
        XYSeriesCollection censored = new XYSeriesCollection();
        XYSeriesCollection edges = new XYSeriesCollection();
        List<Integer> edgeGroup = new ArrayList<>();
        boolean[] band = new boolean[groups.size()];
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            band[gi] = l.curves().get(gi).band();
            double[] t = g.time();
            double[] s = g.surv();
            double[] lo = band[gi] ? g.lower() : s;
            double[] hi = band[gi] ? g.upper() : s;
            double end = end(g, l.xMax());
            YIntervalSeries curve = new YIntervalSeries("curve " + gi, false, true);
            curve.add(0, 1, 1, 1);
            double last = 1;
            double lastLo = 1;
            double lastHi = 1;
            for (int i = 0; i < t.length && t[i] <= end; i++) {
                curve.add(t[i], s[i], lo[i], hi[i]);
                last = s[i];
                lastLo = lo[i];
                lastHi = hi[i];
            }
            curve.add(end, last, lastLo, lastHi);
            steps.addSeries(curve);
            XYSeries marks = new XYSeries("censored " + gi, false, true);
            for (Mark mk : l.curves().get(gi).censors()) {
                marks.add(mk.time(), g.survivalAt(mk.time()));
            }
            censored.addSeries(marks);
            if (band[gi]) {
                edges.addSeries(edge("lower " + gi, t, lo, end));
                edges.addSeries(edge("upper " + gi, t, hi, end));
                edgeGroup.add(gi);
                edgeGroup.add(gi);
            }
        }
        StepsWithBands curves = new StepsWithBands(band);
        XYLineAndShapeRenderer censors = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(steps, xAxis, yAxis, curves);
        plot.setDataset(1, censored);
        plot.setRenderer(1, censors);
        // the edges of the CI bands as thin lines in the group's colour and line style: where two translucent bands
        // overlap, each band's extent stays readable
        XYStepRenderer bandEdges = new XYStepRenderer();
        bandEdges.setDefaultShapesVisible(false);
        plot.setDataset(2, edges);
        plot.setRenderer(2, bandEdges);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        JFreeChart chart = Charts.chart(plot, style);
        Charts.pin(plot, Charts.chartArea(l.width(), l.height()), l.dataArea());
        Charts.style(xAxis, style, lw, fs * 0.4, xLabelDistance(), RectangleEdge.BOTTOM);
        Charts.style(yAxis, style, lw, fs * 0.4, yLabelDistance(), RectangleEdge.LEFT);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // light horizontal grid at the y ticks above 0 (a gridline at 0 would lie on the axis), over the times
        // of the axis (the data area reaches a little beyond, for marks)
        for (Tick t : l.yTicks()) {
            if (t.value() > 0) {
                curves.addAnnotation(new XYLineAnnotation(0, t.value(), l.xMax(), t.value(),
                        new BasicStroke(Draw.width(lw * 0.5)), GRID), Layer.BACKGROUND);
            }
        }

        curves.setAlpha(BAND_ALPHA);
        for (int k = 0; k < edgeGroup.size(); k++) { // after the chart's theme, which resets series paints
            bandEdges.setSeriesPaint(k, color(edgeGroup.get(k)));
            bandEdges.setSeriesStroke(k, curveStroke(edgeGroup.get(k), lw * 0.5));
        }
        Path2D plus = new Path2D.Double();
        double h = fs * CENSOR_HALF;
        plus.moveTo(-h, 0);
        plus.lineTo(h, 0);
        plus.moveTo(0, -h);
        plus.lineTo(0, h);
        censors.setDefaultShapesFilled(false);
        censors.setUseOutlinePaint(false);
        for (int gi = 0; gi < groups.size(); gi++) {
            Color c = color(gi);
            curves.setSeriesPaint(gi, c);
            curves.setSeriesFillPaint(gi, c);
            curves.setSeriesStroke(gi, curveStroke(gi, lw * 1.5));
            censors.setSeriesPaint(gi, c);
            // in greys the marks tell the groups apart too: + and ×
            censors.setSeriesShape(gi, style.palette() == Palette.GREY && gi % 2 == 1
                    ? java.awt.geom.AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(plus) : plus);
            censors.setSeriesOutlineStroke(gi, new BasicStroke(Draw.width(lw)));
        }
        if (data.showMedians()) {
            BasicStroke dashed = new BasicStroke(Draw.width(lw * 0.7), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {(float) (fs * 0.35), (float) (fs * 0.35)}, 0f);
            for (Curve c : l.curves()) {
                if (!Double.isNaN(c.medianX())) {
                    double med = c.median().getAsDouble();
                    curves.addAnnotation(new XYLineAnnotation(0, 0.5, med, 0.5, dashed, Draw.MUTED), Layer.BACKGROUND);
                    curves.addAnnotation(new XYLineAnnotation(med, 0.5, med, 0, dashed, Draw.MUTED), Layer.BACKGROUND);
                }
            }
        }
        return chart;
    }

    /** The step line of one band edge from (0, 1) to {@code end}. */
    private static XYSeries edge(String key, double[] t, double[] v, double end) {
        XYSeries e = new XYSeries(key, false, true);
        e.add(0, 1);
        double last = 1;
        for (int i = 0; i < t.length && t[i] <= end; i++) {
            e.add(t[i], v[i]);
            last = v[i];
        }
        e.add(end, last);
        return e;
    }

    /** A DeviationStepRenderer that shades the band only of the series that have one. */
    private static final class StepsWithBands extends DeviationStepRenderer {
        private final boolean[] band;

        StepsWithBands(boolean[] band) {
            super(true, false);
            this.band = band.clone();
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                CrosshairState crosshairState, int pass) {
            if (pass == 0 && !band[series]) {
                return; // the shading pass
            }
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
        }
    }

    @Override
    public void draw(Graphics2D g) {
        Layout l = layout();
        drawChart(g);
        // the axes end at the last tick and at survival 1, as the data area's extra room is for marks only
        axisLines(g, new Rectangle2D.Double(l.panelLeft(), l.panelTop(), l.panelRight() - l.panelLeft(),
                l.panelBottom() - l.panelTop()), true, true);
        for (int i = 0; i < l.legendSwatches().size(); i++) {
            // the swatch is a piece of the curve: its colour and line style
            Rectangle2D sw = l.legendSwatches().get(i);
            g.setColor(color(i));
            g.setStroke(curveStroke(i, lineWidth() * 1.5));
            g.draw(new java.awt.geom.Line2D.Double(sw.getMinX(), sw.getCenterY(), sw.getMaxX(), sw.getCenterY()));
        }
        l.annotationBox().ifPresent(box -> {
            g.setColor(Color.WHITE);
            g.fill(box);
            g.setColor(Draw.GRID);
            g.setStroke(new BasicStroke(Draw.width(lineWidth() * 0.5)));
            g.draw(box);
        });
        java.util.Map<TextBox, Color> coloured = new java.util.IdentityHashMap<>();
        for (RowLabel r : l.atRiskLabels()) {
            coloured.put(r.box(), color(r.group()));
        }
        drawTexts(g, l.texts(), t -> coloured.getOrDefault(t, Draw.INK));
    }

    @Override
    List<TextBox> chartTexts() {
        List<TextBox> out = new ArrayList<>();
        layout().xTicks().forEach(t -> out.add(t.label()));
        layout().yTicks().forEach(t -> out.add(t.label()));
        return out;
    }
}

package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.trialmeta.report.FigureFonts.Face;
import org.trialmeta.report.SurvivalPlotData.Group;
import org.trialmeta.report.TextBox.Align;

/**
 * Kaplan-Meier plot: step curves per group (Okabe–Ito colours), optional shaded CI steps, censor
 * marks (+), dashed median lines, a legend above the panel, and a numbers-at-risk table whose
 * counts are centred under the x-axis ticks. Geometry comes from {@link #layout()}.
 */
public final class SurvivalPlot extends LaidOutFigure<SurvivalPlotData, SurvivalPlot.Layout> {

    /** A censor mark centred at (x, y). */
    public record Mark(double time, double x, double y) {}

    /** Geometry of one curve. */
    public record Curve(int group, Color color, Shape path, Shape band, List<Mark> censors, OptionalDouble median,
                        double medianX) {}

    /** The label of a group's at-risk row, drawn in the group's colour. */
    public record RowLabel(int group, TextBox box) {}

    /** One number-at-risk cell. */
    public record AtRiskCell(int group, int tickIndex, int count, TextBox box) {}

    /**
     * Computed geometry in points from the top left.
     *
     * @param panelLeft   x of time 0
     * @param panelRight  x of the last tick time
     * @param panelTop    y of survival 1
     * @param panelBottom y of survival 0
     */
    public record Layout(double width, double height, double panelLeft, double panelRight, double panelTop,
                         double panelBottom, double xMax, List<Tick> xTicks, List<Tick> yTicks, List<Curve> curves,
                         List<AtRiskCell> atRisk, List<RowLabel> atRiskLabels, List<TextBox> texts,
                         List<Rectangle2D> legendSwatches) implements LaidOutFigure.Size {

        public double x(double t) {
            return panelLeft + t / xMax * (panelRight - panelLeft);
        }

        public double y(double s) {
            return panelBottom - s * (panelBottom - panelTop);
        }
    }

    public SurvivalPlot(SurvivalPlotData data, FigureStyle style) {
        super("survival plot", data, style);
    }

    public SurvivalPlot(SurvivalPlotData data) {
        this(data, FigureStyle.JOURNAL_PAGE);
    }


    private String yTickText(double v) {
        return data.percent() ? Draw.tick(Ticks.clean(v * 100)) + "%" : Draw.tick(v);
    }

    private static Color color(int i) {
        return Draw.PALETTE[i % Draw.PALETTE.length];
    }

    @Override
    Layout computeLayout() {
        double fs = style.fontSize();
        double m = fs;
        double gap = fs * 0.8;
        double lineH = fs * 1.3;
        double tickLen = fs * 0.4;
        double[] ticks = data.tickTimes();
        double xMax = ticks[ticks.length - 1];
        List<Group> groups = data.groups();
        boolean anyAtRisk = groups.stream().anyMatch(g -> g.atRisk().length > 0);
        var reg = Face.REGULAR.at(fs);
        double asc = FigureFonts.ascent(reg);
        double desc = FigureFonts.descent(reg);

        // left margin: y tick labels or at-risk group names, whichever is wider
        double[] yVals = {0, 0.25, 0.5, 0.75, 1};
        double yLabW = 0;
        for (double v : yVals) {
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
        // the first count is centred on time 0, so the names need half a cell more
        double pl = m + Math.max(yLabW + tickLen + fs * 0.3, anyAtRisk ? nameW + gap * 1.5 + cellW / 2 : 0);
        double minSpacing = cellW + fs * 0.8;
        double minGapFrac = 1;
        for (int i = 1; i < ticks.length; i++) {
            minGapFrac = Math.min(minGapFrac, (ticks[i] - ticks[i - 1]) / xMax);
        }
        double rightPad = Math.max(m + cellW / 2, m);
        double panelW = Math.max(style.targetWidth() - pl - rightPad, minSpacing / minGapFrac);
        panelW = Math.max(panelW, fs * 15);
        double pr = pl + panelW;
        double width = pr + rightPad;

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
        double pt = y + asc / 2; // room for the "100%" label centred on the top
        double panelH = Math.min(Math.max(fs * 16, panelW * 0.55), fs * 32);
        double pb = pt + panelH;
        double fpl = pl;
        double fpr = pr;
        java.util.function.DoubleUnaryOperator toX = t -> fpl + t / xMax * (fpr - fpl);
        java.util.function.DoubleUnaryOperator toY = s -> pb - s * panelH;

        List<Tick> yTicks = new ArrayList<>();
        for (double v : yVals) {
            double yy = toY.applyAsDouble(v);
            TextBox box = TextBox.centred(yTickText(v), Face.REGULAR, fs, pl - tickLen - fs * 0.3, yy, Align.RIGHT);
            yTicks.add(new Tick(v, yy, box));
            texts.add(box);
        }
        double tickBase = pb + tickLen + fs * 0.15 + asc;
        List<Tick> xTicks = new ArrayList<>();
        for (double t : ticks) {
            double xx = toX.applyAsDouble(t);
            TextBox box = TextBox.place(Draw.tick(t), Face.REGULAR, fs, xx, tickBase, Align.CENTER);
            xTicks.add(new Tick(t, xx, box));
            texts.add(box);
        }
        y = tickBase + desc + fs * 0.35;
        if (!data.xLabelWithUnit().isEmpty()) {
            texts.add(TextBox.place(data.xLabelWithUnit(), Face.BOLD, fs, (pl + pr) / 2, y + asc, Align.CENTER));
            y += lineH;
        }
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

        // curves
        List<Curve> curves = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            double[] t = g.time();
            double[] s = g.surv();
            double end = t[t.length - 1];
            for (double c : g.censorTimes()) {
                end = Math.max(end, c);
            }
            end = Math.min(end, xMax);
            Path2D path = steps(t, s, end, toX, toY, 1.0);
            Shape band = null;
            if (g.hasCi()) {
                band = bandShape(t, g.lower(), g.upper(), end, toX, toY);
            }
            List<Mark> marks = new ArrayList<>();
            for (double c : g.censorTimes()) {
                if (c <= xMax) {
                    marks.add(new Mark(c, toX.applyAsDouble(c), toY.applyAsDouble(g.survivalAt(c))));
                }
            }
            OptionalDouble med = g.median();
            double mx = med.isPresent() && med.getAsDouble() <= xMax ? toX.applyAsDouble(med.getAsDouble()) : Double.NaN;
            curves.add(new Curve(gi, color(gi), path, band, List.copyOf(marks), med, mx));
        }
        return new Layout(width, height, pl, pr, pt, pb, xMax, List.copyOf(xTicks), List.copyOf(yTicks),
                List.copyOf(curves), List.copyOf(cells), List.copyOf(rowLabels), List.copyOf(texts), List.copyOf(swatches));
    }

    private static Path2D steps(double[] t, double[] s, double end, java.util.function.DoubleUnaryOperator toX,
                                java.util.function.DoubleUnaryOperator toY, double start) {
        Path2D p = new Path2D.Double();
        double prev = start;
        p.moveTo(toX.applyAsDouble(0), toY.applyAsDouble(prev));
        for (int i = 0; i < t.length && t[i] <= end; i++) {
            p.lineTo(toX.applyAsDouble(t[i]), toY.applyAsDouble(prev));
            p.lineTo(toX.applyAsDouble(t[i]), toY.applyAsDouble(s[i]));
            prev = s[i];
        }
        p.lineTo(toX.applyAsDouble(end), toY.applyAsDouble(prev));
        return p;
    }

    private static Shape bandShape(double[] t, double[] lo, double[] hi, double end,
                                   java.util.function.DoubleUnaryOperator toX, java.util.function.DoubleUnaryOperator toY) {
        // upper steps left to right, lower steps right to left
        List<double[]> up = new ArrayList<>();
        List<double[]> down = new ArrayList<>();
        double pu = hi[0];
        double pd = lo[0];
        double x0 = t[0];
        up.add(new double[] {x0, pu});
        down.add(new double[] {x0, pd});
        for (int i = 1; i < t.length && t[i] <= end; i++) {
            up.add(new double[] {t[i], pu});
            up.add(new double[] {t[i], hi[i]});
            down.add(new double[] {t[i], pd});
            down.add(new double[] {t[i], lo[i]});
            pu = hi[i];
            pd = lo[i];
        }
        up.add(new double[] {end, pu});
        down.add(new double[] {end, pd});
        Path2D p = new Path2D.Double();
        p.moveTo(toX.applyAsDouble(up.get(0)[0]), toY.applyAsDouble(up.get(0)[1]));
        for (double[] v : up) {
            p.lineTo(toX.applyAsDouble(v[0]), toY.applyAsDouble(v[1]));
        }
        for (int i = down.size() - 1; i >= 0; i--) {
            p.lineTo(toX.applyAsDouble(down.get(i)[0]), toY.applyAsDouble(down.get(i)[1]));
        }
        p.closePath();
        return p;
    }

    @Override
    public void draw(Graphics2D g) {
        Layout l = layout();
        double fs = style.fontSize();
        double lw = lineWidth();
        // light horizontal grid at the y ticks
        for (Tick t : l.yTicks()) {
            if (t.value() > 0) {
                Draw.line(g, l.panelLeft(), t.pos(), l.panelRight(), t.pos(), lw * 0.5, GRID);
            }
        }
        Shape oldClip = g.getClip();
        g.clip(new Rectangle2D.Double(l.panelLeft() - lw * 2, l.panelTop() - lw * 2, l.panelRight() - l.panelLeft() + lw * 4,
                l.panelBottom() - l.panelTop() + lw * 4));
        if (data.showCi()) {
            for (Curve c : l.curves()) {
                if (c.band() != null) {
                    Color k = c.color();
                    g.setColor(new Color(k.getRed(), k.getGreen(), k.getBlue(), 46));
                    g.fill(c.band());
                }
            }
        }
        if (data.showMedians()) {
            for (Curve c : l.curves()) {
                if (!Double.isNaN(c.medianX())) {
                    double y5 = l.y(0.5);
                    Draw.dashed(g, l.panelLeft(), y5, c.medianX(), y5, lw * 0.7, Draw.MUTED, (float) (fs * 0.35));
                    Draw.dashed(g, c.medianX(), y5, c.medianX(), l.panelBottom(), lw * 0.7, Draw.MUTED, (float) (fs * 0.35));
                }
            }
        }
        for (Curve c : l.curves()) {
            g.setColor(c.color());
            g.setStroke(new BasicStroke(Draw.width(lw * 1.5), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g.draw(c.path());
            g.setStroke(new BasicStroke(Draw.width(lw)));
            double h = fs * 0.3;
            for (Mark mk : c.censors()) {
                g.draw(new Line2D.Double(mk.x() - h, mk.y(), mk.x() + h, mk.y()));
                g.draw(new Line2D.Double(mk.x(), mk.y() - h, mk.x(), mk.y() + h));
            }
        }
        g.setClip(oldClip);
        // axes
        Draw.line(g, l.panelLeft(), l.panelBottom(), l.panelRight(), l.panelBottom(), lw, Draw.INK);
        Draw.line(g, l.panelLeft(), l.panelTop(), l.panelLeft(), l.panelBottom(), lw, Draw.INK);
        for (Tick t : l.xTicks()) {
            Draw.line(g, t.pos(), l.panelBottom(), t.pos(), l.panelBottom() + fs * 0.4, lw, Draw.INK);
        }
        for (Tick t : l.yTicks()) {
            Draw.line(g, l.panelLeft() - fs * 0.4, t.pos(), l.panelLeft(), t.pos(), lw, Draw.INK);
        }
        for (int i = 0; i < l.legendSwatches().size(); i++) {
            g.setColor(color(i));
            g.fill(l.legendSwatches().get(i));
        }
        java.util.Map<TextBox, Color> coloured = new java.util.IdentityHashMap<>();
        for (RowLabel r : l.atRiskLabels()) {
            coloured.put(r.box(), color(r.group()));
        }
        for (TextBox t : l.texts()) {
            Draw.text(g, t, coloured.getOrDefault(t, Draw.INK));
        }
    }
}

package org.trialmeta.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.trialmeta.report.BarChartData.Bar;
import org.trialmeta.report.FigureFonts.Face;
import org.trialmeta.report.TextBox.Align;

/**
 * Vertical bar chart with the value and an annotation over each bar and wrapped category labels
 * under it; a band above the panel is reserved for the texts of the tallest bars, so they never
 * collide with the axis label. Geometry comes from {@link #layout()}.
 */
public final class BarChart extends LaidOutFigure<BarChartData, BarChart.Layout> {

    /** A bar's rectangle and its texts. */
    public record BarMark(int index, double x, double top, double width, double bottom, TextBox valueText,
                          TextBox annotation, List<TextBox> label) {}

    /** Computed geometry (points from the top left). */
    public record Layout(double width, double height, double panelLeft, double panelRight, double panelTop,
                         double panelBottom, double axisMax, List<BarMark> bars, List<Tick> yTicks,
                         List<TextBox> texts) implements LaidOutFigure.Size {

        public double y(double v) {
            return panelBottom - v / axisMax * (panelBottom - panelTop);
        }
    }

    private static final Color BAR = new Color(0x00, 0x72, 0xB2);
    private static final Color REFERENCE = new Color(0xa6, 0xa6, 0xa6);

    public BarChart(BarChartData data, FigureStyle style) {
        super("bar chart", data, style);
    }

    public BarChart(BarChartData data) {
        this(data, FigureStyle.JOURNAL_PAGE);
    }


    private String valueText(Bar b) {
        return b.valueText().isEmpty() ? Draw.fixed(b.value(), data.digits()) : b.valueText();
    }

    /** Greedy word wrap of {@code text} to {@code width}; explicit \n breaks are kept. */
    static List<String> wrap(String text, Face face, double size, double width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && FigureFonts.width(face.at(size), candidate) > width) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    @Override
    Layout computeLayout() {
        double fs = style.fontSize();
        double m = fs;
        double lineH = fs * 1.25;
        var reg = Face.REGULAR.at(fs);
        double asc = FigureFonts.ascent(reg);
        double desc = FigureFonts.descent(reg);
        List<Bar> bars = data.bars();
        double maxV = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double[] lim = data.axisMax().isPresent()
                ? new double[] {0, data.axisMax().get(), Ticks.linearStep(0, data.axisMax().get(), 5)}
                : Ticks.linearLimits(0, maxV > 0 ? maxV : 1, 5);
        double axisMax = lim[1];
        List<Double> tickVals = Ticks.linearTicks(0, axisMax, lim[2], Double.NaN);
        double yLabW = 0;
        for (double v : tickVals) {
            yLabW = Math.max(yLabW, FigureFonts.width(reg, Draw.tick(v)));
        }
        double pl = m + yLabW + fs * 0.8;
        // slot width: fits every value/annotation text and the longest word of every label
        double slot = fs * 7;
        for (Bar b : bars) {
            slot = Math.max(slot, FigureFonts.width(Face.BOLD.at(fs), valueText(b)) + fs);
            slot = Math.max(slot, FigureFonts.width(Face.ITALIC.at(fs), b.annotation()) + fs);
            for (String w : b.label().split("[ \n]")) {
                slot = Math.max(slot, FigureFonts.width(reg, w) + fs);
            }
        }
        double available = style.targetWidth() - pl - m;
        slot = Math.max(slot, Math.min(available / bars.size(), fs * 12));
        double panelW = slot * bars.size();
        double pr = pl + panelW;
        double width = pr + m;
        List<TextBox> texts = new ArrayList<>();
        double y = m;
        y = addTitle(texts, data.title(), fs * 1.15, m, y, fs * 0.6);
        if (!data.valueLabel().isEmpty()) {
            texts.add(TextBox.place(data.valueLabel(), Face.BOLD, fs, m, y + asc, Align.LEFT));
            y += lineH;
        }
        boolean anyAnnotation = bars.stream().anyMatch(b -> !b.annotation().isEmpty());
        double headroom = (anyAnnotation ? 2 : 1) * lineH + fs * 0.3;
        double pt = y + headroom;
        double panelH = Math.min(Math.max(fs * 16, panelW * 0.5), fs * 28);
        double pb = pt + panelH;
        List<Tick> yTicks = new ArrayList<>();
        for (double v : tickVals) {
            double yy = pb - v / axisMax * panelH;
            TextBox box = TextBox.centred(Draw.tick(v), Face.REGULAR, fs, pl - fs * 0.7, yy, Align.RIGHT);
            yTicks.add(new Tick(v, yy, box));
            texts.add(box);
        }
        yTicks.sort(java.util.Comparator.comparingDouble(Tick::value));
        List<BarMark> marks = new ArrayList<>();
        double labelTop = pb + fs * 0.5;
        int maxLines = 0;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cx = pl + slot * (i + 0.5);
            double bw = slot * 0.6;
            double top = pb - b.value() / axisMax * panelH;
            TextBox val = TextBox.place(valueText(b), Face.BOLD, fs, cx, top - fs * 0.3 - desc, Align.CENTER);
            texts.add(val);
            TextBox ann = null;
            if (!b.annotation().isEmpty()) {
                ann = TextBox.place(b.annotation(), Face.ITALIC, fs, cx, val.baseline() - lineH, Align.CENTER);
                texts.add(ann);
            }
            List<String> ls = wrap(b.label(), Face.REGULAR, fs, slot - fs);
            maxLines = Math.max(maxLines, ls.size());
            List<TextBox> lb = new ArrayList<>();
            for (int k = 0; k < ls.size(); k++) {
                TextBox t = TextBox.place(ls.get(k), Face.REGULAR, fs, cx, labelTop + asc + k * lineH, Align.CENTER);
                lb.add(t);
                texts.add(t);
            }
            marks.add(new BarMark(i, cx - bw / 2, top, bw, pb, val, ann, List.copyOf(lb)));
        }
        y = labelTop + maxLines * lineH;
        y = addFootnotes(texts, data.footnotes(), fs * 0.875, m, y, fs);
        for (TextBox t : texts) {
            width = Math.max(width, t.right() + m);
        }
        return new Layout(width, y + m * 0.75, pl, pr, pt, pb, axisMax, List.copyOf(marks), List.copyOf(yTicks),
                List.copyOf(texts));
    }

    @Override
    public void draw(Graphics2D g) {
        Layout l = layout();
        double fs = style.fontSize();
        double lw = lineWidth();
        for (Tick t : l.yTicks()) {
            if (t.value() > 0) {
                Draw.line(g, l.panelLeft(), t.pos(), l.panelRight(), t.pos(), lw * 0.5, GRID);
            }
            Draw.line(g, l.panelLeft() - fs * 0.4, t.pos(), l.panelLeft(), t.pos(), lw, Draw.INK);
        }
        for (BarMark b : l.bars()) {
            g.setColor(data.bars().get(b.index()).reference() ? REFERENCE : BAR);
            g.fill(new Rectangle2D.Double(b.x(), b.top(), b.width(), b.bottom() - b.top()));
        }
        Draw.line(g, l.panelLeft(), l.panelBottom(), l.panelRight(), l.panelBottom(), lw, Draw.INK);
        Draw.line(g, l.panelLeft(), l.panelTop(), l.panelLeft(), l.panelBottom(), lw, Draw.INK);
        for (TextBox t : l.texts()) {
            Draw.text(g, t, Draw.INK);
        }
    }
}

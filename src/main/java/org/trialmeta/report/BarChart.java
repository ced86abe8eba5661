package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.trialmeta.report.BarChartData.Bar;
import org.trialmeta.report.FigureFonts.Face;
import org.trialmeta.report.TextBox.Align;

/**
 * Vertical bar chart with the value and an annotation over each bar and wrapped category labels
 * under it; a band above the panel is reserved for the texts of the tallest bars, so they never
 * collide with the axis label. Geometry comes from {@link #layout()}.
 *
 * <p>JFreeChart draws the chart: a {@link CategoryPlot} with a {@link BarRenderer} (flat bars, no
 * shadow), the value axis with its ticks and labels, and the category axis with the labels, which the
 * layout wraps to the bar slots. The value and annotation over each bar are laid-out text in bold and
 * italic faces (see {@code docs/figures.md}).
 */
public final class BarChart extends LaidOutFigure<BarChartData, BarChart.Layout> {

    /** A bar's rectangle and its texts. */
    public record BarMark(int index, double x, double top, double width, double bottom, TextBox valueText,
                          TextBox annotation, List<TextBox> label) {}

    /**
     * Computed geometry (points from the top left); the panel is the plot's data area, in whole points,
     * of {@code bars} slots of equal width with a bar of 0.6 slot centred in each.
     */
    public record Layout(double width, double height, double panelLeft, double panelRight, double panelTop,
                         double panelBottom, double axisMax, List<BarMark> bars, List<Tick> yTicks,
                         List<TextBox> texts) implements LaidOutFigure.Size {

        public double y(double v) {
            return panelBottom - v / axisMax * (panelBottom - panelTop);
        }

        /** The plot's data area. */
        public Rectangle2D dataArea() {
            return new Rectangle2D.Double(panelLeft, panelTop, panelRight - panelLeft, panelBottom - panelTop);
        }
    }

    /** Share of a slot taken by its bar. */
    private static final double BAR_SHARE = 0.6;

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
        int n = bars.size();
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
        double pl = Math.ceil(m + yLabW + yLabelDistance()); // the data area lies on whole points
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
        slot = Math.max(slot, Math.min(available / n, fs * 12));
        double pr = Math.ceil(pl + slot * n);
        slot = (pr - pl) / n;
        double panelW = pr - pl;
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
        double pt = Math.ceil(y + headroom);
        double pb = Math.ceil(pt + Math.min(Math.max(fs * 16, panelW * 0.5), fs * 28));
        Rectangle2D dataArea = new Rectangle2D.Double(pl, pt, pr - pl, pb - pt);
        ValueAxis valueAxis = Charts.linearAxis(0, axisMax, List.of(), false);
        List<Tick> yTicks = new ArrayList<>();
        for (double v : tickVals) {
            double yy = Charts.y(valueAxis, v, dataArea);
            TextBox box = TextBox.centred(Draw.tick(v), Face.REGULAR, fs, pl - yLabelDistance(), yy, Align.RIGHT);
            yTicks.add(new Tick(v, yy, box));
            texts.add(box);
        }
        yTicks.sort(java.util.Comparator.comparingDouble(Tick::value));
        // bars and category labels where the CategoryAxis and BarRenderer put them
        CategoryAxis categories = categoryAxis(n);
        double barW = panelW * (1 - categories.getLowerMargin() - categories.getUpperMargin()
                - (n > 1 ? categories.getCategoryMargin() : 0)) / n;
        double labelTop = pb + categoryLabelOffset();
        double labelLineH = FigureFonts.ascent(reg) + FigureFonts.descent(reg);
        List<BarMark> marks = new ArrayList<>();
        int maxLines = 0;
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            double cx = categories.getCategoryMiddle(i, n, dataArea, RectangleEdge.BOTTOM);
            double top = Charts.y(valueAxis, b.value(), dataArea);
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
                TextBox t = TextBox.place(ls.get(k), Face.REGULAR, fs, cx, labelTop + asc + k * labelLineH, Align.CENTER);
                lb.add(t);
                texts.add(t);
            }
            marks.add(new BarMark(i, cx - barW / 2, top, barW, pb, val, ann, List.copyOf(lb)));
        }
        y = labelTop + maxLines * labelLineH;
        y = addFootnotes(texts, data.footnotes(), fs * 0.875, m, y, fs);
        for (TextBox t : texts) {
            width = Math.max(width, t.right() + m);
        }
        return new Layout(width, y + m * 0.75, pl, pr, pt, pb, axisMax, List.copyOf(marks), List.copyOf(yTicks),
                List.copyOf(texts));
    }

    /** Distance from the value axis line's centre to the right edge of its tick labels. */
    private double yLabelDistance() {
        return style.fontSize() * 0.7;
    }

    /** Distance from the category axis line's centre to the top of the labels (JFreeChart takes whole points). */
    private int categoryLabelOffset() {
        return (int) Math.round(style.fontSize() * 0.5);
    }

    /**
     * The category axis: {@code n} slots of equal width with the bar ({@link #BAR_SHARE} of a slot)
     * centred in each; labels as given (the layout wraps them), never re-wrapped or cut.
     */
    private CategoryAxis categoryAxis(int n) {
        CategoryAxis a = new CategoryAxis();
        double side = (1 - BAR_SHARE) / 2 / n;
        a.setLowerMargin(side);
        a.setUpperMargin(side);
        a.setCategoryMargin(n > 1 ? (1 - BAR_SHARE) * (n - 1) / n : 0);
        a.setMaximumCategoryLabelLines(Integer.MAX_VALUE);
        a.setMaximumCategoryLabelWidthRatio(100f);
        a.setCategoryLabelPositionOffset(categoryLabelOffset());
        a.setTickMarksVisible(false);
        return a;
    }

    /** A category: the bar's index (so equal labels stay apart) and its wrapped label. */
    private record Category(int index, String label) implements Comparable<Category> {
        @Override
        public int compareTo(Category o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Override
    JFreeChart chart() {
        Layout l = layout();
        double fs = style.fontSize();
        double lw = lineWidth();
        int n = data.bars().size();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (BarMark b : l.bars()) {
            String label = String.join("\n", b.label().stream().map(TextBox::text).toList());
            dataset.addValue(data.bars().get(b.index()).value(), "bars", new Category(b.index(), label));
        }
        CategoryAxis categories = categoryAxis(n);
        NumberAxis values = Charts.linearAxis(0, l.axisMax(), l.yTicks(), false);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return data.bars().get(column).reference() ? REFERENCE : BAR;
            }
        };
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        JFreeChart chart = Charts.chart(plot, style);
        Charts.pin(plot, Charts.chartArea(l.width(), l.height()), l.dataArea());
        Charts.style(values, style, lw, fs * 0.4, yLabelDistance(), RectangleEdge.LEFT);
        Charts.style(categories, style, lw, 0, Charts.JFREE_LABEL_GAP, RectangleEdge.BOTTOM);
        categories.setTickMarksVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0);
        renderer.setMaximumBarWidth(1.0);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // light horizontal grid at the ticks above 0 (a gridline at 0 would lie on the axis)
        for (Tick t : l.yTicks()) {
            if (t.value() > 0) {
                plot.addRangeMarker(new ValueMarker(t.value(), GRID, new BasicStroke(Draw.width(lw * 0.5))),
                        Layer.BACKGROUND);
            }
        }
        return chart;
    }

    @Override
    List<TextBox> chartTexts() {
        List<TextBox> out = new ArrayList<>();
        layout().yTicks().forEach(t -> out.add(t.label()));
        layout().bars().forEach(b -> out.addAll(b.label()));
        return out;
    }

    @Override
    public void draw(Graphics2D g) {
        drawChart(g);
        axisLines(g, layout().dataArea(), true, true);
        drawTexts(g, layout().texts(), t -> Draw.INK);
    }
}

package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.trialmeta.report.FigureFonts.Face;
import org.trialmeta.report.MedianChartData.Entry;
import org.trialmeta.report.MedianChartData.Header;
import org.trialmeta.report.MedianChartData.MedianState;
import org.trialmeta.report.MedianChartData.Row;
import org.trialmeta.report.TextBox.Align;

/**
 * Dot-and-interval chart of reported medians: label and left text columns, a linear axis panel with
 * a dot at each median and its CI as a whisker (arrow head where the upper end was not reached or
 * runs past the axis), "not reached" / "not reported" as text in the panel, and the value column
 * ("5.4 [3.9, 7.0]", "NR [12.1, NR]", "not reported"). Geometry comes from {@link #layout()}.
 *
 * <p>JFreeChart draws the panel: an {@link XYPlot} whose x axis is the linear value axis (line, ticks,
 * labels, vertical gridlines) and whose hidden y axis is the row position in points, so that each dot
 * sits on its row of the text columns; an {@link IntervalRenderer} draws the dots and CI whiskers. The
 * text columns and the in-panel "not reached" / "not reported" notes are laid-out text.
 */
public final class MedianChart extends LaidOutFigure<MedianChartData, MedianChart.Layout> {

    /**
     * One entry's marks. {@code xMedian} is NaN when there is no dot; {@code hasWhisker} tells
     * whether a CI line is drawn from {@code xLower} to {@code xUpper}; {@code arrowRight} marks an
     * upper end not reached or clipped; {@code stateText} is the in-panel text, if any.
     */
    public record Mark(int dataIndex, MedianState state, double centerY, double xMedian, boolean hasWhisker,
                       double xLower, double xUpper, boolean arrowLeft, boolean arrowRight, TextBox stateText) {}

    /**
     * Computed geometry (points from the top left). {@code panelLeft} and {@code panelRight} are the x of
     * {@code axisMin} and {@code axisMax}; {@code dataArea} (whole points) spans them from the top of the
     * rows to the axis line at {@code axisY}.
     */
    public record Layout(double width, double height, double panelLeft, double panelRight, double axisMin,
                         double axisMax, double axisY, double rowsTop, double rowHeight, Rectangle2D dataArea,
                         List<Mark> marks, List<Tick> ticks, List<TextBox> texts) implements LaidOutFigure.Size {

        public double x(double v) {
            return panelLeft + (v - axisMin) / (axisMax - axisMin) * (panelRight - panelLeft);
        }
    }

    private static final Color DOT = new Color(0x00, 0x72, 0xB2);

    public MedianChart(MedianChartData data, FigureStyle style) {
        super("median chart", data, style);
    }

    public MedianChart(MedianChartData data) {
        this(data, FigureStyle.JOURNAL_PAGE);
    }


    private String num(OptionalDouble v) {
        return Draw.fixed(v.getAsDouble(), data.digits());
    }

    /** The value-column text of an entry. */
    String valueText(Entry e) {
        if (e.state() == MedianState.NOT_REPORTED) {
            return "not reported";
        }
        String med = e.state() == MedianState.NOT_REACHED ? "NR" : num(e.median());
        if (e.lower().isEmpty()) {
            return med;
        }
        String hi = e.upperNotReached() ? "NR" : e.upper().isPresent() ? num(e.upper()) : "NE";
        return med + " [" + num(e.lower()) + ", " + hi + "]";
    }

    @Override
    Layout computeLayout() {
        double fs = style.fontSize();
        double m = fs;
        double gap = fs * 1.2;
        double rh = fs * 1.6;
        double lineH = fs * 1.25;
        var reg = Face.REGULAR.at(fs);
        var cols = data.columns();
        int nLeft = cols.left().size();
        double wLabel = maxWidth(Face.BOLD, fs, cols.label());
        double[] wLeft = new double[nLeft];
        for (int i = 0; i < nLeft; i++) {
            wLeft[i] = maxWidth(Face.BOLD, fs, cols.left().get(i));
        }
        double wVal = maxWidth(Face.BOLD, fs, cols.value());
        double hi = 0;
        double stateW = Math.max(FigureFonts.width(Face.ITALIC.at(fs), "not reached"),
                FigureFonts.width(Face.ITALIC.at(fs), "not reported"));
        for (Row r : data.rows()) {
            if (r instanceof Entry e) {
                wLabel = Math.max(wLabel, FigureFonts.width(reg, e.label() + e.marker()));
                for (int i = 0; i < nLeft; i++) {
                    wLeft[i] = Math.max(wLeft[i], FigureFonts.width(reg, e.left().get(i)));
                }
                wVal = Math.max(wVal, FigureFonts.width(e.state() == MedianState.NOT_REPORTED ? Face.ITALIC.at(fs) : reg,
                        valueText(e)));
                for (OptionalDouble v : List.of(e.median(), e.lower(), e.upper())) {
                    if (v.isPresent()) {
                        hi = Math.max(hi, v.getAsDouble());
                    }
                }
            } else if (r instanceof Header h) {
                wLabel = Math.max(wLabel, FigureFonts.width(Face.BOLD.at(fs), h.text()));
            }
        }
        double axisMin;
        double axisMax;
        double step;
        if (data.axisLimits().isPresent()) {
            axisMin = data.axisLimits().get().lower();
            axisMax = data.axisLimits().get().upper();
            step = Ticks.linearStep(axisMin, axisMax, 5);
        } else {
            double[] l = Ticks.linearLimits(0, hi > 0 ? hi : 1, 5);
            axisMin = l[0];
            axisMax = l[1];
            step = l[2];
        }
        double x = m + wLabel;
        double[] leftC = new double[nLeft];
        for (int i = 0; i < nLeft; i++) {
            x += gap;
            leftC[i] = x + wLeft[i] / 2;
            x += wLeft[i];
        }
        double pl = Math.ceil(x + gap); // the data area lies on whole points
        double rightBlock = gap + wVal + m;
        double panel = Math.max(Math.max(fs * 12, stateW * 1.6),
                Math.min(style.targetWidth() * 0.5, style.targetWidth() - pl - rightBlock));
        List<TextBox> texts = new ArrayList<>();
        double fsz = fs * 0.875;
        double need = FigureFonts.width(Face.BOLD.at(fs * 1.15), data.title());
        for (String f : data.footnotes()) {
            need = Math.max(need, FigureFonts.width(Face.REGULAR.at(fsz), f));
        }
        if (need + 2 * m > pl + panel + rightBlock) {
            panel += need + 2 * m - (pl + panel + rightBlock);
        }
        double pr = Math.ceil(pl + panel);
        double valRight = pr + gap + wVal;
        double width = valRight + m;
        double fMin = axisMin;
        double fMax = axisMax;
        // x as the chart's axis maps it (the data area's height does not matter for x)
        ValueAxis axis = Charts.linearAxis(axisMin, axisMax, List.of(), true);
        Rectangle2D xSpan = new Rectangle2D.Double(pl, 0, pr - pl, 1);
        java.util.function.DoubleUnaryOperator toX = v -> Charts.x(axis, v, xSpan);
        java.util.function.DoubleUnaryOperator clampX = v -> v <= fMin ? pl : v >= fMax ? pr : toX.applyAsDouble(v);

        double y = m;
        y = addTitle(texts, data.title(), fs * 1.15, m, y, fs * 0.6);
        int hl = Math.max(1, Math.max(lines(cols.label()).length, lines(cols.value()).length));
        for (String h : cols.left()) {
            hl = Math.max(hl, lines(h).length);
        }
        double hb = y + hl * lineH;
        double descB = FigureFonts.descent(Face.BOLD.at(fs));
        addHeader(texts, cols.label(), m, Align.LEFT, hb, lineH, descB, fs);
        for (int i = 0; i < nLeft; i++) {
            addHeader(texts, cols.left().get(i), leftC[i], Align.CENTER, hb, lineH, descB, fs);
        }
        addHeader(texts, cols.value(), valRight, Align.RIGHT, hb, lineH, descB, fs);
        y = hb + fs * 0.6;
        double rowsTop = y;
        List<Mark> marks = new ArrayList<>();
        double pad = fs * 0.4;
        for (int i = 0; i < data.rows().size(); i++) {
            Row r = data.rows().get(i);
            double cy = y + rh / 2;
            if (r instanceof Header h) {
                texts.add(TextBox.centred(h.text(), Face.BOLD, fs, m, cy, Align.LEFT));
            } else if (r instanceof Entry e) {
                texts.add(TextBox.centred(e.label() + e.marker(), Face.REGULAR, fs, m, cy, Align.LEFT));
                for (int c = 0; c < nLeft; c++) {
                    if (!e.left().get(c).isEmpty()) {
                        texts.add(TextBox.centred(e.left().get(c), Face.REGULAR, fs, leftC[c], cy, Align.CENTER));
                    }
                }
                texts.add(TextBox.centred(valueText(e), e.state() == MedianState.NOT_REPORTED ? Face.ITALIC : Face.REGULAR,
                        fs, valRight, cy, Align.RIGHT));
                double xMed = e.median().isPresent() && e.median().getAsDouble() >= axisMin
                        && e.median().getAsDouble() <= axisMax ? toX.applyAsDouble(e.median().getAsDouble()) : Double.NaN;
                boolean whisker = e.lower().isPresent();
                double xl = whisker ? clampX.applyAsDouble(e.lower().getAsDouble()) : Double.NaN;
                double xu = Double.NaN;
                boolean arrowRight = false;
                boolean arrowLeft = whisker && e.lower().getAsDouble() < axisMin;
                if (whisker) {
                    if (e.upper().isPresent()) {
                        xu = clampX.applyAsDouble(e.upper().getAsDouble());
                        arrowRight = e.upper().getAsDouble() > axisMax;
                    } else {
                        xu = pr;
                        arrowRight = true;
                    }
                }
                TextBox state = null;
                if (e.state() != MedianState.REPORTED) {
                    String s = e.state() == MedianState.NOT_REACHED ? "not reached" : "not reported";
                    TextBox t = TextBox.centred(s, Face.ITALIC, fs, pl + pad, cy, Align.LEFT);
                    if (whisker) {
                        // put the text before the whisker when there is room; otherwise leave it to the value column
                        TextBox before = TextBox.centred(s, Face.ITALIC, fs, xl - pad, cy, Align.RIGHT);
                        t = before.x() >= pl + pad * 0.5 ? before : null;
                    }
                    state = t;
                    if (t != null) {
                        texts.add(t);
                    }
                }
                marks.add(new Mark(i, e.state(), cy, xMed, whisker, xl, xu, arrowLeft, arrowRight, state));
            }
            y += rh;
        }
        double dataBottom = Math.ceil(y + fs * 0.4);
        Rectangle2D dataArea = new Rectangle2D.Double(pl, Math.floor(rowsTop), pr - pl, dataBottom - Math.floor(rowsTop));
        double axisY = dataBottom;
        double tickBase = axisY + labelDistance() + FigureFonts.ascent(reg);
        List<Tick> ticks = Tick.horizontal(Ticks.linearTicks(axisMin, axisMax, step, Double.NaN), toX, fs, tickBase,
                fs * 0.6, 0, width);
        texts.addAll(ticks.stream().map(Tick::label).toList());
        y = tickBase + FigureFonts.descent(reg) + fs * 0.35;
        if (!data.axisLabel().isEmpty()) {
            TextBox t = TextBox.place(data.axisLabel(), Face.BOLD, fs, (pl + pr) / 2, y + FigureFonts.ascent(Face.BOLD.at(fs)),
                    Align.CENTER);
            if (t.right() > width - m) {
                t = t.shifted(width - m - t.right(), 0);
            }
            texts.add(t);
            y += lineH;
        }
        y = addFootnotes(texts, data.footnotes(), fsz, m, y, fs);
        return new Layout(width, y + m * 0.75, pl, pr, axisMin, axisMax, axisY, rowsTop, rh, dataArea,
                List.copyOf(marks), List.copyOf(ticks), List.copyOf(texts));
    }

    /** Distance from the axis line's centre to the top of its tick labels. */
    private double labelDistance() {
        return style.fontSize() * (0.4 + 0.15);
    }

    @Override
    JFreeChart chart() {
        Layout l = layout();
        double fs = style.fontSize();
        double lw = lineWidth();
        NumberAxis xAxis = Charts.linearAxis(l.axisMin(), l.axisMax(), l.ticks(), true);
        NumberAxis rows = Charts.pointsAxis(l.dataArea().getMinY(), l.dataArea().getMaxY());
        XIntervalSeries entries = new XIntervalSeries("medians", false, true);
        double[] dots = new double[l.marks().size()];
        for (int i = 0; i < l.marks().size(); i++) {
            Mark mk = l.marks().get(i);
            Entry e = (Entry) data.rows().get(mk.dataIndex());
            double median = Double.isNaN(mk.xMedian()) ? Double.NaN : e.median().getAsDouble();
            double lower = mk.hasWhisker() ? e.lower().getAsDouble() : Double.NaN;
            double upper = !mk.hasWhisker() ? Double.NaN
                    : e.upper().isPresent() ? e.upper().getAsDouble() : Double.POSITIVE_INFINITY;
            entries.add(median, lower, upper, mk.centerY());
            dots[i] = Double.isNaN(median) ? 0 : fs * 0.6;
        }
        XIntervalSeriesCollection dataset = new XIntervalSeriesCollection();
        dataset.addSeries(entries);
        IntervalRenderer renderer = new IntervalRenderer(IntervalRenderer.Marker.DOT, dots, DOT, lw, fs * 0.5,
                fs * 0.22, false);
        XYPlot plot = new XYPlot(dataset, xAxis, rows, renderer);
        JFreeChart chart = Charts.chart(plot, style);
        Charts.pin(plot, Charts.chartArea(l.width(), l.height()), l.dataArea());
        Charts.style(xAxis, style, lw, fs * 0.4, labelDistance(), RectangleEdge.BOTTOM);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(Draw.width(lw * 0.5)));
        return chart;
    }

    @Override
    List<TextBox> chartTexts() {
        return layout().ticks().stream().map(Tick::label).toList();
    }

    @Override
    public void draw(Graphics2D g) {
        drawChart(g);
        axisLines(g, layout().dataArea(), true, false);
        drawTexts(g, layout().texts(), t -> t.face() == Face.ITALIC && isState(t) ? Draw.MUTED : Draw.INK);
    }

    private boolean isState(TextBox t) {
        for (Mark mk : layout().marks()) {
            if (mk.stateText() == t) {
                return true;
            }
        }
        return false;
    }
}

package org.trialmeta.report;

import org.trialmeta.present.Formats;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.trialmeta.report.FigureFonts.Face;
import org.trialmeta.report.ForestPlotData.Estimate;
import org.trialmeta.report.ForestPlotData.Header;
import org.trialmeta.report.ForestPlotData.Pooled;
import org.trialmeta.report.ForestPlotData.PooledKind;
import org.trialmeta.report.ForestPlotData.Row;
import org.trialmeta.report.ForestPlotData.Study;
import org.trialmeta.report.ForestPlotData.Text;
import org.trialmeta.report.TextBox.Align;

/**
 * Forest plot in the layout of RevMan and R meta's {@code forest()}: study label, optional subgroup
 * and left text columns; the plot panel with squares of area proportional to the weight, CI
 * whiskers (with arrow heads where a CI runs past the axis limits), diamonds for pooled estimates, a
 * prediction-interval bar, a null line; then "estimate [lower, upper]" and weight columns; axis,
 * favours labels, effect label and footnotes underneath. Column widths come from the measured text,
 * the figure height from the number of rows, so no label overlaps or clips at any number of rows.
 *
 * <p>All geometry is computed once by {@link #layout()} (exposed for tests) and {@link #draw} only
 * paints it. JFreeChart draws the plot region: an {@link XYPlot} whose x axis is a {@code LogAxis} (or
 * a linear one for differences) with the 1–2–5 ticks of {@link Ticks}, and whose hidden y axis is the
 * row position in points, so every mark sits exactly on its row of the text columns; an
 * {@link IntervalRenderer} draws the study squares and whiskers, {@link XYPolygonAnnotation}s the
 * diamonds, {@link XYLineAnnotation} whiskers the prediction intervals and {@link XYLineAnnotation}s the null
 * line. The text columns, headers, favours and effect labels and footnotes are laid-out text.
 */
public final class ForestPlot extends LaidOutFigure<ForestPlotData, ForestPlot.Layout> {

    /** Kind of a laid-out row. */
    public enum RowKind { HEADER, STUDY, POOLED, PREDICTION, TEXT }

    /** Vertical extent of a row; {@code dataIndex} is its index in {@link ForestPlotData#rows()}. */
    public record RowBox(int dataIndex, RowKind kind, double top, double centerY, double height) {}

    /**
     * A study marker: square centred at {@code xEstimate} with side {@code side} (0 when the
     * estimate lies outside the axis), whisker from {@code xLower} to {@code xUpper} (clamped to the
     * panel) and arrow heads on the clipped ends.
     */
    public record StudyMark(int dataIndex, double centerY, double xEstimate, double xLower, double xUpper,
                            double side, double weightPercent, boolean estimateInside,
                            boolean clippedLower, boolean clippedUpper) {}

    /** A pooled diamond (or, for {@code kind == null}, a prediction-interval bar of half-height {@code halfHeight}). */
    public record DiamondMark(int dataIndex, PooledKind kind, double centerY, double xLower, double xEstimate,
                              double xUpper, double halfHeight, boolean clippedLower, boolean clippedUpper) {}

    /** A vertical segment of the null line. */
    public record Segment(double x, double y1, double y2) {}

    /**
     * The computed geometry, in points from the top left.
     *
     * @param width        figure width
     * @param height       figure height
     * @param panelLeft    x of the axis minimum
     * @param panelRight   x of the axis maximum
     * @param axisMin      axis minimum (natural scale)
     * @param axisMax      axis maximum (natural scale)
     * @param axisY        y of the axis line (its centre)
     * @param nullX        x of the null value (NaN when outside the axis)
     * @param headerRuleY  y of the thin rule under the column headers
     * @param rows         row boxes, top to bottom
     * @param studies      study markers
     * @param diamonds     pooled diamonds
     * @param predictions  prediction-interval bars
     * @param nullLine     null-line segments (broken where a spanning text crosses it)
     * @param ticks        axis ticks
     * @param texts        every text drawn
     * @param dataArea     the plot's data area (whole points): the panel from the top of the rows down to
     *                     the axis line
     */
    public record Layout(double width, double height, double panelLeft, double panelRight, AxisScale scale,
                         double axisMin, double axisMax, double axisY, double nullX, double headerRuleY,
                         Rectangle2D dataArea, List<RowBox> rows, List<StudyMark> studies, List<DiamondMark> diamonds,
                         List<DiamondMark> predictions, List<Segment> nullLine, List<Tick> ticks,
                         List<TextBox> texts) implements LaidOutFigure.Size {

        /** x of {@code value} on the axis (not clamped). */
        public double x(double value) {
            return panelLeft + (scale.transform(value) - scale.transform(axisMin))
                    / (scale.transform(axisMax) - scale.transform(axisMin)) * (panelRight - panelLeft);
        }
    }

    private static final Color SQUARE = new Color(0x4d, 0x4d, 0x4d);
    private static final Color FIXED_FILL = new Color(0x99, 0x99, 0x99);
    private static final Color SUBGROUP_FILL = new Color(0xd9, 0xd9, 0xd9);
    /** Log axes are clamped to null × 100^±1 by default so one huge CI does not flatten the rest. */
    private static final double LOG_AUTO_SPAN = 100;

    public ForestPlot(ForestPlotData data, FigureStyle style) {
        super("forest plot", data, style);
    }

    public ForestPlot(ForestPlotData data) {
        this(data, FigureStyle.JOURNAL_PAGE);
    }

    public ForestPlotData data() {
        return data;
    }


    // ---------------------------------------------------------------- layout

    private String estimateText(Estimate e) {
        int d = data.digits();
        return Draw.typographic(Formats.compact(e.value(), d) + " "
                + Formats.ciCompact(e.lower(), e.upper(), d, data.ciStyle()));
    }

    private String rangeText(ForestPlotData.Range r) {
        return Draw.typographic(Formats.ciCompact(r.lower(), r.upper(), data.digits(), data.ciStyle()));
    }

    private static String weightText(Double w) {
        return w == null ? "" : Draw.fixed(w, 1) + "%";
    }

    /** Smallest row pitch {@code --height-cm} may leave, in font sizes (the natural one is 1.6). */
    private static final double MIN_PITCH = 1.3;

    @Override
    Layout computeLayout() {
        double fs = style.fontSize();
        double m = fs;
        double gap = fs * 1.2;
        double rh = fs * 1.6;
        double lineH = fs * 1.25;
        double footSize = fs * 0.875;
        double titleSize = fs * 1.15;
        var cols = data.columns();
        int nLeft = cols.left().size();
        boolean hasSub = data.rows().stream().anyMatch(r -> r instanceof Study s && !s.subgroup().isEmpty());
        boolean hasWeight = data.rows().stream().anyMatch(r -> (r instanceof Study s && s.weightPercent() != null)
                || (r instanceof Pooled p && p.weightPercent() != null));

        // ---- column widths from measured text
        double wLabel = maxWidth(Face.BOLD, fs, cols.label());
        double wSub = hasSub ? maxWidth(Face.BOLD, fs, cols.subgroup()) : 0;
        double[] wLeft = new double[nLeft];
        for (int i = 0; i < nLeft; i++) {
            wLeft[i] = maxWidth(Face.BOLD, fs, cols.left().get(i));
        }
        double wEst = maxWidth(Face.BOLD, fs, cols.estimate());
        double wWeight = hasWeight ? maxWidth(Face.BOLD, fs, cols.weight()) : 0;
        double spanning = 0; // widest text that spans columns (Text rows)
        double headerSpan = 0;
        for (Row r : data.rows()) {
            if (r instanceof Study s) {
                    wLabel = Math.max(wLabel, FigureFonts.width(Face.REGULAR.at(fs), s.label() + s.marker()));
                    if (hasSub) {
                        wSub = Math.max(wSub, FigureFonts.width(Face.REGULAR.at(fs), s.subgroup()));
                    }
                    for (int i = 0; i < nLeft; i++) {
                        wLeft[i] = Math.max(wLeft[i], FigureFonts.width(Face.REGULAR.at(fs), s.left().get(i)));
                    }
                    String est = s.effect().map(this::estimateText).orElse("not estimable");
                    wEst = Math.max(wEst, FigureFonts.width(Face.REGULAR.at(fs), est));
                    wWeight = Math.max(wWeight, FigureFonts.width(Face.REGULAR.at(fs), weightText(s.weightPercent())));
            } else if (r instanceof Pooled p) {
                    wLabel = Math.max(wLabel, FigureFonts.width(Face.BOLD.at(fs), p.label()));
                    wEst = Math.max(wEst, FigureFonts.width(Face.BOLD.at(fs), estimateText(p.effect())));
                    wWeight = Math.max(wWeight, FigureFonts.width(Face.BOLD.at(fs), weightText(p.weightPercent())));
                    if (p.prediction().isPresent()) {
                        wLabel = Math.max(wLabel, FigureFonts.width(Face.REGULAR.at(fs), predictionLabel()));
                        wEst = Math.max(wEst, FigureFonts.width(Face.REGULAR.at(fs), rangeText(p.prediction().get())));
                    }
            } else if (r instanceof Header h) {
                headerSpan = Math.max(headerSpan, FigureFonts.width(Face.BOLD.at(fs), h.text()));
            } else if (r instanceof Text t) {
                spanning = Math.max(spanning, FigureFonts.width(Face.REGULAR.at(fs), t.text()));
            }
        }
        // a subgroup header must fit over the label and left columns
        double leftRegion = wLabel + (hasSub ? gap + wSub : 0);
        for (double w : wLeft) {
            leftRegion += gap + w;
        }
        if (headerSpan > leftRegion) {
            wLabel += headerSpan - leftRegion;
            leftRegion = headerSpan;
        }
        double leftBlock = m + leftRegion + gap;
        double rightBlock = gap + wEst + (hasWeight ? gap + wWeight : 0) + m;
        double minPanel = fs * 12;
        double maxPanel = Math.max(minPanel, style.targetWidth() * 0.5);
        double panel = Math.min(maxPanel, Math.max(minPanel, style.targetWidth() - leftBlock - rightBlock));
        // spanning texts, title and footnotes must fit: widen the panel if not
        double need = Math.max(spanning, FigureFonts.width(Face.BOLD.at(titleSize), data.title()));
        for (String f : data.footnotes()) {
            need = Math.max(need, FigureFonts.width(Face.REGULAR.at(footSize), f));
        }
        double contentWidth = leftBlock + panel + rightBlock - 2 * m;
        if (need > contentWidth) {
            panel += need - contentWidth;
        }

        // ---- axis limits
        double[] lim = axisLimits();
        double axisMin = lim[0];
        double axisMax = lim[1];

        // favours labels and effect label may need more room: iterate a few times
        Layout result = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            result = place(fs, m, gap, rh, lineH, footSize, titleSize, hasSub, hasWeight, wLabel, wSub, wLeft, wEst,
                    wWeight, panel, axisMin, axisMax, lim[2]);
            double grow = 0;
            for (TextBox t : result.texts()) {
                grow = Math.max(grow, Math.max(m - t.x(), t.right() - (result.width() - m)));
            }
            if (grow <= 1e-6) {
                break;
            }
            panel += 2 * grow;
        }
        if (style.targetHeight() > 0) {
            // the height is linear in the row pitch: find the pitch that gives the height asked for
            Layout taller = place(fs, m, gap, rh * 1.5, lineH, footSize, titleSize, hasSub, hasWeight, wLabel, wSub,
                    wLeft, wEst, wWeight, panel, axisMin, axisMax, lim[2]);
            double perPitch = (taller.height() - result.height()) / (rh * 0.5);
            double pitch = rh + (style.targetHeight() - result.height()) / perPitch;
            if (pitch < fs * MIN_PITCH) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "height %.1f cm is too small for %d rows (at least %.1f cm)", style.targetHeight() / 72 * 2.54,
                        data.rows().size(), (result.height() - (rh - fs * MIN_PITCH) * perPitch) / 72 * 2.54));
            }
            result = place(fs, m, gap, pitch, lineH, footSize, titleSize, hasSub, hasWeight, wLabel, wSub, wLeft, wEst,
                    wWeight, panel, axisMin, axisMax, lim[2]);
        }
        return result;
    }

    private String predictionLabel() {
        return "Prediction interval";
    }

    /** {min, max, linear step or NaN}. */
    private double[] axisLimits() {
        AxisScale scale = data.scale();
        if (data.axisLimits().isPresent()) {
            var a = data.axisLimits().get();
            double step = scale == AxisScale.LINEAR ? Ticks.linearStep(a.lower(), a.upper(), 5) : Double.NaN;
            return new double[] {a.lower(), a.upper(), step};
        }
        double lo = data.nullValue();
        double hi = data.nullValue();
        for (Row r : data.rows()) {
            List<Double> v = new ArrayList<>();
            if (r instanceof Study s && s.effect().isPresent()) {
                v.add(s.effect().get().lower());
                v.add(s.effect().get().upper());
            } else if (r instanceof Pooled p) {
                v.add(p.effect().lower());
                v.add(p.effect().upper());
                p.prediction().ifPresent(pr -> {
                    v.add(pr.lower());
                    v.add(pr.upper());
                });
            }
            for (double x : v) {
                // an infinite end, or 0 on a log scale (a ratio's end beyond exp's range), is drawn as an arrow
                if (Double.isFinite(x) && (scale != AxisScale.LOG || x > 0)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (scale == AxisScale.LOG) {
            lo = Math.max(lo, data.nullValue() / LOG_AUTO_SPAN);
            hi = Math.min(hi, data.nullValue() * LOG_AUTO_SPAN);
            double[] l = Ticks.logLimits(lo, hi);
            return new double[] {l[0], l[1], Double.NaN};
        }
        return Ticks.linearLimits(lo, hi, 5);
    }

    private Layout place(double fs, double m, double gap, double rh, double lineH, double footSize, double titleSize,
                         boolean hasSub, boolean hasWeight, double wLabel, double wSub, double[] wLeft, double wEst,
                         double wWeight, double panel, double axisMin, double axisMax, double step) {
        var cols = data.columns();
        int nLeft = wLeft.length;
        List<TextBox> texts = new ArrayList<>();

        // ---- horizontal positions
        double x = m;
        double labelX = x;
        x += wLabel;
        double subX = 0;
        if (hasSub) {
            x += gap;
            subX = x;
            x += wSub;
        }
        double[] leftCenter = new double[nLeft];
        for (int i = 0; i < nLeft; i++) {
            x += gap;
            leftCenter[i] = x + wLeft[i] / 2;
            x += wLeft[i];
        }
        x += gap;
        double pl = Math.ceil(x); // the data area lies on whole points
        double pr = Math.ceil(pl + panel);
        double estRight = pr + gap + wEst;
        double weightRight = hasWeight ? estRight + gap + wWeight : estRight;
        double width = weightRight + m;

        AxisScale scale = data.scale();
        // x as the chart's axis maps it (the data area's height does not matter for x)
        ValueAxis axis = axis(scale, axisMin, axisMax, List.of());
        Rectangle2D xSpan = new Rectangle2D.Double(pl, 0, pr - pl, 1);
        java.util.function.DoubleUnaryOperator toX = v -> Charts.x(axis, v, xSpan);
        java.util.function.DoubleUnaryOperator clampX = v -> v <= axisMin ? pl : v >= axisMax ? pr : toX.applyAsDouble(v);

        // ---- vertical: title and headers
        double y = m;
        y = addTitle(texts, data.title(), titleSize, m, y, fs * 0.6);
        int headerLines = 1;
        List<String> allHeaders = new ArrayList<>(List.of(cols.label(), cols.estimate()));
        allHeaders.addAll(cols.left());
        if (hasSub) {
            allHeaders.add(cols.subgroup());
        }
        if (hasWeight) {
            allHeaders.add(cols.weight());
        }
        for (String h : allHeaders) {
            headerLines = Math.max(headerLines, lines(h).length);
        }
        double headerBottom = y + headerLines * lineH;
        double descB = FigureFonts.descent(Face.BOLD.at(fs));
        addHeader(texts, cols.label(), labelX, Align.LEFT, headerBottom, lineH, descB, fs);
        if (hasSub) {
            addHeader(texts, cols.subgroup(), subX, Align.LEFT, headerBottom, lineH, descB, fs);
        }
        for (int i = 0; i < nLeft; i++) {
            addHeader(texts, cols.left().get(i), leftCenter[i], Align.CENTER, headerBottom, lineH, descB, fs);
        }
        addHeader(texts, cols.estimate(), estRight, Align.RIGHT, headerBottom, lineH, descB, fs);
        if (hasWeight) {
            addHeader(texts, cols.weight(), weightRight, Align.RIGHT, headerBottom, lineH, descB, fs);
        }
        double ruleY = headerBottom + fs * 0.35;
        y = ruleY + fs * 0.25;
        double rowsTop = y;

        // ---- rows
        List<RowBox> rows = new ArrayList<>();
        List<StudyMark> studies = new ArrayList<>();
        List<DiamondMark> diamonds = new ArrayList<>();
        List<DiamondMark> predictions = new ArrayList<>();
        List<double[]> nullBreaks = new ArrayList<>();
        double nullX = data.nullValue() >= axisMin && data.nullValue() <= axisMax
                ? toX.applyAsDouble(data.nullValue()) : Double.NaN;
        double wMax = data.rows().stream().filter(r -> r instanceof Study s && s.weightPercent() != null)
                .mapToDouble(r -> ((Study) r).weightPercent()).max().orElse(0);
        double sMax = rh * 0.8;
        double sMin = fs * 0.3;
        for (int i = 0; i < data.rows().size(); i++) {
            Row r = data.rows().get(i);
            if (r instanceof Header && i > 0) {
                y += rh * 0.4; // a little air above each subgroup after the first row
            }
            double top = y;
            double cy = y + rh / 2;
            if (r instanceof Header h) {
                    rows.add(new RowBox(i, RowKind.HEADER, top, cy, rh));
                    TextBox t = TextBox.centred(h.text(), Face.BOLD, fs, labelX, cy, Align.LEFT);
                    texts.add(t);
                    breakIfCrossing(nullBreaks, t, nullX, top, rh);
            } else if (r instanceof Text tx) {
                    rows.add(new RowBox(i, RowKind.TEXT, top, cy, rh));
                    TextBox t = TextBox.centred(tx.text(), Face.REGULAR, fs, labelX, cy, Align.LEFT);
                    texts.add(t);
                    breakIfCrossing(nullBreaks, t, nullX, top, rh);
            } else if (r instanceof Study s) {
                    rows.add(new RowBox(i, RowKind.STUDY, top, cy, rh));
                    texts.add(TextBox.centred(s.label() + s.marker(), Face.REGULAR, fs, labelX, cy, Align.LEFT));
                    if (hasSub && !s.subgroup().isEmpty()) {
                        texts.add(TextBox.centred(s.subgroup(), Face.REGULAR, fs, subX, cy, Align.LEFT));
                    }
                    for (int c = 0; c < nLeft; c++) {
                        if (!s.left().get(c).isEmpty()) {
                            texts.add(TextBox.centred(s.left().get(c), Face.REGULAR, fs, leftCenter[c], cy, Align.CENTER));
                        }
                    }
                    if (s.effect().isPresent()) {
                        Estimate e = s.effect().get();
                        texts.add(TextBox.centred(estimateText(e), Face.REGULAR, fs, estRight, cy, Align.RIGHT));
                        boolean inside = e.value() >= axisMin && e.value() <= axisMax;
                        double side;
                        if (!inside) {
                            side = 0;
                        } else if (s.weightPercent() == null || wMax <= 0) {
                            side = sMax * 0.5;
                        } else {
                            side = Math.max(sMin, sMax * Math.sqrt(s.weightPercent() / wMax));
                        }
                        studies.add(new StudyMark(i, cy, clampX.applyAsDouble(e.value()), clampX.applyAsDouble(e.lower()),
                                clampX.applyAsDouble(e.upper()), side,
                                s.weightPercent() == null ? Double.NaN : s.weightPercent(), inside,
                                e.lower() < axisMin, e.upper() > axisMax));
                    } else {
                        texts.add(TextBox.centred("not estimable", Face.ITALIC, fs, estRight, cy, Align.RIGHT));
                    }
                    if (s.weightPercent() != null) {
                        texts.add(TextBox.centred(weightText(s.weightPercent()), Face.REGULAR, fs, weightRight, cy, Align.RIGHT));
                    }
            } else if (r instanceof Pooled p) {
                    rows.add(new RowBox(i, RowKind.POOLED, top, cy, rh));
                    texts.add(TextBox.centred(p.label(), Face.BOLD, fs, labelX, cy, Align.LEFT));
                    texts.add(TextBox.centred(estimateText(p.effect()), Face.BOLD, fs, estRight, cy, Align.RIGHT));
                    if (p.weightPercent() != null) {
                        texts.add(TextBox.centred(weightText(p.weightPercent()), Face.BOLD, fs, weightRight, cy, Align.RIGHT));
                    }
                    Estimate e = p.effect();
                    diamonds.add(new DiamondMark(i, p.kind(), cy, clampX.applyAsDouble(e.lower()),
                            clampX.applyAsDouble(e.value()), clampX.applyAsDouble(e.upper()), rh * 0.3,
                            e.lower() < axisMin, e.upper() > axisMax));
                    if (p.prediction().isPresent()) {
                        var pr2 = p.prediction().get();
                        y += rh;
                        double cy2 = y + rh / 2;
                        rows.add(new RowBox(i, RowKind.PREDICTION, y, cy2, rh));
                        texts.add(TextBox.centred(predictionLabel(), Face.REGULAR, fs, labelX, cy2, Align.LEFT));
                        texts.add(TextBox.centred(rangeText(pr2), Face.REGULAR, fs, estRight, cy2, Align.RIGHT));
                        predictions.add(new DiamondMark(i, null, cy2, clampX.applyAsDouble(pr2.lower()),
                                clampX.applyAsDouble((pr2.lower() + pr2.upper()) / 2), clampX.applyAsDouble(pr2.upper()),
                                rh * 0.14, pr2.lower() < axisMin, pr2.upper() > axisMax));
                    }
            }
            y += rh;
        }
        double rowsBottom = y;

        // ---- axis: its line along the bottom edge of the data area
        double dataTop = Math.floor(rowsTop);
        double dataBottom = Math.ceil(rowsBottom + fs * 0.4);
        Rectangle2D dataArea = new Rectangle2D.Double(pl, dataTop, pr - pl, dataBottom - dataTop);
        double axisY = dataBottom;
        double tickBase = axisY + labelDistance() + FigureFonts.ascent(Face.REGULAR.at(fs));
        List<Double> candidates = scale == AxisScale.LOG
                ? Ticks.logTicks(axisMin, axisMax, data.nullValue())
                : Ticks.linearTicks(axisMin, axisMax, step, data.nullValue());
        List<Tick> ticks = Tick.horizontal(candidates, toX, fs, tickBase, fs * 0.6, 0, width);
        texts.addAll(ticks.stream().map(Tick::label).toList());
        y = tickBase + FigureFonts.descent(Face.REGULAR.at(fs)) + fs * 0.35;

        // favours labels: right-aligned to the left of the null line, left-aligned to the right of it
        double anchor = Double.isNaN(nullX) ? (pl + pr) / 2 : nullX;
        if (!data.favoursLeft().isEmpty() || !data.favoursRight().isEmpty()) {
            double base = y + FigureFonts.ascent(Face.REGULAR.at(fs));
            if (!data.favoursLeft().isEmpty()) {
                texts.add(TextBox.place("\u2190 " + data.favoursLeft(), Face.REGULAR, fs, anchor - fs * 0.5, base, Align.RIGHT));
            }
            if (!data.favoursRight().isEmpty()) {
                texts.add(TextBox.place(data.favoursRight() + " \u2192", Face.REGULAR, fs, anchor + fs * 0.5, base, Align.LEFT));
            }
            y += lineH;
        }
        if (!data.effectLabel().isEmpty()) {
            double base = y + FigureFonts.ascent(Face.BOLD.at(fs));
            TextBox t = TextBox.place(data.effectLabel(), Face.BOLD, fs, (pl + pr) / 2, base, Align.CENTER);
            // keep it inside the figure
            if (t.x() < m) {
                t = t.shifted(m - t.x(), 0);
            }
            if (t.right() > width - m) {
                t = t.shifted(width - m - t.right(), 0);
            }
            texts.add(t);
            y += lineH;
        }
        y = addFootnotes(texts, data.footnotes(), footSize, m, y, fs);
        double height = y + m * 0.75;

        // ---- null line, broken where a spanning text crosses it
        List<Segment> nullLine = new ArrayList<>();
        if (!Double.isNaN(nullX) && data.showNullLine()) {
            double start = rowsTop;
            for (double[] b : nullBreaks) {
                if (b[0] > start) {
                    nullLine.add(new Segment(nullX, start, b[0]));
                }
                start = Math.max(start, b[1]);
            }
            if (dataBottom > start) {
                nullLine.add(new Segment(nullX, start, dataBottom));
            }
        }
        return new Layout(width, height, pl, pr, scale, axisMin, axisMax, axisY, nullX, ruleY, dataArea, List.copyOf(rows),
                List.copyOf(studies), List.copyOf(diamonds), List.copyOf(predictions), List.copyOf(nullLine),
                List.copyOf(ticks), List.copyOf(texts));
    }

    private static void breakIfCrossing(List<double[]> breaks, TextBox t, double nullX, double top, double rh) {
        if (!Double.isNaN(nullX) && t.x() - 2 < nullX && nullX < t.right() + 2) {
            breaks.add(new double[] {top, top + rh});
        }
    }

    /** Distance from the axis line's centre to the top of its tick labels. */
    private double labelDistance() {
        return style.fontSize() * (0.4 + 0.15);
    }

    /** The x axis: log10 for ratios, linear for differences, drawing {@code ticks}. */
    private static ValueAxis axis(AxisScale scale, double min, double max, List<Tick> ticks) {
        return scale == AxisScale.LOG ? Charts.logAxis(min, max, ticks) : Charts.linearAxis(min, max, ticks, true);
    }

    // ---------------------------------------------------------------- drawing

    @Override
    JFreeChart chart() {
        Layout l = layout();
        double fs = style.fontSize();
        double lw = lineWidth();
        double arrowLen = fs * 0.5;
        double arrowHalf = fs * 0.22;
        Rectangle2D area = l.dataArea();
        ValueAxis xAxis = axis(l.scale(), l.axisMin(), l.axisMax(), l.ticks());
        XIntervalSeries studies = new XIntervalSeries("studies", false, true);
        double[] sides = new double[l.studies().size()];
        for (int i = 0; i < sides.length; i++) {
            StudyMark s = l.studies().get(i);
            Estimate e = ((Study) data.rows().get(s.dataIndex())).effect().orElseThrow();
            studies.add(e.value(), e.lower(), e.upper(), s.centerY());
            sides[i] = s.side();
        }
        XIntervalSeriesCollection dataset = new XIntervalSeriesCollection();
        dataset.addSeries(studies);
        IntervalRenderer renderer = new IntervalRenderer(IntervalRenderer.Marker.SQUARE, sides, SQUARE, lw, arrowLen,
                arrowHalf, true);
        XYPlot plot = new XYPlot(dataset, xAxis, Charts.pointsAxis(area.getMinY(), area.getMaxY()), renderer);
        JFreeChart chart = Charts.chart(plot, style);
        Charts.pin(plot, Charts.chartArea(l.width(), l.height()), area);
        Charts.style(xAxis, style, lw, fs * 0.4, labelDistance(), RectangleEdge.BOTTOM);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        java.util.function.DoubleUnaryOperator value = x -> xAxis.java2DToValue(x, area, RectangleEdge.BOTTOM);

        BasicStroke nullStroke = new BasicStroke(Draw.width(lw * 0.8), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        for (Segment s : l.nullLine()) {
            renderer.addAnnotation(new XYLineAnnotation(data.nullValue(), s.y1(), data.nullValue(), s.y2(), nullStroke,
                    Draw.MUTED), Layer.BACKGROUND);
        }
        // diamonds; one that runs off the axis stops short of the edge, where an arrow head takes over
        double tip = arrowLen * 0.8;
        for (DiamondMark d : l.diamonds()) {
            double xl = d.clippedLower() ? d.xLower() + tip : d.xLower();
            double xu = d.clippedUpper() ? d.xUpper() - tip : d.xUpper();
            double est = value.applyAsDouble(Math.max(xl, Math.min(xu, d.xEstimate())));
            double[] polygon = {value.applyAsDouble(xl), d.centerY(), est, d.centerY() - d.halfHeight(),
                value.applyAsDouble(xu), d.centerY(), est, d.centerY() + d.halfHeight()};
            Color fill = switch (d.kind()) {
                case RANDOM -> Draw.INK;
                case FIXED -> FIXED_FILL;
                case SUBGROUP -> SUBGROUP_FILL;
            };
            renderer.addAnnotation(new XYPolygonAnnotation(polygon, nullStroke, Draw.INK, fill), Layer.FOREGROUND);
            arrows(renderer, d, tip, arrowHalf);
        }
        // prediction intervals: a whisker (a line with end caps) on their own row under the diamond, as the literature
        // draws them (IntHout et al. BMJ Open 2016;6:e010247), arrow heads where they run off the axis
        BasicStroke whisker = new BasicStroke(Draw.width(lw), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        for (DiamondMark b : l.predictions()) {
            double xl = b.clippedLower() ? b.xLower() + arrowLen * 0.9 : b.xLower();
            double xu = Math.max(xl, b.clippedUpper() ? b.xUpper() - arrowLen * 0.9 : b.xUpper());
            renderer.addAnnotation(new XYLineAnnotation(value.applyAsDouble(xl), b.centerY(), value.applyAsDouble(xu),
                    b.centerY(), whisker, Draw.INK), Layer.FOREGROUND);
            if (!b.clippedLower()) {
                renderer.addAnnotation(new XYLineAnnotation(value.applyAsDouble(xl), b.centerY() - b.halfHeight(),
                        value.applyAsDouble(xl), b.centerY() + b.halfHeight(), whisker, Draw.INK), Layer.FOREGROUND);
            }
            if (!b.clippedUpper()) {
                renderer.addAnnotation(new XYLineAnnotation(value.applyAsDouble(xu), b.centerY() - b.halfHeight(),
                        value.applyAsDouble(xu), b.centerY() + b.halfHeight(), whisker, Draw.INK), Layer.FOREGROUND);
            }
            arrows(renderer, b, arrowLen, arrowHalf);
        }
        return chart;
    }

    /** Arrow heads with their tips at the clipped ends of {@code d} (data values: the axis limits, the row). */
    private void arrows(IntervalRenderer renderer, DiamondMark d, double length, double halfWidth) {
        if (d.clippedLower()) {
            renderer.addAnnotation(new ArrowHeadAnnotation(layout().axisMin(), d.centerY(), -1, length, halfWidth,
                    Draw.INK), Layer.FOREGROUND);
        }
        if (d.clippedUpper()) {
            renderer.addAnnotation(new ArrowHeadAnnotation(layout().axisMax(), d.centerY(), 1, length, halfWidth,
                    Draw.INK), Layer.FOREGROUND);
        }
    }

    @Override
    List<TextBox> chartTexts() {
        return layout().ticks().stream().map(Tick::label).toList();
    }

    @Override
    public void draw(Graphics2D g) {
        Layout l = layout();
        drawChart(g);
        axisLines(g, l.dataArea(), true, false);
        Draw.line(g, style.fontSize(), l.headerRuleY(), l.width() - style.fontSize(), l.headerRuleY(), lineWidth() * 0.7,
                Draw.MUTED);
        drawTexts(g, l.texts(), t -> Draw.INK);
    }
}

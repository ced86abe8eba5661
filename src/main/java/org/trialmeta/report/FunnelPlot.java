package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trialmeta.report.FigureFonts.Face;

/**
 * Funnel plot (Light RJ, Pillemer DB. Summing Up, Harvard 1984; Sterne JAC et al. BMJ 2011;343:d4002), as metafor's
 * {@code funnel(trimfill(res))}: a JFreeChart {@link XYPlot} of each study's estimate (x) against its standard error
 * on a reversed y axis (0 at the top), the vertical line at the pooled estimate, the pseudo-95% region
 * estimate ± 1.96·SE as two lines from the apex at SE 0 to the largest SE, observed studies as filled circles and
 * studies filled by trim and fill as open circles. Fonts are the bundled DejaVu Sans, numbers use Locale.ROOT and a
 * true minus sign, so the PNG, SVG and PDF bytes are the same on every machine ({@link FigureWriter}).
 */
public final class FunnelPlot implements Figure {

    /** Series order in the dataset (and the legend). */
    static final int STUDIES = 0;
    static final int FILLED = 1;
    static final int REGION_LEFT = 2;
    static final int REGION_RIGHT = 3;
    static final int CENTRE = 4;

    /** z for the pseudo-95% region. */
    static final double Z95 = 1.959963984540054;

    /** The default size: 360 pt (12.7 cm) wide, 8 pt text. */
    public static final FigureStyle DEFAULT_STYLE = new FigureStyle(8, 360);

    private static final Color INK = Draw.INK;
    private static final Color REGION = new Color(0x80, 0x80, 0x80);

    private final FunnelPlotData data;
    private final FigureStyle style;
    private final JFreeChart chart;

    public FunnelPlot(FunnelPlotData data, FigureStyle style) {
        this.data = data;
        this.style = style;
        this.chart = build();
        FigureWriter.checkSize("funnel plot", width(), height());
    }

    public FunnelPlot(FunnelPlotData data) {
        this(data, DEFAULT_STYLE);
    }

    @Override
    public double width() {
        return style.targetWidth();
    }

    @Override
    public double height() {
        return Math.round(style.targetWidth() * 0.8);
    }

    /** The chart (for tests of its axes and series). */
    JFreeChart chart() {
        return chart;
    }

    /** The plot's data area after drawing at the figure's size (for geometry tests). */
    Rectangle2D dataArea(Graphics2D g) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        chart.draw(g, new Rectangle2D.Double(0, 0, width(), height()), info);
        return info.getPlotInfo().getDataArea();
    }

    @Override
    public void draw(Graphics2D g) {
        // JFreeChart draws rotated text (the y-axis label) as glyph outlines unless told otherwise; text stays text
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        chart.draw(g, new Rectangle2D.Double(0, 0, width(), height()));
    }

    private JFreeChart build() {
        double se = data.maxSe();
        double c = data.center();
        XYSeriesCollection ds = new XYSeriesCollection();
        XYSeries studies = new XYSeries("Studies", false, true);
        double[] yi = data.yi();
        double[] sei = data.sei();
        double lo = c - Z95 * se;
        double hi = c + Z95 * se;
        for (int i = 0; i < yi.length; i++) {
            studies.add(yi[i], sei[i]);
            lo = Math.min(lo, yi[i]);
            hi = Math.max(hi, yi[i]);
        }
        XYSeries filled = new XYSeries("Filled studies (trim and fill)", false, true);
        double[] fy = data.filledYi();
        double[] fs = data.filledSei();
        for (int i = 0; i < fy.length; i++) {
            filled.add(fy[i], fs[i]);
            lo = Math.min(lo, fy[i]);
            hi = Math.max(hi, fy[i]);
        }
        XYSeries left = new XYSeries("Pseudo 95% region", false, true);
        left.add(c, 0);
        left.add(c - Z95 * se, se);
        XYSeries right = new XYSeries("right", false, true);
        right.add(c, 0);
        right.add(c + Z95 * se, se);
        XYSeries centre = new XYSeries("Pooled estimate", false, true);
        centre.add(c, 0);
        centre.add(c, se);
        ds.addSeries(studies);
        ds.addSeries(filled);
        ds.addSeries(left);
        ds.addSeries(right);
        ds.addSeries(centre);

        double fsz = style.fontSize();
        Font regular = Face.REGULAR.at(fsz);
        NumberAxis x = axis(data.xLabel(), regular);
        double pad = 0.05 * (hi - lo);
        x.setRange(lo - pad, hi + pad);
        NumberAxis y = axis("Standard error", regular);
        y.setInverted(true);
        y.setRange(0, se * 1.02);

        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        double d = fsz * 0.7;
        Ellipse2D dot = new Ellipse2D.Double(-d / 2, -d / 2, d, d);
        BasicStroke thin = new BasicStroke(Draw.width(0.75));
        BasicStroke dashed = new BasicStroke(Draw.width(0.75), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {3f, 2f}, 0f);
        for (int s = 0; s < 5; s++) {
            boolean points = s == STUDIES || s == FILLED;
            r.setSeriesLinesVisible(s, !points);
            r.setSeriesShapesVisible(s, points);
            r.setSeriesShape(s, dot);
            r.setSeriesStroke(s, s == CENTRE ? thin : dashed);
            r.setSeriesPaint(s, s == STUDIES || s == FILLED ? INK : REGION);
            r.setSeriesVisibleInLegend(s, s != REGION_RIGHT && (s != FILLED || fy.length > 0));
        }
        r.setSeriesShapesFilled(STUDIES, true);
        r.setSeriesShapesFilled(FILLED, false);
        r.setSeriesOutlineStroke(FILLED, thin);
        r.setUseOutlinePaint(false);
        r.setDrawOutlines(true);

        XYPlot plot = new XYPlot(ds, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart ch = new JFreeChart(null, regular, plot, true);
        ch.setBackgroundPaint(Color.WHITE);
        ch.setAntiAlias(true);
        ch.setTextAntiAlias(true);
        ch.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        ch.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        ch.setPadding(new RectangleInsets(fsz, fsz, fsz * 0.5, fsz * 1.5));
        LegendTitle legend = ch.getLegend();
        legend.setItemFont(regular);
        legend.setItemPaint(INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setPosition(RectangleEdge.TOP);
        if (!data.note().isEmpty()) {
            TextTitle note = new TextTitle(data.note(), Face.ITALIC.at(fsz * 0.9));
            note.setPosition(RectangleEdge.BOTTOM);
            note.setPaint(Draw.MUTED);
            note.setPadding(new RectangleInsets(fsz * 0.5, 0, 0, 0));
            ch.addSubtitle(note);
        }
        return ch;
    }

    private static NumberAxis axis(String label, Font font) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(font);
        a.setTickLabelFont(font);
        a.setLabelPaint(INK);
        a.setTickLabelPaint(INK);
        a.setAxisLinePaint(INK);
        a.setTickMarkPaint(INK);
        a.setAutoRangeIncludesZero(false);
        a.setNumberFormatOverride(new TickFormat());
        return a;
    }

    /** Tick labels: Locale.ROOT, up to 6 decimals, a true minus sign, never "−0". */
    static final class TickFormat extends DecimalFormat {
        private static final long serialVersionUID = 1L;

        TickFormat() {
            super("0.######", symbols());
        }

        private static DecimalFormatSymbols symbols() {
            DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(Locale.ROOT);
            s.setMinusSign('\u2212');
            return s;
        }

        @Override
        public StringBuffer format(double number, StringBuffer result, java.text.FieldPosition field) {
            String text = super.format(number, new StringBuffer(), field).toString();
            return result.append(text.equals("\u22120") ? "0" : text);
        }
    }
}

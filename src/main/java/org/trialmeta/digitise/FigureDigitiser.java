package org.trialmeta.digitise;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Kaplan-Meier curves off a figure image: {@link PlotCalibration} finds the axes and ticks, the curves are
 * separated by colour (given, or the most frequent saturated colours inside the plot) and traced by
 * {@link CurveTracer}. What is not a curve — censor ticks, grid lines, confidence bands, legends, text — is left out
 * by colour, by size and by the curve never rising (see {@link CurveTracer}).
 *
 * <p>Limits: curves must differ in colour (two black curves told apart by line type are not separated; with no
 * saturated colour, the dark ink inside the plot is read as one curve); a curve hidden under another is read where
 * it shows; confidence limits drawn as lines in the curve's own colour (base R's {@code conf.int = TRUE}) must be
 * left out of the figure; the axes must be dark lines along the left and bottom of the plot.
 */
public final class FigureDigitiser {

    /** Most curves looked for when no colours are given. */
    static final int MAX_CURVES = 6;
    /** A colour found without {@code --colours} is a curve only if its ink covers this fraction of the plot width. */
    static final double MIN_SPAN = 0.25;
    /** Two colours closer than this (RGB distance) are one. */
    static final double DISTINCT = 100;
    /** Without {@code --colours}, ink thicker than this fraction of the plot height is an area, not a curve. */
    static final double MAX_LINE_FRACTION = 0.03;

    private FigureDigitiser() {}

    /**
     * One curve read off the figure.
     *
     * @param colour   its colour, {@code #rrggbb}
     * @param time     step points: times
     * @param survival step points: survival, on the y-axis's scale
     * @param ink      pixels of ink used
     * @param lineWidth line width in pixels
     * @param pixels   the trace in pixel coordinates (for the overlay)
     */
    public record Curve(String colour, double[] time, double[] survival, int ink, double lineWidth,
            CurveTracer.Trace pixels) {}

    /**
     * The figure read.
     *
     * @param calibration axes, ticks and pixel-to-data maps
     * @param curves      the curves, in the order of the colours given (or by decreasing amount of ink)
     * @param width       image width
     * @param height      image height
     */
    public record Result(PlotCalibration calibration, List<Curve> curves, int width, int height) {}

    /**
     * Digitises {@code image}.
     *
     * @param colours the curves' colours, or empty to find them
     * @throws IllegalArgumentException (one line) when no axes or no curve are found
     */
    public static Result digitise(BufferedImage image, AxisRange x, AxisRange y, List<Integer> colours) {
        Pixels px = Pixels.of(image);
        PlotCalibration cal = PlotCalibration.find(px, x, y);
        if (cal.right() - cal.left() < 20 || cal.bottom() - cal.top() < 20) {
            throw new IllegalArgumentException("the plot area found is " + (cal.right() - cal.left() + 1) + " x "
                    + (cal.bottom() - cal.top() + 1) + " pixels, too small to read a curve");
        }
        boolean given = !colours.isEmpty();
        List<Integer> cs = given ? colours : candidateColours(px, cal);
        List<Curve> curves = new ArrayList<>();
        for (int c : cs) {
            boolean[] m = CurveTracer.mask(px, cal, c);
            int ink = CurveTracer.keepLargePieces(m, px.width(), px.height());
            CurveTracer.Trace t = ink == 0 ? null : CurveTracer.trace(m, px.width(), cal, ink);
            if (t == null) {
                if (given) {
                    throw new IllegalArgumentException("no curve of colour " + hex(c) + " found in the plot area");
                }
                continue;
            }
            double span = (t.columns()[t.columns().length - 1] - t.columns()[0]) / (cal.right() - cal.left());
            if (!given && (span < MIN_SPAN || t.width() > MAX_LINE_FRACTION * (cal.bottom() - cal.top()))) {
                continue; // too short for a curve, or an area (a band) rather than a line
            }
            curves.add(curve(hex(c), t, cal));
            if (curves.size() == MAX_CURVES) {
                break;
            }
        }
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curve found in the plot area (give the curves' colours with"
                    + " --colours '#rrggbb,...')");
        }
        return new Result(cal, curves, px.width(), px.height());
    }

    private static Curve curve(String colour, CurveTracer.Trace t, PlotCalibration cal) {
        List<double[]> pts = new ArrayList<>();
        double[] c = t.columns();
        for (int i = 0; i < c.length; i++) {
            double time = cal.time(c[i]);
            add(pts, time, cal.survival(t.before()[i]));
            add(pts, time, cal.survival(t.after()[i]));
        }
        double[] time = new double[pts.size()];
        double[] s = new double[pts.size()];
        for (int i = 0; i < time.length; i++) {
            time[i] = pts.get(i)[0];
            s[i] = pts.get(i)[1];
        }
        return new Curve(colour, time, s, t.ink(), t.width(), t);
    }

    /** Appends a point unless it repeats the last one. */
    private static void add(List<double[]> pts, double time, double survival) {
        double[] last = pts.isEmpty() ? null : pts.get(pts.size() - 1);
        if (last == null || last[0] != time || last[1] != survival) {
            pts.add(new double[] {time, survival});
        }
    }

    /**
     * The curves' colours when none are given: saturated colours inside the plot (HSV saturation at least 0.3,
     * value at least 0.2; grey, black and white are not), grouped in bins of 16 levels per channel, most frequent
     * first, each at least {@link #DISTINCT} from those taken, without the tints of another (band fills, see
     * {@link #tintOf}); when there is none, black (the dark ink inside the plot, for a figure with one black curve).
     */
    static List<Integer> candidateColours(Pixels px, PlotCalibration cal) {
        Map<Integer, long[]> bins = new HashMap<>();
        for (int y = Math.max(0, cal.top()); y <= cal.bottom(); y++) {
            for (int x = cal.left(); x <= cal.right(); x++) {
                int rgb = px.rgb(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (max < 51 || (max - min) < 0.3 * max) {
                    continue;
                }
                long[] acc = bins.computeIfAbsent(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4), k -> new long[4]);
                acc[0]++;
                acc[1] += r;
                acc[2] += g;
                acc[3] += b;
            }
        }
        List<long[]> sorted = new ArrayList<>(bins.values());
        sorted.sort((a, b) -> Long.compare(b[0], a[0]));
        List<Integer> out = new ArrayList<>();
        for (long[] acc : sorted) {
            int rgb = (int) (acc[1] / acc[0]) << 16 | (int) (acc[2] / acc[0]) << 8 | (int) (acc[3] / acc[0]);
            if (acc[0] < 20 || out.stream().anyMatch(o -> Pixels.distance(o, rgb) < DISTINCT)) {
                continue;
            }
            out.add(rgb);
            if (out.size() == 2 * MAX_CURVES) {
                break;
            }
        }
        // a confidence band is its curve's colour blended with white: drop such tints of a stronger colour
        List<Integer> strong = new ArrayList<>();
        for (int c : out) {
            if (out.stream().noneMatch(o -> o != c && tintOf(c, o))) {
                strong.add(c);
            }
        }
        out = strong;
        if (out.isEmpty()) {
            out.add(0x000000);
        }
        return out;
    }

    /**
     * Whether {@code light} is {@code colour} blended with white, light = a·colour + (1 − a)·white for one a in
     * (0, 1) in every channel (within 0.15), and lighter.
     */
    static boolean tintOf(int light, int colour) {
        double[] a = new double[3];
        for (int k = 0; k < 3; k++) {
            int l = (light >> (16 - 8 * k)) & 0xff;
            int c = (colour >> (16 - 8 * k)) & 0xff;
            if (c > 230) {
                a[k] = Double.NaN; // a channel already near white says nothing
                continue;
            }
            a[k] = (255.0 - l) / (255.0 - c);
        }
        double lo = 2;
        double hi = -1;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi >= lo && lo > 0 && hi < 0.95 && hi - lo < 0.15;
    }

    /** {@code #rrggbb}. */
    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    /** Parses {@code #rrggbb} (or {@code rrggbb}); null when it is not one. */
    public static Integer parseColour(String s) {
        String t = s.strip();
        if (t.startsWith("#")) {
            t = t.substring(1);
        }
        return t.matches("[0-9a-fA-F]{6}") ? Integer.parseInt(t, 16) : null;
    }
}

package org.trialmeta.present;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialmeta.digitise.FigureDigitiser;
import org.trialmeta.digitise.PlotCalibration;

/**
 * What {@code digitise} reports: the one summary its text and JSON are made from.
 *
 * @param image         the image read
 * @param width         its width in pixels
 * @param height        its height in pixels
 * @param plotArea      the plot area found, in pixels
 * @param xTicks        x-axis ticks found (pixel columns)
 * @param yTicks        y-axis ticks found (pixel rows, top to bottom)
 * @param calibratedOn  "ticks" (first and last tick of each axis at the given ranges) or "axis ends"
 * @param curves        one per curve, in file order
 * @param overlay       the check image written
 */
public record DigitiseSummary(String image, int width, int height, Area plotArea, List<Double> xTicks,
        List<Double> yTicks, String calibratedOn, List<Curve> curves, String overlay) {

    /** A rectangle of pixels, inclusive. */
    public record Area(int left, int top, int right, int bottom) {}

    /**
     * One curve.
     *
     * @param file          the CSV written ({@code time,survival} step points)
     * @param colour        its colour
     * @param points        step points written
     * @param inkPixels     pixels of ink traced
     * @param lineWidth     line width in pixels
     * @param firstTime     time of the first point
     * @param lastTime      time of the last point
     * @param firstSurvival survival at the first point
     * @param lastSurvival  survival at the last point
     */
    public record Curve(String file, String colour, int points, int inkPixels, double lineWidth, double firstTime,
            double lastTime, double firstSurvival, double lastSurvival) {}

    /** The summary of {@code r} read from {@code image}, written to {@code files} and {@code overlay}. */
    public static DigitiseSummary of(Path image, FigureDigitiser.Result r, List<Path> files, Path overlay) {
        PlotCalibration c = r.calibration();
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < r.curves().size(); i++) {
            FigureDigitiser.Curve k = r.curves().get(i);
            int n = k.time().length;
            curves.add(new Curve(files.get(i).toString(), k.colour(), n, k.ink(), k.lineWidth(), k.time()[0],
                    k.time()[n - 1], k.survival()[0], k.survival()[n - 1]));
        }
        return new DigitiseSummary(image.toString(), r.width(), r.height(), new Area(c.left(), c.top(), c.right(),
                c.bottom()), list(c.xTicks()), list(c.yTicks()), c.fromTicks() ? "ticks" : "axis ends", curves,
                overlay.toString());
    }

    private static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double v : a) {
            l.add(v);
        }
        return l;
    }
}

package org.trialmeta.digitise;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the plot is in a figure and how pixels map to data: the axis lines (the lowest long dark horizontal line,
 * the leftmost long dark vertical line), the tick marks on them, and the linear maps that put the first and last
 * tick of each axis at the values the user read off its labels. Without two ticks on an axis, the ends of its
 * axis line are used instead ({@link #fromTicks} false).
 *
 * @param left       first pixel column inside the plot (right of the y-axis line)
 * @param right      last pixel column of the plot (end of the x-axis line)
 * @param top        first pixel row of the plot (top of the y-axis line)
 * @param bottom     last pixel row inside the plot (above the x-axis line)
 * @param axisRow    the x-axis line's row (its top edge)
 * @param axisCol    the y-axis line's column (its right edge)
 * @param xTicks     pixel columns of the x-axis ticks found (centres)
 * @param yTicks     pixel rows of the y-axis ticks found, top to bottom
 * @param xPixels    pixel columns mapped to {@code xRange}'s first and last value
 * @param yPixels    pixel rows mapped to {@code yRange}'s first and last value
 * @param xRange     the values of the first and last x tick (or axis end)
 * @param yRange     the values of the first and last y tick (or axis end)
 * @param fromTicks  whether both axes were calibrated on their ticks
 */
public record PlotCalibration(int left, int right, int top, int bottom, int axisRow, int axisCol, double[] xTicks,
        double[] yTicks, double[] xPixels, double[] yPixels, AxisRange xRange, AxisRange yRange, boolean fromTicks) {

    /** Pixels darker than this in every channel, and about grey, are axis ink. */
    static final int DARK = 110;
    /** Largest channel spread of a "grey" pixel. */
    static final int GREY_SPREAD = 60;
    /** An axis line is at least this fraction of the image's width (height). */
    static final double AXIS_FRACTION = 0.3;
    /** A tick is shorter than this fraction of the image's height (width), and at least {@link #MIN_TICK} long. */
    static final double TICK_FRACTION = 0.05;
    /** Shortest tick mark, in pixels. */
    static final int MIN_TICK = 3;
    /** Tick marks are thin and anti-aliased: grey pixels up to this brightness count as their ink. */
    static final int TICK_INK = 180;

    /** The time at pixel column {@code col} (fractional columns allowed). */
    public double time(double col) {
        return xRange.first() + (col - xPixels[0]) / (xPixels[1] - xPixels[0]) * (xRange.last() - xRange.first());
    }

    /** The survival at pixel row {@code row}. */
    public double survival(double row) {
        return yRange.first() + (row - yPixels[0]) / (yPixels[1] - yPixels[0]) * (yRange.last() - yRange.first());
    }

    /** The pixel column of time {@code t}. */
    public double column(double t) {
        return xPixels[0] + (t - xRange.first()) / (xRange.last() - xRange.first()) * (xPixels[1] - xPixels[0]);
    }

    /** The pixel row of survival {@code s}. */
    public double row(double s) {
        return yPixels[0] + (s - yRange.first()) / (yRange.last() - yRange.first()) * (yPixels[1] - yPixels[0]);
    }

    static boolean dark(int rgb) {
        return grey(rgb, DARK);
    }

    /** Ink of an axis line: grey up to {@link #TICK_INK}, so that an anti-aliased pixel where a tick joins it counts. */
    static boolean line(int rgb) {
        return grey(rgb, TICK_INK);
    }

    /** Whether {@code rgb} is grey (channels within {@link #GREY_SPREAD}) and darker than {@code below}. */
    static boolean grey(int rgb, int below) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        return max < below && max - min < GREY_SPREAD;
    }

    /**
     * Finds the axes and ticks of {@code px} and calibrates them.
     *
     * @throws IllegalArgumentException when no axis lines are found
     */
    static PlotCalibration find(Pixels px, AxisRange xRange, AxisRange yRange) {
        int w = px.width();
        int h = px.height();
        int[] rowRun = new int[h];
        int[] rowStart = new int[h];
        for (int y = 0; y < h; y++) {
            int run = 0;
            for (int x = 0; x < w; x++) {
                run = line(px.rgb(x, y)) ? run + 1 : 0;
                if (run > rowRun[y]) {
                    rowRun[y] = run;
                    rowStart[y] = x - run + 1;
                }
            }
        }
        int[] colRun = new int[w];
        int[] colStart = new int[w];
        for (int x = 0; x < w; x++) {
            int run = 0;
            for (int y = 0; y < h; y++) {
                run = line(px.rgb(x, y)) ? run + 1 : 0;
                if (run > colRun[x]) {
                    colRun[x] = run;
                    colStart[x] = y - run + 1;
                }
            }
        }
        int maxRow = 0;
        for (int v : rowRun) {
            maxRow = Math.max(maxRow, v);
        }
        int maxCol = 0;
        for (int v : colRun) {
            maxCol = Math.max(maxCol, v);
        }
        if (maxRow < AXIS_FRACTION * w || maxCol < AXIS_FRACTION * h) {
            throw new IllegalArgumentException("no axis lines found (a dark horizontal and vertical line spanning at"
                    + " least " + Math.round(AXIS_FRACTION * 100) + "% of the image): crop the figure to one plot"
                    + " with its axes");
        }
        int axisRow = -1;
        for (int y = h - 1; y >= 0 && axisRow < 0; y--) {
            if (rowRun[y] >= 0.9 * maxRow) {
                axisRow = y;
            }
        }
        while (axisRow > 0 && rowRun[axisRow - 1] >= 0.9 * maxRow) {
            axisRow--; // the top edge of a thick line
        }
        int axisCol = -1;
        for (int x = 0; x < w && axisCol < 0; x++) {
            if (colRun[x] >= 0.9 * maxCol) {
                axisCol = x;
            }
        }
        while (axisCol + 1 < w && colRun[axisCol + 1] >= 0.9 * maxCol) {
            axisCol++; // the right edge of a thick line
        }
        int xEnd = rowStart[axisRow] + rowRun[axisRow] - 1;
        int yStart = colStart[axisCol];
        int xLineStart = rowStart[axisRow];
        int yLineEnd = colStart[axisCol] + colRun[axisCol] - 1;
        int thickness = 1;
        while (axisRow + thickness < h && rowRun[axisRow + thickness] >= 0.9 * maxRow) {
            thickness++;
        }
        double[] xTicks = ticks(px, true, axisRow + thickness, xLineStart, xEnd);
        int colThickness = 1;
        while (axisCol - colThickness >= 0 && colRun[axisCol - colThickness] >= 0.9 * maxCol) {
            colThickness++;
        }
        double[] yTicks = ticks(px, false, axisCol - colThickness, yStart, yLineEnd);
        boolean xt = xTicks.length >= 2;
        boolean yt = yTicks.length >= 2;
        double[] xp = xt ? new double[] {xTicks[0], xTicks[xTicks.length - 1]} : new double[] {xLineStart, xEnd};
        // y ticks are found top to bottom: the first value (e.g. 0) is the bottom tick
        double[] yp = yt ? new double[] {yTicks[yTicks.length - 1], yTicks[0]} : new double[] {yLineEnd, yStart};
        return new PlotCalibration(axisCol + 1, xEnd, yStart, axisRow - 1, axisRow, axisCol, xTicks, yTicks, xp, yp,
                xRange, yRange, xt && yt);
    }

    /**
     * Tick marks on an axis: short dark strokes perpendicular to it just outside (below the x-axis, left of the
     * y-axis), or, when fewer than two are found there, just inside; adjacent pixels of one stroke merged.
     *
     * @param horizontal whether the axis is the x-axis
     * @param outside    the first row below (or column left of) the axis line
     */
    private static double[] ticks(Pixels px, boolean horizontal, int outside, int from, int to) {
        double[] found = ticksAt(px, horizontal, outside, horizontal ? 1 : -1, from, to);
        if (found.length < 2) {
            int inside = horizontal ? outside - 1 - thicknessGuess(px, horizontal, outside) : outside + 1
                    + thicknessGuess(px, horizontal, outside);
            found = ticksAt(px, horizontal, inside, horizontal ? -1 : 1, from, to);
        }
        return found;
    }

    private static int thicknessGuess(Pixels px, boolean horizontal, int outside) {
        int t = 0;
        int pos = horizontal ? outside - 1 : outside + 1;
        int mid = horizontal ? px.width() / 2 : px.height() / 2;
        while (t < 10 && pos >= 0 && (horizontal ? pos < px.height() : pos < px.width())
                && line(horizontal ? px.rgb(mid, pos) : px.rgb(pos, mid))) {
            t++;
            pos += horizontal ? -1 : 1;
        }
        return t;
    }

    private static double[] ticksAt(Pixels px, boolean horizontal, int start, int step, int from, int to) {
        int limit = (int) Math.max(24, TICK_FRACTION * (horizontal ? px.height() : px.width()));
        List<Double> marks = new ArrayList<>();
        int runFrom = -1;
        for (int p = from; p <= to + 1; p++) {
            boolean tick = false;
            if (p <= to) {
                int len = 0;
                for (int d = 0; d < limit; d++) {
                    int q = start + step * d;
                    int x = horizontal ? p : q;
                    int y = horizontal ? q : p;
                    if (x < 0 || y < 0 || x >= px.width() || y >= px.height() || !grey(px.rgb(x, y), TICK_INK)) {
                        break;
                    }
                    len++;
                }
                tick = len >= MIN_TICK && len < limit;
            }
            if (tick && runFrom < 0) {
                runFrom = p;
            } else if (!tick && runFrom >= 0) {
                if (p - runFrom <= 8) {
                    marks.add((runFrom + p - 1) / 2.0);
                }
                runFrom = -1;
            }
        }
        return marks.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

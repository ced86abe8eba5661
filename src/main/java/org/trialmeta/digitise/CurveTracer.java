package org.trialmeta.digitise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Traces one Kaplan-Meier curve of one colour inside the plot area and returns its steps.
 *
 * <ol>
 *   <li>mask: pixels within {@link #COLOUR_DISTANCE} of the colour (RGB distance) inside the plot area, so that
 *       grid lines, text and axes (grey or black) and confidence bands (the colour blended with white) drop out;</li>
 *   <li>connected pieces (8-neighbourhood) smaller than {@link #MIN_PIECE} of the largest are dropped: dashes of
 *       dashed lines, legend keys, stray text in the curve's colour;</li>
 *   <li>per column the top edge of the remaining ink; the curve's level is the running maximum of that row going
 *       right (survival never rises, so anything above the level already reached — the upper arm of a censoring
 *       "+", a legend key above the curve — is ignored; ink below the top edge — the lower arm of a "+", a legend
 *       below — is never the top edge);</li>
 *   <li>the level is moved from the top edge to the line's centre by half the line width (the median height of the
 *       ink in columns without a drop), and each drop is placed at the centre of its vertical stroke.</li>
 * </ol>
 */
final class CurveTracer {

    /** Largest RGB distance of a curve pixel from the curve's colour (anti-aliased edges are farther and dropped). */
    static final double COLOUR_DISTANCE = 90;
    /** Pieces smaller than this fraction of the largest piece of the colour are dropped. */
    static final double MIN_PIECE = 0.05;

    private CurveTracer() {}

    /**
     * A traced curve in pixels: the level (centre row) at each column where the curve was seen, as steps.
     *
     * @param columns drop columns (fractional) and the first and last column, increasing
     * @param before  the row before each entry (for the first, its level)
     * @param after   the row after it
     * @param ink     pixels of the curve used
     * @param width   the line width in pixels
     */
    record Trace(double[] columns, double[] before, double[] after, int ink, double width) {}

    /**
     * The pixels of {@code colour} inside the plot area. For black (a figure without coloured curves) the top and
     * right edges are left out: a frame drawn around the plot is black too.
     */
    static boolean[] mask(Pixels px, PlotCalibration cal, int colour) {
        int w = px.width();
        boolean[] m = new boolean[w * px.height()];
        int frame = PlotCalibration.dark(colour) ? 3 : 0;
        for (int y = Math.max(0, cal.top() + frame); y <= cal.bottom(); y++) {
            for (int x = cal.left(); x <= cal.right() - frame; x++) {
                m[y * w + x] = Pixels.distance(px.rgb(x, y), colour) <= COLOUR_DISTANCE;
            }
        }
        return m;
    }

    /** The mask without its small pieces. */
    static int keepLargePieces(boolean[] m, int w, int h) {
        int[] label = new int[m.length];
        List<Integer> sizes = new ArrayList<>();
        sizes.add(0);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < m.length; i++) {
            if (!m[i] || label[i] != 0) {
                continue;
            }
            int id = sizes.size();
            int size = 0;
            label[i] = id;
            queue.add(i);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                size++;
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int q = ny * w + nx;
                            if (m[q] && label[q] == 0) {
                                label[q] = id;
                                queue.add(q);
                            }
                        }
                    }
                }
            }
            sizes.add(size);
        }
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        int kept = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] && sizes.get(label[i]) < Math.max(2, MIN_PIECE * largest)) {
                m[i] = false;
            }
            kept += m[i] ? 1 : 0;
        }
        return kept;
    }

    /** The steps of the curve in {@code m} (already reduced to its large pieces), or null when it has no ink. */
    static Trace trace(boolean[] m, int w, PlotCalibration cal, int ink) {
        int left = cal.left();
        int right = cal.right();
        int[] top = new int[right + 1];
        int[] height = new int[right + 1];
        Arrays.fill(top, -1);
        for (int x = left; x <= right; x++) {
            for (int y = Math.max(0, cal.top()); y <= cal.bottom(); y++) {
                if (m[y * w + x]) {
                    if (top[x] < 0) {
                        top[x] = y;
                    }
                    if (y == top[x] + height[x]) {
                        height[x]++;
                    }
                }
            }
        }
        int first = left;
        while (first <= right && top[first] < 0) {
            first++;
        }
        if (first > right) {
            return null;
        }
        // running maximum of the top edge: the level in pixel rows never rises on screen
        int[] level = new int[right + 1];
        int lv = top[first];
        int last = first;
        List<Integer> heights = new ArrayList<>();
        for (int x = first; x <= right; x++) {
            if (top[x] >= 0) {
                if (top[x] > lv) {
                    lv = top[x];
                } else if (top[x] == lv) {
                    heights.add(height[x]);
                }
                last = x;
            }
            level[x] = lv;
        }
        int[] hs = heights.stream().mapToInt(Integer::intValue).sorted().toArray();
        double lineWidth = hs.length == 0 ? 1 : hs[hs.length / 2];
        double half = (lineWidth - 1) / 2;
        List<double[]> steps = new ArrayList<>();
        steps.add(new double[] {first, level[first] + half, level[first] + half});
        for (int x = first + 1; x <= last; x++) {
            if (level[x] != level[x - 1]) {
                steps.add(new double[] {dropColumn(m, w, x, level[x - 1], level[x], lineWidth),
                    level[x - 1] + half, level[x] + half});
            }
        }
        steps.add(new double[] {last, level[last] + half, level[last] + half});
        double[] c = new double[steps.size()];
        double[] b = new double[c.length];
        double[] a = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            // a drop can be placed slightly before the previous one when strokes overlap: keep the order
            c[i] = i > 0 ? Math.max(steps.get(i)[0], c[i - 1]) : steps.get(i)[0];
            b[i] = steps.get(i)[1];
            a[i] = steps.get(i)[2];
        }
        return new Trace(c, b, a, ink, lineWidth);
    }

    /**
     * The column of a drop first seen at column {@code x}: the centre of the vertical stroke between the two levels
     * (its columns just before {@code x} that have ink half-way down); for a drop too short to have a middle, the
     * column half a line width before {@code x}.
     */
    private static double dropColumn(boolean[] m, int w, int x, int from, int to, double lineWidth) {
        int mid = (from + to) / 2;
        if (to - from >= 2) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int c = x; c >= Math.max(0, x - (int) (2 * lineWidth) - 2); c--) {
                if (m[mid * w + c]) {
                    lo = Math.min(lo, c);
                    hi = Math.max(hi, c);
                }
            }
            if (lo <= hi) {
                return (lo + hi) / 2.0;
            }
        }
        return x - (lineWidth + 1) / 2;
    }
}

package org.trialmeta.digitise;

import java.awt.image.BufferedImage;

/**
 * An image's pixels as packed RGB, row by row (no alpha: {@code ImageFiles} flattens onto white).
 *
 * @param width  width in pixels
 * @param height height in pixels
 * @param data   {@code 0xRRGGBB} per pixel, row-major
 */
record Pixels(int width, int height, int[] data) {

    static Pixels of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        return new Pixels(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    int rgb(int x, int y) {
        return data[y * width + x] & 0xffffff;
    }

    /** Euclidean distance of two colours in RGB. */
    static double distance(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}

package org.trialmeta.digitise;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * The check figure of {@code digitise}: the original image with the plot area found (green frame), the ticks used
 * for calibration (red marks) and each traced curve drawn over it as a thin step line (magenta, or black over a
 * magenta-like curve) labelled with its file name, so that a reader sees at once whether the trace follows the curve.
 */
public final class Overlay {

    private Overlay() {}

    /** The overlay of {@code r} on {@code image}. */
    public static BufferedImage draw(BufferedImage image, FigureDigitiser.Result r) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        PlotCalibration c = r.calibration();
        g.setColor(new Color(0, 160, 0));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        g.drawRect(c.left(), c.top(), c.right() - c.left(), c.bottom() - c.top());
        g.setStroke(new BasicStroke(2f));
        g.setColor(Color.RED);
        for (double x : c.xPixels()) {
            g.drawLine((int) Math.round(x), c.axisRow() + 3, (int) Math.round(x), c.axisRow() + 12);
        }
        for (double y : c.yPixels()) {
            g.drawLine(c.axisCol() - 12, (int) Math.round(y), c.axisCol() - 3, (int) Math.round(y));
        }
        int font = Math.max(10, image.getHeight() / 60);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, font));
        int n = 1;
        for (FigureDigitiser.Curve curve : r.curves()) {
            int rgb = Integer.parseInt(curve.colour().substring(1), 16);
            Color line = Pixels.distance(rgb, 0xff00ff) < 150 ? Color.BLACK : Color.MAGENTA;
            g.setColor(line);
            g.setStroke(new BasicStroke(1f));
            Path2D.Double path = new Path2D.Double();
            double[] t = curve.time();
            double[] s = curve.survival();
            path.moveTo(c.column(t[0]), c.row(s[0]));
            for (int i = 1; i < t.length; i++) {
                path.lineTo(c.column(t[i]), c.row(s[i - 1]));
                path.lineTo(c.column(t[i]), c.row(s[i]));
            }
            g.draw(path);
            int lx = (int) Math.round(c.column(t[t.length - 1])) - 6 * font;
            int ly = (int) Math.round(c.row(s[s.length - 1])) - font / 2;
            g.drawString("curve-" + n, Math.max(c.left(), lx), Math.max(c.top() + font, ly));
            n++;
        }
        g.dispose();
        return out;
    }
}

package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.math.BigDecimal;
import java.util.Locale;

/** Small drawing and number-formatting helpers shared by the figure renderers. */
final class Draw {

    static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    static final Color GRID = new Color(0xbd, 0xbd, 0xbd);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);
    /** Okabe–Ito colour-blind-safe palette (blue, vermillion, bluish green, orange, reddish purple, sky blue). */
    static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xE6, 0x9F, 0x00), new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9),
    };
    /** Unicode minus sign, used for negative numbers as typeset text should. */
    static final String MINUS = "\u2212";

    private Draw() {}

    /**
     * A stroke width rounded to 1/64 pt, so that it is exact as a float and SVG shows "0.75"
     * rather than "0.7500000298".
     */
    static float width(double w) {
        return (float) (Math.round(w * 64) / 64.0);
    }

    static void text(Graphics2D g, TextBox t, Color c) {
        java.awt.Font f = t.face().at(t.size());
        if (g instanceof org.jfree.svg.SVGGraphics2D && t.face() != FigureFonts.Face.REGULAR) {
            // each face is its own TrueType file whose AWT style is PLAIN; SVG needs font-weight/style
            f = f.deriveFont(t.face() == FigureFonts.Face.BOLD ? java.awt.Font.BOLD : java.awt.Font.ITALIC);
        }
        g.setFont(f);
        g.setColor(c);
        g.drawString(t.text(), (float) t.x(), (float) t.baseline());
        SvgAnchors.anchor(g, t);
    }

    static void line(Graphics2D g, double x1, double y1, double x2, double y2, double width, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(Draw.width(width), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    static void dashed(Graphics2D g, double x1, double y1, double x2, double y2, double width, Color c, float dash) {
        g.setColor(c);
        g.setStroke(new BasicStroke(Draw.width(width), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {dash, dash}, 0f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    /** Filled arrow head with its tip at (x, y), pointing left (dir = −1) or right (dir = +1). */
    static Path2D arrowHead(double x, double y, int dir, double length, double halfWidth) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y);
        p.lineTo(x - dir * length, y - halfWidth);
        p.lineTo(x - dir * length, y + halfWidth);
        p.closePath();
        return p;
    }

    /** Fixed-decimal formatting with Locale.ROOT and a true minus sign. */
    /**
     * Figure typography for text made by {@link org.trialmeta.present.Formats}: a hyphen-minus that is a sign (before
     * a digit, at the start or after a space or an opening bracket) becomes the minus sign U+2212, as in
     * {@link #fixed}.
     */
    static String typographic(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean sign = c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))
                    && (i == 0 || " ([".indexOf(s.charAt(i - 1)) >= 0);
            sb.append(sign ? MINUS : c);
        }
        return sb.toString();
    }

    static String fixed(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        if (s.startsWith("-")) {
            String body = s.substring(1);
            return body.matches("[0.]*") ? body : MINUS + body;
        }
        return s;
    }

    /** Shortest plain representation of a tick value (0.1, 0.25, 2, 100), true minus sign. */
    static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        String s = new BigDecimal(Double.toString(v)).round(new java.math.MathContext(10))
                .stripTrailingZeros().toPlainString();
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }
}

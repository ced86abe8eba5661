package org.trialmeta.report;

import java.util.Objects;
import org.trialmeta.repository.Messages;

/**
 * A piece of text placed in a figure, with the box it occupies (font ascent to descent, advance
 * width), in points from the top left of the figure. Layouts expose these so tests can check that
 * no two labels overlap and none is clipped.
 *
 * @param text     the text drawn (control characters replaced, {@link Messages#printable}: a figure is as well formed
 *                 as its text)
 * @param face     font face
 * @param size     font size in points
 * @param x        left edge
 * @param baseline y of the baseline
 * @param top      y of the top of the box (baseline − ascent)
 * @param width    advance width
 * @param height   ascent + descent
 * @param align    how the text hangs from its anchor ({@link #anchorX()}): SVG writes that anchor with
 *                 {@code text-anchor}, so that a right-aligned column stays aligned in a viewer that substitutes
 *                 another font
 */
public record TextBox(String text, FigureFonts.Face face, double size, double x, double baseline,
                      double top, double width, double height, Align align) {

    /** Horizontal anchor of a label. */
    public enum Align { LEFT, CENTER, RIGHT }

    public TextBox {
        text = Messages.printable(Objects.requireNonNull(text, "text"));
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(align, "align");
        if (!(size > 0)) {
            throw new IllegalArgumentException("text size " + size + " must be > 0");
        }
    }

    /** Places {@code text} with its anchor at {@code ax} and its baseline at {@code baseline}. */
    public static TextBox place(String label, FigureFonts.Face face, double size, double ax, double baseline, Align align) {
        String text = Messages.printable(label); // measured as it is drawn
        var font = face.at(size);
        double w = FigureFonts.width(font, text);
        double x = switch (align) {
            case LEFT -> ax;
            case CENTER -> ax - w / 2;
            case RIGHT -> ax - w;
        };
        double asc = FigureFonts.ascent(font);
        double desc = FigureFonts.descent(font);
        return new TextBox(text, face, size, x, baseline, baseline - asc, w, asc + desc, align);
    }

    /** Places {@code text} vertically centred on {@code centerY}. */
    public static TextBox centred(String text, FigureFonts.Face face, double size, double ax, double centerY, Align align) {
        var font = face.at(size);
        double asc = FigureFonts.ascent(font);
        double desc = FigureFonts.descent(font);
        return place(text, face, size, ax, centerY + (asc - desc) / 2, align);
    }

    /** The x the text hangs from: its left edge, centre or right edge, as {@link #align()} says. */
    public double anchorX() {
        return switch (align) {
            case LEFT -> x;
            case CENTER -> x + width / 2;
            case RIGHT -> x + width;
        };
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return top + height;
    }

    /** True when the interiors of the two boxes intersect (touching edges do not count). */
    public boolean overlaps(TextBox o) {
        double eps = 1e-6;
        return x < o.right() - eps && o.x < right() - eps && top < o.bottom() - eps && o.top < bottom() - eps;
    }

    /** True when this box lies inside {@code [0, w] × [0, h]}. */
    public boolean inside(double w, double h) {
        double eps = 1e-6;
        return x >= -eps && top >= -eps && right() <= w + eps && bottom() <= h + eps;
    }

    /** A copy moved by (dx, dy). */
    public TextBox shifted(double dx, double dy) {
        return new TextBox(text, face, size, x + dx, baseline + dy, top + dy, width, height, align);
    }
}

package org.trialmeta.report;

import java.awt.Graphics2D;
import java.util.function.DoubleFunction;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes the anchor of laid-out text into SVG: JFreeSVG places every {@code <text>} by its left edge, computed from
 * the bundled font's metrics, so a viewer that lacks DejaVu Sans and substitutes a wider or narrower font shifts the
 * right end of right-aligned numbers and the columns go ragged. For a {@link TextBox} that is right-aligned or
 * centred, the element just written is given {@code text-anchor="end"} (or {@code "middle"}) and its {@code x} is
 * moved to the anchor (the column edge or centre), so the viewer aligns the text there whatever font it uses.
 *
 * <p>{@link FigureWriter#svg} opens a scope for its {@link SVGGraphics2D} and the string builder it writes into;
 * {@link Draw#text} calls {@link #anchor} after each {@code drawString}. Other graphics (PNG, PDF, PPTX) and text that
 * JFreeChart draws itself are not touched.
 */
final class SvgAnchors {

    private record Scope(SVGGraphics2D graphics, StringBuilder svg, DoubleFunction<String> number) {}

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private static final String TEXT_X = "<text x='";

    private SvgAnchors() {}

    /** Starts anchoring the text that {@code g}, writing into {@code svg}, draws on this thread. */
    static void begin(SVGGraphics2D g, StringBuilder svg, DoubleFunction<String> number) {
        CURRENT.set(new Scope(g, svg, number));
    }

    /** Ends the scope of {@link #begin}. */
    static void end() {
        CURRENT.remove();
    }

    /** Gives the {@code <text>} element {@code g} has just written for {@code t} the anchor of {@code t}. */
    static void anchor(Graphics2D g, TextBox t) {
        Scope s = CURRENT.get();
        if (s == null || s.graphics() != g || t.align() == TextBox.Align.LEFT) {
            return;
        }
        StringBuilder sb = s.svg();
        int at = sb.lastIndexOf(TEXT_X);
        if (at < 0) {
            throw new IllegalStateException("no <text> element written for '" + t.text() + "'");
        }
        int from = at + TEXT_X.length();
        int to = sb.indexOf("'", from);
        sb.replace(from, to, s.number().apply(t.anchorX()));
        sb.insert(at + "<text ".length(),
                "text-anchor='" + (t.align() == TextBox.Align.RIGHT ? "end" : "middle") + "' ");
    }
}

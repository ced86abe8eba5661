package org.trialmeta.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface every figure uses: DejaVu Sans (regular, bold, oblique), bundled as a resource so
 * that text metrics, and therefore every layout, SVG and PDF byte, are the same on every machine
 * whatever fonts it has installed. DejaVu covers Greek (τ², χ²), the dagger (†), the minus sign (−)
 * and arrows. Licence: {@code fonts/DejaVu-LICENSE.txt} (Bitstream Vera licence, free to embed).
 *
 * <p>Text is measured with {@link #FRC} (anti-aliased, fractional metrics) and every renderer draws
 * with fractional metrics on, so the measured widths are the drawn widths.
 */
public final class FigureFonts {

    /** Face of the bundled family. */
    public enum Face {
        REGULAR("DejaVuSans.ttf"),
        BOLD("DejaVuSans-Bold.ttf"),
        ITALIC("DejaVuSans-Oblique.ttf");

        private final String resource;
        private final Font base;

        Face(String resource) {
            this.resource = resource;
            this.base = load(resource);
        }

        /** The face at {@code size} points. */
        public Font at(double size) {
            return base.deriveFont((float) size);
        }

        /** The PostScript-like font name AWT reports, used to map the face onto an embedded PDF font. */
        public String fontName() {
            return base.getFontName();
        }

        /** Opens the TrueType file of this face (caller closes). */
        public InputStream open() {
            InputStream in = FigureFonts.class.getResourceAsStream("fonts/" + resource);
            if (in == null) {
                throw new IllegalStateException("font resource fonts/" + resource + " is missing from the jar");
            }
            return in;
        }
    }

    /** Font family name written into SVG, with generic fallbacks for viewers without DejaVu
     * (unquoted: JFreeSVG puts the style attribute in single quotes). */
    public static final String SVG_FAMILY = "DejaVu Sans, Bitstream Vera Sans, Verdana, Arial, sans-serif";

    /** Rendering context for all measurements: identity transform, anti-aliased, fractional metrics. */
    public static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private FigureFonts() {}

    private static Font load(String resource) {
        try (InputStream in = FigureFonts.class.getResourceAsStream("fonts/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("font resource fonts/" + resource + " is missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + resource + " is not a TrueType font", e);
        }
    }

    /** Advance width of {@code text} in {@code font}, in points. */
    public static double width(Font font, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        return font.getStringBounds(text, FRC).getWidth();
    }

    /** Ascent of {@code font} (points above the baseline). */
    public static double ascent(Font font) {
        return metrics(font).getAscent();
    }

    /** Descent of {@code font} (points below the baseline). */
    public static double descent(Font font) {
        return metrics(font).getDescent();
    }

    private static LineMetrics metrics(Font font) {
        return font.getLineMetrics("Hg", FRC);
    }
}

package org.trialmeta.report;

import java.awt.Color;
import java.util.Locale;

/**
 * The colours of a figure's series (Kaplan-Meier groups, network nodes).
 * <ul>
 * <li>{@link #COLOUR}: the Okabe–Ito palette (Okabe M, Ito K. Color Universal Design, 2008; Wong B. Nat Methods
 *     2011;8:441), distinguishable with every common colour-vision deficiency; solid lines.</li>
 * <li>{@link #GREY}: greys only, the series told apart by line style (solid, dashed, dotted, dash-dotted) and by
 *     marker, for print in black and white; no saturated colour anywhere.</li>
 * </ul>
 * Forest and funnel plots are drawn in greys and black in both palettes.
 */
public enum Palette {
    COLOUR, GREY;

    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue. */
    private static final Color[] OKABE_ITO = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xE6, 0x9F, 0x00), new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9),
    };
    /** Dark greys that stay legible as thin lines; line styles tell the series apart. */
    private static final Color[] GREYS = {
        new Color(0x1a, 0x1a, 0x1a), new Color(0x4d, 0x4d, 0x4d), new Color(0x1a, 0x1a, 0x1a), new Color(0x66, 0x66, 0x66),
    };
    /** Dash patterns of the grey series, in line widths: solid, dashed, dotted, dash-dotted. */
    private static final float[][] DASHES = {null, {5f, 2.5f}, {1f, 1.8f}, {5f, 2f, 1f, 2f}};

    /** The palette named {@code text} (colour/color, grey/gray; any case), or null. */
    public static Palette fromName(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "colour", "color" -> COLOUR;
            case "grey", "gray" -> GREY;
            default -> null;
        };
    }

    /** The name on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The colour of series {@code i}. */
    public Color series(int i) {
        Color[] c = this == COLOUR ? OKABE_ITO : GREYS;
        return c[i % c.length];
    }

    /**
     * The dash pattern of series {@code i} in points for lines of width {@code lineWidth}, or null for a solid line
     * (every series of {@link #COLOUR}; series 0, 4, … of {@link #GREY}).
     */
    public float[] dash(int i, double lineWidth) {
        if (this == COLOUR) {
            return null;
        }
        float[] d = DASHES[i % DASHES.length];
        if (d == null) {
            return null;
        }
        float[] out = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            out[k] = Draw.width(Math.max(d[k] * lineWidth, 0.5));
        }
        return out;
    }

    /** The colour of a figure with one series (network nodes). */
    public Color accent() {
        return this == COLOUR ? OKABE_ITO[0] : new Color(0x4d, 0x4d, 0x4d);
    }
}

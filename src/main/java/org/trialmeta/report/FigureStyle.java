package org.trialmeta.report;

/**
 * Size preset of a figure: the base font size and the width the figure aims at (both in points), the height asked
 * for, and the palette. A figure whose content cannot fit the target width grows wider rather than clipping text;
 * one with little content may be narrower.
 *
 * @param fontSize     base font size in points
 * @param targetWidth  width aimed at in points (17 cm = 482 pt, 8.5 cm = 241 pt)
 * @param targetHeight height asked for in points, or 0 for the figure's natural height (a figure that honours it,
 *                     the Kaplan-Meier plot, gives the difference to its panel)
 * @param palette      colours of the series
 */
public record FigureStyle(double fontSize, double targetWidth, double targetHeight, Palette palette) {

    /** Full journal page width (17 cm), 8 pt text. */
    public static final FigureStyle JOURNAL_PAGE = new FigureStyle(8, 482);
    /** One journal column (8.5 cm), 6.5 pt text. */
    public static final FigureStyle JOURNAL_COLUMN = new FigureStyle(6.5, 241);
    /** A 16:9 slide (about 30 cm of usable width), 13 pt text. */
    public static final FigureStyle SLIDE = new FigureStyle(13, 850);

    /** A style at the natural height in colour. */
    public FigureStyle(double fontSize, double targetWidth) {
        this(fontSize, targetWidth, 0, Palette.COLOUR);
    }

    /** This style with {@code p}. */
    public FigureStyle withPalette(Palette p) {
        return new FigureStyle(fontSize, targetWidth, targetHeight, p);
    }

    /** This style with a target height in points (0 for the natural height). */
    public FigureStyle withHeight(double points) {
        return new FigureStyle(fontSize, targetWidth, points, palette);
    }

    public FigureStyle {
        java.util.Objects.requireNonNull(palette, "palette");
        if (!(targetHeight == 0 || targetHeight >= 100 && targetHeight <= 3000)) {
            throw new IllegalArgumentException("targetHeight " + targetHeight + " must be 0 or within 100..3000 pt");
        }
        if (!(fontSize >= 4 && fontSize <= 40)) {
            throw new IllegalArgumentException("fontSize " + fontSize + " must be within 4..40 pt");
        }
        if (!(targetWidth >= 100 && targetWidth <= 3000)) {
            throw new IllegalArgumentException("targetWidth " + targetWidth + " must be within 100..3000 pt");
        }
    }
}

package org.trialmeta.report;

/**
 * Size preset of a figure: the base font size and the width the figure aims at (both in points).
 * A figure whose content cannot fit the target width grows wider rather than clipping text; one
 * with little content may be narrower.
 *
 * @param fontSize    base font size in points
 * @param targetWidth width aimed at in points (17 cm = 482 pt, 8.5 cm = 241 pt)
 */
public record FigureStyle(double fontSize, double targetWidth) {

    /** Full journal page width (17 cm), 8 pt text. */
    public static final FigureStyle JOURNAL_PAGE = new FigureStyle(8, 482);
    /** One journal column (8.5 cm), 6.5 pt text. */
    public static final FigureStyle JOURNAL_COLUMN = new FigureStyle(6.5, 241);
    /** A 16:9 slide (about 30 cm of usable width), 13 pt text. */
    public static final FigureStyle SLIDE = new FigureStyle(13, 850);

    public FigureStyle {
        if (!(fontSize >= 4 && fontSize <= 40)) {
            throw new IllegalArgumentException("fontSize " + fontSize + " must be within 4..40 pt");
        }
        if (!(targetWidth >= 100 && targetWidth <= 3000)) {
            throw new IllegalArgumentException("targetWidth " + targetWidth + " must be within 100..3000 pt");
        }
    }
}

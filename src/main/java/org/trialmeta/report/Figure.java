package org.trialmeta.report;

import java.awt.Graphics2D;

/**
 * A figure drawn with Java2D in points (1/72 inch), origin at the top left. The same {@link #draw}
 * renders to PNG, SVG and PDF through {@link FigureWriter}.
 */
public interface Figure {

    /** Width in points. */
    double width();

    /** Height in points. */
    double height();

    /** Draws the whole figure, background included, into {@code [0, width] × [0, height]}. */
    void draw(Graphics2D g);
}

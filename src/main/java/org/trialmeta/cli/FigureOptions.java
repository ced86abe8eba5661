package org.trialmeta.cli;

import org.trialmeta.model.InputException;
import org.trialmeta.present.JournalStyle;
import org.trialmeta.report.FigureStyle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The figure options that {@code forest} and {@code km --plot} share (a picocli mixin): house style, title, size,
 * font size, PNG resolution and palette, spelled and checked the same way by both.
 */
public final class FigureOptions {

    /** Longest title accepted: a figure title is a line, not a paragraph. */
    static final int MAX_TITLE = 200;

    @Option(names = "--style", defaultValue = "meta", paramLabel = "revman5|jama|bmj|meta",
            description = "House style of the figure's text: CIs, p-values, wording. Default: ${DEFAULT-VALUE}.")
    String style;

    @Option(names = "--title", defaultValue = "", paramLabel = "TEXT", description = "Title above the figure.")
    String title;

    @Option(names = "--width-cm", paramLabel = "CM", description = "Width of the figure (default: 17 cm, a journal page).")
    Double widthCm;

    @Option(names = "--height-cm", paramLabel = "CM",
            description = "Height of the figure (default: as the content needs): a Kaplan-Meier plot's panel, a forest"
                    + " plot's row pitch takes the difference.")
    Double heightCm;

    @Option(names = "--font-size", defaultValue = "8", paramLabel = "PT", description = "Font size. Default: ${DEFAULT-VALUE}.")
    double fontSize;

    @Option(names = "--dpi", defaultValue = "300", paramLabel = "DPI",
            description = "Resolution of PNG output (36 to 2400). Default: ${DEFAULT-VALUE}.")
    int dpi;

    @Mixin
    PaletteOption palette;

    /** The house style; exit 2 with one line for another name. */
    JournalStyle journalStyle() {
        JournalStyle st = JournalStyle.fromName(style);
        if (st == null) {
            throw new InputException("--style: '" + style + "' (allowed: revman5, jama, bmj, meta)");
        }
        return st;
    }

    /** The title, stripped; exit 2 when longer than {@link #MAX_TITLE} characters or on several lines. */
    String title() {
        String t = title.strip();
        if (t.length() > MAX_TITLE) {
            throw new InputException("--title: " + t.length() + " characters (at most " + MAX_TITLE + ")");
        }
        if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            throw new InputException("--title: a line break (the title is one line)");
        }
        return t;
    }

    /** The PNG resolution; exit 2 outside 36..2400. */
    int dpi() {
        if (dpi < 36 || dpi > 2400) {
            throw new InputException("--dpi: " + dpi + " (must be between 36 and 2400)");
        }
        return dpi;
    }

    /** Whether {@code --height-cm} was given. */
    boolean heightGiven() {
        return heightCm != null;
    }

    /** Size, font and palette; exit 2 with one line for a size or font size out of range. */
    FigureStyle figureStyle() {
        double width = widthCm == null ? FigureStyle.JOURNAL_PAGE.targetWidth()
                : OptionChecks.positiveFinite("--width-cm", widthCm) / 2.54 * 72;
        double height = heightCm == null ? 0 : OptionChecks.positiveFinite("--height-cm", heightCm) / 2.54 * 72;
        try {
            return new FigureStyle(fontSize, width, height, palette.palette());
        } catch (IllegalArgumentException e) {
            throw new InputException("--width-cm/--height-cm/--font-size: " + e.getMessage());
        }
    }

    /** Checks every option before any computation (exit 2 with one line). */
    void check() {
        journalStyle();
        title();
        dpi();
        figureStyle();
    }
}

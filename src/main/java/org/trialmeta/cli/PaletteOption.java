package org.trialmeta.cli;

import org.trialmeta.model.InputException;
import org.trialmeta.report.Palette;
import picocli.CommandLine.Option;

/**
 * The {@code --palette colour|grey} option of every command that draws a figure (a picocli mixin): the colour-blind
 * safe Okabe–Ito colours, or greys with line styles and marks for black-and-white print.
 */
public final class PaletteOption {

    @Option(names = "--palette", defaultValue = "colour", paramLabel = "colour|grey",
            description = "Figure colours: colour (Okabe-Ito, colour-blind safe) or grey (greys, line styles and"
                    + " marks; for black-and-white print). Default: ${DEFAULT-VALUE}.")
    String palette;

    /** The palette; exit 2 with one line for another name. */
    Palette palette() {
        Palette p = Palette.fromName(palette);
        if (p == null) {
            throw new InputException("--palette: '" + palette + "' (allowed: colour, grey)");
        }
        return p;
    }
}

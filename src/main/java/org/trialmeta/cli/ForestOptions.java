package org.trialmeta.cli;

import java.util.Locale;
import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.present.JournalStyle;
import org.trialmeta.report.FigureStyle;
import org.trialmeta.report.ForestPlotData;
import org.trialmeta.report.PoolForest;
import picocli.CommandLine.Option;

/**
 * How {@code forest} draws (a picocli mixin): journal style, labels, study order, axis limits, title, prediction
 * interval, width and font size, checked into {@link ForestCommand.Settings} (exit 2 with one line on a bad value).
 */
public final class ForestOptions {

    @Option(names = "--style", defaultValue = "meta", paramLabel = "revman5|jama|bmj|meta",
            description = "House style of columns, CIs, p-values and heterogeneity text. Default: ${DEFAULT-VALUE}.")
    String style;

    @Option(names = "--labels", paramLabel = "LEFT,RIGHT",
            description = "Labels under the axis, e.g. \"Favours treatment,Favours control\" (default: Favours <group>).")
    String labels;

    @Option(names = "--sort", defaultValue = "input", paramLabel = "input|estimate|weight|year",
            description = "Order of the studies within each subgroup. Default: ${DEFAULT-VALUE}.")
    String sort;

    @Option(names = "--xlim", paramLabel = "A,B", description = "Axis limits on the natural scale (e.g. 0.1,10 for ratios).")
    String xlim;

    @Option(names = "--title", defaultValue = "", paramLabel = "TEXT", description = "Title above the plot.")
    String title;

    @Option(names = "--no-prediction", description = "Leave out the prediction interval of a random-effects fit.")
    boolean noPrediction;

    @Option(names = "--width-cm", paramLabel = "CM", description = "Width of the figure (default: 17 cm, a journal page).")
    Double widthCm;

    @Option(names = "--font-size", defaultValue = "8", paramLabel = "PT", description = "Font size. Default: ${DEFAULT-VALUE}.")
    double fontSize;

    /** The settings, each option checked in the order of the help (exit 2 with one line on the first bad one). */
    ForestCommand.Settings settings() {
        JournalStyle st = JournalStyle.fromName(style);
        if (st == null) {
            throw new InputException("--style: '" + style + "' (allowed: revman5, jama, bmj, meta)");
        }
        PoolForest.Sort order = switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "input" -> PoolForest.Sort.INPUT;
            case "estimate" -> PoolForest.Sort.ESTIMATE;
            case "weight" -> PoolForest.Sort.WEIGHT;
            case "year" -> PoolForest.Sort.YEAR;
            default -> throw new InputException("--sort: '" + sort + "' (allowed: input, estimate, weight, year)");
        };
        String[] fav = labels == null ? null : pair("--labels", labels);
        Optional<ForestPlotData.Range> limits = xlim == null ? Optional.empty() : Optional.of(range(xlim));
        double width = widthCm == null ? 482 : OptionChecks.positiveFinite("--width-cm", widthCm) / 2.54 * 72;
        FigureStyle fs;
        try {
            fs = new FigureStyle(fontSize, width);
        } catch (IllegalArgumentException e) {
            throw new InputException("--width-cm/--font-size: " + e.getMessage());
        }
        return new ForestCommand.Settings(new PoolForest.Options(st, title, fav, order, limits, !noPrediction), fav, fs);
    }

    private static String[] pair(String option, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new InputException(option + ": '" + text + "' (give two labels separated by a comma)");
        }
        return new String[] {parts[0].strip(), parts[1].strip()};
    }

    private static ForestPlotData.Range range(String text) {
        String[] parts = pair("--xlim", text);
        try {
            return new ForestPlotData.Range(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new InputException("--xlim: '" + text + "' (two finite numbers A,B with A < B)");
        }
    }
}

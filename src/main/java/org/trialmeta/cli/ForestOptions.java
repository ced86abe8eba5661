package org.trialmeta.cli;

import java.util.Locale;
import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.present.JournalStyle;
import org.trialmeta.report.FigureStyle;
import org.trialmeta.report.ForestPlotData;
import org.trialmeta.report.PoolForest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How {@code forest} draws (a picocli mixin): the shared {@link FigureOptions} (journal style, title, size, font,
 * resolution, palette) and forest's own labels, study order, axis limits and prediction interval, checked into {@link ForestCommand.Settings} (exit 2 with one line on a bad value).
 */
public final class ForestOptions {

    /** Style, title, size, font, resolution and palette: the options every figure command shares. */
    @Mixin
    FigureOptions figure;

    @Option(names = "--labels", paramLabel = "LEFT,RIGHT",
            description = "Labels under the axis, e.g. \"Favours treatment,Favours control\" (default: Favours <group>).")
    String labels;

    @Option(names = "--sort", defaultValue = "input", paramLabel = "input|estimate|weight|year",
            description = "Order of the studies within each subgroup. Default: ${DEFAULT-VALUE}.")
    String sort;

    @Option(names = "--xlim", paramLabel = "A,B", description = "Axis limits on the natural scale (e.g. 0.1,10 for ratios).")
    String xlim;

    @Option(names = "--no-prediction", description = "Leave out the prediction interval of a random-effects fit.")
    boolean noPrediction;

    /** The settings, each option checked in the order of the help (exit 2 with one line on the first bad one). */
    ForestCommand.Settings settings() {
        JournalStyle st = figure.journalStyle();
        String title = figure.title();
        PoolForest.Sort order = switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "input" -> PoolForest.Sort.INPUT;
            case "estimate" -> PoolForest.Sort.ESTIMATE;
            case "weight" -> PoolForest.Sort.WEIGHT;
            case "year" -> PoolForest.Sort.YEAR;
            default -> throw new InputException("--sort: '" + sort + "' (allowed: input, estimate, weight, year)");
        };
        String[] fav = labels == null ? null : pair("--labels", labels);
        Optional<ForestPlotData.Range> limits = xlim == null ? Optional.empty() : Optional.of(range(xlim));
        FigureStyle fs = figure.figureStyle();
        int dpi = figure.dpi();
        return new ForestCommand.Settings(new PoolForest.Options(st, title, fav, order, limits, !noPrediction), fav, fs,
                dpi);
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
        double a;
        double b;
        try {
            a = Double.parseDouble(parts[0]);
            b = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            a = Double.NaN;
            b = Double.NaN;
        }
        if (!(Double.isFinite(a) && Double.isFinite(b) && a < b)) {
            throw new InputException("--xlim: '" + text + "' (two finite numbers A,B with A < B)");
        }
        return new ForestPlotData.Range(a, b);
    }
}

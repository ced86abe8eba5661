package org.trialmeta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.trialmeta.report.Figure;
import org.trialmeta.report.FigureWriter;
import picocli.CommandLine.Option;

/** The {@code --plot FILE.{png,svg,pdf,pptx}} option of the commands that draw a figure (a picocli mixin). */
public final class PlotOption {

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the figure to FILE; the format follows the extension: .png (300 dpi), .svg, .pdf or .pptx.")
    Path file;

    /** Whether a plot was asked for. */
    boolean requested() {
        return file != null;
    }

    /**
     * The format of the requested file, never the input file {@code input} of {@code --input}; exit 2 with one line
     * for another extension or the input (check before computing).
     */
    FigureWriter.Format format(Path input) {
        return FigureFiles.formats("--plot", java.util.List.of(file), "--input", input).get(0);
    }

    /** Writes {@code figure} atomically in {@code format} and says so on {@code err} ("trialmeta: wrote FILE"). */
    void write(Figure figure, FigureWriter.Format format, PrintWriter err) {
        FigureWriter.write(figure, file, format);
        err.println("trialmeta: wrote " + file);
        err.flush();
    }
}

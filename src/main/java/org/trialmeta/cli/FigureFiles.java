package org.trialmeta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialmeta.model.InputException;
import org.trialmeta.report.Figure;
import org.trialmeta.report.FigureWriter;

/**
 * Writing one figure to the files of a repeatable {@code --out}/{@code --plot} option: the format from each file's
 * extension (checked before anything is computed), never onto an input or twice to one file, each file written whole
 * or not at all ({@link FigureWriter} through {@code AtomicFiles}), "trialmeta: wrote FILE" on standard error.
 */
final class FigureFiles {

    private FigureFiles() {}

    /**
     * The format of each file; exit 2 with one line for another extension, a file that is an input or a file given
     * twice.
     */
    static List<FigureWriter.Format> formats(String option, List<Path> files, String inputOption, Path... inputs) {
        OutputPaths.distinct(files.stream().map(f -> new OutputPaths.Output(option, f)).toList());
        List<FigureWriter.Format> out = new ArrayList<>();
        for (Path f : files) {
            for (Path in : inputs) {
                OutputPaths.notAnInput(option, f, inputOption, in);
            }
            String name = f.getFileName() == null ? "" : f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            try {
                out.add(FigureWriter.Format.parse(dot < 0 ? "" : name.substring(dot + 1)));
            } catch (IllegalArgumentException e) {
                throw new InputException(option + ": '" + f + "' (the file must end in .png, .svg, .pdf or .pptx)");
            }
        }
        return out;
    }

    /**
     * Writes {@code figure} to each of {@code files} ({@link #formats} checked) with PNGs at {@code dpi}; none when the
     * figure is too large for one of their formats ({@link FigureWriter#tooLarge}: exit 2, one line).
     */
    static void write(Figure figure, List<Path> files, List<FigureWriter.Format> formats, int dpi, PrintWriter err) {
        for (int i = 0; i < files.size(); i++) {
            FigureWriter.checkSize(figure, files.get(i), formats.get(i), dpi);
        }
        for (int i = 0; i < files.size(); i++) {
            FigureWriter.write(figure, files.get(i), formats.get(i), dpi);
            err.println("trialmeta: wrote " + files.get(i));
        }
        err.flush();
    }
}

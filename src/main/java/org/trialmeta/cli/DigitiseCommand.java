package org.trialmeta.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.trialmeta.digitise.AxisRange;
import org.trialmeta.digitise.FigureDigitiser;
import org.trialmeta.digitise.Overlay;
import org.trialmeta.model.InputException;
import org.trialmeta.present.Formats;
import org.trialmeta.present.DigitiseSummary;
import org.trialmeta.present.DigitiseText;
import org.trialmeta.repository.AtomicFiles;
import org.trialmeta.repository.ImageFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta digitise}: Kaplan-Meier curves read off a figure image. Read (ImageFiles: header checked before
 * decoding) → {@link FigureDigitiser} → curve-N.csv and overlay.png (each written whole, temporary file then move)
 * and a {@link DigitiseSummary}. docs/reconstruct.md.
 */
@Command(name = "digitise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read Kaplan-Meier curves off a figure image (PNG, JPEG, GIF, BMP; at most 50 megapixels):"
                + " finds the plot area from the axis lines and ticks, separates the curves by colour, ignores"
                + " censor ticks, grid lines, confidence bands, legends and text, and writes curve-N.csv"
                + " (time,survival step points, ready for reconstruct) and overlay.png to check the trace."})
public final class DigitiseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--image", required = true, paramLabel = "FIG.png", description = "The figure, cropped to one plot.")
    Path image;

    @Option(names = "--x-range", required = true, paramLabel = "FIRST,LAST",
            description = "Values of the first and last x-axis tick, e.g. 0,36.")
    String xRange;

    @Option(names = "--y-range", defaultValue = "0,1", paramLabel = "FIRST,LAST",
            description = "Values of the lowest and highest y-axis tick (default: ${DEFAULT-VALUE}; 0,100 for percent).")
    String yRange;

    @Option(names = "--colours", paramLabel = "#RRGGBB,...", description = "The curves' colours, in the order of"
            + " the files to write (default: the most frequent saturated colours in the plot).")
    String colours;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where curve-N.csv and"
            + " overlay.png are written.")
    Path outDir;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        AxisRange x = AxisRange.parse("--x-range", xRange);
        AxisRange y = AxisRange.parse("--y-range", yRange);
        List<Integer> cs = new ArrayList<>();
        if (colours != null) {
            for (String c : colours.split(",", -1)) {
                Integer rgb = FigureDigitiser.parseColour(c);
                if (rgb == null) {
                    throw new InputException("--colours: '" + c.strip() + "' (expected #rrggbb, e.g. #1f77b4)");
                }
                cs.add(rgb);
            }
        }
        var img = ImageFiles.read(image);
        FigureDigitiser.Result r;
        try {
            r = FigureDigitiser.digitise(img, x, y, cs);
        } catch (IllegalArgumentException e) {
            throw new InputException(image + ": " + e.getMessage());
        }
        byte[] overlay = png(Overlay.draw(img, r));
        List<Path> files = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < r.curves().size(); i++) {
            files.add(outDir.resolve("curve-" + (i + 1) + ".csv"));
            texts.add(csv(r.curves().get(i)));
        }
        Path overlayFile = outDir.resolve("overlay.png");
        for (Path f : files) {
            OutputPaths.notAnInput("--out-dir", f, "--image", image);
        }
        OutputPaths.notAnInput("--out-dir", overlayFile, "--image", image);
        for (int i = 0; i < files.size(); i++) {
            AtomicFiles.writeString(files.get(i), texts.get(i));
        }
        AtomicFiles.writeBytes(overlayFile, overlay);
        DigitiseSummary s = DigitiseSummary.of(image, r, files, overlayFile);
        format.print(spec.commandLine().getOut(), s, DigitiseText::render);
        return ExitCodes.OK;
    }

    private static String csv(FigureDigitiser.Curve c) {
        StringBuilder sb = new StringBuilder("time,survival\n");
        for (int i = 0; i < c.time().length; i++) {
            sb.append(Formats.exact(c.time()[i])).append(',').append(Formats.exact(c.survival()[i])).append('\n');
        }
        return sb.toString();
    }

    private static byte[] png(java.awt.image.BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

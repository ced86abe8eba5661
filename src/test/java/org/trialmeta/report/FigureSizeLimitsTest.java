package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.InputException;
import org.trialmeta.report.FigureWriter.Format;

/**
 * The size limits of each figure format ({@link FigureWriter#tooLarge}): at the limit a figure is written, just above
 * it it is refused before anything is drawn, and the resolution the message offers is the highest that fits.
 */
class FigureSizeLimitsTest {

    @TempDir
    Path dir;

    /** A figure of the given size in points that must never be drawn. */
    private record Sized(double width, double height) implements Figure {
        @Override
        public void draw(Graphics2D g) {
            throw new AssertionError("a figure refused for its size was drawn");
        }
    }

    @Test
    void pngUpToTwoToThe28PixelsAndTheOfferedResolutionIsTheHighestThatFits() {
        // at 72 dpi a point is a pixel: 16,384 × 16,384 = 2^28
        assertThat(FigureWriter.tooLarge(new Sized(16_384, 16_384), Format.PNG, 72)).isEmpty();
        String refused = FigureWriter.tooLarge(new Sized(16_384, 16_385), Format.PNG, 72).orElseThrow();
        assertThat(refused).contains("269 megapixels at 72 dpi, above the 268 megapixels of a PNG; write it at 71 dpi"
                + " or less, or as .svg");
        for (double[] size : new double[][] {{482, 60_000}, {1_134, 1_134}, {700, 12_000}, {300, 14_000}}) {
            for (int dpi : new int[] {300, 600, 1200, 2400}) {
                Sized f = new Sized(size[0], size[1]);
                FigureWriter.tooLarge(f, Format.PNG, dpi).ifPresent(message -> {
                    Matcher m = Pattern.compile("write it at (\\d+) dpi or less").matcher(message);
                    if (m.find()) {
                        int fits = Integer.parseInt(m.group(1));
                        assertThat(pixels(f, fits)).as(message).isLessThanOrEqualTo(FigureWriter.MAX_PNG_PIXELS);
                        assertThat(pixels(f, fits + 1)).as(message).isGreaterThan(FigureWriter.MAX_PNG_PIXELS);
                        assertThat(fits).isLessThan(dpi).isGreaterThanOrEqualTo(36);
                    } else {
                        assertThat(pixels(f, 36)).as(message).isGreaterThan(FigureWriter.MAX_PNG_PIXELS);
                    }
                    // a vector format is offered, PDF only where its page limit allows
                    assertThat(message).endsWith(Math.max(f.width(), f.height()) <= FigureWriter.MAX_PDF_POINTS
                            ? "as .svg or .pdf" : "as .svg");
                });
            }
        }
        // a figure too large for any resolution offers only a vector format
        assertThat(FigureWriter.tooLarge(new Sized(10_000, 200_000), Format.PNG, 300).orElseThrow())
                .endsWith("write it as .svg").doesNotContain("dpi or less");
    }

    private static double pixels(Figure f, int dpi) {
        return (double) FigureWriter.pixels(f.width(), dpi) * FigureWriter.pixels(f.height(), dpi);
    }

    @Test
    void pdfUpTo14400PointsASide() {
        assertThat(FigureWriter.tooLarge(new Sized(14_400, 14_400), Format.PDF, 300)).isEmpty();
        assertThat(FigureWriter.tooLarge(new Sized(500, 14_400.5), Format.PDF, 300).orElseThrow())
                .isEqualTo("the figure is 17.6 × 508.0 cm, above the 508.0 cm a side of a PDF page that Adobe's readers"
                        + " open; write it as .svg");
    }

    @Test
    void pptxFromOneTo56InchesASide() {
        assertThat(FigureWriter.tooLarge(new Sized(72, 4_032), Format.PPTX, 300)).isEmpty();
        assertThat(FigureWriter.tooLarge(new Sized(500, 4_032.5), Format.PPTX, 300).orElseThrow())
                .isEqualTo("the figure is 17.6 × 142.3 cm, outside the 2.5 to 142.2 cm a side of a PowerPoint slide;"
                        + " write it as .svg or .pdf");
        assertThat(FigureWriter.tooLarge(new Sized(71.5, 500), Format.PPTX, 300)).isPresent();
        assertThat(FigureWriter.tooLarge(new Sized(500, 20_000), Format.PPTX, 300).orElseThrow())
                .endsWith("write it as .svg");
    }

    @Test
    void svgHasNoLimit() {
        assertThat(FigureWriter.tooLarge(new Sized(1e6, 1e7), Format.SVG, 2400)).isEmpty();
    }

    @Test
    void aRefusedFigureIsNeitherDrawnNorWritten() {
        Path target = dir.resolve("big.png");
        assertThatThrownBy(() -> FigureWriter.write(new Sized(2_000, 200_000), target, Format.PNG, 300))
                .isInstanceOf(InputException.class).hasMessageStartingWith("cannot write " + target + ": the figure is");
        assertThatThrownBy(() -> FigureWriter.png(new Sized(2_000, 200_000), 300))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("megapixels");
        assertThat(Files.exists(target)).isFalse();
        assertThat(dir.toFile().list()).isEmpty();
    }
}

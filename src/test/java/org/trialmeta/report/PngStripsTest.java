package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PngStrips}: a figure drawn a strip of rows at a time is the PNG drawn whole, byte for byte, grey and colour
 * figures, for strips of one row, a few rows and rows that do not divide the height.
 */
class PngStripsTest {

    private static List<Figure> figures() {
        return List.of(new ForestPlot(SampleFigures.forest(12, true), FigureStyle.JOURNAL_PAGE),
                new ForestPlot(SampleFigures.subgroups(), FigureStyle.JOURNAL_PAGE),
                new SurvivalPlot(SampleFigures.km(), FigureStyle.JOURNAL_PAGE),
                new MedianChart(SampleFigures.medians(), FigureStyle.JOURNAL_PAGE),
                new BarChart(SampleFigures.bars(), FigureStyle.JOURNAL_PAGE));
    }

    @Test
    void stripsGiveTheBytesOfTheWholeImage() {
        boolean grey = false;
        boolean colour = false;
        for (Figure f : figures()) {
            int dpi = 96;
            byte[] whole = FigureWriter.png(f, dpi);
            int w = FigureWriter.pixels(f.width(), dpi);
            int h = FigureWriter.pixels(f.height(), dpi);
            assertThat((long) w * h).as("drawn in one strip by FigureWriter").isLessThanOrEqualTo(PngStrips.STRIP_PIXELS);
            for (int rows : new int[] {1, 7, 64, h - 1, h}) {
                assertThat(PngStrips.png(f, dpi, w, h, rows)).as("%s in strips of %d rows", f.getClass().getSimpleName(),
                        rows).isEqualTo(whole);
            }
            grey |= whole[25] == 0;
            colour |= whole[25] == 2;
        }
        assertThat(grey && colour).as("grey and colour figures both compared").isTrue();
    }

    /**
     * Past {@link PngStrips#STRIP_PIXELS} a PNG is drawn in strips: the pixels of drawing it whole, but for anti-aliased
     * edges that Java2D's renderer (Marlin) draws a few levels differently when it clips a path to a strip (a forest
     * plot at 2,400 dpi: 505 of 216 million pixels, at most 6 of 255 levels; none at 1,200 dpi, compared here).
     */
    @Test
    void aFigureOfMoreThanStripPixelsIsDrawnInStripsWithTheSamePixels() throws java.io.IOException {
        Figure f = new ForestPlot(SampleFigures.forest(12, true), FigureStyle.JOURNAL_PAGE);
        int dpi = 1200;
        int w = FigureWriter.pixels(f.width(), dpi);
        int h = FigureWriter.pixels(f.height(), dpi);
        assertThat((long) w * h).as("drawn in strips by FigureWriter").isGreaterThan(PngStrips.STRIP_PIXELS);
        assertThat(PngStrips.STRIP_PIXELS / w).as("rows a strip").isLessThan(h / 4);
        java.awt.image.BufferedImage strips = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                FigureWriter.png(f, dpi)));
        java.awt.image.BufferedImage whole = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                PngStrips.png(f, dpi, w, h, h)));
        assertThat(strips.getWidth()).isEqualTo(w);
        assertThat(strips.getHeight()).isEqualTo(h);
        long differing = 0;
        int most = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = strips.getRGB(x, y);
                int q = whole.getRGB(x, y);
                if (p != q) {
                    differing++;
                    for (int s = 0; s < 24; s += 8) {
                        most = Math.max(most, Math.abs((p >> s & 0xff) - (q >> s & 0xff)));
                    }
                }
            }
        }
        assertThat(differing).as("pixels that differ").isLessThanOrEqualTo((long) w * h / 100_000);
        assertThat(most).as("largest difference in levels").isLessThanOrEqualTo(8);
    }
}

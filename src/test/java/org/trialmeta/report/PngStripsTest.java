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
     * Past {@link PngStrips#STRIP_PIXELS} a PNG is drawn in strips: the pixels of drawing it whole. (With Marlin's path
     * clipping on, anti-aliased edges came out a few levels apart: a forest plot at 2,400 dpi, 505 of 216 million
     * pixels, at most 6 of 255 levels; see {@link FigureWriter#MARLIN_CLIP}.)
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
        assertThat(differing).as("pixels that differ (largest difference %d levels)", most).isZero();
    }

    /**
     * A network graph of the seed repository is 4.7 megapixels at 300 dpi, drawn in strips: byte for byte the PNG drawn
     * whole. With Marlin's path clipping on (its default), 200 pixels near a strip's edge came out up to 17 levels
     * apart; {@link FigureWriter} turns it off before anything is drawn.
     */
    @Test
    void aNetworkGraphDrawnInStripsIsThePngDrawnWhole() {
        assertThat(System.getProperty(FigureWriter.MARLIN_CLIP)).isEqualTo("false");
        var repo = org.trialmeta.repository.TrialLoader.loadDirectory(java.nio.file.Path.of("trials"));
        var summary = org.trialmeta.present.TrialNetworkSummary.of(repo, org.trialmeta.analysis.TrialNetwork.all(repo,
                org.trialmeta.analysis.StatusFilter.ALL));
        int compared = 0;
        for (NetworkSection.Graph g : NetworkSection.graphs(summary)) {
            int dpi = 300;
            int w = FigureWriter.pixels(g.figure().width(), dpi);
            int h = FigureWriter.pixels(g.figure().height(), dpi);
            if ((long) w * h > PngStrips.STRIP_PIXELS) {
                assertThat(FigureWriter.png(g.figure(), dpi)).as("%s in strips", g.name())
                        .isEqualTo(PngStrips.png(g.figure(), dpi, w, h, h));
                compared++;
            }
        }
        assertThat(compared).as("network graphs larger than a strip").isGreaterThanOrEqualTo(1);
    }
}

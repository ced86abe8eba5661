package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A figure whose every pixel is grey (a forest plot; a Kaplan-Meier plot in the grey palette) is written as an 8-bit
 * greyscale PNG with the same pixels; a figure in colour stays RGB.
 */
class PngGreyTest {

    private static BufferedImage read(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void greyFiguresAreGreyscalePngsWithTheSamePixels() throws Exception {
        ForestPlot forest = new ForestPlot(SampleFigures.forest(8, false), FigureStyle.JOURNAL_PAGE);
        BufferedImage grey = read(FigureWriter.png(forest, 72));
        assertThat(grey.getColorModel().getNumComponents()).isEqualTo(1);
        // the same picture drawn into RGB: every pixel's grey level is the PNG's
        BufferedImage rgb = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        FigureWriter.hints(g);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        forest.draw(g);
        g.dispose();
        int differ = 0;
        int dark = 0;
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int level = rgb.getRGB(x, y) & 0xff;
                differ += level == grey.getRaster().getSample(x, y, 0) ? 0 : 1;
                dark += level < 128 ? 1 : 0;
            }
        }
        assertThat(differ).isZero();
        assertThat(dark).isPositive();
    }

    @Test
    void colourFiguresStayRgbAndGreyPalettesBecomeGreyscale() throws Exception {
        SurvivalPlot colour = new SurvivalPlot(SampleFigures.km(), FigureStyle.JOURNAL_PAGE);
        SurvivalPlot greys = new SurvivalPlot(SampleFigures.km(), FigureStyle.JOURNAL_PAGE.withPalette(Palette.GREY));
        assertThat(read(FigureWriter.png(colour, 72)).getColorModel().getNumComponents()).isEqualTo(3);
        assertThat(read(FigureWriter.png(greys, 72)).getColorModel().getNumComponents()).isEqualTo(1);
    }
}

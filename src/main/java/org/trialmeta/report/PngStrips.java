package org.trialmeta.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.util.Vector;

/**
 * A large PNG drawn a strip of rows at a time, so that the memory it takes does not grow with its pixels at 4 bytes
 * each: a forest plot of 300 studies at 600 dpi is 135 megapixels, which drawn whole took 4 bytes a pixel for the
 * colour image and one more for its grey copy (820 MB). The figure is drawn into a strip of at most
 * {@link #STRIP_PIXELS} pixels translated to each band of rows in turn. The transform differs from drawing it whole by
 * whole pixels only, so the pixels are the same ({@code PngStripsTest}: sample figures in strips of 1 to h rows, a
 * forest plot at 1,200 dpi, the seed network graphs at 300 dpi), provided Java2D's renderer (Marlin) does not clip
 * paths to the strip, which {@link FigureWriter#MARLIN_CLIP} turns off: clipped, anti-aliased edges came out a few
 * levels apart (a forest plot at 2,400 dpi: 505 of its 216 million pixels). The strips depend only on the image's
 * width, so the same figure always gives the same bytes.
 *
 * <p>The PNG is 8-bit grey when every pixel is grey, else RGB: a first pass draws the strips until a pixel is not
 * grey (keeping nothing), then the figure is drawn again, strip by strip, as the PNG encoder asks for its rows
 * ({@link StripImage}). Drawing twice costs less than encoding: 135 megapixels 2.5 → 2.1 s. A figure of one strip is
 * drawn once ({@link FigureWriter#png} draws every PNG here).
 */
final class PngStrips {

    /**
     * Most pixels of a strip (8 MB as RGB); a PNG of at most this many pixels is drawn whole. The report draws its
     * figures two at a time, and a network graph of a large repository is 3-4 megapixels at 300 dpi: with strips of 8
     * megapixels (32 MB) two of them took 34 MB of rasters, most of the heap a report of 2,000 trials needed (issue 22).
     */
    static final int STRIP_PIXELS = 1 << 21;

    private PngStrips() {}

    /** The PNG of {@code figure} at {@code dpi}, {@code w} × {@code h} pixels, drawn {@code stripRows} rows at a time. */
    static byte[] png(Figure figure, int dpi, int w, int h, int stripRows) {
        Strip strip = new Strip(figure, dpi, w, stripRows);
        return FigureWriter.encodePng(new StripImage(strip, w, h, allGrey(strip, h)), dpi);
    }

    /** Whether every pixel of the figure is grey (red = green = blue), drawing strips until one is not. */
    private static boolean allGrey(Strip strip, int h) {
        int w = strip.image.getWidth();
        int rows = strip.image.getHeight();
        for (int y0 = 0; y0 < h; y0 += rows) {
            int[] rgb = strip.draw(y0);
            for (int i = 0, n = Math.min(rows, h - y0) * w; i < n; i++) {
                int p = rgb[i];
                int r = p >> 16 & 0xff;
                if (r != (p >> 8 & 0xff) || r != (p & 0xff)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Rows of the figure drawn into one reused RGB image. */
    private static final class Strip {
        final Figure figure;
        final int dpi;
        final BufferedImage image;
        final int[] rgb;
        int drawnAt = -1;

        Strip(Figure figure, int dpi, int w, int rows) {
            this.figure = figure;
            this.dpi = dpi;
            this.image = new BufferedImage(w, rows, BufferedImage.TYPE_INT_RGB);
            this.rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }

        /** The pixels of rows y0.. (as many as the strip holds), on white, with the figures' hints, row-major. */
        int[] draw(int y0) {
            if (drawnAt == y0) {
                return rgb;
            }
            Graphics2D g = image.createGraphics();
            try {
                FigureWriter.hints(g);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.translate(0, -y0);
                g.scale(dpi / 72.0, dpi / 72.0);
                figure.draw(g);
            } finally {
                g.dispose();
            }
            drawnAt = y0;
            return rgb;
        }
    }

    /**
     * The whole image as the PNG encoder reads it, a row at a time ({@code getData} of one row): each strip is drawn
     * when its first row is asked for, and given as it is or, for a grey figure, as its grey levels (copied, not
     * colour-converted, so the PNG shows the same pixels). Its colour and sample models are those of a {@code TYPE_INT_RGB} or
     * {@code TYPE_BYTE_GRAY} {@link BufferedImage}, so the PNG's header is the one that image gets.
     */
    private static final class StripImage implements RenderedImage {
        private final Strip strip;
        private final int w;
        private final int h;
        private final int rows;
        private final BufferedImage model;

        StripImage(Strip strip, int w, int h, boolean grey) {
            this.strip = strip;
            this.w = w;
            this.h = h;
            this.rows = strip.image.getHeight();
            this.model = grey ? new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY) : strip.image;
        }

        @Override
        public Raster getData(Rectangle rect) {
            Rectangle r = rect.intersection(new Rectangle(0, 0, w, h));
            WritableRaster out = model.getRaster().createCompatibleWritableRaster(r.x, r.y, r.width, r.height);
            byte[] levels = model == strip.image ? null : ((DataBufferByte) out.getDataBuffer()).getData();
            for (int y = r.y; y < r.y + r.height; ) {
                int y0 = y / rows * rows;
                int n = Math.min(y0 + rows, r.y + r.height) - y;
                int[] rgb = strip.draw(y0);
                if (levels == null) {
                    out.setDataElements(r.x, y, strip.image.getRaster().createChild(r.x, y - y0, r.width, n, 0, 0, null));
                } else {
                    for (int j = 0; j < n; j++) {
                        for (int x = 0, from = (y - y0 + j) * w + r.x, to = (y - r.y + j) * r.width; x < r.width; x++) {
                            levels[to + x] = (byte) rgb[from + x];
                        }
                    }
                }
                y += n;
            }
            return out;
        }

        @Override
        public Raster getData() {
            return getData(new Rectangle(0, 0, w, h));
        }

        @Override
        public WritableRaster copyData(WritableRaster raster) {
            WritableRaster out = raster != null ? raster
                    : model.getRaster().createCompatibleWritableRaster(0, 0, w, h);
            out.setDataElements(0, 0, getData(out.getBounds()));
            return out;
        }

        @Override
        public Raster getTile(int tileX, int tileY) {
            return getData(new Rectangle(0, tileY * rows, w, Math.min(rows, h - tileY * rows)));
        }

        @Override
        public ColorModel getColorModel() {
            return model.getColorModel();
        }

        @Override
        public SampleModel getSampleModel() {
            return model.getSampleModel().createCompatibleSampleModel(w, rows);
        }

        @Override
        public Vector<RenderedImage> getSources() {
            return null;
        }

        @Override
        public Object getProperty(String name) {
            return Image.UndefinedProperty;
        }

        @Override
        public String[] getPropertyNames() {
            return null;
        }

        @Override
        public int getWidth() {
            return w;
        }

        @Override
        public int getHeight() {
            return h;
        }

        @Override
        public int getMinX() {
            return 0;
        }

        @Override
        public int getMinY() {
            return 0;
        }

        @Override
        public int getNumXTiles() {
            return 1;
        }

        @Override
        public int getNumYTiles() {
            return (h + rows - 1) / rows;
        }

        @Override
        public int getMinTileX() {
            return 0;
        }

        @Override
        public int getMinTileY() {
            return 0;
        }

        @Override
        public int getTileWidth() {
            return w;
        }

        @Override
        public int getTileHeight() {
            return rows;
        }

        @Override
        public int getTileGridXOffset() {
            return 0;
        }

        @Override
        public int getTileGridYOffset() {
            return 0;
        }
    }
}

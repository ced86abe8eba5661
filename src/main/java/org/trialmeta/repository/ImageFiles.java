package org.trialmeta.repository;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.trialmeta.model.InputException;

/**
 * Reads a figure image safely: the format is recognised from the file's content (not its name) by the JDK's image
 * readers (PNG, JPEG, GIF, BMP), and its size is checked from the header before any pixel is decoded, so that a
 * small file declaring a huge image (a "decompression bomb") is refused without allocating it.
 */
public final class ImageFiles {

    /** Largest image decoded: 50 megapixels (an A4 page at 600 dpi is 35; 200 MB of ARGB pixels). */
    public static final long MAX_PIXELS = 50_000_000L;

    /** Largest file read: 200 MB. */
    public static final long MAX_BYTES = 200L * 1024 * 1024;

    private ImageFiles() {}

    /**
     * The decoded image of {@code file} (first frame), in RGB.
     *
     * @throws InputException (one line naming the file) when it is missing, not an image, over a limit, or corrupt
     */
    public static BufferedImage read(Path file) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(name + ": is a directory, expected an image file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(name + ": file is " + size + " bytes, more than the limit of " + MAX_BYTES);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": file not found");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read file (" + e.getMessage() + ")");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InputException(name + ": not an image this program can read (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
                    throw new InputException(String.format(Locale.ROOT, "%s: image is %d x %d pixels (%.1f megapixels),"
                            + " more than the limit of %d megapixels", name, w, h, w * h / 1e6, MAX_PIXELS / 1_000_000));
                }
                BufferedImage img = reader.read(0);
                BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = rgb.createGraphics();
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                g.drawImage(img, 0, 0, null);
                g.dispose();
                return rgb;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(name + ": cannot decode the image (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : CsvTable.shown(e.getMessage())) + ")");
        }
    }
}

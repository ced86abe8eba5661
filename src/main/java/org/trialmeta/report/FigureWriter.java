package org.trialmeta.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.MeetOrSlice;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.AtomicFiles;

/**
 * Renders a {@link Figure} to PNG (raster, 300 dpi by default, with the resolution recorded in the
 * PNG {@code pHYs} chunk; 8-bit greyscale when every pixel is grey), SVG (vector, text as {@code <text>} elements) and PDF (vector, text as
 * text in an embedded subset of DejaVu Sans). Output is deterministic: the same figure gives the same
 * bytes in every format (no clock, no random ids). Files are written through {@link AtomicFiles}, so
 * a failed write leaves no partial file.
 */
public final class FigureWriter {

    /**
     * Marlin, Java2D's renderer, clips a path to the clip region before it draws it when this property is not
     * {@code false}; clipped, a curve or glyph outline crossing a strip's edge is flattened differently, and the
     * anti-aliased pixels near the edge come out a few levels apart from drawing the image whole (a network graph at
     * 300 dpi: 200 of 4.7 million pixels, up to 17 of 255 levels). Not clipped, a figure drawn in strips
     * ({@link PngStrips}) has the pixels of the figure drawn whole ({@code PngStripsTest}), for the same time (a
     * 184-megapixel Kaplan-Meier plot: 4.0 s either way). Set before anything is drawn (Marlin reads it once);
     * a value given on the command line is kept.
     */
    static final String MARLIN_CLIP = "sun.java2d.renderer.clip";

    static {
        if (System.getProperty(MARLIN_CLIP) == null) {
            System.setProperty(MARLIN_CLIP, "false");
        }
    }

    /** Output format. */
    public enum Format {
        PNG("png"), SVG("svg"), PDF("pdf"), PPTX("pptx");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** File extension without the dot. */
        public String extension() {
            return extension;
        }

        /** Parses "png", "svg", "pdf" or "pptx" (case-insensitive). */
        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("figure format '" + s + "' is not one of png, svg, pdf, pptx");
        }

        /** Parses a comma-separated list such as "png,svg,pdf" into formats in PNG, SVG, PDF order. */
        public static java.util.EnumSet<Format> parseList(String list) {
            java.util.EnumSet<Format> out = java.util.EnumSet.noneOf(Format.class);
            for (String part : list.split(",")) {
                if (!part.isBlank()) {
                    out.add(parse(part));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("figure formats '" + list + "' name none of png, svg, pdf, pptx");
            }
            return out;
        }
    }

    /** Default PNG resolution (dots per inch), the usual journal minimum for line art with text. */
    public static final int DEFAULT_DPI = 300;

    /**
     * Most pixels a PNG may have: 2²⁸ (268 megapixels; e.g. 17 × 17 cm at 2,400 dpi, or a 17 cm-wide forest plot of
     * about 2,500 studies at 300 dpi). The image is drawn in memory at 4 bytes a pixel (1 GB at the limit) plus a
     * greyscale copy; a larger one would need several GB of heap before a byte is written.
     */
    public static final long MAX_PNG_PIXELS = 1L << 28;

    /**
     * Largest side of a PDF page in points: 14,400 (200 inches, 508 cm), the limit of Adobe's readers that ISO
     * 32000-1:2008 Annex C (Table C.1) gives for a page in default user space.
     */
    public static final double MAX_PDF_POINTS = 14_400;

    /**
     * Smallest and largest side of a PPTX slide in points: 72 and 4,032 (1 and 56 inches: 914,400 and 51,206,400
     * EMU, ECMA-376 Part 1 {@code ST_SlideSizeCoordinate}); PowerPoint refuses to open a file whose slide is larger.
     */
    public static final double MIN_PPTX_POINTS = 72;
    /** See {@link #MIN_PPTX_POINTS}. */
    public static final double MAX_PPTX_POINTS = 4_032;

    /** Producer written into the PDF document information. */
    static final String PDF_PRODUCER = "trialmeta";

    private FigureWriter() {}

    /** Writes {@code figure} as {@code dir/baseName.<ext>} for each format; returns the paths written. */
    public static List<Path> write(Figure figure, Path dir, String baseName, Collection<Format> formats) {
        List<Path> out = new ArrayList<>();
        for (Format f : formats) {
            Path p = file(dir, baseName, f);
            write(figure, p, f);
            out.add(p);
        }
        return out;
    }

    /**
     * Refuses, before anything is drawn, a figure too large for one of {@code formats}: the files
     * {@link #write(Figure, Path, String, Collection)} would write ({@link #checkSize(Figure, Path, Format, int)}).
     */
    public static void checkSize(Figure figure, Path dir, String baseName, Collection<Format> formats) {
        for (Format f : formats) {
            checkSize(figure, file(dir, baseName, f), f, DEFAULT_DPI);
        }
    }

    /** The files {@link #write(Figure, Path, String, Collection)} writes, in its order. */
    public static List<Path> files(Path dir, String baseName, Collection<Format> formats) {
        return formats.stream().map(f -> file(dir, baseName, f)).toList();
    }

    /** {@code dir/baseName.<ext>}: the file of {@code format}. */
    private static Path file(Path dir, String baseName, Format format) {
        return dir.resolve(baseName + "." + format.extension());
    }

    /**
     * {@code draw} applied to each of {@code figures}, the results in their order: the first alone, so that the figure
     * libraries' classes are initialised by one thread and not by two at once, then the others on every core (a figure
     * per task, so no figure is drawn by two threads; the bytes do not depend on the order).
     */
    public static <T, R> List<R> drawAll(List<T> figures, java.util.function.Function<T, R> draw) {
        List<R> out = new ArrayList<>(figures.size());
        if (!figures.isEmpty()) {
            out.add(draw.apply(figures.get(0)));
            out.addAll(figures.subList(1, figures.size()).parallelStream().map(draw).toList());
        }
        return out;
    }

    /** Writes {@code figure} to {@code target} in {@code format}, atomically. */
    public static void write(Figure figure, Path target, Format format) {
        write(figure, target, format, DEFAULT_DPI);
    }

    /**
     * Writes {@code figure} to {@code target} in {@code format}, atomically, a PNG at {@code dpi}.
     *
     * @throws InputException (one line: the file, the figure's size and what can be written instead) when the figure
     *     is too large for the format ({@link #tooLarge})
     */
    public static void write(Figure figure, Path target, Format format, int dpi) {
        checkSize(figure, target, format, dpi);
        switch (format) {
            case PNG -> AtomicFiles.writeBytes(target, png(figure, dpi));
            case SVG -> AtomicFiles.writeString(target, svg(figure));
            case PDF -> AtomicFiles.writeBytes(target, pdf(figure));
            case PPTX -> AtomicFiles.writeBytes(target, PptxWriter.pptx(figure, Optional.empty()));
        }
    }

    /**
     * Refuses, before anything is drawn, a figure that is too large for {@code format} ({@link #tooLarge}): an
     * {@link InputException} naming {@code target}.
     */
    public static void checkSize(Figure figure, Path target, Format format, int dpi) {
        Optional<String> problem = tooLarge(figure, format, dpi);
        if (problem.isPresent()) {
            throw new InputException("cannot write " + target + ": " + problem.get());
        }
    }

    /**
     * Why {@code figure} cannot be written as {@code format} (a PNG at {@code dpi}), with what can be written instead;
     * empty when it can. The figure's size follows its content (a forest plot grows with its studies), so a large
     * analysis can exceed a format's limits: {@link #MAX_PNG_PIXELS}, {@link #MAX_PDF_POINTS} a side for PDF and
     * {@link #MIN_PPTX_POINTS}..{@link #MAX_PPTX_POINTS} a side for PPTX. SVG has no limit.
     */
    public static Optional<String> tooLarge(Figure figure, Format format, int dpi) {
        double w = figure.width();
        double h = figure.height();
        String size = String.format(Locale.ROOT, "the figure is %s × %s cm", cm(w), cm(h));
        switch (format) {
            case PNG -> {
                double pixels = side(w, dpi) * side(h, dpi);
                if (pixels <= MAX_PNG_PIXELS) {
                    return Optional.empty();
                }
                // the highest resolution that fits (pixels grow with the square of the dpi)
                int fits = (int) Math.floor(72.0 * Math.sqrt(MAX_PNG_PIXELS / (w * h)));
                while (fits >= 36 && side(w, fits) * side(h, fits) > MAX_PNG_PIXELS) {
                    fits--;
                }
                return Optional.of(String.format(Locale.ROOT,
                        "%s, %,.0f megapixels at %d dpi, above the %,d megapixels of a PNG; %s", size,
                        Math.ceil(pixels / 1e6), dpi, MAX_PNG_PIXELS / 1_000_000,
                        (fits >= 36 ? "write it at " + fits + " dpi or less, or " : "write it ")
                                + (Math.max(w, h) <= MAX_PDF_POINTS ? "as .svg or .pdf" : "as .svg")));
            }
            case PDF -> {
                if (Math.max(w, h) <= MAX_PDF_POINTS) {
                    return Optional.empty();
                }
                return Optional.of(size + ", above the " + cm(MAX_PDF_POINTS) + " cm a side of a PDF page that "
                        + "Adobe's readers open; write it as .svg");
            }
            case PPTX -> {
                if (Math.max(w, h) <= MAX_PPTX_POINTS && Math.min(w, h) >= MIN_PPTX_POINTS) {
                    return Optional.empty();
                }
                return Optional.of(size + ", outside the " + cm(MIN_PPTX_POINTS) + " to " + cm(MAX_PPTX_POINTS)
                        + " cm a side of a PowerPoint slide; write it as .svg"
                        + (Math.max(w, h) <= MAX_PDF_POINTS ? " or .pdf" : ""));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Points as centimetres with one decimal and thousands separators, e.g. {@code 3,020.2}. */
    private static String cm(double points) {
        return String.format(Locale.ROOT, "%,.1f", points / 72.0 * 2.54);
    }

    /** Bytes in {@code format}. */
    public static byte[] bytes(Figure figure, Format format) {
        return switch (format) {
            case PNG -> png(figure, DEFAULT_DPI);
            case SVG -> svg(figure).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(figure);
            case PPTX -> PptxWriter.pptx(figure, Optional.empty());
        };
    }

    /** Sets the hints every renderer uses: anti-aliasing, fractional metrics, pure strokes. */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** Pixel size of the PNG at {@code dpi}: the figure's size in points × dpi / 72, rounded up. */
    public static int pixels(double points, int dpi) {
        return (int) side(points, dpi);
    }

    /** {@link #pixels} as a double, which does not overflow for any figure. */
    private static double side(double points, int dpi) {
        return Math.ceil(points * dpi / 72.0 - 1e-9);
    }

    /** PNG at {@code dpi}, white background, with the pHYs chunk set to {@code dpi}. */
    public static byte[] png(Figure figure, int dpi) {
        if (dpi < 36 || dpi > 2400) {
            throw new IllegalArgumentException("png dpi " + dpi + " must be within 36..2400");
        }
        Optional<String> problem = tooLarge(figure, Format.PNG, dpi);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        int w = pixels(figure.width(), dpi);
        int h = pixels(figure.height(), dpi);
        // drawn a strip of rows at a time, in one strip (the whole image) up to PngStrips.STRIP_PIXELS: 8-bit grey
        // when every pixel is grey (forest and funnel plots, grey palettes; the levels copied, not colour-converted,
        // so the PNG shows the same pixels, in a third of the data), else RGB
        return PngStrips.png(figure, dpi, w, h, Math.min(h, Math.max(1, PngStrips.STRIP_PIXELS / w)));
    }

    /** The PNG of {@code img} with the pHYs chunk set to {@code dpi}, by the JDK's encoder. */
    static byte[] encodePng(java.awt.image.RenderedImage img, int dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            var param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String fmt = "javax_imageio_png_1.0";
            IIOMetadataNode root = new IIOMetadataNode(fmt);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            root.appendChild(phys);
            meta.mergeTree(fmt, root);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, meta), param);
            ios.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * SVG document sized in points with a viewBox in points; text stays text (font family
     * {@link FigureFonts#SVG_FAMILY}), right-aligned and centred text anchored at its column edge or centre with
     * {@code text-anchor} ({@link SvgAnchors}); no random ids.
     */
    public static String svg(Figure figure) {
        StringBuilder body = new StringBuilder();
        SVGGraphics2D g = new SVGGraphics2D(figure.width(), figure.height(), SVGUnits.PT, body);
        g.setDefsKeyPrefix("tm");
        g.setFontFunction(family -> FigureFonts.SVG_FAMILY);
        g.setGeomDoubleConverter(FigureWriter::svgNumber);
        g.setTransformDoubleConverter(FigureWriter::svgNumber);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        hints(g);
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, figure.width(), figure.height()));
        SvgAnchors.begin(g, body, FigureWriter::svgNumber);
        try {
            figure.draw(g);
        } finally {
            SvgAnchors.end();
        }
        g.dispose();
        // no DOCTYPE (SVG 2 has none, and the SVG 1.1 DTD would make XML parsers go online)
        String element = g.getSVGElement(null, true, new ViewBox(0, 0, figure.width(), figure.height()),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        // text drawn by the chart library (titles, legends) has not been through TextBox: no control character
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + org.trialmeta.repository.Messages.printable(element) + "\n";
    }

    private static String svgNumber(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }

    /**
     * The bundled faces as parsed TrueType fonts (fontbox), parsed once for each PDF drawn at the same time and lent
     * to one PDF at a time (fontbox does not promise that a parsed font is safe for two threads, and figures are
     * drawn in parallel). Before, each PDF registered the three faces by stream: the drawer copied each to a
     * temporary file (marked delete-on-exit, a list that grew with every PDF) and the document parsed all three again.
     * On {@code ./trialmeta report} that was 0.17 s of 2.89 s (0.37 s of CPU). A document only reads a lent font (its
     * embedded subset is made from the glyphs it used), so every PDF has the bytes it had before. The fonts are held
     * softly (a set is about 5 MB), so that a command short of memory parses them again rather than fails.
     */
    private static final java.util.concurrent.ConcurrentLinkedDeque<java.lang.ref.SoftReference<TrueTypeFont[]>>
            PDF_FACES = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private static TrueTypeFont[] borrowFaces() throws IOException {
        for (java.lang.ref.SoftReference<TrueTypeFont[]> lent; (lent = PDF_FACES.poll()) != null; ) {
            TrueTypeFont[] faces = lent.get();
            if (faces != null) {
                return faces;
            }
        }
        FigureFonts.Face[] all = FigureFonts.Face.values();
        TrueTypeFont[] faces = new TrueTypeFont[all.length];
        for (FigureFonts.Face face : all) {
            try (InputStream in = face.open()) {
                faces[face.ordinal()] = new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
        }
        return faces;
    }

    /**
     * One-page PDF of the figure's size with vector graphics and text in an embedded DejaVu Sans
     * subset; fixed document id and no dates, so the bytes are reproducible.
     */
    public static byte[] pdf(Figure figure) {
        float w = (float) figure.width();
        float h = (float) figure.height();
        TrueTypeFont[] faces;
        try {
            faces = borrowFaces();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled fonts: " + e.getMessage(), e);
        }
        try (PDDocument doc = new PDDocument();
             PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            for (FigureFonts.Face face : FigureFonts.Face.values()) {
                // embedded as subsets, as the drawer embeds fonts it reads itself; the document does not close a
                // font it is given, so the next PDF can borrow it
                fonts.registerFont(face.fontName(), PDType0Font.load(doc, faces[face.ordinal()], true));
            }
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(fonts);
            hints(g);
            g.setColor(Color.WHITE);
            g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
            figure.draw(g);
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(form);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setProducer(PDF_PRODUCER);
            info.setCreator(PDF_PRODUCER);
            doc.setDocumentInformation(info);
            doc.setDocumentId(0L);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render PDF: " + e.getMessage(), e);
        } finally {
            PDF_FACES.push(new java.lang.ref.SoftReference<>(faces));
        }
    }

    /** Checks {@code figure} has a positive finite size (used by renderers' constructors). */
    static void checkSize(String what, double w, double h) {
        if (!(w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h))) {
            throw new IllegalStateException(what + " size " + w + " × " + h + " must be positive and finite");
        }
        Objects.requireNonNull(what);
    }
}

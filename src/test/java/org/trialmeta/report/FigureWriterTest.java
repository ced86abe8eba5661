package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Renders every figure type headless to PNG, SVG and PDF and checks the files, not the pixels. */
class FigureWriterTest {

    /** Each figure with labels that must appear as text in the SVG and PDF (incl. τ², † and χ²). */
    static Stream<Map.Entry<Figure, List<String>>> figures() {
        return Stream.of(
                Map.entry(new ForestPlot(SampleFigures.forest(8, false)),
                        List.of("Trial 3\u2020", "0.87 [0.24, 3.09]", "Random-effects model", SampleFigures.HET,
                                SampleFigures.DAGGER_NOTE, "Odds ratio (KRAS-mutant vs wild-type)")),
                Map.entry(new ForestPlot(SampleFigures.subgroups()),
                        List.of("KRAS-mutant", "not estimable", "Test for subgroup differences: \u03c7\u00b2 = 14.2, df = 1 (p < 0.001)")),
                Map.entry(new SurvivalPlot(SampleFigures.km()),
                        List.of("KRAS-mutant", "KRAS wild-type", "Number at risk", "Time since start of treatment (months)")),
                Map.entry(new MedianChart(SampleFigures.medians()),
                        List.of("RAMP 201\u2020", "22.0 [11.1, 36.6]", "not reached", "not reported", "Median PFS (months)")),
                Map.entry(new BarChart(SampleFigures.bars()),
                        List.of("+100% vs vehicle", "Vehicle", "Median survival (days)")));
    }

    @ParameterizedTest
    @MethodSource("figures")
    void pngHasTheFigureSizeAt300DpiInkAndThePhysChunk(Map.Entry<Figure, List<String>> c) throws IOException {
        Figure f = c.getKey();
        byte[] png = FigureWriter.png(f, FigureWriter.DEFAULT_DPI);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo((int) Math.ceil(f.width() * 300 / 72 - 1e-9));
        assertThat(img.getHeight()).isEqualTo((int) Math.ceil(f.height() * 300 / 72 - 1e-9));
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    ink++;
                }
            }
        }
        assertThat(ink).as("non-white pixels").isGreaterThan(1000);
        // corners stay white: nothing drawn into the margin
        assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        assertThat(img.getRGB(img.getWidth() - 1, img.getHeight() - 1) & 0xffffff).isEqualTo(0xffffff);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            var root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
            assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("11811"); // 300 / 0.0254
            assertThat(phys.getAttribute("pixelsPerUnitYAxis")).isEqualTo("11811");
            r.dispose();
        }
    }

    @ParameterizedTest
    @MethodSource("figures")
    void svgParsesHasTheSizeInPointsAndKeepsLabelsAsText(Map.Entry<Figure, List<String>> c) throws Exception {
        String svg = FigureWriter.svg(c.getKey());
        var dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("width")).endsWith("pt");
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        assertThat(texts).containsAll(c.getValue());
        assertThat(svg).contains("DejaVu Sans").contains("font-weight: bold").doesNotContain("<image");
        // the plain chart theme: no gradients (JFreeChart's default bar painter), no shadows or images
        assertThat(svg).doesNotContain("Gradient").doesNotContain("<filter").doesNotContain("Tahoma");
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 ");
    }

    @ParameterizedTest
    @MethodSource("figures")
    void svgAndPdfAreByteIdenticalAcrossRenders(Map.Entry<Figure, List<String>> c) {
        assertThat(FigureWriter.svg(c.getKey())).isEqualTo(FigureWriter.svg(c.getKey()));
        assertThat(FigureWriter.pdf(c.getKey())).isEqualTo(FigureWriter.pdf(c.getKey()));
        assertThat(FigureWriter.png(c.getKey(), 150)).isEqualTo(FigureWriter.png(c.getKey(), 150));
    }

    /**
     * The parsed fonts are lent to one PDF at a time: PDFs drawn at once on many threads, each with fonts other PDFs
     * have used before, are each the bytes of the same figure drawn alone, and their text is still the labels.
     */
    @Test
    void pdfsDrawnAtOnceOnManyThreadsAreThePdfsDrawnAlone() throws Exception {
        List<Map.Entry<Figure, List<String>>> all = figures().toList();
        List<byte[]> alone = all.stream().map(c -> FigureWriter.pdf(c.getKey())).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<byte[]>> drawn = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                for (Map.Entry<Figure, List<String>> c : all) {
                    drawn.add(pool.submit(() -> FigureWriter.pdf(c.getKey())));
                }
            }
            for (int i = 0; i < drawn.size(); i++) {
                byte[] pdf = drawn.get(i).get();
                assertThat(pdf).as("PDF %d", i).isEqualTo(alone.get(i % all.size()));
            }
            try (PDDocument doc = Loader.loadPDF(drawn.get(drawn.size() - 1).get())) {
                assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                        .contains(all.get(all.size() - 1).getValue().get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("figures")
    void pdfOpensWithThePageSizeAndItsTextContainsTheLabels(Map.Entry<Figure, List<String>> c) throws IOException {
        Figure f = c.getKey();
        try (PDDocument doc = Loader.loadPDF(FigureWriter.pdf(f))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            var box = doc.getPage(0).getMediaBox();
            assertThat((double) box.getWidth()).isCloseTo(f.width(), org.assertj.core.api.Assertions.within(0.01));
            assertThat((double) box.getHeight()).isCloseTo(f.height(), org.assertj.core.api.Assertions.within(0.01));
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", " ");
            for (String label : c.getValue()) {
                assertThat(flat).contains(label.replaceAll("\\s+", " "));
            }
            assertThat(doc.getDocumentInformation().getCreationDate()).isNull();
            // text is set in embedded subsets of the bundled DejaVu Sans, regular and bold
            List<String> fonts = new ArrayList<>();
            var page = doc.getPage(0).getResources();
            for (var name : page.getXObjectNames()) {
                if (page.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                    for (var fn : form.getResources().getFontNames()) {
                        var font = form.getResources().getFont(fn);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                        fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    }
                }
            }
            assertThat(fonts).contains("DejaVuSans", "DejaVuSans-Bold");
        }
    }

    @Test
    void writesEveryFormatAtomicallyWithTheRightExtension(@TempDir Path dir) throws IOException {
        var paths = FigureWriter.write(new ForestPlot(SampleFigures.forest(3, false)), dir, "forest",
                EnumSet.allOf(FigureWriter.Format.class));
        assertThat(paths).extracting(p -> p.getFileName().toString()).containsExactly("forest.png", "forest.svg", "forest.pdf",
                "forest.pptx");
        for (Path p : paths) {
            assertThat(Files.size(p)).isGreaterThan(1000);
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(FigureWriter.Format.parse(" SVG ")).isEqualTo(FigureWriter.Format.SVG);
        assertThat(FigureWriter.Format.parseList("pdf, png")).containsExactly(FigureWriter.Format.PNG, FigureWriter.Format.PDF);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FigureWriter.Format.parseList("png,gif"))
                .hasMessageContaining("'gif'");
    }
}

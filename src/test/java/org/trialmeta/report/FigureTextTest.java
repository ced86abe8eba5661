package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.trialmeta.report.FigureFonts.Face;

/**
 * Every text in a figure's SVG is one of its layout's texts, drawn where the layout put it, and every
 * laid-out text is drawn once. Tick and category labels are drawn by JFreeChart's axes: this is what
 * keeps the layout tests' no-overlap and inside-the-canvas checks true of the drawn figure.
 */
class FigureTextTest {

    /** Positions in the SVG have 3 decimals; JFreeChart computes text anchors in float. */
    private static final double POSITION_TOLERANCE = 2e-3;

    static Stream<Arguments> figures() {
        List<Arguments> out = new ArrayList<>();
        for (FigureStyle style : List.of(FigureStyle.JOURNAL_PAGE, FigureStyle.JOURNAL_COLUMN, FigureStyle.SLIDE)) {
            String s = style == FigureStyle.JOURNAL_PAGE ? "page" : style == FigureStyle.SLIDE ? "slide" : "column";
            out.add(Arguments.of("forest 1 " + s, new ForestPlot(SampleFigures.forest(1, false), style)));
            out.add(Arguments.of("forest 8 " + s, new ForestPlot(SampleFigures.forest(8, false), style)));
            out.add(Arguments.of("forest 20 long " + s, new ForestPlot(SampleFigures.forest(20, true), style)));
            out.add(Arguments.of("forest subgroups " + s, new ForestPlot(SampleFigures.subgroups(), style)));
            out.add(Arguments.of("km " + s, new SurvivalPlot(SampleFigures.km(), style)));
            out.add(Arguments.of("medians " + s, new MedianChart(SampleFigures.medians(), style)));
            out.add(Arguments.of("bars " + s, new BarChart(SampleFigures.bars(), style)));
        }
        return out.stream();
    }

    /** A text element of the SVG. */
    record Drawn(String text, Face face, double size, double x, double baseline, String anchor) {}

    static List<Drawn> drawnTexts(String svg) throws Exception {
        var dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        var doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<Drawn> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            assertThat(e.getAttribute("transform")).as("text '%s' is not transformed", e.getTextContent()).isEmpty();
            String style = e.getAttribute("style");
            Face face = style.contains("font-weight: bold") ? Face.BOLD
                    : style.contains("font-style: italic") ? Face.ITALIC : Face.REGULAR;
            String size = style.replaceAll(".*font-size: ([0-9.]+)px.*", "$1");
            out.add(new Drawn(e.getTextContent(), face, Double.parseDouble(size), Double.parseDouble(e.getAttribute("x")),
                    Double.parseDouble(e.getAttribute("y")), e.getAttribute("text-anchor")));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("figures")
    void everyDrawnTextIsALaidOutTextInItsPlace(String name, LaidOutFigure<?, ?> figure) throws Exception {
        List<Drawn> drawn = new ArrayList<>(drawnTexts(FigureWriter.svg(figure)));
        List<TextBox> laidOut = figure.layout().texts().stream().filter(t -> !t.text().isEmpty()).toList();
        java.util.Set<TextBox> byChart = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        byChart.addAll(figure.chartTexts());
        for (TextBox t : laidOut) {
            // JFreeChart's texts are placed by their left edge; the figure's own by their anchor (SvgAnchors)
            String anchor = byChart.contains(t) ? "" : switch (t.align()) {
                case LEFT -> "";
                case CENTER -> "middle";
                case RIGHT -> "end";
            };
            double x = anchor.isEmpty() ? t.x() : t.anchorX();
            Drawn match = drawn.stream()
                    .filter(d -> d.text().equals(t.text()) && d.face() == t.face()
                            && d.size() == (int) (t.size() + 0.5) // JFreeSVG writes Font.getSize(), rounded
                            && d.anchor().equals(anchor)
                            && Math.abs(d.x() - x) < POSITION_TOLERANCE
                            && Math.abs(d.baseline() - t.baseline()) < POSITION_TOLERANCE)
                    .findFirst().orElse(null);
            assertThat(match).as("'%s' (%s) at x=%.3f baseline=%.3f drawn; drawn with that text: %s", t.text(), t.face(),
                    t.x(), t.baseline(), drawn.stream().filter(d -> d.text().equals(t.text())).toList()).isNotNull();
            drawn.remove(match);
        }
        assertThat(drawn).as("texts drawn that the layout does not have").isEmpty();
        // the chart's texts are among them
        assertThat(figure.chartTexts()).isNotEmpty();
        assertThat(laidOut).containsAll(figure.chartTexts().stream().filter(t -> !t.text().isEmpty()).toList());
    }
}

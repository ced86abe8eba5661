package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * SVG keeps its column alignment when the viewer substitutes another font: the numeric columns of a forest plot
 * (estimates with CIs, weights) are written with {@code text-anchor="end"} at the column's right edge, so every
 * cell of a column has the same {@code x}, whatever the widths of the numbers in the font the layout measured.
 */
class SvgAnchorTest {

    record SvgText(String text, String anchor, double x) {}

    static List<SvgText> texts(String svg) throws Exception {
        var dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        var doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<SvgText> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            out.add(new SvgText(e.getTextContent(), e.getAttribute("text-anchor"), Double.parseDouble(e.getAttribute("x"))));
        }
        return out;
    }

    @Test
    void numericColumnsOfAForestPlotAreAnchoredAtTheirRightEdge() throws Exception {
        ForestPlot plot = new ForestPlot(SampleFigures.forest(8, false), FigureStyle.JOURNAL_PAGE);
        List<SvgText> drawn = texts(FigureWriter.svg(plot));
        // the estimate column: "1.23 [0.45, 2.10]" cells, and the weight column: "12.3%"
        List<SvgText> estimates = drawn.stream().filter(t -> t.text().matches(".*\\d \\[.*\\d\\]")).toList();
        List<SvgText> weights = drawn.stream().filter(t -> t.text().matches("\\d+(\\.\\d+)?%")).toList();
        assertThat(estimates).hasSizeGreaterThanOrEqualTo(8);
        assertThat(weights).hasSizeGreaterThanOrEqualTo(8);
        for (List<SvgText> column : List.of(estimates, weights)) {
            assertThat(column).allSatisfy(t -> assertThat(t.anchor()).as(t.text()).isEqualTo("end"));
            // one x for the whole column: the right edge, not a left edge computed from each number's width
            assertThat(column.stream().map(SvgText::x).distinct()).hasSize(1);
        }
        // and the column edge is the laid-out right edge of the cells
        double right = plot.layout().texts().stream().filter(t -> t.text().equals(estimates.get(0).text()))
                .findFirst().orElseThrow().right();
        assertThat(estimates.get(0).x()).isCloseTo(right, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void centredTextIsAnchoredInTheMiddleAndLeftTextHasNoAnchor() throws Exception {
        ForestPlot plot = new ForestPlot(SampleFigures.forest(8, false), FigureStyle.JOURNAL_PAGE);
        Map<String, TextBox.Align> aligns = new TreeMap<>();
        for (TextBox t : plot.layout().texts()) {
            if (!plot.chartTexts().contains(t)) {
                aligns.putIfAbsent(t.text(), t.align());
            }
        }
        List<SvgText> drawn = texts(FigureWriter.svg(plot));
        int centred = 0;
        for (SvgText t : drawn) {
            TextBox.Align a = aligns.get(t.text());
            if (a == TextBox.Align.CENTER) {
                assertThat(t.anchor()).as(t.text()).isEqualTo("middle");
                centred++;
            } else if (a == TextBox.Align.LEFT) {
                assertThat(t.anchor()).as(t.text()).isEmpty();
            }
        }
        assertThat(centred).as("the sample forest plot has centred column headers or cells").isPositive();
    }
}

package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.trialmeta.present.Escape;
import org.trialmeta.repository.Messages;

/**
 * A control character in user text (a study or trial name holding ESC or U+0001) never makes an output malformed:
 * XML 1.0 forbids the C0 controls even as character references, so every figure and table writer replaces them
 * ({@link Messages#printable}). Each output is parsed as XML where it is XML.
 */
public class ControlCharactersTest {

    private static final String NAME = "RAMP\u0001\u001b-201\u0085\u007f<&>";
    private static final String FORBIDDEN = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]";

    /** Parses {@code xml} (no DOCTYPE allowed), failing with the parser's words. */
    public static void assertXml(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML (" + e.getMessage() + "):\n"
                    + xml.substring(0, Math.min(xml.length(), 2000)), e);
        }
    }

    @Test
    void printableReplacesControlsAndKeepsTabsAndLineBreaks() {
        assertThat(Messages.printable("a\tb\nc\r")).isEqualTo("a\tb\nc\r");
        assertThat(Messages.printable(NAME)).isEqualTo("RAMP\uFFFD\uFFFD-201\uFFFD\uFFFD<&>");
        assertThat(Messages.printable("x\ud800y\udc00")).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(Messages.printable("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
        String plain = "plain";
        assertThat(Messages.printable(plain)).isSameAs(plain);
    }

    @Test
    void htmlAndMarkdownEscapersWriteNoControlCharacter() {
        assertXml("<p title=\"" + Escape.html(NAME) + "\">" + Escape.html(NAME) + "</p>");
        assertThat(Escape.markdownCell(NAME)).doesNotContainPattern(FORBIDDEN);
    }

    @Test
    void tablesInEveryFormatWriteNoControlCharacter() throws Exception {
        Table t = new Table("t", "Title " + NAME, List.of("trial", NAME), List.of(List.of(NAME, "1"), List.of("\u001b[31mred", "2")),
                List.of("note " + NAME));
        assertThat(TableWriter.csv(t)).doesNotContainPattern(FORBIDDEN).contains("RAMP\uFFFD\uFFFD-201");
        StringWriter md = new StringWriter();
        TableWriter.markdown(t, md);
        assertThat(md.toString()).doesNotContainPattern(FORBIDDEN);
        assertXml("<div>" + TableWriter.htmlFragment(t) + "</div>");
        byte[] docx = TableWriter.docx(t, Optional.empty());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".xml")) {
                    assertXml(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void anSvgIsWellFormedWhateverTextIsDrawnIntoIt() {
        // text laid out as a TextBox, and text drawn directly as the chart library draws titles and legends
        Figure f = new Figure() {
            @Override
            public double width() {
                return 200;
            }

            @Override
            public double height() {
                return 100;
            }

            @Override
            public void draw(java.awt.Graphics2D g) {
                TextBox box = TextBox.place(NAME, FigureFonts.Face.REGULAR, 10, 10, 20, TextBox.Align.LEFT);
                Draw.text(g, box, Draw.INK);
                g.drawString("chart title " + NAME, 10f, 60f);
            }
        };
        String svg = FigureWriter.svg(f);
        assertThat(svg).doesNotContainPattern(FORBIDDEN).contains("RAMP\uFFFD\uFFFD-201");
        assertXml(svg);
    }
}

package org.trialmeta.report;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.poi.sl.draw.SLGraphics;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextRun;

/**
 * A figure as an editable PowerPoint slide: every line, square, diamond and polygon becomes a native freeform shape
 * and every text a text box (POI's {@link SLGraphics} turns the Java2D calls that draw the figure into slide shapes),
 * so a writer can change a label, a colour or a line in PowerPoint; nothing is a picture. The slide has the figure's
 * size in points; the shapes sit in one group, to move or scale together. Reproducible bytes ({@link Ooxml}).
 */
public final class PptxWriter {

    private PptxWriter() {}

    /** Font family of the slide's text: present on every PowerPoint installation, narrower than the layout's. */
    static final String FONT_FAMILY = "Arial";

    /**
     * {@link SLGraphics} with text boxes that keep the figure's font size, weight, slant and colour (POI's own leave
     * the size to PowerPoint's 18 pt default), placed by the text's baseline under the current transform.
     */
    private static final class TextBoxGraphics extends SLGraphics {
        private final XSLFGroupShape group;

        TextBoxGraphics(XSLFGroupShape group) {
            super(group);
            this.group = group;
        }

        @Override
        public void drawString(String text, float x, float y) {
            if (text == null || text.isEmpty()) {
                return;
            }
            String str = org.trialmeta.repository.Messages.printable(text);
            java.awt.Font font = getFont();
            java.awt.geom.AffineTransform t = getTransform();
            java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
            java.awt.font.LineMetrics lm = font.getLineMetrics(str, frc);
            double width = font.getStringBounds(str, frc).getWidth();
            java.awt.geom.Point2D top = t.transform(new java.awt.geom.Point2D.Double(x, y - lm.getAscent()), null);
            double scale = Math.sqrt(Math.abs(t.getDeterminant()));
            XSLFTextBox box = group.createTextBox();
            box.setInsets(new org.apache.poi.sl.usermodel.Insets2D(0, 0, 0, 0));
            box.setWordWrap(false);
            box.setVerticalAlignment(org.apache.poi.sl.usermodel.VerticalAlignment.TOP);
            box.setAnchor(new Rectangle2D.Double(top.getX(), top.getY(), width * scale,
                    (lm.getAscent() + lm.getDescent()) * scale));
            XSLFTextRun run = box.getTextParagraphs().isEmpty() ? box.addNewTextParagraph().addNewTextRun()
                    : box.getTextParagraphs().get(0).addNewTextRun();
            run.setText(str);
            run.setFontFamily(FONT_FAMILY);
            run.setFontSize(Math.round(font.getSize2D() * scale * 100) / 100.0);
            run.setBold(font.isBold());
            run.setItalic(font.isItalic());
            java.awt.Paint paint = getPaint();
            run.setFontColor(paint instanceof java.awt.Color c ? c : java.awt.Color.BLACK);
        }

        @Override
        public void drawString(String str, int x, int y) {
            drawString(str, (float) x, (float) y);
        }
    }

    /** The PPTX bytes of {@code figure}, dated {@code date} (or 2000-01-01). */
    public static byte[] pptx(Figure figure, Optional<java.time.LocalDate> date) {
        try (XMLSlideShow ppt = new XMLSlideShow()) {
            int w = (int) Math.ceil(figure.width());
            int h = (int) Math.ceil(figure.height());
            ppt.setPageSize(new Dimension(w, h));
            XSLFSlide slide = ppt.createSlide();
            XSLFGroupShape group = slide.createGroup();
            Rectangle2D.Double area = new Rectangle2D.Double(0, 0, w, h);
            group.setAnchor(area);
            group.setInteriorAnchor(area);
            SLGraphics g = new TextBoxGraphics(group);
            figure.draw(g);
            g.dispose();
            return Ooxml.bytes(ppt, Ooxml.fixedDate(date));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PPTX: " + e.getMessage(), e);
        }
    }
}

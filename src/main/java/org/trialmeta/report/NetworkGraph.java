package org.trialmeta.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The network graph of a network meta-analysis (netmeta's {@code netgraph} with the default circle layout): the
 * treatments as nodes evenly spaced on a circle, clockwise from the top in the order given; node area proportional to
 * the number of participants (or of studies, when the input has no arm sizes); a line between two treatments that a
 * study compares, its width proportional to the number of such studies, which is also written at its middle. The
 * geometry ({@link #node(int)}, {@link #edgeWidth(int)}) is computed once in the constructor; drawing is
 * deterministic.
 */
public final class NetworkGraph implements Figure {

    /**
     * What the graph shows.
     *
     * @param title      title above the graph (may be empty)
     * @param treatments node labels
     * @param size       node size measure per treatment (participants or studies), all positive
     * @param sizeLabel  what the size measures, e.g. "participants"
     * @param studies    studies per pair (symmetric)
     */
    public record Data(String title, List<String> treatments, double[] size, String sizeLabel, int[][] studies) {
        public Data {
            treatments = List.copyOf(treatments);
            size = size.clone();
            if (size.length != treatments.size() || studies.length != treatments.size()) {
                throw new IllegalArgumentException("one size and one row of study counts per treatment");
            }
        }
    }

    /** A node's centre and radius. */
    public record Node(double x, double y, double radius) {
    }

    private static final double FONT = 8;
    private static final double CIRCLE = 150;
    private static final double MIN_R = 3;
    private static final double MAX_R = 14;
    private static final Color EDGE = new Color(0x4d, 0x4d, 0x4d);

    private final Data data;
    private final double width;
    private final double height;
    private final Node[] nodes;
    private final List<TextBox> labels = new ArrayList<>();
    private final TextBox title;
    private final TextBox caption;
    private final int maxStudies;

    private final Color node;

    public NetworkGraph(Data data) {
        this(data, Palette.COLOUR);
    }

    /** The graph with its nodes in {@code palette}'s accent colour. */
    public NetworkGraph(Data data, Palette palette) {
        this.data = data;
        this.node = palette.accent();
        int t = data.treatments().size();
        double maxSize = 0;
        int maxK = 1;
        double widest = 0;
        for (int i = 0; i < t; i++) {
            maxSize = Math.max(maxSize, data.size()[i]);
            widest = Math.max(widest, FigureFonts.width(FigureFonts.Face.REGULAR.at(FONT), data.treatments().get(i)));
            for (int j = 0; j < t; j++) {
                maxK = Math.max(maxK, data.studies()[i][j]);
            }
        }
        this.maxStudies = maxK;
        double margin = widest + MAX_R + 12;
        double top = data.title().isEmpty() ? 16 : 30;
        this.width = 2 * (CIRCLE + margin);
        double cx = width / 2;
        double cy = top + CIRCLE + MAX_R + 10;
        this.height = cy + CIRCLE + MAX_R + 36;
        this.nodes = new Node[t];
        for (int i = 0; i < t; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / t;
            double r = MIN_R + (MAX_R - MIN_R) * Math.sqrt(maxSize > 0 ? data.size()[i] / maxSize : 1);
            double x = cx + CIRCLE * Math.cos(angle);
            double y = cy + CIRCLE * Math.sin(angle);
            nodes[i] = new Node(x, y, r);
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double lx = x + (r + 4) * c;
            double ly = y + (r + 4) * s;
            TextBox.Align align = c > 0.3 ? TextBox.Align.LEFT : c < -0.3 ? TextBox.Align.RIGHT : TextBox.Align.CENTER;
            labels.add(TextBox.centred(data.treatments().get(i), FigureFonts.Face.REGULAR, FONT, lx,
                    ly + (Math.abs(c) <= 0.3 ? s * (FONT * 0.7) : 0), align));
        }
        this.title = data.title().isEmpty() ? null
                : TextBox.place(data.title(), FigureFonts.Face.BOLD, FONT + 1, cx, 16, TextBox.Align.CENTER);
        this.caption = TextBox.place("Node area \u221d number of " + data.sizeLabel()
                + "; line width \u221d number of studies (written on the line)", FigureFonts.Face.ITALIC, FONT - 1, cx,
                height - 10, TextBox.Align.CENTER);
    }

    /** Node {@code i}'s geometry. */
    public Node node(int i) {
        return nodes[i];
    }

    /** Line width (points) for {@code k} studies. */
    public double edgeWidth(int k) {
        return 0.75 + 4.25 * k / maxStudies;
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void draw(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        int t = nodes.length;
        int[][] k = data.studies();
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                if (k[i][j] > 0) {
                    g.setColor(EDGE);
                    g.setStroke(new BasicStroke(Draw.width(edgeWidth(k[i][j])), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                    g.draw(new Line2D.Double(nodes[i].x(), nodes[i].y(), nodes[j].x(), nodes[j].y()));
                }
            }
        }
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                if (k[i][j] > 0) {
                    double mx = (nodes[i].x() + nodes[j].x()) / 2;
                    double my = (nodes[i].y() + nodes[j].y()) / 2;
                    TextBox n = TextBox.centred(Integer.toString(k[i][j]), FigureFonts.Face.BOLD, FONT - 1, mx, my,
                            TextBox.Align.CENTER);
                    g.setColor(Color.WHITE);
                    g.fill(new java.awt.geom.Rectangle2D.Double(n.x() - 1.5, n.top() - 1, n.width() + 3, n.height() + 2));
                    Draw.text(g, n, Draw.INK);
                }
            }
        }
        for (int i = 0; i < t; i++) {
            Node n = nodes[i];
            g.setColor(node);
            g.fill(new Ellipse2D.Double(n.x() - n.radius(), n.y() - n.radius(), 2 * n.radius(), 2 * n.radius()));
            Draw.text(g, labels.get(i), Draw.INK);
        }
        if (title != null) {
            Draw.text(g, title, Draw.INK);
        }
        Draw.text(g, caption, Draw.MUTED);
    }
}

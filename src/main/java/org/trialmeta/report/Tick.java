package org.trialmeta.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * An axis tick: its value, its position in points, and its label.
 *
 * @param value the axis value
 * @param pos   x (horizontal axis) or y (vertical axis) in points
 * @param label the label's box
 */
public record Tick(double value, double pos, TextBox label) {

    /**
     * Places tick labels under a horizontal axis, taking candidates in priority order and dropping
     * any whose label would come closer than {@code gap} to one already placed; returns the ticks
     * sorted by position.
     */
    static List<Tick> horizontal(List<Double> candidates, DoubleUnaryOperator toX, double size,
                                 double baseline, double gap, double minX, double maxX) {
        List<Tick> kept = new ArrayList<>();
        for (double v : candidates) {
            double x = toX.applyAsDouble(v);
            TextBox box = TextBox.place(Draw.tick(v), FigureFonts.Face.REGULAR, size, x, baseline, TextBox.Align.CENTER);
            if (box.x() < minX - 1e-6 || box.right() > maxX + 1e-6) {
                continue;
            }
            boolean clash = false;
            for (Tick t : kept) {
                if (box.x() < t.label().right() + gap && t.label().x() < box.right() + gap) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(new Tick(v, x, box));
            }
        }
        kept.sort(Comparator.comparingDouble(Tick::pos));
        return kept;
    }
}

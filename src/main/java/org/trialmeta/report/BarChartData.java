package org.trialmeta.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bars with annotations, e.g. median survival per arm of a preclinical study with the increase in
 * lifespan over vehicle ("+100% vs vehicle").
 *
 * @param title      title, or empty
 * @param valueLabel y-axis label with unit, e.g. "Median survival (days)"
 * @param bars       bars left to right (at least one)
 * @param footnotes  lines under the figure
 * @param digits     decimals of the value labels
 * @param axisMax    fixed axis maximum, or empty for a nice value above the tallest bar
 */
public record BarChartData(String title, String valueLabel, List<Bar> bars, List<String> footnotes, int digits,
                           Optional<Double> axisMax) {

    /**
     * One bar.
     *
     * @param label      category label (wrapped to the bar slot; {@code \n} forces a break)
     * @param value      bar height, ≥ 0
     * @param valueText  text over the bar, or empty to print the value with {@code digits} decimals
     * @param annotation second line over the bar (e.g. "+100% vs vehicle"), or empty
     * @param reference  true for the reference arm (drawn in grey)
     */
    public record Bar(String label, double value, String valueText, String annotation, boolean reference) {
        public Bar {
            label = label == null ? "" : label;
            valueText = valueText == null ? "" : valueText;
            annotation = annotation == null ? "" : annotation;
            if (!(value >= 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("bar '" + label + "' value " + value + " must be finite and >= 0");
            }
        }

        public static Bar of(String label, double value, String annotation) {
            return new Bar(label, value, "", annotation, false);
        }

        public static Bar reference(String label, double value) {
            return new Bar(label, value, "", "", true);
        }
    }

    public BarChartData {
        title = title == null ? "" : title;
        valueLabel = valueLabel == null ? "" : valueLabel;
        bars = List.copyOf(Objects.requireNonNull(bars, "bars"));
        footnotes = List.copyOf(Objects.requireNonNull(footnotes, "footnotes"));
        Objects.requireNonNull(axisMax, "axisMax");
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("bars must not be empty");
        }
        if (digits < 0 || digits > 6) {
            throw new IllegalArgumentException("digits " + digits + " must be within 0..6");
        }
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        if (axisMax.isPresent() && !(axisMax.get() >= max && axisMax.get() > 0)) {
            throw new IllegalArgumentException("axisMax " + axisMax.get() + " must be > 0 and >= the tallest bar " + max);
        }
    }
}

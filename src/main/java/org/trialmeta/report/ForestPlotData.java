package org.trialmeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a forest plot shows, as plain values (no stats or model types): the caller formats
 * nothing but the left-hand text columns (e.g. "25/57"); estimates are given on the natural scale
 * (odds ratios, not log odds ratios) and the renderer formats them with {@code digits} decimals.
 *
 * @param title          title above the plot, or empty for none
 * @param effectLabel    axis label, e.g. "Odds ratio (KRAS-mutant vs wild-type)"
 * @param scale          LOG for ratios, LINEAR for differences and medians
 * @param nullValue      the no-effect value: 1 for ratios, 0 for differences
 * @param showNullLine   draw the vertical line at {@code nullValue} (off e.g. for single-arm response rates)
 * @param favoursLeft    label under the axis left of the null line, or empty
 * @param favoursRight   label under the axis right of the null line, or empty
 * @param columns        column headers
 * @param rows           rows top to bottom
 * @param footnotes      lines under the figure, e.g. "† unverified figure (vendor guide only)"
 * @param axisLimits     fixed axis limits, or empty to derive them from the data
 * @param digits         decimals of the estimate column (0–6)
 * @param ciStyle        how the estimate column writes a CI: {@code [a, b]}, {@code (a–b)} or {@code (a to b)}
 */
public record ForestPlotData(String title, String effectLabel, AxisScale scale, double nullValue,
                             boolean showNullLine, String favoursLeft, String favoursRight, Columns columns, List<Row> rows,
                             List<String> footnotes, Optional<Range> axisLimits, int digits,
                             org.trialmeta.present.CiStyle ciStyle) {

    /** Kind of pooled estimate, drawn as diamonds of different fill. */
    public enum PooledKind { FIXED, RANDOM, SUBGROUP }

    /**
     * Column headers; {@code \n} in a header breaks it into lines.
     *
     * @param label    header of the study-label column, e.g. "Study"
     * @param subgroup header of the subgroup column (shown only when a study has a subgroup label)
     * @param left     headers of the left text columns, one per {@link Study#left()} entry
     * @param estimate header of the estimate column, e.g. "OR [95% CI]"
     * @param weight   header of the weight column, e.g. "Weight"
     */
    public record Columns(String label, String subgroup, List<String> left, String estimate, String weight) {
        public Columns {
            label = nn(label);
            subgroup = nn(subgroup);
            left = List.copyOf(Objects.requireNonNull(left, "columns.left"));
            estimate = nn(estimate);
            weight = nn(weight);
        }
    }

    /**
     * A closed interval on the natural scale; an end may be infinite (a prediction interval on a ratio scale whose
     * log-scale end lies beyond the exponential's range, ±709.78: drawn as an arrow, written "Inf"), axis limits not.
     */
    public record Range(double lower, double upper) {
        public Range {
            if (!(lower <= upper)) {
                throw new IllegalArgumentException("range [" + lower + ", " + upper + "] must have lower <= upper");
            }
        }
    }

    /**
     * A point estimate with its confidence interval, on the natural scale. The estimate is finite; an end of the CI
     * may be infinite, or 0 on a log scale: a ratio's CI whose log-scale end lies beyond the exponential's range
     * (a study with a huge variance), drawn as an arrow at the axis limit and written "Inf" or "0.00".
     */
    public record Estimate(double value, double lower, double upper) {
        public Estimate {
            if (!Double.isFinite(value) || Double.isNaN(lower) || Double.isNaN(upper)) {
                throw new IllegalArgumentException("estimate " + value + " [" + lower + ", " + upper
                        + "] must be finite with CI ends that are numbers");
            }
            if (!(lower <= value && value <= upper)) {
                throw new IllegalArgumentException("estimate " + value + " must lie within its CI [" + lower + ", " + upper + "]");
            }
        }
    }

    /** One row of the plot. */
    public sealed interface Row permits Header, Study, Pooled, Text {}

    /** A subgroup header, in bold. */
    public record Header(String text) implements Row {
        public Header {
            text = nn(text);
        }
    }

    /**
     * A study: label (+ data-status marker such as "†"), optional subgroup, left text columns,
     * estimate with CI (empty = not estimable, shown as text), weight in percent (null = not weighted).
     */
    public record Study(String label, String subgroup, List<String> left, Optional<Estimate> effect,
                        Double weightPercent, String marker) implements Row {
        public Study {
            label = nn(label);
            subgroup = nn(subgroup);
            left = List.copyOf(Objects.requireNonNull(left, "study.left"));
            Objects.requireNonNull(effect, "study.effect");
            if (weightPercent != null && !(weightPercent >= 0 && weightPercent <= 100)) {
                throw new IllegalArgumentException("study '" + label + "' weightPercent " + weightPercent + " must be within 0..100");
            }
            marker = nn(marker);
        }

        /** An estimable study without subgroup or marker. */
        public static Study of(String label, List<String> left, double est, double lower, double upper, Double weightPercent) {
            return new Study(label, "", left, Optional.of(new Estimate(est, lower, upper)), weightPercent, "");
        }

        /** A study whose effect is not estimable (e.g. no events in either arm). */
        public static Study notEstimable(String label, List<String> left) {
            return new Study(label, "", left, Optional.empty(), null, "");
        }

        /** This study with a data-status marker such as "†". */
        public Study withMarker(String m) {
            return new Study(label, subgroup, left, effect, weightPercent, m);
        }

        /** This study with a subgroup label. */
        public Study withSubgroup(String s) {
            return new Study(label, s, left, effect, weightPercent, marker);
        }
    }

    /**
     * A pooled estimate (diamond), with an optional weight (subtotals) and prediction interval
     * (drawn as a bar on its own row beneath).
     */
    public record Pooled(String label, Estimate effect, PooledKind kind, Double weightPercent,
                         Optional<Range> prediction) implements Row {
        public Pooled {
            label = nn(label);
            Objects.requireNonNull(effect, "pooled.effect");
            Objects.requireNonNull(kind, "pooled.kind");
            Objects.requireNonNull(prediction, "pooled.prediction");
            if (weightPercent != null && !(weightPercent >= 0 && weightPercent <= 100.0001)) {
                throw new IllegalArgumentException("pooled '" + label + "' weightPercent " + weightPercent + " must be within 0..100");
            }
        }

        public static Pooled of(String label, PooledKind kind, double est, double lower, double upper) {
            return new Pooled(label, new Estimate(est, lower, upper), kind, null, Optional.empty());
        }

        public Pooled withPrediction(double lower, double upper) {
            return new Pooled(label, effect, kind, weightPercent, Optional.of(new Range(lower, upper)));
        }

        public Pooled withWeight(Double w) {
            return new Pooled(label, effect, kind, w, prediction);
        }
    }

    /** A line of text spanning the figure, e.g. the heterogeneity statistics. */
    public record Text(String text) implements Row {
        public Text {
            text = nn(text);
        }
    }

    public ForestPlotData {
        title = nn(title);
        effectLabel = nn(effectLabel);
        Objects.requireNonNull(scale, "scale");
        favoursLeft = nn(favoursLeft);
        favoursRight = nn(favoursRight);
        Objects.requireNonNull(columns, "columns");
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        footnotes = List.copyOf(Objects.requireNonNull(footnotes, "footnotes"));
        Objects.requireNonNull(axisLimits, "axisLimits");
        if (!Double.isFinite(nullValue) || (scale == AxisScale.LOG && !(nullValue > 0))) {
            throw new IllegalArgumentException("nullValue " + nullValue + " must be finite (and > 0 on a log scale)");
        }
        Objects.requireNonNull(ciStyle, "ciStyle");
        if (digits < 0 || digits > 6) {
            throw new IllegalArgumentException("digits " + digits + " must be within 0..6");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Objects.requireNonNull(r, "rows[" + i + "]");
            if (r instanceof Study s && s.left().size() != columns.left().size()) {
                throw new IllegalArgumentException("rows[" + i + "] study '" + s.label() + "' has " + s.left().size()
                        + " left columns but there are " + columns.left().size() + " column headers");
            }
            if (scale == AxisScale.LOG) {
                checkPositive(r, i);
            }
        }
        if (axisLimits.isPresent()) {
            Range a = axisLimits.get();
            if (!(Double.isFinite(a.lower()) && Double.isFinite(a.upper()) && a.lower() < a.upper())
                    || (scale == AxisScale.LOG && !(a.lower() > 0))) {
                throw new IllegalArgumentException("axisLimits [" + a.lower() + ", " + a.upper()
                        + "] must be finite with lower < upper (and lower > 0 on a log scale)");
            }
        }
    }

    /** On a log scale: every estimate above 0 and every lower end at least 0 (0: below exp's range, an arrow). */
    private static void checkPositive(Row r, int i) {
        if (r instanceof Study s && s.effect().isPresent()) {
            checkPositive(s.effect().get().value(), s.effect().get().lower(), i);
        } else if (r instanceof Pooled p) {
            checkPositive(p.effect().value(), p.effect().lower(), i);
            p.prediction().ifPresent(pr -> checkPositive(pr.upper(), pr.lower(), i));
        }
    }

    private static void checkPositive(double value, double lower, int i) {
        if (!(value > 0 && lower >= 0)) {
            throw new IllegalArgumentException("rows[" + i + "] estimate " + value + " and lower end " + lower
                    + " must be > 0 and >= 0 on a log scale");
        }
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** A builder with the defaults of a ratio forest plot (log scale, null value 1, 2 decimals). */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder for {@link ForestPlotData}. */
    public static final class Builder {
        private String title = "";
        private String effectLabel = "";
        private AxisScale scale = AxisScale.LOG;
        private double nullValue = 1;
        private boolean showNullLine = true;
        private String favoursLeft = "";
        private String favoursRight = "";
        private Columns columns = new Columns("Study", "Subgroup", List.of(), "Estimate [95% CI]", "Weight");
        private final List<Row> rows = new ArrayList<>();
        private final List<String> footnotes = new ArrayList<>();
        private Optional<Range> axisLimits = Optional.empty();
        private int digits = 2;
        private org.trialmeta.present.CiStyle ciStyle = org.trialmeta.present.CiStyle.BRACKETS;

        public Builder title(String v) { title = v; return this; }
        public Builder effectLabel(String v) { effectLabel = v; return this; }
        /** Sets the scale and its usual null value (1 for LOG, 0 for LINEAR). */
        public Builder scale(AxisScale v) { scale = v; nullValue = v == AxisScale.LOG ? 1 : 0; return this; }
        public Builder nullValue(double v) { nullValue = v; return this; }
        /** No vertical null line (the value still anchors the favours labels). */
        public Builder noNullLine() { showNullLine = false; return this; }
        public Builder favours(String left, String right) { favoursLeft = left; favoursRight = right; return this; }
        public Builder columns(Columns v) { columns = v; return this; }
        public Builder row(Row r) { rows.add(r); return this; }
        public Builder rows(List<? extends Row> r) { rows.addAll(r); return this; }
        public Builder footnote(String f) { footnotes.add(f); return this; }
        public Builder axisLimits(double lower, double upper) { axisLimits = Optional.of(new Range(lower, upper)); return this; }
        public Builder digits(int d) { digits = d; return this; }
        public Builder ciStyle(org.trialmeta.present.CiStyle c) { ciStyle = c; return this; }

        public ForestPlotData build() {
            return new ForestPlotData(title, effectLabel, scale, nullValue, showNullLine, favoursLeft, favoursRight, columns,
                    rows, footnotes, axisLimits, digits, ciStyle);
        }
    }
}

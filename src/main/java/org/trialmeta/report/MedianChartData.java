package org.trialmeta.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reported medians (e.g. median PFS in months) by trial and subgroup, for a dot-and-interval chart.
 * A median that was not reached or not reported is an explicit state, drawn as text.
 *
 * @param title      title, or empty
 * @param axisLabel  axis label with unit, e.g. "Median PFS (months)"
 * @param columns    column headers
 * @param rows       rows top to bottom
 * @param footnotes  lines under the figure
 * @param axisLimits fixed axis limits, or empty for 0 to a nice value above the largest number
 * @param digits     decimals of the value column
 */
public record MedianChartData(String title, String axisLabel, Columns columns, List<Row> rows, List<String> footnotes,
                              Optional<ForestPlotData.Range> axisLimits, int digits) {

    /** What the source says about the median. */
    public enum MedianState { REPORTED, NOT_REACHED, NOT_REPORTED }

    /** Column headers ({@code \n} breaks lines). */
    public record Columns(String label, List<String> left, String value) {
        public Columns {
            label = label == null ? "" : label;
            left = List.copyOf(Objects.requireNonNull(left, "columns.left"));
            value = value == null ? "" : value;
        }
    }

    /** A row. */
    public sealed interface Row permits Header, Entry {}

    /** A bold group header (e.g. a subgroup). */
    public record Header(String text) implements Row {
        public Header {
            text = text == null ? "" : text;
        }
    }

    /**
     * One median: its state, value and CI ends (each optional), whether the upper CI end was not
     * reached, and a data-status marker such as "†".
     */
    public record Entry(String label, List<String> left, MedianState state, OptionalDouble median,
                        OptionalDouble lower, OptionalDouble upper, boolean upperNotReached, String marker) implements Row {
        public Entry {
            label = label == null ? "" : label;
            left = List.copyOf(Objects.requireNonNull(left, "entry.left"));
            Objects.requireNonNull(state, "entry.state");
            Objects.requireNonNull(median, "entry.median");
            Objects.requireNonNull(lower, "entry.lower");
            Objects.requireNonNull(upper, "entry.upper");
            marker = marker == null ? "" : marker;
            String who = "entry '" + label + "'";
            if ((state == MedianState.REPORTED) != median.isPresent()) {
                throw new IllegalArgumentException(who + " state " + state + " must " + (median.isPresent() ? "not " : "")
                        + "come with a median value");
            }
            if (state == MedianState.NOT_REPORTED && (lower.isPresent() || upper.isPresent() || upperNotReached)) {
                throw new IllegalArgumentException(who + " is NOT_REPORTED and must not have CI ends");
            }
            if (upperNotReached && upper.isPresent()) {
                throw new IllegalArgumentException(who + " has an upper CI end " + upper.getAsDouble()
                        + " and upperNotReached; give one or the other");
            }
            if (upper.isPresent() && lower.isEmpty()) {
                throw new IllegalArgumentException(who + " has an upper CI end but no lower one");
            }
            for (OptionalDouble v : List.of(median, lower, upper)) {
                if (v.isPresent() && !(v.getAsDouble() >= 0 && Double.isFinite(v.getAsDouble()))) {
                    throw new IllegalArgumentException(who + " value " + v.getAsDouble() + " must be finite and >= 0");
                }
            }
            if (median.isPresent() && lower.isPresent() && lower.getAsDouble() > median.getAsDouble()
                    || median.isPresent() && upper.isPresent() && upper.getAsDouble() < median.getAsDouble()) {
                throw new IllegalArgumentException(who + " median " + median.getAsDouble() + " must lie within its CI");
            }
        }

        /** A reported median with an optional CI (null ends = not given). */
        public static Entry reported(String label, List<String> left, double median, Double lower, Double upper) {
            return new Entry(label, left, MedianState.REPORTED, OptionalDouble.of(median), opt(lower), opt(upper), false, "");
        }

        /** A median not reached, with an optional lower CI end. */
        public static Entry notReached(String label, List<String> left, Double lower) {
            return new Entry(label, left, MedianState.NOT_REACHED, OptionalDouble.empty(), opt(lower), OptionalDouble.empty(),
                    lower != null, "");
        }

        /** A median the source does not report. */
        public static Entry notReported(String label, List<String> left) {
            return new Entry(label, left, MedianState.NOT_REPORTED, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), false, "");
        }

        /** This entry with its upper CI end marked as not reached. */
        public Entry withUpperNotReached() {
            return new Entry(label, left, state, median, lower, OptionalDouble.empty(), true, marker);
        }

        public Entry withMarker(String m) {
            return new Entry(label, left, state, median, lower, upper, upperNotReached, m);
        }

        private static OptionalDouble opt(Double v) {
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
    }

    public MedianChartData {
        title = title == null ? "" : title;
        axisLabel = axisLabel == null ? "" : axisLabel;
        Objects.requireNonNull(columns, "columns");
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        footnotes = List.copyOf(Objects.requireNonNull(footnotes, "footnotes"));
        Objects.requireNonNull(axisLimits, "axisLimits");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        if (digits < 0 || digits > 6) {
            throw new IllegalArgumentException("digits " + digits + " must be within 0..6");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof Entry e && e.left().size() != columns.left().size()) {
                throw new IllegalArgumentException("rows[" + i + "] entry '" + e.label() + "' has " + e.left().size()
                        + " left columns but there are " + columns.left().size() + " column headers");
            }
        }
    }
}

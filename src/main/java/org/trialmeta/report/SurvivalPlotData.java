package org.trialmeta.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Kaplan-Meier curves as plain arrays, ready to draw: per group the step function (S(t) = surv[i]
 * for time[i] ≤ t < time[i+1], starting at time 0 with survival 1 unless given otherwise), optional
 * pointwise CI steps on the same time grid, censoring times, and the numbers at risk at each
 * {@link #tickTimes()} (the x-axis ticks, so the at-risk table lines up with the axis).
 *
 * @param title       title, or empty
 * @param xLabel      x-axis label, e.g. "Time since randomisation"
 * @param timeUnit    unit appended in parentheses, e.g. "months"
 * @param yLabel      y-axis label, e.g. "Progression-free survival"
 * @param groups      the curves (at least one)
 * @param tickTimes   x-axis ticks, increasing from 0; the last one is the axis end
 * @param showCi      draw the CI bands where given
 * @param showMedians draw dashed median lines for groups whose median is reached
 * @param percent     y axis in percent (0–100%) rather than proportion (0–1)
 * @param footnotes   lines under the figure
 * @param annotation  lines of the annotation block printed on the plot (medians, log-rank p, hazard ratio), or none
 */
public record SurvivalPlotData(String title, String xLabel, String timeUnit, String yLabel, List<Group> groups,
                               double[] tickTimes, boolean showCi, boolean showMedians, boolean percent,
                               List<String> footnotes, List<String> annotation) {

    /** Plot data without an annotation block. */
    public SurvivalPlotData(String title, String xLabel, String timeUnit, String yLabel, List<Group> groups,
            double[] tickTimes, boolean showCi, boolean showMedians, boolean percent, List<String> footnotes) {
        this(title, xLabel, timeUnit, yLabel, groups, tickTimes, showCi, showMedians, percent, footnotes, List.of());
    }

    /**
     * One curve.
     *
     * @param name        legend and at-risk row label
     * @param time        step times, non-decreasing, ≥ 0
     * @param surv        survival after each step time, within [0, 1], non-increasing
     * @param lower       lower CI per step (empty array for none)
     * @param upper       upper CI per step (empty array for none)
     * @param censorTimes times of censored observations (drawn as +)
     * @param atRisk      numbers at risk at each tick time (empty array for none)
     */
    public record Group(String name, double[] time, double[] surv, double[] lower, double[] upper,
                        double[] censorTimes, int[] atRisk) {
        public Group {
            Objects.requireNonNull(name, "group.name");
            time = Objects.requireNonNull(time, "group '" + name + "' time").clone();
            surv = Objects.requireNonNull(surv, "group '" + name + "' surv").clone();
            lower = lower == null ? new double[0] : lower.clone();
            upper = upper == null ? new double[0] : upper.clone();
            censorTimes = censorTimes == null ? new double[0] : censorTimes.clone();
            atRisk = atRisk == null ? new int[0] : atRisk.clone();
            if (time.length == 0 || time.length != surv.length) {
                throw new IllegalArgumentException("group '" + name + "' time (" + time.length + ") and surv ("
                        + surv.length + ") must have the same, non-zero length");
            }
            if (lower.length != 0 && lower.length != time.length || upper.length != 0 && upper.length != time.length) {
                throw new IllegalArgumentException("group '" + name + "' lower/upper must be empty or as long as time ("
                        + time.length + ")");
            }
            for (int i = 0; i < time.length; i++) {
                if (!(time[i] >= 0) || i > 0 && time[i] < time[i - 1]) {
                    throw new IllegalArgumentException("group '" + name + "' time[" + i + "] = " + time[i]
                            + " must be >= 0 and not below time[" + (i - 1) + "]");
                }
                if (!(surv[i] >= 0 && surv[i] <= 1) || i > 0 && surv[i] > surv[i - 1] + 1e-12) {
                    throw new IllegalArgumentException("group '" + name + "' surv[" + i + "] = " + surv[i]
                            + " must be within [0, 1] and non-increasing");
                }
            }
            for (double[] band : new double[][] {lower, upper}) {
                for (int i = 0; i < band.length; i++) {
                    if (!(band[i] >= 0 && band[i] <= 1)) {
                        throw new IllegalArgumentException("group '" + name + "' CI value " + band[i] + " at step " + i
                                + " must be within [0, 1]");
                    }
                }
            }
            for (double c : censorTimes) {
                if (!(c >= 0) || !Double.isFinite(c)) {
                    throw new IllegalArgumentException("group '" + name + "' censor time " + c + " must be finite and >= 0");
                }
            }
            for (int n : atRisk) {
                if (n < 0) {
                    throw new IllegalArgumentException("group '" + name + "' number at risk " + n + " must be >= 0");
                }
            }
        }

        @Override public double[] time() { return time.clone(); }
        @Override public double[] surv() { return surv.clone(); }
        @Override public double[] lower() { return lower.clone(); }
        @Override public double[] upper() { return upper.clone(); }
        @Override public double[] censorTimes() { return censorTimes.clone(); }
        @Override public int[] atRisk() { return atRisk.clone(); }

        /** S(t) of the step function (1 before the first step time). */
        public double survivalAt(double t) {
            double s = 1;
            for (int i = 0; i < time.length && time[i] <= t; i++) {
                s = surv[i];
            }
            return s;
        }

        /**
         * Median read off the curve: the first step time at which S(t) ≤ 0.5, empty when not reached.
         * (R's {@code survfit} takes the midpoint when S is exactly 0.5 over an interval; the drawn
         * median line here marks the step where the curve reaches 0.5.)
         */
        public OptionalDouble median() {
            for (int i = 0; i < time.length; i++) {
                if (surv[i] <= 0.5) {
                    return OptionalDouble.of(time[i]);
                }
            }
            return OptionalDouble.empty();
        }

        boolean hasCi() {
            return lower.length > 0 && upper.length > 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && name.equals(g.name) && Arrays.equals(time, g.time) && Arrays.equals(surv, g.surv)
                    && Arrays.equals(lower, g.lower) && Arrays.equals(upper, g.upper)
                    && Arrays.equals(censorTimes, g.censorTimes) && Arrays.equals(atRisk, g.atRisk);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(time), Arrays.hashCode(surv), Arrays.hashCode(atRisk));
        }

        @Override
        public String toString() {
            return "Group[" + name + ", " + time.length + " steps]";
        }
    }

    public SurvivalPlotData {
        title = title == null ? "" : title;
        xLabel = xLabel == null ? "" : xLabel;
        timeUnit = timeUnit == null ? "" : timeUnit;
        yLabel = yLabel == null ? "" : yLabel;
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        tickTimes = Objects.requireNonNull(tickTimes, "tickTimes").clone();
        footnotes = List.copyOf(Objects.requireNonNull(footnotes, "footnotes"));
        annotation = List.copyOf(Objects.requireNonNull(annotation, "annotation"));
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("groups must not be empty");
        }
        if (tickTimes.length < 2 || tickTimes[0] != 0) {
            throw new IllegalArgumentException("tickTimes must start at 0 and have at least 2 values, got "
                    + Arrays.toString(tickTimes));
        }
        for (int i = 1; i < tickTimes.length; i++) {
            if (!(tickTimes[i] > tickTimes[i - 1]) || !Double.isFinite(tickTimes[i])) {
                throw new IllegalArgumentException("tickTimes[" + i + "] = " + tickTimes[i] + " must be finite and increasing");
            }
        }
        for (Group g : groups) {
            if (g.atRisk.length != 0 && g.atRisk.length != tickTimes.length) {
                throw new IllegalArgumentException("group '" + g.name() + "' has " + g.atRisk.length
                        + " numbers at risk but there are " + tickTimes.length + " tick times");
            }
        }
    }

    @Override
    public double[] tickTimes() {
        return tickTimes.clone();
    }

    /** The x-axis label with its unit, e.g. "Time since randomisation (months)". */
    public String xLabelWithUnit() {
        return timeUnit.isEmpty() ? xLabel : xLabel + " (" + timeUnit + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurvivalPlotData d && title.equals(d.title) && xLabel.equals(d.xLabel)
                && timeUnit.equals(d.timeUnit) && yLabel.equals(d.yLabel) && groups.equals(d.groups)
                && Arrays.equals(tickTimes, d.tickTimes) && showCi == d.showCi && showMedians == d.showMedians
                && percent == d.percent && footnotes.equals(d.footnotes) && annotation.equals(d.annotation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, xLabel, groups, Arrays.hashCode(tickTimes));
    }

    @Override
    public String toString() {
        return "SurvivalPlotData[" + title + ", " + groups + "]";
    }
}

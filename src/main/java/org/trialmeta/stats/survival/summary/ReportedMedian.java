package org.trialmeta.stats.survival.summary;

import java.util.Objects;
import java.util.Optional;
import org.trialmeta.stats.Interval;

/**
 * A median survival time as a publication reports it: a value (optionally with a confidence
 * interval), "not reached" (NR: the curve did not fall to 50% during follow-up), or not reported.
 */
public sealed interface ReportedMedian
        permits ReportedMedian.Value, ReportedMedian.NotReached, ReportedMedian.NotReported {

    /**
     * A reported median.
     *
     * @param median the median, finite and > 0
     * @param ci its confidence interval if reported; it must contain the median. An end that was not
     *     reached is {@code Double.POSITIVE_INFINITY}
     * @param ciLevel the CI's level, e.g. 0.95
     */
    record Value(double median, Optional<Interval> ci, double ciLevel) implements ReportedMedian {
        public Value {
            if (!Double.isFinite(median) || !(median > 0)) {
                throw new IllegalArgumentException("median " + median + " must be finite and > 0");
            }
            Objects.requireNonNull(ci, "ci (Optional.empty() when not reported)");
            if (ci.isPresent() && !ci.get().contains(median)) {
                throw new IllegalArgumentException("median " + median + " lies outside its CI ["
                        + ci.get().lower() + ", " + ci.get().upper() + "]");
            }
            if (ci.isPresent() && ci.get().lower() < 0) {
                throw new IllegalArgumentException("median CI lower " + ci.get().lower() + " must be >= 0");
            }
            if (!(ciLevel > 0 && ciLevel < 1)) {
                throw new IllegalArgumentException("median CI level " + ciLevel + " must be in (0, 1)");
            }
        }

        /** Whether the CI is usable on the log scale: both ends finite and > 0. */
        public boolean hasFiniteLogCi() {
            return ci.isPresent() && ci.get().lower() > 0 && Double.isFinite(ci.get().upper());
        }
    }

    /** "Not reached": the median exceeds the follow-up; no value exists. */
    record NotReached() implements ReportedMedian {}

    /** The publication does not report the median. */
    record NotReported() implements ReportedMedian {}

    /** A median without CI. */
    static ReportedMedian value(double median) {
        return new Value(median, Optional.empty(), 0.95);
    }

    /** A median with its 95% CI. */
    static ReportedMedian value(double median, Interval ci95) {
        return new Value(median, Optional.of(ci95), 0.95);
    }

    /** A median with its CI at {@code level}. */
    static ReportedMedian value(double median, Interval ci, double level) {
        return new Value(median, Optional.of(ci), level);
    }

    static ReportedMedian notReached() {
        return new NotReached();
    }

    static ReportedMedian notReported() {
        return new NotReported();
    }
}

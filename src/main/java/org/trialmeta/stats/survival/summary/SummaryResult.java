package org.trialmeta.stats.survival.summary;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a calculation from published summaries: either a value, or "not estimable" with the
 * reason (e.g. a median not reached). No number is ever invented for a missing input.
 *
 * @param <T> the type of the estimate
 */
public sealed interface SummaryResult<T> permits SummaryResult.Estimated, SummaryResult.NotEstimable {

    /** The estimate, if estimable. */
    Optional<T> value();

    /** Whether an estimate exists. */
    default boolean isEstimable() {
        return value().isPresent();
    }

    /** An estimate. */
    record Estimated<T>(T estimate) implements SummaryResult<T> {
        public Estimated {
            Objects.requireNonNull(estimate, "estimate");
        }

        @Override
        public Optional<T> value() {
            return Optional.of(estimate);
        }
    }

    /** No estimate, and why. */
    record NotEstimable<T>(String reason) implements SummaryResult<T> {
        public NotEstimable {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a not-estimable result needs a reason");
            }
        }

        @Override
        public Optional<T> value() {
            return Optional.empty();
        }
    }

    static <T> SummaryResult<T> of(T value) {
        return new Estimated<>(value);
    }

    static <T> SummaryResult<T> notEstimable(String reason) {
        return new NotEstimable<>(reason);
    }
}

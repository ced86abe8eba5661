package org.trialmeta.model;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Invariant checks of the model records; every message names the field, the value and the rule. */
final class Checks {
    private Checks() {}

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": '" + value + "' (must be non-blank text)");
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": null (required)");
        }
        return value;
    }

    static <T> Optional<T> optional(String field, Optional<T> value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": null (use Optional.empty() for absent)");
        }
        return value;
    }

    static <T> List<T> list(String field, Collection<T> values) {
        if (values == null) {
            throw new IllegalArgumentException(field + ": null (use an empty list)");
        }
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(field + ": contains null (elements are required)");
            }
        }
        return List.copyOf(values);
    }

    static int count(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " (must not be negative)");
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " (must be a finite number)");
        }
        return value;
    }

    static double positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + num(value) + " (must be a positive finite number)");
        }
        return value;
    }

    static double level(String field, double value) {
        if (!(value >= 50 && value < 100)) {
            throw new IllegalArgumentException(field + ": " + num(value)
                    + " (confidence level is a percentage in [50, 100), e.g. 95)");
        }
        return value;
    }

    /** A number as a person writes it: 26 rather than 26.0, full precision otherwise. */
    static String num(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }

    static void ids(String field, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (ids.get(i).equals(ids.get(j))) {
                    throw new IllegalArgumentException(field + "[" + i + "].id: '" + ids.get(i)
                            + "' (duplicate of " + field + "[" + j + "].id; ids must be unique)");
                }
            }
        }
    }
}

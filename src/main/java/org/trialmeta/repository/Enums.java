package org.trialmeta.repository;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Text forms of enum constants and dates in the YAML files: lower-case names, ISO dates. */
final class Enums {
    private Enums() {}

    /** The constant named {@code text} (case-insensitive), or null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <E extends Enum<?>> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.strip())) {
                return e;
            }
        }
        return null;
    }

    /** The YAML form of a constant: its name in lower case. */
    static String text(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** "a, b, c": every constant's YAML form. */
    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enums::text).collect(Collectors.joining(", "));
    }

    /**
     * A strict ISO date (YYYY-MM-DD, a real day), or null. The same answers as
     * {@code LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)} on text matching {@code \\d{4}-\\d{2}-\\d{2}}
     * (a test compares the two on every month and day of several years), without a parse context per call.
     */
    static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ASCII digits {@code s[from, to)} as a number, or -1. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

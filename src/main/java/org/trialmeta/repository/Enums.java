package org.trialmeta.repository;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A strict ISO date (YYYY-MM-DD, a real day), or null. */
    static LocalDate date(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

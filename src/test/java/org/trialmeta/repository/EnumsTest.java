package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EnumsTest {

    /** The definition {@link Enums#date} replaces: a strict ISO pattern, then the JDK's ISO_LOCAL_DATE parser. */
    private static LocalDate reference(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void dateMatchesIsoLocalDateOnEveryMonthAndDayOfLeapAndCommonYears() {
        int valid = 0;
        int days = 0;
        for (int year : new int[] {0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9999}) {
            days += java.time.Year.of(year).length();
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
                    assertThat(Enums.date(text)).as(text).isEqualTo(reference(text));
                    valid += reference(text) == null ? 0 : 1;
                }
            }
        }
        assertThat(valid).isEqualTo(days); // every real day of those years, and nothing else
    }

    @Test
    void dateRefusesWhatThePatternRefuses() {
        for (String text : List.of("", "2024-6-30", "2024-06-3", "24-06-30", "2024/06/30", " 2024-06-30",
                "2024-06-30 ", "2024-06-30T00:00", "+2024-06-30", "2024-0a-30", "２０２４-06-30", "2024-06-3\u0661",
                "10000-01-01", "-001-01-01")) {
            assertThat(Enums.date(text)).as(text).isNull();
            assertThat(reference(text)).as(text).isNull();
        }
    }
}

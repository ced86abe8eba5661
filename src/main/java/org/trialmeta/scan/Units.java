package org.trialmeta.scan;

import java.util.Map;

/** Time units as papers write them. */
enum Units {
    DAYS(1.0, "days"), WEEKS(7.0, "weeks"), MONTHS(365.25 / 12, "months"), YEARS(365.25, "years");

    private static final Map<String, Units> WORDS = Map.ofEntries(
            Map.entry("day", DAYS), Map.entry("days", DAYS), Map.entry("d", DAYS),
            Map.entry("week", WEEKS), Map.entry("weeks", WEEKS), Map.entry("wk", WEEKS), Map.entry("wks", WEEKS),
            Map.entry("month", MONTHS), Map.entry("months", MONTHS), Map.entry("mo", MONTHS), Map.entry("mos", MONTHS),
            Map.entry("mth", MONTHS), Map.entry("mths", MONTHS), Map.entry("monate", MONTHS), Map.entry("monaten", MONTHS),
            Map.entry("mois", MONTHS), Map.entry("meses", MONTHS), Map.entry("mesi", MONTHS),
            Map.entry("year", YEARS), Map.entry("years", YEARS), Map.entry("yr", YEARS), Map.entry("yrs", YEARS));

    final double days;
    final String label;

    Units(double days, String label) {
        this.days = days;
        this.label = label;
    }

    /** The unit a word names (lower case), or null. */
    static Units of(String word) {
        return WORDS.get(word);
    }
}

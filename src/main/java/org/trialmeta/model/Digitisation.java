package org.trialmeta.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who read a curve off its figure, with what and when.
 *
 * @param by   the person (or team) who digitised it
 * @param tool the software and version, e.g. "trialmeta digitise 1.0" or "WebPlotDigitizer 4.6"
 * @param date when
 * @param note settings, checks made (e.g. "overlay inspected; 0.02 tolerance")
 */
public record Digitisation(String by, String tool, LocalDate date, Optional<String> note) {
    public Digitisation {
        Checks.text("digitisation.by", by);
        Checks.text("digitisation.tool", tool);
        Checks.required("digitisation.date", date);
        Checks.optional("digitisation.note", note);
    }
}

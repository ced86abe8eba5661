package org.trialmeta.cli;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.trialmeta.model.InputException;

/**
 * The output formats of the commands. Each command accepts a subset (every one table and json; {@code check} also
 * md, {@code show} also yaml, {@code pool --by} also csv) through one of the {@link FormatOption} mixins, which all parse with
 * {@link #parse(String, OutputFormat...)} so that a wrong value gives the same one line everywhere:
 * {@code --format: 'xml' (allowed: table, json, md)}.
 */
public enum OutputFormat {
    /** Text for people. */
    TABLE,
    /** JSON for programs: snake_case keys, full-precision numbers, {@code null} where not estimable. */
    JSON,
    /** Markdown, to paste into a review. */
    MD,
    /** YAML (a trial in the schema of the trial files). */
    YAML,
    /** CSV: one row per result (e.g. per analysis of {@code pool --by}). */
    CSV,
    /** A self-contained HTML page (e.g. the annotated document of {@code scan}). */
    HTML;

    /** The name on the command line: table, json, md, yaml. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code text} (any case, blanks ignored) among {@code allowed}; exit 2 with one line otherwise. */
    static OutputFormat parse(String text, OutputFormat... allowed) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (OutputFormat f : allowed) {
            if (f.label().equals(t)) {
                return f;
            }
        }
        throw new InputException("--format: '" + text + "' (allowed: "
                + Stream.of(allowed).map(OutputFormat::label).collect(Collectors.joining(", ")) + ")");
    }
}

package org.trialmeta.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.trialmeta.model.InputException;
import picocli.CommandLine.Option;

/**
 * The {@code --format} option of every analytic command (a picocli mixin): table or json everywhere, csv where a
 * command has rows to give (e.g. {@code pool --by}). The value is checked when the command reads it, so that a
 * wrong value gives the same one line in every command: {@code --format: 'xml' (allowed: table, json)}.
 */
public final class FormatOption {

    /** Text for people, JSON (snake_case keys, full-precision numbers, {@code null} where not estimable), or CSV. */
    public enum Format {
        TABLE, JSON, CSV;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: table or json. Default: ${DEFAULT-VALUE}.")
    String text;

    /** The format asked for, one of {@code allowed}; exit 2 with one line otherwise. */
    Format format(Format... allowed) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Format f : allowed) {
            if (f.text().equals(t)) {
                return f;
            }
        }
        throw new InputException("--format: '" + text + "' (allowed: "
                + Arrays.stream(allowed).map(Format::text).collect(Collectors.joining(", ")) + ")");
    }

    /** Whether JSON was asked for; exit 2 for anything but table or json. */
    boolean json() {
        return format(Format.TABLE, Format.JSON) == Format.JSON;
    }
}

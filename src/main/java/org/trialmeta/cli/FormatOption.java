package org.trialmeta.cli;

import java.util.Locale;
import org.trialmeta.model.InputException;
import picocli.CommandLine.Option;

/**
 * The {@code --format table|json} option of every analytic command (a picocli mixin). The value is checked when
 * the command reads it, so that a wrong value gives the same one line in every command:
 * {@code --format: 'xml' (allowed: table, json)}.
 */
public final class FormatOption {

    /** Text for people, or JSON (snake_case keys, full-precision numbers, {@code null} where not estimable). */
    public enum Format { TABLE, JSON }

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: table or json. Default: ${DEFAULT-VALUE}.")
    String text;

    /** The format asked for; exit 2 with one line for anything but table or json. */
    Format format() {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "table" -> Format.TABLE;
            case "json" -> Format.JSON;
            default -> throw new InputException("--format: '" + text + "' (allowed: table, json)");
        };
    }

    /** Whether JSON was asked for. */
    boolean json() {
        return format() == Format.JSON;
    }
}

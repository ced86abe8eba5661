package org.trialmeta.cli;

import java.io.PrintWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.trialmeta.repository.Json;
import picocli.CommandLine.Option;

/**
 * The {@code --format table|json} option of the commands (a picocli mixin), and its two extensions:
 * {@link WithMarkdown} ({@code check}) and {@link WithYaml} ({@code show}). Every one gives an
 * {@link OutputFormat}, checked when the command reads it so that a wrong value gives the same one line in every
 * command: {@code --format: 'xml' (allowed: table, json)}.
 */
public final class FormatOption {

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: table or json. Default: ${DEFAULT-VALUE}.")
    String text;

    /** The format asked for; exit 2 with one line for anything but table or json. */
    OutputFormat format() {
        return OutputFormat.parse(text, OutputFormat.TABLE, OutputFormat.JSON);
    }

    /** The format asked for, one of {@code allowed} (e.g. csv for {@code pool --by}); exit 2 with one line otherwise. */
    OutputFormat format(OutputFormat... allowed) {
        return OutputFormat.parse(text, allowed);
    }

    /** Whether JSON was asked for. */
    boolean json() {
        return format() == OutputFormat.JSON;
    }

    /** Checks {@code --format} before the command does any work: exit 2 with one line for anything but table or json. */
    void validate() {
        format();
    }

    /**
     * A command's ending: {@code summary} as JSON ({@link Json#write(Object)}) with {@code --format json}, else the
     * text {@code text} renders, printed to {@code out}; then {@code out} is flushed.
     */
    <T> void print(PrintWriter out, T summary, Function<? super T, String> text) {
        out.print(json() ? Json.write(summary) : text.apply(summary));
        out.flush();
    }

    /**
     * As {@link #print}, for outputs large enough to be streamed: the JSON through the generator
     * ({@link Json#write(Object, java.io.Writer)}), else {@code text} writes to {@code out}; then a flush.
     */
    <T> void stream(PrintWriter out, T summary, BiConsumer<? super T, PrintWriter> text) {
        if (json()) {
            json(out, summary);
        } else {
            text.accept(summary, out);
        }
        out.flush();
    }

    /**
     * Streams {@code value} as JSON to {@code out}: on standard output as UTF-8 bytes straight from the generator
     * ({@link StdOut#bytes()}; 10⁶-row outputs about 15 % less CPU), elsewhere through the writer. Same bytes.
     */
    static void json(PrintWriter out, Object value) {
        if (out instanceof StdOut std) {
            Json.write(value, std.bytes());
        } else {
            Json.write(value, out);
        }
    }

    /** {@code --format table|json|md} (a picocli mixin). */
    public static final class WithMarkdown {

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|md",
                description = "Output format: table, json or md (Markdown). Default: ${DEFAULT-VALUE}.")
        String text;

        /** The format asked for; exit 2 with one line for anything but table, json or md. */
        OutputFormat format() {
            return OutputFormat.parse(text, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.MD);
        }
    }

    /** {@code --format table|json|html} (a picocli mixin). */
    public static final class WithHtml {

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|html",
                description = "Output format: table, json or html (the annotated document). Default: ${DEFAULT-VALUE}.")
        String text;

        /** The format asked for; exit 2 with one line for anything but table, json or html. */
        OutputFormat format() {
            return OutputFormat.parse(text, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.HTML);
        }
    }

    /** {@code --format table|json|yaml} (a picocli mixin). */
    public static final class WithYaml {

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|yaml",
                description = "Output format: table, json or yaml. Default: ${DEFAULT-VALUE}.")
        String text;

        /** The format asked for; exit 2 with one line for anything but table, json or yaml. */
        OutputFormat format() {
            return OutputFormat.parse(text, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        }
    }
}

package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.Json;

/** The one ending of the commands: {@link FormatOption#print} and {@link FormatOption#stream}. */
class FormatOptionTest {

    record Row(String studyName, Double ciLower) {}

    private static final List<Row> ROWS = List.of(new Row("A", 0.25), new Row("B", Double.NaN));

    private static FormatOption format(String text) {
        FormatOption f = new FormatOption();
        f.text = text;
        return f;
    }

    /** A writer that keeps what it is given until flushed, so that a missing flush shows as missing output. */
    private static final class Buffered {
        final StringWriter target = new StringWriter();
        final PrintWriter out = new PrintWriter(new BufferedWriter(target, 1 << 16));
    }

    @Test
    void printWritesJsonOrTextAndFlushes() {
        Buffered json = new Buffered();
        format("json").print(json.out, ROWS, r -> "text");
        assertThat(json.target.toString()).isEqualTo(Json.write(ROWS)).contains("\"study_name\" : \"A\"")
                .contains("\"ci_lower\" : null");
        Buffered table = new Buffered();
        format("table").print(table.out, ROWS, r -> r.size() + " rows\n");
        assertThat(table.target.toString()).isEqualTo("2 rows\n");
    }

    @Test
    void streamWritesTheSameBytesAsPrint() {
        Buffered printed = new Buffered();
        Buffered streamed = new Buffered();
        format("json").print(printed.out, ROWS, r -> "text");
        format("json").stream(streamed.out, ROWS, (r, o) -> o.print("text"));
        assertThat(streamed.target.toString()).isEqualTo(printed.target.toString());
        Buffered table = new Buffered();
        format("table").stream(table.out, ROWS, (r, o) -> o.print(r.get(0).studyName() + "\n"));
        assertThat(table.target.toString()).isEqualTo("A\n");
    }

    @Test
    void validateRefusesAnotherFormatBeforeAnyWork() {
        assertThatThrownBy(() -> format("xml").validate()).isInstanceOf(InputException.class)
                .hasMessage("--format: 'xml' (allowed: table, json)");
        format("JSON").validate();
    }
}

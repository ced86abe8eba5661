package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte path of the one JSON writer gives the UTF-8 of its text path, byte for byte. */
class JsonBytesTest {

    record Row(String study, double yi, Double missing, double tiny, List<String> notes) {}

    @Test
    void bytesAreTheUtf8OfTheText() {
        Object value = List.of(
                new Row("Aronson 1948", -0.889311, null, 4.0945563859538434E-4, List.of("é – Ω", "\"quoted\"\n")),
                new Row("Ferguson & Simes 1949", Double.NaN, 1.0E23, 2.0E-3, List.of()),
                new Row("ünïcode 𝛕²", Double.POSITIVE_INFINITY, -0.0, 9.999999999999999E22, List.of("\u0001")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Json.write(value, bytes);
        StringWriter text = new StringWriter();
        Json.write(value, text);
        assertThat(text.toString()).isEqualTo(Json.write(value));
        assertThat(bytes.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}

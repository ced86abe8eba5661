package org.trialmeta.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON writer of the project: deterministic (fields in declaration order, {@code \n} line
 * ends, two-space indent), full-precision doubles, {@code null} for NaN and infinities so that
 * no non-JSON token ever reaches a user, and <b>snake_case keys</b> for every record written as output
 * (a record component {@code ciLower} is written {@code ci_lower}). The one exception is
 * {@link #writeTrialSchema}: a trial in the schema of the trial files, whose keys are those of the YAML files.
 */
public final class Json {

    private static final ObjectMapper MAPPER = create(PropertyNamingStrategies.SNAKE_CASE);
    private static final ObjectMapper SCHEMA_MAPPER = create(null);

    private Json() {}

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty-printed JSON text of {@code value} with snake_case keys, ending with a newline. */
    public static String write(Object value) {
        return write(MAPPER, value);
    }

    /**
     * Streams the pretty-printed JSON of {@code value} (snake_case keys) to {@code out}, followed by a newline,
     * without building the text in memory first: for outputs of many megabytes.
     */
    public static void write(Object value, java.io.Writer out) {
        try {
            MAPPER.writer(printer()).writeValue(new NonClosing(out), value);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #write(Object, java.io.Writer)}, as UTF-8 bytes: the generator encodes as it writes, with no character
     * layer to encode again (on 10⁶ rows about a fifth of the time). The same bytes as the writer's text in UTF-8.
     */
    public static void write(Object value, java.io.OutputStream out) {
        try {
            MAPPER.writer(printer()).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, value);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer whose close() only flushes: the caller owns the stream. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(java.io.Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * Pretty-printed JSON of a trial-file DTO with the keys of the trial files ({@code registryIds}), so that the
     * text is itself a loadable trial file (YAML is a superset of JSON).
     */
    public static String writeTrialSchema(Object dto) {
        return write(SCHEMA_MAPPER, dto);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writer(printer()).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }

    private static ObjectMapper create(PropertyNamingStrategy naming) {
        SimpleModule finite = new SimpleModule("finite-doubles");
        finite.addSerializer(Double.class, new FiniteDoubleSerializer());
        finite.addSerializer(double.class, new FiniteDoubleSerializer());
        JsonMapper.Builder b = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(finite)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                // the byte path writes a character outside the BMP as its four UTF-8 bytes, as the text path does
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
        if (naming != null) {
            b.propertyNamingStrategy(naming);
        }
        return b.build();
    }

    /** Writes finite doubles at full precision and NaN/infinities as {@code null}. */
    private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value.doubleValue());
            }
        }
    }
}

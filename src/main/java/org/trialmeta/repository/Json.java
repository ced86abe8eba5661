package org.trialmeta.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.Instantiatable;
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
import java.nio.charset.StandardCharsets;

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

    /**
     * Lists of at least this many elements are written in chunks on every core ({@code ParallelListSerializer}): a
     * list whose elements are made when read (e.g. {@code PoolBatch.lazy}) is then made on every core as well.
     */
    public static final int PARALLEL_LIST_MIN = ParallelListSerializer.MIN_PARALLEL;

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

    private static PrettyPrinter printer() {
        return new Printer(0);
    }

    /**
     * Jackson's default pretty printing with a two-space indent and {@code \n} line ends ({@code DefaultPrettyPrinter}
     * with {@code DefaultIndenter("  ", "\n")}: {@code "key" : value}, {@code ,} then a new line, {@code { }} and
     * {@code [ ]} when empty; {@code JsonPrinterTest} checks the bytes are the same), with its white space encoded
     * once: the default printer writes every separator and indentation as characters, which the UTF-8 generator then
     * encodes one by one (on 10⁶ study rows about a fifth of the JSON's time). {@code nesting} is the depth at which
     * it starts (0 for a whole document).
     */
    static final class Printer implements PrettyPrinter, Instantiatable<Printer> {
        private static final SerializedString FIELD_VALUE = new SerializedString(" : ");
        private static final SerializedString[] INDENT = new SerializedString[32];

        static {
            for (int level = 0; level < INDENT.length; level++) {
                INDENT[level] = new SerializedString("\n" + "  ".repeat(level));
            }
        }

        private int nesting;

        Printer(int nesting) {
            this.nesting = nesting;
        }

        @Override
        public Printer createInstance() {
            return new Printer(nesting);
        }

        /** A new line and the indentation of {@code level}. */
        static SerializedString indentation(int level) {
            return level < INDENT.length ? INDENT[level] : new SerializedString("\n" + "  ".repeat(level));
        }

        private void indent(JsonGenerator g) throws IOException {
            g.writeRaw(indentation(nesting));
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(' ');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            nesting++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            indent(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(FIELD_VALUE);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            indent(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            close(g, entries, '}');
        }

        /** Closes an object or array: on a new line when it has members, else after one space ({@code { }}). */
        private void close(JsonGenerator g, int members, char bracket) throws IOException {
            nesting--;
            if (members > 0) {
                indent(g);
            } else {
                g.writeRaw(' ');
            }
            g.writeRaw(bracket);
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            nesting++;
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            beforeObjectEntries(g);   // arrays and objects are laid out alike
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            writeObjectEntrySeparator(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            close(g, values, ']');
        }
    }

    private static ObjectMapper create(PropertyNamingStrategy naming) {
        SimpleModule finite = new SimpleModule("finite-doubles");
        finite.addSerializer(Double.class, new FiniteDoubleSerializer());
        finite.addSerializer(double.class, new FiniteDoubleSerializer());
        finite.setSerializerModifier(ParallelListSerializer.modifier());
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
        ObjectMapper m = b.build();
        m.getFactory().setCharacterEscapes(new ControlEscapes());
        return m;
    }

    /**
     * JSON's own escapes (C0 as {@code \u001B}), and DEL and C1 escaped as well ({@code \u009B}): JSON allows them
     * raw, but the 8-bit CSI begins a terminal's escape sequence as ESC [ does, and JSON is read on terminals. The
     * same string to a JSON reader ({@link Messages#control}).
     */
    private static final class ControlEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapesForJSON();
        private static final SerializedString[] C1 = new SerializedString[0xA0 - 0x80];

        static {
            ASCII[0x7F] = ESCAPE_STANDARD;
            for (int c = 0x80; c < 0xA0; c++) {
                C1[c - 0x80] = new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch < 0xA0 ? C1[ch - 0x80] : null;
        }
    }

    /**
     * The digits of a number as a raw value: the same text {@code writeNumber(double)} writes (Jackson's shortest
     * representation, {@code USE_FAST_DOUBLE_WRITER}), copied into the UTF-8 generator's buffer as the bytes of an
     * ASCII string instead of character by character through a character buffer (on 10⁶ study rows about a sixth of
     * the JSON's time).
     */
    private static final class Digits extends SerializedString {
        Digits(String digits) {
            super(digits);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            String v = getValue();
            if (offset + v.length() > buffer.length) {
                return -1;
            }
            byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(b, 0, buffer, offset, b.length);
            return b.length;
        }
    }

    /** Writes finite doubles at full precision and NaN/infinities as {@code null}. */
    private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                if (gen instanceof com.fasterxml.jackson.databind.util.TokenBuffer) {
                    gen.writeNumber(value.doubleValue());   // a tree (valueToTree) keeps numbers as numbers
                } else {
                    gen.writeRawValue(new Digits(NumberOutput.toString(value, true)));
                }
            }
        }
    }
}

package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one JSON writer's own pretty printer and number path write exactly what Jackson's {@code DefaultPrettyPrinter}
 * (two-space {@code DefaultIndenter}) and {@code writeNumber(double)} write: the reference here is a mapper built
 * with those, independently of {@link Json}.
 */
class JsonPrinterTest {

    record Study(String study, double yi, Double vi, List<Double> values, Map<String, Object> extra) {}

    private static final ObjectMapper REFERENCE = reference();

    private static ObjectMapper reference() {
        SimpleModule finite = new SimpleModule("reference-doubles");
        JsonSerializer<Double> doubles = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v == null || !Double.isFinite(v)) {
                    g.writeNull();
                } else {
                    g.writeNumber(v.doubleValue());
                }
            }
        };
        finite.addSerializer(Double.class, doubles);
        finite.addSerializer(double.class, doubles);
        return JsonMapper.builder().addModule(finite).propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    }

    static byte[] referenceBytes(Object value) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        REFERENCE.writer(pp).writeValue(out, value);
        out.write('\n');
        return out.toByteArray();
    }

    private static void assertSame(Object value) throws IOException {
        byte[] expected = referenceBytes(value);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Json.write(value, bytes);
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(bytes.toByteArray()).isEqualTo(expected);
        assertThat(Json.write(value)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    @Test
    void emptyAndNestedContainersAsJacksonsDefaultPrinter() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("empty_list", List.of());
        m.put("empty_map", Map.of());
        m.put("nested", List.of(List.of(), List.of(Map.of()), List.of(List.of(1.5, -0.0))));
        m.put("text", "é – Ω \"quoted\"\n\u0001 𝛕²");
        m.put("null", null);
        m.put("flag", true);
        m.put("count", 42);
        assertSame(m);
        assertSame(List.of());
        assertSame(Map.of());
        assertSame(1.0E23);
    }

    @Test
    void aTreeOfTheMapperKeepsNumbersAsNumbers() {
        var tree = Json.mapper().valueToTree(new Study("a", 1.5, Double.NaN, List.of(2.0E-3), Map.of()));
        assertThat(tree.get("yi").isDouble()).isTrue();
        assertThat(tree.get("yi").doubleValue()).isEqualTo(1.5);
        assertThat(tree.get("vi").isNull()).isTrue();
        assertThat(tree.get("values").get(0).doubleValue()).isEqualTo(2.0E-3);
    }

    @Test
    void deeperThanThePreEncodedIndentation() throws IOException {
        Object v = List.of(2.5);
        for (int i = 0; i < 45; i++) {
            v = i % 2 == 0 ? List.of(v, i) : Map.of("k" + i, v);
        }
        assertSame(v);
    }

    @Test
    void numbersAsWriteNumberWritesThem() throws IOException {
        SplittableRandom r = new SplittableRandom(20261205);
        List<Study> rows = new ArrayList<>();
        double[] special = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-300, 4.9e-324, Double.MIN_NORMAL, Double.MAX_VALUE, 1e7, 1e-3,
            9.999999999999999E22, 1.0E23, 2.0E-3, 123456789012345678.0, Double.NaN, Double.POSITIVE_INFINITY};
        for (double d : special) {
            rows.add(new Study("special", d, d, List.of(d), Map.of()));
        }
        for (int i = 0; i < 5000; i++) {
            double bits = Double.longBitsToDouble(r.nextLong());
            double plain = Math.round(r.nextDouble(-10, 10) * 1e6) / 1e6;
            double wide = r.nextDouble() * Math.pow(10, r.nextInt(-30, 30));
            rows.add(new Study("s" + i, bits, plain, List.of(wide, -wide, plain / 3), Map.of("w", wide * 7)));
        }
        assertSame(rows);
    }
}

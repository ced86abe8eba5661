package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;

/**
 * Long lists formatted in parallel chunks give the bytes that Jackson's own serializer and default pretty printer
 * give one element after another ({@link JsonPrinterTest#referenceBytes}), at every depth and chunk boundary.
 */
class ParallelListSerializerTest {

    record Row(String study, double yi, Double vi, List<Double> ci, Map<String, Object> notes) {}

    record Summary(int k, List<Row> studies, List<List<Double>> nested, List<Row> empty) {}

    private static List<Row> rows(int n) {
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double yi = Math.sin(i) * 3.7 / (1 + i % 13);
            out.add(new Row(i % 97 == 0 ? "ünïcode 𝛕² \"" + i + "\"\n" : "s" + i, yi, i % 50 == 0 ? null : yi * yi / 7,
                    i % 31 == 0 ? List.of() : List.of(yi - 1.96, yi + 1.96),
                    i % 11 == 0 ? Map.of() : Map.of("w", i % 17 == 0 ? Double.NaN : 1.0 / (i + 1))));
        }
        return out;
    }

    private static void assertAsReference(Object value) throws IOException {
        byte[] expected = JsonPrinterTest.referenceBytes(value);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Json.write(value, bytes);
        assertThat(bytes.toByteArray()).isEqualTo(expected);
        StringWriter text = new StringWriter();
        Json.write(value, text);
        assertThat(text.toString()).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(Json.write(value)).isEqualTo(text.toString());
    }

    @Test
    void longListsInARecordAsOneThreadWritesThem() throws IOException {
        int[] sizes = {ParallelListSerializer.MIN_PARALLEL - 1, ParallelListSerializer.MIN_PARALLEL,
            ParallelListSerializer.MIN_PARALLEL + 1, 10 * ParallelListSerializer.CHUNK,
            10 * ParallelListSerializer.CHUNK + 1, 30_011};
        for (int n : sizes) {
            List<List<Double>> nested = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                nested.add(i % 3 == 0 ? List.of() : List.of(i / 7.0, -i * 1e-9));
            }
            assertAsReference(new Summary(n, rows(n), nested, List.of()));
        }
    }

    @Test
    void longListsAtTheRootAndDeepInside() throws IOException {
        List<Row> rows = rows(ParallelListSerializer.MIN_PARALLEL + 123);
        assertAsReference(rows);
        Map<String, Object> deep = new LinkedHashMap<>();
        deep.put("a", Map.of("b", List.of(Map.of("c", rows))));
        deep.put("after", 1.5);
        assertAsReference(deep);
        List<Double> doubles = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            doubles.add(i % 1000 == 0 ? Double.POSITIVE_INFINITY : Math.exp(i / 1000.0));
        }
        assertAsReference(List.of(doubles, doubles));
    }

    @Test
    void longListsInsideTheElementsOfALongList() throws IOException {
        List<List<Double>> outer = new ArrayList<>();
        List<Double> inner = new ArrayList<>();
        for (int i = 0; i < ParallelListSerializer.MIN_PARALLEL + 1; i++) {
            inner.add(i * 0.25);
        }
        for (int i = 0; i < ParallelListSerializer.MIN_PARALLEL; i++) {
            outer.add(i % 4096 == 7 ? inner : List.of((double) i));
        }
        assertAsReference(Map.of("outer", outer));
    }

    @Test
    void listsWithoutRandomAccessAreWrittenInOrderToo() throws IOException {
        assertAsReference(Map.of("rows", new LinkedList<>(rows(ParallelListSerializer.MIN_PARALLEL + 5))));
    }

    @Test
    void aFailingElementFailsTheWrite() {
        List<Row> good = rows(ParallelListSerializer.MIN_PARALLEL * 2);
        class Failing extends AbstractList<Row> implements RandomAccess {
            @Override
            public Row get(int i) {
                if (i == 12_345) {
                    throw new IllegalStateException("row 12345 cannot be read");
                }
                return good.get(i);
            }

            @Override
            public int size() {
                return good.size();
            }
        }
        assertThatThrownBy(() -> Json.write(Map.of("rows", new Failing()), new ByteArrayOutputStream()))
                .hasStackTraceContaining("row 12345 cannot be read");
    }
}

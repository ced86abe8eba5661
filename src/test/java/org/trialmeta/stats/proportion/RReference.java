package org.trialmeta.stats.proportion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows of a reference CSV written by src/test/r/proportions.R ("NA" = not estimable, "Inf" = +∞). */
final class RReference {
    private RReference() {}

    record Row(Map<String, String> cells, int line) {
        int i(String col) {
            return Integer.parseInt(get(col));
        }

        double d(String col) {
            String v = get(col);
            return switch (v) {
                case "NA" -> Double.NaN;
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v);
            };
        }

        String get(String col) {
            String v = cells.get(col);
            if (v == null) {
                throw new IllegalArgumentException("no column " + col);
            }
            return v;
        }

        @Override
        public String toString() {
            return "line " + line + " " + cells;
        }
    }

    static List<Row> read(String name) {
        String path = "/r/proportions/" + name;
        try (InputStream in = RReference.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String[] header = lines[0].trim().split(",");
            List<Row> rows = new ArrayList<>();
            for (int l = 1; l < lines.length; l++) {
                if (lines[l].isBlank()) {
                    continue;
                }
                String[] f = lines[l].trim().split(",");
                Map<String, String> m = new HashMap<>();
                for (int j = 0; j < header.length; j++) {
                    m.put(header[j], f[j]);
                }
                rows.add(new Row(m, l + 1));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

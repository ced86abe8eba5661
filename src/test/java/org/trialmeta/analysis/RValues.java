package org.trialmeta.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reference values written by src/test/r/analysis.R (name,value). */
public final class RValues {

    private static Map<String, Double> values;

    private RValues() {}

    /** The value named {@code name}; fails when it is missing. */
    public static synchronized double get(String name) {
        if (values == null) {
            values = new HashMap<>();
            try {
                List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/analysis/values.csv"));
                for (String l : lines.subList(1, lines.size())) {
                    String[] p = l.split(",");
                    values.put(p[0], Double.parseDouble(p[1]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no R reference value " + name);
        }
        return v;
    }
}

package org.trialmeta.stats.survival;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the committed R reference files of src/test/r/cox.R (plain CSV without quoting). */
final class RReference {

    static final Path DIR = Path.of("src/test/resources/r/cox");

    private RReference() {}

    /** A dataset as columns of text. */
    static Map<String, List<String>> dataset(String name) {
        List<String> lines = lines(DIR.resolve(name + ".csv"));
        String[] header = lines.get(0).split(",", -1);
        Map<String, List<String>> cols = new LinkedHashMap<>();
        for (String h : header) {
            cols.put(h, new ArrayList<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            for (int i = 0; i < header.length; i++) {
                cols.get(header[i]).add(cells[i]);
            }
        }
        return cols;
    }

    static double[] doubles(Map<String, List<String>> data, String col) {
        return data.get(col).stream().mapToDouble(Double::parseDouble).toArray();
    }

    static int[] ints(Map<String, List<String>> data, String col) {
        return data.get(col).stream().mapToInt(s -> (int) Double.parseDouble(s)).toArray();
    }

    /** Codes of a text column, numbered by sorted level (as an R factor). */
    static int[] codes(Map<String, List<String>> data, String col) {
        List<String> levels = data.get(col).stream().distinct().sorted().toList();
        return data.get(col).stream().mapToInt(levels::indexOf).toArray();
    }

    /** case -> key -> value from a (case,key,value) CSV; "NA" becomes NaN. */
    static Map<String, Map<String, Double>> values(String file) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        List<String> lines = lines(DIR.resolve(file));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            out.computeIfAbsent(c[0], k -> new HashMap<>())
                    .put(c[1], c[2].equals("NA") ? Double.NaN : Double.parseDouble(c[2]));
        }
        return out;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

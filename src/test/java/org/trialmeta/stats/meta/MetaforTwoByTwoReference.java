package org.trialmeta.stats.meta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the metafor reference values written by src/test/r/mh_peto.R (metafor 3.8.1) from
 * src/test/resources/r/mhpeto/.
 */
final class MetaforTwoByTwoReference {
    private static final String DIR = "/r/mhpeto/";

    /** One reference case: the settings metafor was called with and what it returned. */
    record Case(String id, String dataset, String method, EffectMeasure measure, TwoByTwoPoolOptions options,
                String error, Map<String, String> values, List<String[]> studies) {
    }

    /** 2×2 input tables of a dataset. */
    record Tables(List<String> study, int[] ai, int[] n1i, int[] ci, int[] n2i) {
    }

    private static Map<String, Case> cases;

    private MetaforTwoByTwoReference() {
    }

    static synchronized Map<String, Case> cases() {
        if (cases == null) {
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            for (String[] r : rows("results.csv")) {
                values.computeIfAbsent(r[0], x -> new LinkedHashMap<>()).put(r[1], r[2]);
            }
            Map<String, List<String[]>> studies = new LinkedHashMap<>();
            for (String[] r : rows("studies.csv")) {
                studies.computeIfAbsent(r[0], x -> new ArrayList<>()).add(r);
            }
            Map<String, Case> all = new LinkedHashMap<>();
            for (String[] r : rows("cases.csv")) {
                // case,dataset,method,measure,level,add,to,drop00,correct,error
                var options = new TwoByTwoPoolOptions(Double.parseDouble(r[4]) / 100, Double.parseDouble(r[5]),
                        TwoByTwoPoolOptions.AddTo.valueOf(r[6].toUpperCase(java.util.Locale.ROOT)),
                        Boolean.parseBoolean(r[7]), Boolean.parseBoolean(r[8]));
                all.put(r[0], new Case(r[0], r[1], r[2], EffectMeasure.valueOf(r[3]), options, r[9],
                        values.getOrDefault(r[0], Map.of()), studies.getOrDefault(r[0], List.of())));
            }
            cases = all;
        }
        return cases;
    }

    static Case get(String id) {
        Case c = cases().get(id);
        if (c == null) {
            throw new IllegalArgumentException("no reference case " + id);
        }
        return c;
    }

    static Tables tables(String dataset) {
        List<String[]> rows;
        if (dataset.startsWith("random")) {
            // seeded random sparse sets: random_inputs.csv with a leading "set" column
            rows = new ArrayList<>();
            for (String[] r : rows("random_inputs.csv")) {
                if (r[0].equals(dataset)) {
                    rows.add(java.util.Arrays.copyOfRange(r, 1, r.length));
                }
            }
        } else {
            rows = rows("input_" + dataset + ".csv");
        }
        int k = rows.size();
        List<String> study = new ArrayList<>();
        int[] ai = new int[k];
        int[] n1i = new int[k];
        int[] ci = new int[k];
        int[] n2i = new int[k];
        for (int i = 0; i < k; i++) {
            String[] r = rows.get(i);
            study.add(r[0]);
            ai[i] = Integer.parseInt(r[1]);
            n1i[i] = Integer.parseInt(r[2]);
            ci[i] = Integer.parseInt(r[3]);
            n2i[i] = Integer.parseInt(r[4]);
        }
        return new Tables(study, ai, n1i, ci, n2i);
    }

    /** Data rows (header skipped) of a CSV written by R's write.csv. */
    private static List<String[]> rows(String file) {
        try (InputStream in = MetaforTwoByTwoReference.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> out = new ArrayList<>();
            String[] lines = text.split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    out.add(split(lines[i]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIR + file, e);
        }
    }

    private static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        fields.add(cur.toString());
        return fields.toArray(new String[0]);
    }
}

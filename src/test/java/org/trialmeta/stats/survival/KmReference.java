package org.trialmeta.stats.survival;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the reference files written by src/test/r/km.R (plain CSV, no quoting, "NA" = missing). */
final class KmReference {
    static final Path DIR = Path.of("src/test/resources/r/km");

    private KmReference() {}

    /** Rows of a reference CSV as column-name → text maps. */
    static List<Map<String, String>> rows(String file) {
        try {
            List<String> lines = Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
            String[] head = lines.get(0).split(",", -1);
            List<Map<String, String>> out = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (l.isBlank()) {
                    continue;
                }
                String[] c = l.split(",", -1);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < head.length; i++) {
                    m.put(head[i], c[i]);
                }
                out.add(m);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double num(String s) {
        return switch (s) { case "NA" -> Double.NaN; case "Inf" -> Double.POSITIVE_INFINITY; case "-Inf" -> Double.NEGATIVE_INFINITY; default -> Double.parseDouble(s); };
    }

    /** A dataset exported by km.R: time, status, group, strata. */
    record Data(double[] time, int[] status, String[] group, String[] strata) {
        static Data load(String name) {
            List<Map<String, String>> r = rows("data/" + name + ".csv");
            int n = r.size();
            double[] t = new double[n];
            int[] s = new int[n];
            String[] g = new String[n];
            String[] st = new String[n];
            for (int i = 0; i < n; i++) {
                t[i] = Double.parseDouble(r.get(i).get("time"));
                s[i] = Integer.parseInt(r.get(i).get("status"));
                g[i] = r.get(i).get("group");
                st[i] = r.get(i).get("strata");
            }
            return new Data(t, s, g, st);
        }

        /** The subset of one group, or everything for "ALL". */
        Data subset(String grp) {
            if ("ALL".equals(grp)) {
                return this;
            }
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < time.length; i++) {
                if (group[i].equals(grp)) {
                    idx.add(i);
                }
            }
            double[] t = new double[idx.size()];
            int[] s = new int[idx.size()];
            String[] g = new String[idx.size()];
            String[] st = new String[idx.size()];
            for (int i = 0; i < idx.size(); i++) {
                t[i] = time[idx.get(i)];
                s[i] = status[idx.get(i)];
                g[i] = group[idx.get(i)];
                st[i] = strata[idx.get(i)];
            }
            return new Data(t, s, g, st);
        }

        /** Indices of the labels in R's factor order (sorted; numerically when all are numbers). */
        static int[] index(String[] labels) {
            TreeSet<String> set = new TreeSet<>((a, b) -> {
                try {
                    return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
                } catch (NumberFormatException e) {
                    return a.compareTo(b);
                }
            });
            for (String l : labels) {
                set.add(l);
            }
            List<String> order = new ArrayList<>(set);
            int[] out = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                out[i] = order.indexOf(labels[i]);
            }
            return out;
        }
    }
}

package org.trialmeta.stats.nma;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.trialmeta.repository.CsvTable;

/** The reference values of src/test/r/nma.R (metafor 3.8.1, metadat 1.2.0) and the networks they were made from. */
final class NmaReference {

    static final Path DIR = Path.of("src/test/resources/r/nma");

    private static Map<String, Map<String, Double>> values;

    private NmaReference() {}

    /** The values of one case, e.g. "senn2013/random": key → value (NaN for NA). */
    static synchronized Map<String, Double> values(String c) {
        if (values == null) {
            CsvTable t = CsvTable.read(DIR.resolve("values.csv"));
            values = new HashMap<>();
            for (int r = 0; r < t.rowCount(); r++) {
                String v = t.string("value", r);
                values.computeIfAbsent(t.string("case", r), k -> new LinkedHashMap<>())
                        .put(t.string("key", r), v.equals("NA") ? Double.NaN : Double.parseDouble(v));
            }
        }
        return values.get(c);
    }

    /**
     * A network from an arm-level CSV of the R script: log odds (1/2 added to every arm of a study with a zero cell)
     * or means with variance sd²/n; treatments sorted by name; each study's baseline arm is the reference when the
     * study has it, otherwise its first treatment in sorted order (as the R script).
     */
    /** A network from a contrast-level CSV of the R script (every pair of a study's arms: yi = treatment_1 − treatment_2). */
    static Network contrasts(String file) {
        CsvTable t = CsvTable.read(DIR.resolve(file));
        TreeSet<String> names = new TreeSet<>();
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            names.add(t.string("treatment_1", r));
            names.add(t.string("treatment_2", r));
            byStudy.computeIfAbsent(t.string("study", r), k -> new ArrayList<>()).add(r);
        }
        List<String> treatments = new ArrayList<>(names);
        List<NmaStudy> studies = new ArrayList<>();
        for (var e : byStudy.entrySet()) {
            List<String> arms = new ArrayList<>();
            for (int r : e.getValue()) {
                for (String c : new String[] {"treatment_1", "treatment_2"}) {
                    if (!arms.contains(t.string(c, r))) {
                        arms.add(t.string(c, r));
                    }
                }
            }
            int a = arms.size();
            double[][] d = new double[a][a];
            double[][] v = new double[a][a];
            for (int r : e.getValue()) {
                int i = arms.indexOf(t.string("treatment_1", r));
                int j = arms.indexOf(t.string("treatment_2", r));
                double y = Double.parseDouble(t.string("yi", r));
                double vi = Double.parseDouble(t.string("vi", r));
                d[i][j] = y;
                d[j][i] = -y;
                v[i][j] = vi;
                v[j][i] = vi;
            }
            int[] trt = arms.stream().mapToInt(treatments::indexOf).toArray();
            studies.add(NmaStudy.fromPairs(e.getKey(), trt, d, v));
        }
        return new Network(treatments, studies);
    }

    static Network network(String dataset, boolean binary, String reference) {
        return network(DIR.resolve(dataset + "_arms.csv"), binary, reference);
    }

    static Network network(Path file, boolean binary, String reference) {
        CsvTable t = CsvTable.read(file);
        TreeSet<String> names = new TreeSet<>();
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            names.add(t.string("treatment", r));
            byStudy.computeIfAbsent(t.string("study", r), k -> new ArrayList<>()).add(r);
        }
        List<String> treatments = new ArrayList<>(names);
        List<NmaStudy> studies = new ArrayList<>();
        for (var e : byStudy.entrySet()) {
            List<Integer> rows = new ArrayList<>(e.getValue());
            rows.sort((a, b) -> t.string("treatment", a).compareTo(t.string("treatment", b)));
            for (int j = 0; j < rows.size(); j++) {
                if (t.string("treatment", rows.get(j)).equals(reference)) {
                    rows.add(0, rows.remove(j));
                }
            }
            int a = rows.size();
            int[] trt = new int[a];
            double[] est = new double[a];
            double[] var = new double[a];
            boolean zero = false;
            if (binary) {
                for (int r : rows) {
                    double x = Double.parseDouble(t.string("events", r));
                    double n = Double.parseDouble(t.string("n", r));
                    zero |= x == 0 || x == n;
                }
            }
            for (int j = 0; j < a; j++) {
                int r = rows.get(j);
                trt[j] = treatments.indexOf(t.string("treatment", r));
                if (binary) {
                    double x = Double.parseDouble(t.string("events", r)) + (zero ? 0.5 : 0);
                    double y = Double.parseDouble(t.string("n", r)) - Double.parseDouble(t.string("events", r))
                            + (zero ? 0.5 : 0);
                    est[j] = Math.log(x / y);
                    var[j] = 1 / x + 1 / y;
                } else {
                    double sd = Double.parseDouble(t.string("sd", r));
                    est[j] = Double.parseDouble(t.string("mean", r));
                    var[j] = sd * sd / Double.parseDouble(t.string("n", r));
                }
            }
            studies.add(NmaStudy.fromArms(e.getKey(), trt, est, var));
        }
        return new Network(treatments, studies);
    }
}

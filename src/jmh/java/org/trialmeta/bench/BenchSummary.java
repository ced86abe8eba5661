package org.trialmeta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison table of {@code bench/run.sh}: every JMH result (mean ms/op ± 99.9 % error, and the fastest
 * iteration) joined with the R timing of the same task and size where there is one, and the ratio R / trialmeta
 * (on the means). Also lists the hyperfine wall-clock results of the launcher. Prints a Markdown table and writes
 * it to OUT_MD.
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.trialmeta.bench.BenchSummary OUT_MD JMH_JSON[,...]
 * [metafor-rma.csv|-] [survival-r.csv|-] [HYPERFINE_JSON[,...]|-]}. R files: {@code bench/rma-timing.R}
 * ({@code k,metafor_ms,metafor_min_ms,...}) and {@code bench/survival-timing.R DATADIR N OUT}
 * ({@code task,size,r_ms,...}). Missing files are skipped (e.g. when Rscript is absent).
 */
public final class BenchSummary {

    private BenchSummary() {}

    record Row(String task, String size, double ms, double error, double fastest) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchSummary OUT_MD JMH_JSON[,...] [metafor.csv|-] [survival-r.csv|-] [hyperfine.json,...|-]");
            System.exit(2);
        }
        ObjectMapper om = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (String f : args[1].split(",")) {
            if (f.isBlank() || !Files.exists(Path.of(f))) {
                continue;
            }
            for (JsonNode r : om.readTree(new File(f))) {
                String bench = r.get("benchmark").asText();
                bench = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
                StringBuilder size = new StringBuilder();
                JsonNode params = r.get("params");
                if (params != null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        size.append(size.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue().asText());
                    }
                }
                if (bench.endsWith(".coxEfron100kTimes5")) {
                    size = new StringBuilder("100000 rows x 5"); // SurvivalBenchmark's n is the KM size only
                }
                JsonNode pm = r.get("primaryMetric");
                double unit = toMs(pm.get("scoreUnit").asText());
                double fastest = Double.NaN;
                for (JsonNode iters : pm.get("rawData")) {
                    for (JsonNode v : iters) {
                        fastest = Double.isNaN(fastest) ? v.asDouble() : Math.min(fastest, v.asDouble());
                    }
                }
                double err = pm.get("scoreError").asDouble();
                rows.add(new Row(bench, size.toString(), pm.get("score").asDouble() * unit,
                        Double.isFinite(err) ? err * unit : Double.NaN, fastest * unit));
            }
        }
        Map<String, double[]> r = new HashMap<>(); // key "task|size" -> {median or best ms, fastest ms}
        String rLabel = "";
        if (args.length > 2 && !args[2].equals("-") && Files.exists(Path.of(args[2]))) {
            List<String> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.replace("\"", "").split(",");
                if (!c[1].equals("NA")) {
                    r.put("PoolBenchmark.fit|k=" + c[0] + " variant=REML", new double[] {Double.parseDouble(c[1]),
                        Double.parseDouble(c[2])});
                }
            }
            rLabel += "metafor::rma(method = \"REML\") median of batches (bench/rma-timing.R); ";
        }
        if (args.length > 3 && !args[3].equals("-") && Files.exists(Path.of(args[3]))) {
            List<String> lines = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.replace("\"", "").split(",");
                double ms = Double.parseDouble(c[2]);
                if (c[0].equals("km_logrank")) {
                    r.put("SurvivalBenchmark.kaplanMeierBothArmsPlusLogRank|n=" + c[1], new double[] {ms, ms});
                } else if (c[0].equals("cox")) {
                    for (Row row : rows) {
                        if (row.task().equals("SurvivalBenchmark.coxEfron100kTimes5")) {
                            r.put(row.task() + "|" + row.size(), new double[] {ms, ms});
                        }
                    }
                }
            }
            rLabel += "survfit + survdiff / coxph best of 3 (bench/survival-timing.R).";
        }
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | size | trialmeta mean ± 99.9% error (ms) | trialmeta fastest (ms) | R (ms) | R fastest (ms) "
                + "| R / trialmeta (means) |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            double[] rv = r.get(row.task() + "|" + row.size());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s ± %s | %s | %s | %s | %s |%n", row.task(), row.size(),
                    num(row.ms()), num(row.error()), num(row.fastest()), rv == null ? "" : num(rv[0]),
                    rv == null ? "" : num(rv[1]), rv == null ? "" : ratio(rv[0] / row.ms())));
        }
        if (!rLabel.isEmpty()) {
            md.append("\nR: ").append(rLabel.strip()).append('\n');
        }
        if (args.length > 4 && !args[4].equals("-")) {
            md.append("\n| command (cold JVM, launcher, hyperfine) | mean ± σ (s) | min (s) | max (s) | runs |\n"
                    + "|---|---:|---:|---:|---:|\n");
            for (String f : args[4].split(",")) {
                if (f.isBlank() || !Files.exists(Path.of(f))) {
                    continue;
                }
                for (JsonNode res : om.readTree(new File(f)).get("results")) {
                    md.append(String.format(Locale.ROOT, "| `%s` | %.2f ± %.2f | %.2f | %.2f | %d |%n",
                            res.get("command").asText(), res.get("mean").asDouble(), res.get("stddev").asDouble(),
                            res.get("min").asDouble(), res.get("max").asDouble(), res.get("times").size()));
                }
            }
        }
        Files.writeString(Path.of(args[0]), md.toString(), StandardCharsets.UTF_8);
        System.out.print(md);
    }

    private static double toMs(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit + " (use AverageTime)");
        };
    }

    private static String ratio(double v) {
        return (v >= 10 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v)) + "×";
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}

package org.trialmeta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Log-log chart of time per fit against k for trialmeta (JMH {@code PoolBenchmark.fit}) and metafor
 * ({@code bench/rma-timing.R} CSV), and the least-squares slope of log10(time) on log10(k) per series
 * (slope 1 = linear, 2 = quadratic).
 *
 * <p>Usage: {@code java -Djava.awt.headless=true -cp target/benchmarks.jar org.trialmeta.bench.ScalingChart
 * JMH_JSON[,JMH_JSON...] METAFOR_CSV OUT_PNG}. For a (variant, k) present in several JSON files the first wins.
 */
public final class ScalingChart {

    private ScalingChart() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("--survival")) {
            survival(args[1], args[2], args[3]);
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: ScalingChart JMH_JSON[,JMH_JSON...] METAFOR_CSV OUT_PNG");
            System.exit(2);
        }
        Map<String, TreeMap<Integer, Double>> series = new TreeMap<>();
        ObjectMapper om = new ObjectMapper();
        for (String f : args[0].split(",")) {
            for (JsonNode r : om.readTree(new File(f))) {
                if (!r.get("benchmark").asText().endsWith(".fit")) {
                    continue;
                }
                String name = "trialmeta " + r.get("params").get("variant").asText().replace("REML_QP", "REML + Q-profile CI");
                int k = Integer.parseInt(r.get("params").get("k").asText());
                series.computeIfAbsent(name, n -> new TreeMap<>())
                        .putIfAbsent(k, r.get("primaryMetric").get("score").asDouble());
            }
        }
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        TreeMap<Integer, Double> metafor = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (!c[1].equals("NA")) {
                metafor.put(Integer.parseInt(c[0].replace("\"", "")), Double.parseDouble(c[1]));
            }
        }
        series.put("metafor 3.8.1 rma REML", metafor);

        draw("Random-effects pooling: time against k (log-log)", "number of studies k", "time per fit (ms), in-process",
                series, new File(args[2]), 1000);
    }

    /**
     * Survival scaling: KM of both arms + log-rank ({@code SurvivalBenchmark.kaplanMeierBothArmsPlusLogRank}, JMH
     * parameter n) against {@code survfit} + {@code survdiff} (rows {@code km_logrank} of the CSVs written by
     * {@code bench/survival-timing.R}), time against rows, log-log.
     *
     * <p>Usage: {@code ScalingChart --survival JMH_JSON R_CSV[,R_CSV...] OUT_PNG}.
     */
    static void survival(String jmhJson, String rCsvs, String outPng) throws IOException {
        Map<String, TreeMap<Integer, Double>> series = new TreeMap<>();
        for (JsonNode r : new ObjectMapper().readTree(new File(jmhJson))) {
            if (r.get("benchmark").asText().endsWith(".kaplanMeierBothArmsPlusLogRank")) {
                series.computeIfAbsent("trialmeta KM + log-rank", k -> new TreeMap<>()).put(
                        Integer.parseInt(r.get("params").get("n").asText()), r.get("primaryMetric").get("score").asDouble());
            }
        }
        TreeMap<Integer, Double> r = new TreeMap<>();
        for (String f : rCsvs.split(",")) {
            List<String> lines = Files.readAllLines(Path.of(f), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                if (c[0].replace("\"", "").equals("km_logrank")) {
                    r.put(Integer.parseInt(c[1]), Double.parseDouble(c[2]));
                }
            }
        }
        series.put("survival 3.5.3 survfit + survdiff", r);
        draw("Kaplan-Meier (both arms) + log-rank: time against rows (log-log)", "rows n", "time (ms)", series,
                new File(outPng), 100_000);
    }

    /** Draws the series on log-log axes into a 900 x 560 PNG and prints each series' slope. */
    static void draw(String title, String xLabel, String yLabel, Map<String, TreeMap<Integer, Double>> series,
            File out, int slopeFrom) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey());
            e.getValue().forEach((k, ms) -> s.add((double) k, (double) ms));
            data.addSeries(s);
            System.out.printf(Locale.ROOT, "%-34s slope log(time)/log(size): all sizes %s; size >= %d %s%n",
                    e.getKey(), slope(e.getValue(), 0), slopeFrom, slope(e.getValue(), slopeFrom));
        }
        LogAxis x = new LogAxis(xLabel);
        x.setBase(10);
        x.setSmallestValue(1);
        x.setTickUnit(new NumberTickUnit(1));
        LogAxis y = new LogAxis(yLabel);
        y.setBase(10);
        y.setSmallestValue(1e-4);
        y.setTickUnit(new NumberTickUnit(1));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colors = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colors[i % colors.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title,
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(out, chart, 900, 560);
    }

    /** Least-squares slope of log10(ms) on log10(k) over k ≥ minK; "n/a" with fewer than 2 points. */
    static String slope(TreeMap<Integer, Double> pts, int minK) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (Map.Entry<Integer, Double> e : pts.tailMap(minK, true).entrySet()) {
            double lx = Math.log10(e.getKey());
            double ly = Math.log10(e.getValue());
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            n++;
        }
        if (n < 2) {
            return "n/a";
        }
        double b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return String.format(Locale.ROOT, "%.3f (%d points)", b, n);
    }
}

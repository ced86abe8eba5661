package org.trialmeta.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.trialmeta.cli.TrialMetaCommand;
import org.trialmeta.stats.survival.CoxRegression;
import org.trialmeta.stats.survival.KaplanMeier;
import org.trialmeta.stats.survival.KaplanMeierCurve;
import picocli.CommandLine;

/**
 * The reconstruction benchmark of issue 20 (docs/benchmarks.md, "Reconstruction from published curves"): for each
 * of the 32 two-arm kmdata trials (src/test/resources/kmdata) and each arm, a clean and a noisy digitisation
 * ({@link DigitisationSimulator}) are written as files and given to {@code trialmeta reconstruct} in-process, per
 * arm and then both arms together; the rebuilt data are compared with the true patient data: refused arms,
 * |Δ median|, |Δ RMST| (both at the earlier of the two arms' last true times), max |ΔS| (on a grid of 1000 times up
 * to the earlier of the arm's last true and last rebuilt time: a digitisation that stops early says nothing after;
 * also the mean |ΔS| on that grid, less sensitive than the maximum to a steep drop read one pixel late) and per trial |Δ log HR| (Cox, Efron ties, first arm in file order against the
 * second). Writes the digitised files under {@code OUT/files} (for runs of other tools on the same input) and one
 * CSV row per arm to {@code OUT/arms.csv}; prints the summary table.
 *
 * <p>Usage: {@code ReconstructBench OUT [SEED [TOLERANCE]]} (TOLERANCE as {@code reconstruct --tolerance}).
 */
public final class ReconstructBench {

    private ReconstructBench() {}

    private record Arm(String trial, String name, double[] time, int[] event) {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-reconstruct");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261206L;
        String tolerance = args.length > 2 ? args[2] : "0.02,0.02";
        Map<String, List<Arm>> trials = read(Path.of("src/test/resources/kmdata/kmdata-32.csv"));
        Files.createDirectories(out.resolve("files"));
        StringBuilder rows = new StringBuilder("variant,trial,arm,n,refused,message,abs_d_median,abs_d_rmst,"
                + "rel_d_rmst,max_abs_d_s,mean_abs_d_s,trial_abs_d_log_hr,repairs,seconds,description,clicks,"
                + "missing_feet\n");
        Map<String, List<double[]>> summary = new LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (String variant : new String[] {"clean", "noisy", "noisy+gap"}) {
            List<double[]> metrics = new ArrayList<>();
            for (var e : trials.entrySet()) {
                List<Arm> arms = e.getValue();
                KaplanMeierCurve[] truth = new KaplanMeierCurve[2];
                String[] spec = new String[2];
                double tau = Double.POSITIVE_INFINITY;
                for (int a = 0; a < 2; a++) {
                    truth[a] = KaplanMeier.fit(arms.get(a).time, arms.get(a).event);
                    tau = Math.min(tau, truth[a].lastTime());
                }
                String[] lines = new String[2];
                for (int a = 0; a < 2; a++) {
                    Arm arm = arms.get(a);
                    DigitisationSimulator.Files f = variant.equals("clean") ? DigitisationSimulator.clean(truth[a])
                            : DigitisationSimulator.noisy(truth[a], rng.split(), variant.endsWith("gap"));
                    String base = variant.replace('+', '-') + "-" + e.getKey().replaceAll("[^A-Za-z0-9_]", "_") + "-" + a;
                    Path curve = Files.writeString(out.resolve("files/" + base + "-curve.csv"), f.curve());
                    Path risk = Files.writeString(out.resolve("files/" + base + "-risk.csv"), f.atRisk());
                    spec[a] = "A" + a + "=" + curve + "," + risk;
                    Path ipd = out.resolve("files/" + base + "-ipd.csv");
                    long t0 = System.nanoTime();
                    String[] r = run("reconstruct", "--arm", spec[a], "--out", ipd.toString(), "--tolerance",
                            tolerance, "--format", "json");
                    double secs = (System.nanoTime() - t0) / 1e9;
                    boolean refused = !r[0].equals("0");
                    double[] m = refused ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                            : compare(truth[a], ipd, tau);
                    int repairs = refused ? 0 : count(r[1], "\"repair\" :");
                    lines[a] = String.join(",", variant, e.getKey(), csv(arm.name), Integer.toString(arm.time.length),
                            refused ? "1" : "0", csv(refused ? r[2].strip() : ""), num(m[0]), num(m[1]), num(m[2]),
                            num(m[3]), num(m[4]), "%HR%", Integer.toString(repairs), num(secs), csv(f.description()),
                            refused ? "" : clicks(r[1]), refused ? "" : Integer.toString(missingFeet(r[1])));
                    metrics.add(new double[] {refused ? 1 : 0, m[0], m[1], m[2], m[3], m[4], Double.NaN});
                }
                Path both = out.resolve("files/" + variant.replace('+', '-') + "-" + e.getKey().replaceAll("[^A-Za-z0-9_]", "_")
                        + "-both.csv");
                String[] r = run("reconstruct", "--arm", spec[0], "--arm", spec[1], "--out", both.toString(),
                        "--tolerance", tolerance, "--format", "json");
                double dHr = Double.NaN;
                if (r[0].equals("0")) {
                    double[][] rec = readBoth(both);
                    dHr = Math.abs(logHr(rec) - logHr(new double[][] {arms.get(0).time, toD(arms.get(0).event),
                        arms.get(1).time, toD(arms.get(1).event)}));
                }
                metrics.get(metrics.size() - 1)[6] = dHr;
                for (String l : lines) {
                    rows.append(l.replace("%HR%", num(dHr))).append('\n');
                }
            }
            summary.put(variant, metrics);
        }
        Files.writeString(out.resolve("arms.csv"), rows);
        System.out.print(table(summary));
    }

    /** Runs the CLI in-process: {exit code, stdout, stderr}. */
    private static String[] run(String... args) {
        CommandLine cl = TrialMetaCommand.commandLineFor(args);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), o.toString(), e.toString()};
    }

    /** {|Δ median|, |Δ RMST(tau)|, |Δ RMST| / RMST, max |ΔS|} of the rebuilt arm in {@code ipd} against the truth. */
    private static double[] compare(KaplanMeierCurve truth, Path ipd, double tau) throws IOException {
        List<String> l = Files.readAllLines(ipd);
        double[] t = new double[l.size() - 1];
        int[] e = new int[t.length];
        for (int i = 1; i < l.size(); i++) {
            String[] c = l.get(i).split(",");
            t[i - 1] = Double.parseDouble(c[c.length - 2]);
            e[i - 1] = Integer.parseInt(c[c.length - 1]);
        }
        KaplanMeierCurve rec = KaplanMeier.fit(t, e);
        double dMed = truth.median().time().isPresent() && rec.median().time().isPresent()
                ? Math.abs(truth.median().time().getAsDouble() - rec.median().time().getAsDouble())
                : truth.median().time().isPresent() == rec.median().time().isPresent() ? 0 : Double.POSITIVE_INFINITY;
        double rt = truth.rmst(tau).rmean();
        double dRmst = Math.abs(rt - rec.rmst(tau).rmean());
        double maxS = 0;
        double sumS = 0;
        double end = Math.min(truth.lastTime(), rec.lastTime());
        for (int i = 0; i <= 1000; i++) {
            double x = end * i / 1000;
            double d = Math.abs(truth.survivalAt(x) - rec.survivalAt(x));
            maxS = Math.max(maxS, d);
            sumS += d;
        }
        return new double[] {dMed, dRmst, dRmst / rt, maxS, sumS / 1001};
    }

    private static double[][] readBoth(Path f) throws IOException {
        List<String> l = Files.readAllLines(f);
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        String first = l.get(1).split(",")[0];
        for (String s : l.subList(1, l.size())) {
            String[] c = s.split(",");
            (c[0].equals(first) ? a : b).add(new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2])});
        }
        return new double[][] {a.stream().mapToDouble(x -> x[0]).toArray(), a.stream().mapToDouble(x -> x[1]).toArray(),
            b.stream().mapToDouble(x -> x[0]).toArray(), b.stream().mapToDouble(x -> x[1]).toArray()};
    }

    private static double logHr(double[][] d) {
        int n0 = d[0].length;
        int n = n0 + d[2].length;
        double[] t = new double[n];
        int[] e = new int[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i < n0 ? d[0][i] : d[2][i - n0];
            e[i] = (int) (i < n0 ? d[1][i] : d[3][i - n0]);
            x[i] = i < n0 ? 1 : 0;
        }
        return CoxRegression.fit(t, e, new double[][] {x}, List.of("arm")).coefficients().get(0).estimate()
                .orElseThrow().coef();
    }

    private static String table(Map<String, List<double[]>> summary) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s %8s %24s %24s %24s %24s %24s %24s%n",
                "variant", "refused", "|dmedian| med/p90/max", "|dRMST| med/p90/max", "rel dRMST med/p90/max",
                "max|dS| med/p90/max", "mean|dS| med/p90/max", "|dlogHR| med/p90/max"));
        for (var e : summary.entrySet()) {
            List<double[]> m = e.getValue();
            int refused = (int) m.stream().filter(x -> x[0] == 1).count();
            sb.append(String.format(Locale.ROOT, "%-10s %5d/%-2d", e.getKey(), refused, m.size()));
            for (int k = 1; k <= 6; k++) {
                int col = k;
                double[] v = m.stream().mapToDouble(x -> x[col]).filter(x -> !Double.isNaN(x)).sorted().toArray();
                sb.append(String.format(Locale.ROOT, " %24s", v.length == 0 ? "-"
                        : fmt(q(v, 0.5)) + "/" + fmt(q(v, 0.9)) + "/" + fmt(v[v.length - 1])));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static double q(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return Double.isInfinite(sorted[hi]) ? sorted[hi] : sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static Map<String, List<Arm>> read(Path f) throws IOException {
        Map<String, Map<String, List<double[]>>> by = new LinkedHashMap<>();
        for (String l : Files.readAllLines(f).subList(1, Files.readAllLines(f).size())) {
            String[] c = l.split(",");
            by.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).computeIfAbsent(c[1], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(c[2]), Double.parseDouble(c[3])});
        }
        Map<String, List<Arm>> out = new LinkedHashMap<>();
        for (var t : by.entrySet()) {
            List<Arm> arms = new ArrayList<>();
            for (var a : t.getValue().entrySet()) {
                arms.add(new Arm(t.getKey(), a.getKey(), a.getValue().stream().mapToDouble(x -> x[0]).toArray(),
                        a.getValue().stream().mapToInt(x -> (int) x[1]).toArray()));
            }
            out.put(t.getKey(), arms);
        }
        return out;
    }

    /** The clicking style the arm was read with, and whether detected: "corners (detected)". */
    private static String clicks(String json) throws IOException {
        var arm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("arms").get(0);
        return arm.get("clicks").asText() + (arm.get("clicks_detected").asBoolean() ? " (detected)" : "");
    }

    /** Feet added by the missing_foot repair. */
    private static int missingFeet(String json) throws IOException {
        int n = 0;
        for (var r : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("arms").get(0).get("repairs")) {
            n += r.get("repair").asText().equals("missing_foot") ? r.get("points").size() : 0;
        }
        return n;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static double[] toD(int[] x) {
        return Arrays.stream(x).asDoubleStream().toArray();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"").replace("\n", " ") + "\"";
    }
}

package org.trialmeta.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.trialmeta.cli.TrialMetaCommand;

/**
 * Render time of a 150-study forest plot in every format (issue 16): {@code trialmeta forest} run in-process, after
 * warm-up, on a generated two-arm CSV with three subgroups ({@link #csv}, seeded), writing PNG (300 dpi), SVG, PDF
 * and PPTX in one call, and then each format alone. Prints wall and CPU time (this thread's user+system) per run:
 * median and minimum over the measured runs, and the process's CPU
 * time (JIT and GC threads included), median. Not a test: run it with
 * {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.trialmeta.bench.ForestRenderBench}
 * or java on the test classpath; arguments: [warm-up runs] [measured runs] [output directory].
 */
public final class ForestRenderBench {

    private ForestRenderBench() {}

    /** A seeded 150-study table: events/total per arm (RevMan's column names), a year and a subgroup. */
    static String csv(int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("study,year,events_1,total_1,events_2,total_2,region\n");
        String[] regions = {"Europe", "North America", "Asia-Pacific"};
        for (int i = 0; i < k; i++) {
            int n1 = 40 + r.nextInt(960);
            int n2 = 40 + r.nextInt(960);
            double p2 = 0.05 + 0.4 * r.nextDouble();
            double p1 = Math.min(0.95, p2 * Math.exp(-0.2 + 0.5 * r.nextGaussian()));
            int e1 = (int) Math.round(n1 * p1);
            int e2 = (int) Math.round(n2 * p2);
            sb.append(String.format(Locale.ROOT, "Study %03d (%s),%d,%d,%d,%d,%d,%s%n", i + 1,
                    "investigator group " + (char) ('A' + i % 26), 1980 + r.nextInt(44), e1, n1, e2, n2,
                    regions[i % regions.length]));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("forest-bench");
        Files.createDirectories(dir);
        Path in = dir.resolve("forest-150.csv");
        Files.writeString(in, csv(150, 20261205L));
        List<String> base = List.of("forest", "--input", in.toString(), "--measure", "RR", "--subgroup", "region",
                "--style", "revman5");
        String[][] outs = {{"png", "svg", "pdf", "pptx"}, {"png"}, {"svg"}, {"pdf"}, {"pptx"}};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%-22s %11s %11s %11s %11s %11s%n", "formats", "wall med", "wall min",
                "thread cpu", "thread min", "process cpu");
        for (String[] formats : outs) {
            List<String> a = new ArrayList<>(base);
            for (String f : formats) {
                a.add("--out");
                a.add(dir.resolve("forest-150." + f).toString());
            }
            String[] argv = a.toArray(String[]::new);
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            double[] proc = new double[runs];
            for (int i = 0; i < warm + runs; i++) {
                long t0 = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                long p0 = os.getProcessCpuTime();
                var cl = TrialMetaCommand.commandLineFor(argv);
                cl.setOut(new PrintWriter(new StringWriter()));
                cl.setErr(new PrintWriter(new StringWriter()));
                int code = cl.execute(argv);
                if (code != 0) {
                    throw new IllegalStateException("forest exited with " + code);
                }
                if (i >= warm) {
                    wall[i - warm] = (System.nanoTime() - t0) / 1e6;
                    cpu[i - warm] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    proc[i - warm] = (os.getProcessCpuTime() - p0) / 1e6;
                }
            }
            java.util.Arrays.sort(wall);
            java.util.Arrays.sort(cpu);
            java.util.Arrays.sort(proc);
            System.out.printf(Locale.ROOT, "%-22s %8.0f ms %8.0f ms %8.0f ms %8.0f ms %8.0f ms%n",
                    String.join(",", formats), wall[runs / 2], wall[0], cpu[runs / 2], cpu[0], proc[runs / 2]);
        }
        for (String f : outs[0]) {
            System.out.printf(Locale.ROOT, "%s: %d bytes%n", f, Files.size(dir.resolve("forest-150." + f)));
        }
    }
}

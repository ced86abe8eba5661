package org.trialmeta.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the exact data of {@link SurvivalBenchmark} (same seed, same generator) as CSV for R, so that
 * {@code bench/survival-timing.R DATADIR} times {@code survfit}/{@code survdiff}/{@code coxph} on the same rows:
 * {@code km-n<n>.csv} ({@code time,status,group}) and {@code cox-100000.csv} ({@code time,status,x1..x5};
 * doubles written with {@link Double#toString}, which round-trips exactly).
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.trialmeta.bench.ExportSurvivalData OUTDIR [n (default 1000000)]}
 */
public final class ExportSurvivalData {

    private ExportSurvivalData() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ExportSurvivalData OUTDIR [n]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        SurvivalBenchmark b = new SurvivalBenchmark();
        b.n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        b.setup();
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("km-n" + b.n + ".csv"), StandardCharsets.UTF_8)) {
            w.write("time,status,group\n");
            for (int i = 0; i < b.n; i++) {
                w.write(Double.toString(b.time[i]) + ',' + b.status[i] + ',' + b.group[i] + '\n');
            }
        }
        int m = b.coxTime.length;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("cox-" + m + ".csv"), StandardCharsets.UTF_8)) {
            w.write("time,status,x1,x2,x3,x4,x5\n");
            StringBuilder sb = new StringBuilder(160);
            for (int i = 0; i < m; i++) {
                sb.setLength(0);
                sb.append(b.coxTime[i]).append(',').append(b.coxStatus[i]);
                for (int k = 0; k < 5; k++) {
                    sb.append(',').append(b.coxX[k][i]);
                }
                w.write(sb.append('\n').toString());
            }
        }
        System.out.println("wrote km-n" + b.n + ".csv and cox-" + m + ".csv to " + out);
    }
}

package org.trialmeta.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.FitResult;
import org.trialmeta.stats.meta.MetaAnalysis;
import org.trialmeta.stats.meta.MetaAnalysisResult;

/**
 * Writes the {@link BenchData} sets as CSV for R: {@code gen-k<k>.csv} ({@code study,yi,vi}, the
 * {@code trialmeta pool --measure GEN} input format, yi/vi with 17 significant digits),
 * {@code counts-k<k>.csv} ({@code study,ai,n1i,ci,n2i}), and {@code trialmeta-fits.csv} with our REML iterations,
 * tau² and estimate per k so the R script can check that both engines fitted the same data to the same numbers.
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.trialmeta.bench.ExportData OUTDIR k1,k2,...}
 */
public final class ExportData {

    private ExportData() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ExportData OUTDIR k1,k2,...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        try (PrintWriter fits = writer(out.resolve("trialmeta-fits.csv"))) {
            fits.println("k,tau2,estimate,se,iterations");
            for (String s : args[1].split(",")) {
                int k = Integer.parseInt(s.trim());
                BenchData d = BenchData.generate(k);
                try (PrintWriter w = writer(out.resolve("gen-k" + k + ".csv"))) {
                    w.println("study,yi,vi");
                    for (int i = 0; i < k; i++) {
                        w.printf(Locale.ROOT, "s%d,%.17g,%.17g%n", i + 1, d.yi[i], d.vi[i]);
                    }
                }
                try (PrintWriter w = writer(out.resolve("counts-k" + k + ".csv"))) {
                    w.println("study,ai,n1i,ci,n2i");
                    for (int i = 0; i < k; i++) {
                        w.printf(Locale.ROOT, "s%d,%d,%d,%d,%d%n", i + 1, d.ai[i], d.n1i[i], d.ci[i], d.n2i[i]);
                    }
                }
                FitResult r = MetaAnalysis.fit(d.yi, d.vi,
                        MetaAnalysis.Options.defaults(EffectMeasure.OR).withTau2Ci(false));
                if (r instanceof MetaAnalysisResult m) {
                    fits.printf(Locale.ROOT, "%d,%.17g,%.17g,%.17g,%d%n", k, m.tau2(), m.estimate(), m.se(), m.iterations());
                } else {
                    fits.printf(Locale.ROOT, "%d,NA,NA,NA,NA%n", k);
                }
            }
        }
    }

    private static PrintWriter writer(Path p) throws IOException {
        Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
        return new PrintWriter(w);
    }
}

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.trialmeta.check.ScanCheck;
import org.trialmeta.check.ScanReport;
import org.trialmeta.document.DocumentLimits;
import org.trialmeta.document.DocumentReader;
import org.trialmeta.document.DocumentText;

/**
 * In-process timing of {@code scan} on one PDF: {@code DocumentReader.read} (PDFBox and the table rebuild) and
 * {@code ScanCheck.run}, RUNS times in one JVM; prints each run's thread CPU and wall time, the pages, characters
 * and statistics found. A simple harness, not JMH (JMH is not in the offline Maven repository here).
 *
 * <p>Run from the repository root after {@code mvn -o -q compile}:
 * {@code java -Djava.awt.headless=true -cp target/classes:CP bench/ScanPdfTiming.java FILE.pdf 8}, CP the
 * project's dependency classpath ({@code mvn -o dependency:build-classpath}).
 */
public final class ScanPdfTiming {

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= runs; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            DocumentText doc = DocumentReader.read(file, DocumentLimits.DEFAULTS);
            long c1 = mx.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            ScanReport report = ScanCheck.run(doc);
            long c2 = mx.getCurrentThreadCpuTime();
            long w2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: read %.0f ms CPU (%.0f wall), scan %.0f ms CPU (%.0f wall);"
                    + " %d pages, %d chars, %d statistics, findings %s%n", r, (c1 - c0) / 1e6, (w1 - w0) / 1e6,
                    (c2 - c1) / 1e6, (w2 - w1) / 1e6, doc.pages(), doc.text().length(), report.statistics(),
                    report.counts());
        }
    }
}

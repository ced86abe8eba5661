package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that runs out of heap ends like every other failure: one line on standard error saying how much heap it
 * had and how to give it more, exit 1, no stack trace (picocli passes only exceptions to the execution handler, so
 * before this an {@link OutOfMemoryError} ended the JVM with one). Runs the CLI in a child JVM with a small heap.
 */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void theLineSaysWhatTheHeapHadAndHowToGiveItMore() {
        assertThat(Main.outOfMemory(new String[] {"km", "--input", "x.csv"}, 80L << 20))
                .isEqualTo("km ran out of memory (the Java heap may use 80 MB); give it more, e.g. "
                        + "TRIALMETA_JAVA_OPTS=-Xmx1g ./trialmeta km ...");
        assertThat(Main.outOfMemory(new String[] {"pool"}, 6L << 30))
                .contains("(the Java heap may use 6144 MB)", "-Xmx12g ./trialmeta pool ...");
        assertThat(Main.outOfMemory(new String[] {"po\nol"}, 1L << 20)).doesNotContain("\n");
    }

    @Test
    void kmOnAFileLargerThanTheHeapIsOneLineAndExitOne() throws IOException, InterruptedException {
        Random random = new Random(22);
        Path csv = csv("km.csv", "time,status,group", 300_000, i -> String.format(java.util.Locale.ROOT, "%.4f,%d,%s",
                -Math.log(1 - random.nextDouble()) * 8, random.nextInt(4) == 0 ? 0 : 1, i % 2 == 0 ? "A" : "B"));
        List<String> args = List.of("km", "--input", csv.toString(), "--time", "time", "--event", "status",
                "--group", "group", "--format", "json");
        Run small = run("-Xmx12m", args);
        assertThat(small.code).as(small.err).isEqualTo(ExitCodes.FAILURE);
        assertThat(small.err.lines().toList()).as(small.err).hasSize(1);
        assertThat(small.err).startsWith("trialmeta: km ran out of memory (the Java heap may use ")
                .contains("TRIALMETA_JAVA_OPTS=-Xmx1g ./trialmeta km ...")
                .doesNotContain("Exception", "\tat ", "java.");
        // the same command with enough heap succeeds, so the failure above was the heap's
        Run enough = run("-Xmx256m", args);
        assertThat(enough.code).as(enough.err).isEqualTo(ExitCodes.OK);
        assertThat(enough.err).isEmpty();
    }

    /**
     * Leave-one-out, influence and cumulative analyses keep each refit's rows, not the refits: a list of the k fits of
     * about k studies each held k² study weights (3,000 studies: 72 MB, and every one of these commands ran out of a
     * 32 MB heap; 16,000 studies needed 2.1 GB), where what is reported is linear in k.
     */
    @Test
    void sensitivityOfThousandsOfStudiesNeedsMemoryLinearInTheirNumber() throws IOException, InterruptedException {
        Random random = new Random(3);
        Path csv = csv("studies.csv", "study,yi,vi", 3_000, i -> String.format(java.util.Locale.ROOT, "s%d,%.4f,%.4f",
                i, random.nextGaussian() * 0.4 - 0.3, 0.02 + random.nextDouble() * 0.2));
        for (String mode : List.of("--leave-one-out", "--influence", "--cumulative")) {
            Run r = run("-Xmx32m", List.of("sensitivity", "--input", csv.toString(), "--measure", "GEN", "--method",
                    "DL", mode, "--format", "json"));
            assertThat(r.code).as(mode + ": " + r.err).isEqualTo(ExitCodes.OK);
            assertThat(r.err).as(mode).isEmpty();
        }
    }

    /**
     * A network is held at about 140 bytes a two-arm study. Before, R's quoted CSV gave a String per row, the rows were
     * grouped in a map of lists of boxed row numbers, a study was three arrays, a connected network was copied whole
     * as its one part, and the fit held arrays of arrays per study: these 30,000 studies needed a 25–28 MB heap here,
     * now 19–20 MB.
     */
    @Test
    void aNetworkOfTensOfThousandsOfStudiesNeedsLittleMemory() throws IOException, InterruptedException {
        Random random = new Random(5);
        Path csv = csv("network.csv", "\"study\",\"treatment\",\"events\",\"n\"", 30_000, i -> {
            StringBuilder rows = new StringBuilder();
            int arms = i % 5 == 0 ? 3 : 2;
            int first = random.nextInt(8);
            for (int a = 0; a < arms; a++) {
                int n = 50 + random.nextInt(450);
                rows.append(a == 0 ? "" : "\n").append("\"Study ").append(i).append("\",\"t").append((first + a) % 8)
                        .append("\",").append(1 + random.nextInt(n - 1)).append(',').append(n);
            }
            return rows.toString();
        });
        Run r = run("-Xmx24m", List.of("nma", "--input", csv.toString(), "--measure", "OR", "--format", "json"));
        assertThat(r.code).as(r.err).isEqualTo(ExitCodes.OK);
        assertThat(r.err).isEmpty();
    }

    /**
     * The conditional MLE odds ratio and its exact CI (fisher.test's) evaluate the noncentral hypergeometric density
     * only where it is not 0 in double precision: with 10⁷ patients a group its support has 7 × 10⁶ values, which
     * before took an array of them for every one of the searches' ~170 evaluations (12 s; out of a 64 MB heap at once)
     * and with 10⁹ ran out of a 6 GB heap after 82 s.
     */
    @Test
    void exactOddsRatioOfTensOfMillionsOfPatientsNeedsLittleMemory() throws IOException, InterruptedException {
        Run r = run("-Xmx64m", List.of("orr-diff", "--x1", "4000000", "--n1", "10000000", "--x2", "3000000", "--n2",
                "10000000", "--format", "json"));
        assertThat(r.code).as(r.err).isEqualTo(ExitCodes.OK);
        assertThat(r.err).isEmpty();
    }

    /**
     * A PNG of 180 megapixels (a Kaplan-Meier plot at 2,400 dpi) is drawn a strip of rows at a time: drawn whole it took
     * 4 bytes a pixel and a grey copy (about 900 MB of heap), in strips the heap it needs does not grow with its size.
     */
    @Test
    void aPngOfHundredsOfMegapixelsIsDrawnInLittleMemory() throws IOException, InterruptedException {
        Path png = dir.resolve("km.png");
        Run r = run("-Xmx96m", List.of("km", "--input", "examples/lung-survival.csv", "--time", "time", "--event",
                "event", "--group", "sex", "--dpi", "2400", "--plot", png.toString()));
        assertThat(r.code).as(r.err).isEqualTo(ExitCodes.OK);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 26);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head);
        assertThat((long) b.getInt(16) * b.getInt(20)).isGreaterThan(150_000_000L);
        assertThat(head[25]).as("colour type RGB").isEqualTo((byte) 2);
    }

    /**
     * The report makes each table, {@code analysis.json} and {@code index.html} as it writes it, and writes a DOCX
     * table's rows as they come: on 2,000 generated trials (5.3 MB of YAML, 52 MB of report) it needs about 59 MB of
     * heap. It needed 297 MB when it built every file in memory first and the DOCX tables as POI's XML trees, 93 MB
     * when it drew PNGs of up to 8 megapixels whole (two at once: 34 MB of rasters) and held every file's copy of the
     * same short texts (source ids, locators, cut ids), and 63 MB while it held the reviewer check's findings until
     * the page was written.
     */
    @Test
    void aReportOfThousandsOfTrialsNeedsNoHeapForItsFiles() throws IOException, InterruptedException {
        Path trials = generatedTrials(2000);
        Path out = dir.resolve("report");
        Run r = run("-Xmx80m", List.of("report", "--trials", trials.toString(), "--out", out.toString()));
        assertThat(r.code).as(r.err).isEqualTo(ExitCodes.OK);
        assertThat(Files.size(out.resolve("analysis.json")) + Files.size(out.resolve("index.html")))
                .isGreaterThan(30_000_000L);
        assertThat(out.resolve("tables/data-excluded.docx")).isNotEmptyFile();
    }

    /**
     * {@code check} writes its findings as it formats them: on the same 2,000 generated trials (12 MB of JSON) it
     * needs about 21 MB of heap; it needed 77 MB when the JSON was built as one string (27 MB while each file kept its own
     * copies of the same short texts).
     */
    @Test
    void checkOfThousandsOfTrialsStreamsItsFindings() throws IOException, InterruptedException {
        Run r = run("-Xmx32m", List.of("check", "--trials", generatedTrials(2000).toString(), "--format", "json"));
        assertThat(r.code).as(r.err).isIn(ExitCodes.OK, ExitCodes.FAILURE); // 1: the generated data have errors
        assertThat(r.err).doesNotContain("out of memory");
    }

    /** A trials directory of {@code n} valid generated trial files ({@code GeneratedTrials}, seed 22). */
    private Path generatedTrials(int n) throws IOException {
        Path trials = Files.createDirectories(dir.resolve("trials-" + n));
        Files.writeString(trials.resolve("sources.yaml"), org.trialmeta.repository.GeneratedTrials.SOURCES);
        List<String> files = org.trialmeta.repository.GeneratedTrials.files(n, 22);
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(trials.resolve(String.format(java.util.Locale.ROOT, "gen-%05d.yaml", i)), files.get(i));
        }
        return trials;
    }

    /**
     * {@code scan} of a long text (the scan corpus repeated to 3 MB: about 43,000 findings) with the annotated copy:
     * the copy and the table are written as they are made, each finding is kept as a few numbers and put into words
     * when it is written, and the text is decoded and searched in pieces. Needs about 25 MB of heap; it needed 217 MB
     * when everything was built first, and 45 MB while every finding's words were held.
     */
    @Test
    void scanOfALongTextWithItsAnnotatedCopyNeedsLittleMemory() throws IOException, InterruptedException {
        StringBuilder one = new StringBuilder();
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("src/test/resources/scan/corpus"))) {
            for (Path f : files.sorted().toList()) {
                one.append(Files.readString(f)).append("\n\n");
            }
        }
        Path text = dir.resolve("long.txt");
        try (Writer w = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            for (long written = 0; written < 3_000_000; written += one.length()) {
                w.append(one);
            }
        }
        Path html = dir.resolve("long.html");
        Run r = run("-Xmx32m", List.of("scan", text.toString(), "--format", "json", "--out", html.toString()));
        assertThat(r.code).as(r.err).isIn(ExitCodes.OK, ExitCodes.FAILURE); // 1: the corpus has errors to find
        assertThat(r.err).doesNotContain("out of memory");
        assertThat(Files.size(html)).isGreaterThan(10_000_000L);
        assertThat(Files.readString(html)).endsWith("</html>\n");
    }

    /** A CSV file under the test's directory: {@code header}, then {@code rows} lines made by {@code row}. */
    private Path csv(String name, String header, int rows, java.util.function.IntFunction<String> row)
            throws IOException {
        Path csv = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(header + "\n");
            for (int i = 0; i < rows; i++) {
                w.write(row.apply(i) + "\n");
            }
        }
        return csv;
    }

    private record Run(int code, String err) {}

    private Run run(String heap, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Path err = dir.resolve("err-" + heap + ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 120 s: " + command);
        }
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}

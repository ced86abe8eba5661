package org.trialmeta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One readable regression test per item of issue 15 ("Hardening"); each fails on the code before the fix.
 * The same inputs are in the bad-input matrix ({@link BadInputMatrixTest}) and, where a fuzz target reads
 * them, in the Jazzer corpus.
 */
class HardeningTest {

    private static final Path MINIMAL = Path.of("src/test/resources/fixtures/valid/minimal");

    @TempDir
    Path dir;

    /** A copy of the minimal valid trials directory in {@code dir/name}, the trial file edited. */
    private Path trials(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.copy(MINIMAL.resolve("sources.yaml"), d.resolve("sources.yaml"));
        Files.writeString(d.resolve("example.yaml"), edit.apply(Files.readString(MINIMAL.resolve("example.yaml"))));
        return d;
    }

    private static String oneLine(CliRun r) {
        r.assertNoStackTrace();
        assertThat(r.code()).as(r.describe()).isEqualTo(2);
        assertThat(r.errorLines()).as(r.describe()).hasSize(1);
        return r.errorLines().get(0);
    }

    // ------------------------------------------------------------------ 2. CSV formula injection

    @Test
    void formulaLikeNamesAreNeutralisedInEveryTableCellAndHtmlInMarkdownIsText() throws IOException {
        Path t = trials("formula", y -> y.replace("name: Example trial", "name: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"")
                .replace("    name: Drug\n", "    name: \"@SUM(1+1)<img src=x onerror=alert(1)>\"\n"));
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("report", "--trials", t.toString(), "--out", out.toString(), "--formats", "svg");
        assertThat(r.code()).as(r.describe()).isZero();
        String csv = Files.readString(out.resolve("tables/efficacy.csv"));
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "'@SUM(1+1)")
                .doesNotContain(",=HYPERLINK", ",\"=HYPERLINK", ",@SUM");
        String md = Files.readString(out.resolve("tables/efficacy.md"));
        assertThat(md).contains("&lt;img src=x onerror=alert(1)>").doesNotContain("<img");
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(out.resolve("tables/efficacy.docx")))) {
            List<String> cells = doc.getTables().get(0).getRows().stream()
                    .flatMap(row -> row.getTableCells().stream()).map(c -> c.getText()).toList();
            assertThat(cells).anyMatch(c -> c.startsWith("'=HYPERLINK")).noneMatch(c -> c.startsWith("="))
                    .anyMatch(c -> c.startsWith("'@SUM")).noneMatch(c -> c.startsWith("@"));
        }
    }

    // ------------------------------------------------------------------ 3. file contents in messages

    @Test
    void aTrialFileLinkedToAFileOutsideIsRefusedWithoutEchoingIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n".repeat(50));
        Path t = trials("linked", y -> y);
        Files.createSymbolicLink(t.resolve("evil.yaml"), secret);
        for (String command : List.of("validate", "check", "list")) {
            String line = oneLine(CliRun.of(command, "--trials", t.toString()));
            assertThat(line).contains(t.resolve("evil.yaml").toString(), "outside the trials directory")
                    .doesNotContain("root:x");
        }
    }

    @Test
    void aFileThatIsOneLongScalarIsCutAndNamesNoClass() throws IOException {
        Path t = trials("scalar", y -> "root:x:0:0:root:/root:/bin/bash " .repeat(200));
        String line = oneLine(CliRun.of("validate", "--trials", t.toString()));
        assertThat(line).contains("'root:x:0:0:root", "\u2026 (", "characters)", "(expected a mapping)")
                .doesNotContain("org.trialmeta", "TrialDto", "Cannot construct");
        assertThat(line.length()).isLessThan(300);
    }

    @Test
    void aTwoMegabyteKeyIsNotEchoedAndNamesNoClass() throws IOException {
        Path t = trials("key", y -> "x".repeat(2_000_000) + ": 1\n");
        String line = oneLine(CliRun.of("validate", "--trials", t.toString()));
        assertThat(line).doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "org.trialmeta", "TrialDto", "$");
        assertThat(line.length()).isLessThan(300);
    }

    // ------------------------------------------------------------------ 4. validate and report see the same files

    @Test
    void validateAndReportRefuseTheSameSpecialEntries() throws IOException, InterruptedException {
        Path dangling = trials("dangling", y -> y);
        Files.createSymbolicLink(dangling.resolve("x.yaml"), dir.resolve("nothing-here.yaml"));
        Path directory = trials("directory", y -> y);
        Files.createDirectory(directory.resolve("x.yaml"));
        Path zero = trials("zero", y -> y);
        Files.createSymbolicLink(zero.resolve("x.yaml"), Path.of("/dev/zero"));
        Path fifo = trials("fifo", y -> y);
        new ProcessBuilder("mkfifo", fifo.resolve("x.yaml").toString()).start().waitFor();
        for (Path t : List.of(dangling, directory, zero, fifo)) {
            if (!Files.exists(t.resolve("x.yaml"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue; // no mkfifo on this system
            }
            String validate = oneLine(assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> CliRun.of("validate", "--trials", t.toString())));
            Path out = dir.resolve("out-" + t.getFileName());
            String report = oneLine(assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> CliRun.of("report", "--trials", t.toString(), "--out", out.toString(), "--formats", "svg")));
            assertThat(report).isEqualTo(validate).contains(t.resolve("x.yaml").toString());
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void aLinkToAFileInsideTheDirectoryIsRead() throws IOException {
        Path t = trials("inside", y -> y);
        Files.createDirectory(t.resolve("sub"));
        Files.move(t.resolve("example.yaml"), t.resolve("sub/example.yaml"));
        Files.createSymbolicLink(t.resolve("example.yaml"), Path.of("sub/example.yaml"));
        CliRun r = CliRun.of("validate", "--trials", t.toString());
        assertThat(r.code()).as(r.describe()).isZero();
        assertThat(r.out()).contains("1 trials");
    }

    // ------------------------------------------------------------------ 5. huge scalars

    @Test
    void aNineMegabyteScalarIsRefusedInWellUnderASecond() throws IOException {
        Path line = trials("one-line", y -> y.replace("name: Example trial", "name: Example trial\nnote: "
                + "x".repeat(9_000_000)));
        Path key = trials("key-line", y -> y + "x".repeat(9_000_000) + ": 1\n");
        Path lines = trials("many-lines", y -> y.replace("name: Example trial", "name: Example trial\nnote: >\n"
                + ("  " + "y".repeat(78) + "\n").repeat(110_000)));
        org.trialmeta.repository.TrialLoader.loadDirectory(trials("warm-up", y -> y)); // class loading is not timed
        for (Path t : List.of(line, key)) {
            long t0 = System.nanoTime();
            String message = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> oneLine(CliRun.of("validate",
                    "--trials", t.toString())));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(message).contains("limit 65536 bytes per line");
            assertThat(seconds).as("refused in %s s", seconds).isLessThan(2); // 48-87 s before (well under 1 s idle)
        }
        assertThat(oneLine(CliRun.of("validate", "--trials", lines.toString())))
                .contains("note: text of", "limit 65536 characters per value");
    }

    // ------------------------------------------------------------------ 8. smaller

    @Test
    void devZeroAndUrandomAsInputAreOneLineNotAnOutOfMemoryError() {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            if (!Files.exists(Path.of(device))) {
                continue;
            }
            String line = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> oneLine(CliRun.of("pool", "--input",
                    device, "--measure", "OR")));
            assertThat(line).startsWith("trialmeta: " + device + ": ");
        }
    }

    @Test
    void medianCompareWithAHugeMedianIsExit2NotAnInternalError() {
        assertThat(oneLine(CliRun.of("median-compare", "--treated", "1e308", "--control", "1")))
                .contains("--treated", "1e308", "1e15");
        assertThat(oneLine(CliRun.of("median-compare", "--treated", "10", "--control", "5", "--treated-ci", "9,1e300")))
                .contains("--treated-ci", "1e15");
    }

    @Test
    void lineBreaksAndBidiControlsInNamesAreEscapedOnTheOneLine() throws IOException {
        Path t = trials("bidi", y -> y.replace("responders: 11", "responders: 27"));
        Files.move(t.resolve("example.yaml"), t.resolve("evil\u202Eexample\nnext.yaml"));
        CliRun r = CliRun.of("validate", "--trials", t.toString());
        String line = oneLine(r);
        assertThat(line).contains("evil\\u202Eexample\\nnext.yaml").doesNotContain("\u202E");
        Path csv = Files.writeString(dir.resolve("pool.csv"), "study,ai,n1i,ci,n2i\nA\u2066,1\u202E2,10,3,10\n",
                StandardCharsets.UTF_8);
        assertThat(oneLine(CliRun.of("pool", "--input", csv.toString(), "--measure", "OR")))
                .contains("'1\\u202E2'").doesNotContain("\u202E");
        Path missing = dir.resolve("no\nsuch\u202E.csv");
        assertThat(oneLine(CliRun.of("pool", "--input", missing.toString(), "--measure", "OR")))
                .contains("no\\nsuch\\u202E.csv");
    }
}

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

    // ------------------------------------------------------------------ 6. partial output

    @Test
    void aLongTrialIdGivesSafeFigureNamesAndAWholeReport() throws IOException {
        // the curated MC38 study with a 300-character id: its median-survival figure is named after the id
        Path t = Files.createDirectories(dir.resolve("long-id"));
        try (Stream<Path> s = Files.list(Path.of("trials"))) {
            for (Path f : s.toList()) {
                Files.writeString(t.resolve(f.getFileName()), Files.readString(f).replace("id: mc38\n",
                        "id: " + "a".repeat(300) + "\n"));
            }
        }
        assertThat(Files.readString(t.resolve("mc38.yaml"))).contains("a".repeat(300));
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("report", "--trials", t.toString(), "--out", out.toString(), "--formats", "png,svg");
        assertThat(r.code()).as(r.describe()).isZero(); // before: exit 1 "File name too long", 3 figures left behind
        assertThat(CliRun.files(out.resolve("figures"))).contains("a".repeat(48) + "-9835fa6b-median-survival.svg")
                .allMatch(n -> n.length() < 100);
        assertThat(Files.readString(out.resolve("index.html"))).contains("figures/" + "a".repeat(48)
                + "-9835fa6b-median-survival.svg");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".report-"));
        }
    }

    @Test
    void figuresOfFormatsNotRequestedAgainDoNotLinger() throws IOException {
        Path t = trials("formats", y -> y);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("README.txt"), "mine");
        assertThat(CliRun.of("report", "--trials", t.toString(), "--out", out.toString(), "--formats", "png,svg").code())
                .isZero();
        assertThat(CliRun.files(out.resolve("figures"))).anyMatch(f -> f.endsWith(".png"));
        Files.writeString(out.resolve("figures/stale-from-an-old-run.svg"), "<svg/>");
        assertThat(CliRun.of("report", "--trials", t.toString(), "--out", out.toString(), "--formats", "svg").code())
                .isZero();
        assertThat(CliRun.files(out.resolve("figures"))).isNotEmpty().allMatch(f -> f.endsWith(".svg"))
                .doesNotContain("stale-from-an-old-run.svg");
        assertThat(out.resolve("README.txt")).hasContent("mine");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".report-"));
        }
    }

    // ------------------------------------------------------------------ 7. output path surprises

    @Test
    void outputPathsThatWouldOverwriteInputsAreRefused() throws IOException {
        Path t = trials("trials", y -> y);
        Path cwdIndex = Path.of("index.html");
        assertThat(cwdIndex).as("the test runs where no index.html is").doesNotExist();
        assertThat(oneLine(CliRun.of("report", "--trials", t.toString(), "--out", "", "--formats", "svg")))
                .contains("--out", "empty path");
        assertThat(cwdIndex).doesNotExist();
        assertThat(oneLine(CliRun.of("report", "--trials", t.toString(), "--out", t.toString(), "--formats", "svg")))
                .contains("is the trials directory");
        assertThat(oneLine(CliRun.of("report", "--trials", t.toString(), "--out", t.resolve("r").toString())))
                .contains("inside the trials directory");
        assertThat(oneLine(CliRun.of("report", "--trials", t.toString(), "--out", dir.toString())))
                .contains("contains the trials directory");
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(linked.resolve("figures"), elsewhere);
        assertThat(oneLine(CliRun.of("report", "--trials", t.toString(), "--out", linked.toString(), "--formats", "svg")))
                .contains(linked.resolve("figures").toString(), "symbolic link");
        assertThat(CliRun.files(elsewhere)).isEmpty();
        assertThat(CliRun.files(t)).containsExactly("example.yaml", "sources.yaml");

        Path curve = Files.writeString(dir.resolve("c.csv"), "time,survival\n0,1\n5,0.5\n10,0.3\n");
        Path risk = Files.writeString(dir.resolve("r.csv"), "time,n_risk\n0,20\n5,10\n");
        String curveBefore = Files.readString(curve);
        assertThat(oneLine(CliRun.of("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                curve.toString()))).contains("--out", "--curve");
        assertThat(oneLine(CliRun.of("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve(".").resolve("r.csv").toString()))).contains("--out", "--at-risk");
        assertThat(curve).hasContent(curveBefore);
        Path km = Files.writeString(dir.resolve("km.svg"), "time,event\n1,1\n2,0\n3,1\n");
        assertThat(oneLine(CliRun.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--plot",
                km.toString()))).contains("--plot", "--input");
        assertThat(km).hasContent("time,event\n1,1\n2,0\n3,1\n");
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

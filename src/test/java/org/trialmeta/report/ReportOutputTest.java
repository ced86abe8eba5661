package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.InputException;

/** The report is written all or nothing, and file names made from ids are safe (issue 15). */
class ReportOutputTest {

    @TempDir
    Path dir;

    private static Map<String, Report.Content> files(String... namesAndTexts) {
        Map<String, Report.Content> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            byte[] bytes = namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8);
            m.put(namesAndTexts[i], out -> out.write(bytes));
        }
        return m;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    private Stream<String> siblings() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    @Test
    void aFailureLeavesTheOldReportWholeAndNoStagingDirectory() throws IOException {
        Path out = dir.resolve("out");
        ReportOutput.write(files("index.html", "old", "figures/a.svg", "old a", "tables/t.csv", "old t"), out);
        // a name the file system refuses, after other files were written: nothing of the new report appears
        Map<String, Report.Content> bad = files("index.html", "new", "figures/a.svg", "new a",
                "figures/" + "b".repeat(300) + ".svg", "too long");
        assertThatThrownBy(() -> ReportOutput.write(bad, out)).isInstanceOf(InputException.class)
                .hasMessageContaining("cannot write " + out).hasMessageContaining("file name too long");
        assertThat(read(out.resolve("index.html"))).isEqualTo("old");
        assertThat(read(out.resolve("figures/a.svg"))).isEqualTo("old a");
        assertThat(read(out.resolve("tables/t.csv"))).isEqualTo("old t");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void aFileThatFailsWhileItIsMadeLeavesTheOldReportWhole() throws IOException {
        Path out = dir.resolve("out");
        ReportOutput.write(files("index.html", "old", "analysis.json", "{}"), out);
        Map<String, Report.Content> bad = new LinkedHashMap<>(files("index.html", "new"));
        bad.put("analysis.json", o -> {
            o.write(new byte[100_000]); // half written, then the disk is full
            throw new java.io.UncheckedIOException(new IOException("No space left on device"));
        });
        assertThatThrownBy(() -> ReportOutput.write(bad, out)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot write " + out + ": No space left on device");
        assertThat(read(out.resolve("index.html"))).isEqualTo("old");
        assertThat(read(out.resolve("analysis.json"))).isEqualTo("{}");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void figuresAndTablesAreReplacedAsAWholeAndOtherFilesKept() throws IOException {
        Path out = dir.resolve("out");
        ReportOutput.write(files("index.html", "1", "figures/a.png", "png", "figures/a.svg", "svg"), out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        ReportOutput.write(files("index.html", "2", "figures/a.svg", "svg 2", "analysis.json", "{}"), out);
        try (Stream<Path> s = Files.list(out.resolve("figures"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("a.svg");
        }
        assertThat(read(out.resolve("index.html"))).isEqualTo("2");
        assertThat(read(out.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void aNewOutputDirectoryAppearsWhole() throws IOException {
        Path out = dir.resolve("a/b/out");
        assertThat(ReportOutput.write(files("index.html", "x", "tables/t.md", "t"), out))
                .containsExactly(out.resolve("index.html"), out.resolve("tables/t.md"));
        assertThat(read(out.resolve("tables/t.md"))).isEqualTo("t");
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                    .isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void anOutputTheReportCannotOwnIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("index.html"));
        assertThatThrownBy(() -> ReportOutput.check(out)).isInstanceOf(InputException.class)
                .hasMessageContaining("index.html: it is a directory");
        Path out2 = Files.createDirectories(dir.resolve("out2"));
        Files.createSymbolicLink(out2.resolve("tables"), Files.createDirectories(dir.resolve("elsewhere")));
        assertThatThrownBy(() -> ReportOutput.write(files("tables/t.csv", "x"), out2)).isInstanceOf(InputException.class)
                .hasMessageContaining("symbolic link");
        assertThat(dir.resolve("elsewhere")).isEmptyDirectory();
    }

    @Test
    void fileNamesFromIds() {
        assertThat(FileNames.of("mc38")).isEqualTo("mc38");
        assertThat(FileNames.of("a".repeat(64))).isEqualTo("a".repeat(64));
        String long1 = FileNames.of("a".repeat(300));
        String long2 = FileNames.of("a".repeat(301));
        assertThat(long1).isEqualTo("a".repeat(48) + "-9835fa6b").isNotEqualTo(long2);
        assertThat(long2).hasSize(57);
        assertThat(FileNames.of("../etc/Passwd x")).matches("[a-z0-9._-]+").doesNotStartWith(".");
        assertThat(FileNames.of("A")).isNotEqualTo(FileNames.of("a"));
    }
}

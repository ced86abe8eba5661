package org.trialmeta.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trialmeta.check.ScanCheck;
import org.trialmeta.check.ScanFinding;
import org.trialmeta.check.ScanReport;
import org.trialmeta.check.Severity;
import org.trialmeta.document.DocumentFormat;
import org.trialmeta.document.DocumentText;

/**
 * The measured detection of {@code scan} on the cited corpus (src/test/resources/scan/SOURCES.md): every clean
 * passage gives no finding at warning or error (a false alarm), and each injected error of injections.tsv is
 * caught (a finding of one of its rules at warning or error) or missed. The table in docs/reviewer-check.md is
 * what this test measures: it fails, printing the fresh table, when they differ.
 */
class ScanCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/scan/corpus");
    private static final Path INJECTIONS = Path.of("src/test/resources/scan/injections.tsv");
    private static final Path DOC = Path.of("docs/reviewer-check.md");
    private static final String BEGIN = "<!-- scan-corpus-table: written by ScanCorpusTest -->";
    private static final String END = "<!-- /scan-corpus-table -->";

    record Injection(String id, String kind, String passage, String from, String to, List<String> rules) {}

    static List<Injection> injections() throws IOException {
        List<Injection> out = new ArrayList<>();
        for (String line : Files.readAllLines(INJECTIONS, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            out.add(new Injection(c[0], c[1], c[2], c[3].replace("\\n", "\n"), c[4].replace("\\n", "\n"),
                    List.of(c[5].split(","))));
        }
        return out;
    }

    static ScanReport scan(String name, String text) {
        return ScanCheck.run(DocumentText.of(name, DocumentFormat.ofFileName(name).orElseThrow(), text));
    }

    static String read(String passage) {
        try {
            return Files.readString(CORPUS.resolve(passage), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void cleanPassagesRaiseNoAlarm() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.sorted().toList()) {
                ScanReport r = scan(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                assertThat(r.atLeast(Severity.WARNING)).as(f.toString()).isEmpty();
                assertThat(r.statistics()).as(f + ": statistics found").isGreaterThan(2);
            }
        }
    }

    @Test
    void everyInjectionAppliesToExactlyOnePlace() throws IOException {
        for (Injection i : injections()) {
            String text = read(i.passage());
            assertThat(text.split(java.util.regex.Pattern.quote(i.from()), -1)).as(i.id()).hasSize(2);
        }
    }

    /** error, warning or missed for one injection. */
    static String outcome(Injection i) {
        ScanReport r = scan(i.passage(), read(i.passage()).replace(i.from(), i.to()));
        String best = "missed";
        for (ScanFinding f : r.findings()) {
            if (i.rules().contains(f.rule()) && f.severity().atLeast(Severity.WARNING)) {
                best = f.severity() == Severity.ERROR ? "error" : best.equals("error") ? "error" : "warning";
            }
        }
        return best;
    }

    @Test
    void theDocumentedTableIsWhatTheCorpusMeasures() throws IOException {
        Map<String, int[]> byKind = new LinkedHashMap<>();
        StringBuilder misses = new StringBuilder();
        for (Injection i : injections()) {
            int[] c = byKind.computeIfAbsent(i.kind(), k -> new int[4]);
            String o = outcome(i);
            c[0]++;
            switch (o) {
                case "error" -> c[1]++;
                case "warning" -> c[2]++;
                default -> {
                    c[3]++;
                    misses.append(misses.length() == 0 ? "" : ", ").append('`').append(i.id()).append('`');
                }
            }
        }
        long clean = 0;
        int alarms = 0;
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.sorted().toList()) {
                clean++;
                alarms += scan(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8))
                        .atLeast(Severity.WARNING).size();
            }
        }
        StringBuilder t = new StringBuilder(BEGIN).append('\n');
        t.append("| error kind | injected | caught as error | caught as warning | missed |\n|---|---|---|---|---|\n");
        int[] total = new int[4];
        for (Map.Entry<String, int[]> e : byKind.entrySet()) {
            int[] c = e.getValue();
            t.append("| ").append(e.getKey()).append(" | ").append(c[0]).append(" | ").append(c[1]).append(" | ")
                    .append(c[2]).append(" | ").append(c[3]).append(" |\n");
            for (int k = 0; k < 4; k++) {
                total[k] += c[k];
            }
        }
        t.append("| **all** | ").append(total[0]).append(" | ").append(total[1]).append(" | ").append(total[2])
                .append(" | ").append(total[3]).append(" |\n\n");
        t.append("False alarms (findings at warning or error on the ").append(clean)
                .append(" clean passages): ").append(alarms).append(". Missed: ").append(misses.length() == 0 ? "none" : misses).append(".\n");
        t.append(END);
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int a = doc.indexOf(BEGIN);
        int b = doc.indexOf(END);
        assertThat(a).as("docs/reviewer-check.md has the marked table; it should read:%n%s", t).isGreaterThanOrEqualTo(0);
        assertThat(doc.substring(a, b + END.length())).as("docs/reviewer-check.md table; it should read:%n%s", t)
                .isEqualTo(t.toString());
    }
}

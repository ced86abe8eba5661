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
import org.trialmeta.document.DocumentLimits;
import org.trialmeta.document.DocumentReader;
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
    private static final String BEGIN_PDF = "<!-- scan-corpus-table-pdf: written by ScanCorpusTest -->";
    private static final String END_PDF = "<!-- /scan-corpus-table-pdf -->";
    private static final Path PDF = Path.of("src/test/resources/scan/fixtures/corpus-variants.pdf");

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
        return outcome(i, scan(i.passage(), read(i.passage()).replace(i.from(), i.to())));
    }

    @Test
    void theDocumentedTableIsWhatTheCorpusMeasures() throws IOException {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Injection i : injections()) {
            outcomes.put(i.id(), outcome(i));
        }
        List<Integer> alarms = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.sorted().toList()) {
                alarms.add(scan(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8))
                        .atLeast(Severity.WARNING).size());
            }
        }
        assertDocumented(BEGIN, END, table(BEGIN, END, outcomes, alarms));
    }

    /**
     * The same measure on the corpus as a PDF (fixtures/corpus-variants.pdf, made by LibreOffice from the passages
     * and the injections, tables as tables): each variant's text as PDFBox and {@code PdfTables} read it.
     */
    @Test
    void theDocumentedPdfTableIsWhatThePdfCorpusMeasures() throws IOException {
        Map<String, String> variants = pdfVariants();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Injection i : injections()) {
            String text = variants.get(i.id());
            assertThat(text).as("variant " + i.id() + " in " + PDF).isNotNull();
            outcomes.put(i.id(), outcome(i, ScanCheck.run(DocumentText.of(i.passage() + ".pdf", DocumentFormat.PDF,
                    text))));
        }
        List<Integer> alarms = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String text = variants.get(name);
                assertThat(text).as("variant " + name + " in " + PDF).isNotNull();
                ScanReport r = ScanCheck.run(DocumentText.of(name + ".pdf", DocumentFormat.PDF, text));
                assertThat(r.statistics()).as(name + " (PDF): statistics found").isGreaterThan(2);
                alarms.add(r.atLeast(Severity.WARNING).size());
            }
        }
        assertDocumented(BEGIN_PDF, END_PDF, table(BEGIN_PDF, END_PDF, outcomes, alarms));
    }

    /** The text of each variant of the PDF corpus, by name (the lines after its "@@variant NAME" line). */
    static Map<String, String> pdfVariants() {
        String text = DocumentReader.read(PDF, DocumentLimits.DEFAULTS).text().toString();
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("@@variant ")) {
                if (name != null) {
                    out.put(name, b.toString());
                }
                name = line.substring("@@variant ".length()).strip();
                b.setLength(0);
            } else if (name != null) {
                b.append(line).append('\n');
            }
        }
        if (name != null) {
            out.put(name, b.toString());
        }
        return out;
    }

    static String outcome(Injection i, ScanReport r) {
        String best = "missed";
        for (ScanFinding f : r.findings()) {
            if (i.rules().contains(f.rule()) && f.severity().atLeast(Severity.WARNING)) {
                best = f.severity() == Severity.ERROR ? "error" : best.equals("error") ? "error" : "warning";
            }
        }
        return best;
    }

    private static String table(String begin, String end, Map<String, String> outcomes, List<Integer> alarms)
            throws IOException {
        Map<String, int[]> byKind = new LinkedHashMap<>();
        StringBuilder misses = new StringBuilder();
        for (Injection i : injections()) {
            int[] c = byKind.computeIfAbsent(i.kind(), k -> new int[4]);
            String o = outcomes.get(i.id());
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
        int alarmCount = alarms.stream().mapToInt(Integer::intValue).sum();
        StringBuilder t = new StringBuilder(begin).append('\n');
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
        t.append("False alarms (findings at warning or error on the ").append(alarms.size())
                .append(" clean passages): ").append(alarmCount).append(". Missed: ")
                .append(misses.length() == 0 ? "none" : misses).append(".\n");
        t.append(end);
        return t.toString();
    }

    private static void assertDocumented(String begin, String end, String t) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int a = doc.indexOf(begin);
        int b = doc.indexOf(end);
        assertThat(a).as("docs/reviewer-check.md has the marked table; it should read:%n%s", t).isGreaterThanOrEqualTo(0);
        assertThat(doc.substring(a, b + end.length())).as("docs/reviewer-check.md table; it should read:%n%s", t)
                .isEqualTo(t);
    }
}

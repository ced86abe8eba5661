package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.cli.Run.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.repository.Json;

/** {@code trialmeta scan}: formats, exit codes, the annotated copy, and every document format on the MPACT fixtures. */
class ScanCommandTest {

    private static final Path FIXTURES = Path.of("src/test/resources/scan/fixtures");
    private static final Path CORPUS = Path.of("src/test/resources/scan/corpus");

    @TempDir
    Path dir;

    @Test
    void aCleanPaperExitsZeroAndListsWhatWasRecomputed() {
        Run r = run("scan", CORPUS.resolve("keynote189-nejm-2018-abstract.txt").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("p-from-ci", "ratio-ci-symmetry", "median-vs-hr",
                "the CI implies p = 8.1e-08, consistent with the printed p < 0.001", "0 errors, 0 warnings");
    }

    @Test
    void anErrorExitsOneWithQuoteLineReportedRecomputedAndRule() throws IOException {
        Path paper = dir.resolve("paper.md");
        Files.writeString(paper, Files.readString(CORPUS.resolve("mpact-nejm-2013-abstract.txt"))
                .replace("0.58 to 0.82; P<0.001", "0.58 to 0.82; P=0.34"), StandardCharsets.UTF_8);
        Run r = run("scan", paper.toString(), "--min-severity", "error");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("[error] line 1: \"hazard ratio for disease progression or death, 0.69; 95% CI,"
                + " 0.58 to 0.82; P=0.34\"",
                "the CI implies p = 2.7e-05 but the source prints p = 0.34",
                "reported:   HR 0.69 (95% CI 0.58-0.82), p = 0.34",
                "recomputed: p = 2.7e-05 from the CI",
                "rule:       p-from-ci: A p-value printed with a ratio agrees with the p-value its CI implies");
        assertThat(r.out()).doesNotContain("[info]");
    }

    @Test
    void jsonHasSnakeCaseKeysAndEveryFinding() throws IOException {
        Run r = run("scan", CORPUS.resolve("checkmate026-nejm-2017-table2.md").toString(), "--format", "json");
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("document", "format", "pages", "statistics",
                "claimed_ci_method", "counts", "min_severity", "findings");
        assertThat(j.get("claimed_ci_method").asText()).isEqualTo("clopper-pearson");
        assertThat(j.get("findings").get(0).fieldNames()).toIterable().containsExactly("severity", "rule", "page",
                "line", "quote", "reported", "recomputed", "rule_text", "message");
        assertThat(j.get("counts").get("error").asInt()).isZero();
    }

    @Test
    void theAnnotatedCopyHighlightsEveryStatisticAndIsSelfContained() throws IOException {
        Path paper = dir.resolve("paper.txt");
        Files.writeString(paper, "Median PFS was 8.8 months (95% CI, 7.6 to 9.2) vs 4.9 months (95% CI, 4.7 to 5.5)"
                + " (HR 1.92; 95% CI 1.56 to 2.33; P<0.001). <script>alert(1)</script> Grade 3 events: 12 (5%).",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("annotated.html");
        Run r = run("scan", paper.toString(), "--out", out.toString(), "--min-severity", "warning");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("trialmeta: wrote " + out);
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).contains("<mark id=\"m1\" class=\"error\"", "title=\"[error] median-vs-hr: the first arm has",
                "class=\"note\"", "Content-Security-Policy", "default-src 'none'", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<mark id=\"m4\" class=\"none\"");
        assertThat(html).doesNotContain("<script>alert", "http://", "https://", "src=");
        assertThat(CliFiles.list(dir)).containsExactly("annotated.html", "paper.txt");
        // --format html prints the same page
        assertThat(run("scan", paper.toString(), "--format", "html").out()).isEqualTo(html);
    }

    @Test
    void everyFormatOfTheMpactPaperGivesTheSameStatistics() {
        // the PDF's table is rebuilt from the text's positions (document.PdfTables), so its rows pair as in the others
        for (String f : new String[] {"mpact-paper.html", "mpact-paper.docx", "mpact-paper.pdf"}) {
            Run r = run("scan", FIXTURES.resolve(f).toString());
            assertThat(r.code()).as(f + r.err()).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).as(f).contains("0 errors, 0 warnings, 34 info in 33 statistics found",
                    "CR + PR = 1 + 98 = 99", "reproduced from 99/431");
        }
        Run pdf = run("scan", FIXTURES.resolve("mpact-paper.pdf").toString());
        assertThat(pdf.out()).contains("(pdf, 3 pages)", "p. 2, line 7", "the CI implies p = 1.0e-05");
    }

    @Test
    void usageErrorsAreOneLine() {
        Run fmt = run("scan", CORPUS.resolve("mpact-nejm-2013-abstract.txt").toString(), "--format", "md");
        assertThat(fmt.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(fmt.err()).isEqualTo("trialmeta: --format: 'md' (allowed: table, json, html)\n");
        Run missing = run("scan", dir.resolve("nope.pdf").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).endsWith("nope.pdf: file not found\n");
    }
}

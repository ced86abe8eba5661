package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.check.CheckOptions;
import org.trialmeta.check.CheckReport;
import org.trialmeta.check.Finding;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.check.Rule;
import org.trialmeta.check.Severity;
import org.trialmeta.repository.Json;
import org.trialmeta.repository.TrialLoader;

/** The reviewer check's findings as JSON (snake_case keys), Markdown, the text table and the HTML fragment. */
class CheckTextTest {

    private static final CheckReport CURATED = ReviewerCheck.run(TrialLoader.loadDirectory(Path.of("trials")));

    private static CheckReport synthetic() {
        Finding e = new Finding(Severity.ERROR, "grim", "t<1>", "arm/sub|g/cut/ORR", "45% of 7", "none",
                Rule.GRIM.sentence(), "a \"quoted\" <b>tag</b> & 'x'", List.of(new Finding.Citation("s1", "Doe & Roe 2020")));
        Finding i = new Finding(Severity.INFO, "unconfirmed", "t<1>", "f", "", "", Rule.UNCONFIRMED.sentence(), "m",
                List.of());
        return new CheckReport(List.of(e, i), CheckOptions.DEFAULTS);
    }

    @Test
    void htmlFragmentIsATableWithSeverityClassesAndEscapedText() {
        String html = CheckText.htmlFragment(synthetic(), Severity.INFO);
        assertThat(html).startsWith("<section class=\"reviewer-check\">").endsWith("</section>\n")
                .contains("<table class=\"check-findings\">", "<tr class=\"severity-error\">",
                        "<tr class=\"severity-info\">", "<span class=\"severity-error\">1 error</span>",
                        "t&lt;1&gt;", "a &quot;quoted&quot; &lt;b&gt;tag&lt;/b&gt; &amp; &#39;x&#39;",
                        "title=\"s1 (Doe &amp; Roe 2020)\"")
                .doesNotContain("<b>tag", "<html", "<head");
        assertThat(CheckText.htmlFragment(synthetic(), Severity.ERROR)).doesNotContain("severity-info\"><td>")
                .doesNotContain("<details");
    }

    @Test
    void htmlFragmentListsErrorsAndWarningsFirstAndCollapsesTheInfoFindings() {
        Finding info = new Finding(Severity.INFO, "grim", "a", "f1", "", "", Rule.GRIM.sentence(), "i", List.of());
        Finding warning = new Finding(Severity.WARNING, "grim", "b", "f2", "", "", Rule.GRIM.sentence(), "w", List.of());
        Finding error = new Finding(Severity.ERROR, "grim", "c", "f3", "", "", Rule.GRIM.sentence(), "e", List.of());
        String html = CheckText.htmlFragment(new CheckReport(List.of(info, warning, error), CheckOptions.DEFAULTS),
                Severity.INFO);
        int summary = html.indexOf("class=\"check-summary\"");
        int issues = html.indexOf("id=\"" + CheckText.ISSUES_ID + "\"");
        int err = html.indexOf("<tr class=\"severity-error\">");
        int warn = html.indexOf("<tr class=\"severity-warning\">");
        int details = html.indexOf("<details class=\"check-info\" id=\"" + CheckText.INFO_ID + "\">");
        int inf = html.indexOf("<tr class=\"severity-info\">");
        assertThat(List.of(summary, issues, err, warn, details, inf)).doesNotContain(-1).isSorted();
        assertThat(html).contains("Errors and warnings (2)", "<summary>Info findings (1)")
                .doesNotContain("<details open");
        String none = CheckText.htmlFragment(new CheckReport(List.of(info), CheckOptions.DEFAULTS), Severity.INFO);
        assertThat(none).contains("Errors and warnings (0)", "No errors and no warnings.", "id=\"check-info\"");
        assertThat(CheckText.htmlCounts(new CheckReport(List.of(info, warning, error), CheckOptions.DEFAULTS)))
                .isEqualTo("<span class=\"severity-error\">1 error</span>, <span class=\"severity-warning\">1 warning"
                        + "</span>, <span class=\"severity-info\">1 info</span>");
    }

    @Test
    void htmlOfCuratedDataListsTheWarnings() {
        String html = CheckText.htmlFragment(CURATED, Severity.WARNING);
        assertThat(html.split("<tr class=\"severity-warning\">", -1)).hasSize(CURATED.count(Severity.WARNING) + 1);
        assertThat(html).contains("interim-vs-final", "same-figure").doesNotContain("<tr class=\"severity-info\">");
    }

    @Test
    void theOneHtmlEscaperEscapesBothQuotes() {
        assertThat(Escape.html("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void markdownEscapesPipesAndListsRulesAndSources() {
        String md = CheckText.markdown(synthetic(), Severity.INFO);
        assertThat(md).startsWith("## Reviewer check\n\n1 error, 0 warnings, 1 info")
                .contains("| **error** | `grim` |", "arm/sub\\|g/cut/ORR", "- `grim`: ", "- s1: Doe & Roe 2020");
        assertThat(md.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(3);
        assertThat(CheckText.markdown(synthetic(), Severity.ERROR).lines().filter(l -> l.startsWith("| ")).count())
                .isEqualTo(2);
    }

    @Test
    void tableNumbersTheFindingsThenGivesTheCounts() {
        String t = CheckText.table(synthetic(), Severity.INFO);
        assertThat(t).containsPattern("(?m)^#\\s+severity\\s+rule\\s+trial\\s+field$")
                .contains("1. [error] t<1> arm/sub|g/cut/ORR: a \"quoted\" <b>tag</b> & 'x'\n   reported:   45% of 7\n"
                        + "   recomputed: none\n", "2. [info] t<1> f: m\n")
                .endsWith("\n1 error, 0 warnings, 1 info\n");
        assertThat(CheckText.table(new CheckReport(List.of(), CheckOptions.DEFAULTS), Severity.INFO))
                .isEqualTo("0 errors, 0 warnings, 0 info\n");
    }

    @Test
    void jsonCarriesCountsOverAllFindingsAndTheListedOnesInSnakeCase() throws Exception {
        JsonNode j = Json.mapper().readTree(Json.write(CheckSummary.of(CURATED, Severity.WARNING)));
        assertThat(j.get("counts").get("error").asInt()).isZero();
        assertThat(j.get("counts").get("warning").asInt()).isEqualTo(CURATED.count(Severity.WARNING));
        assertThat(j.get("counts").get("info").asInt()).isEqualTo(CURATED.count(Severity.INFO));
        assertThat(j.get("min_severity").asText()).isEqualTo("warning");
        assertThat(j.get("findings")).hasSize(CURATED.count(Severity.WARNING));
        JsonNode f = j.get("findings").get(0);
        List<String> keys = new java.util.ArrayList<>();
        f.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("severity", "rule", "trial", "field", "reported", "recomputed", "rule_text",
                "message", "sources");
        assertThat(f.get("sources").get(0).has("citation")).isTrue();
    }

    @Test
    void summaryCountsEverySeverity() {
        assertThat(CheckText.summary(CURATED)).matches("0 errors, \\d+ warnings?, \\d+ info");
    }
}

package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.repository.Json;

/** JSON, Markdown and the HTML fragment. */
class CheckReportRenderingTest {

    private static final CheckReport CURATED = ReviewerCheck.run(CheckFixtures.curated());

    private static CheckReport synthetic() {
        Finding e = new Finding(Severity.ERROR, "grim", "t<1>", "arm/sub|g/cut/ORR", "45% of 7", "none",
                Rule.GRIM.sentence(), "a \"quoted\" <b>tag</b> & 'x'", List.of(new Finding.Citation("s1", "Doe & Roe 2020")));
        Finding i = new Finding(Severity.INFO, "unconfirmed", "t<1>", "f", "", "", Rule.UNCONFIRMED.sentence(), "m",
                List.of());
        return new CheckReport(List.of(e, i), CheckOptions.DEFAULTS);
    }

    @Test
    void htmlFragmentIsATableWithSeverityClassesAndEscapedText() {
        String html = synthetic().toHtmlFragment(Severity.INFO);
        assertThat(html).startsWith("<section class=\"reviewer-check\">").endsWith("</section>\n")
                .contains("<table class=\"check-findings\">", "<tr class=\"severity-error\">",
                        "<tr class=\"severity-info\">", "<span class=\"severity-error\">1 error</span>",
                        "t&lt;1&gt;", "a &quot;quoted&quot; &lt;b&gt;tag&lt;/b&gt; &amp; &#39;x&#39;",
                        "title=\"s1 (Doe &amp; Roe 2020)\"")
                .doesNotContain("<b>tag", "<html", "<head");
        assertThat(synthetic().toHtmlFragment(Severity.ERROR)).doesNotContain("severity-info\"><td>");
    }

    @Test
    void htmlOfCuratedDataListsTheWarnings() {
        String html = CURATED.toHtmlFragment(Severity.WARNING);
        assertThat(html.split("<tr class=\"severity-warning\">", -1)).hasSize(CURATED.count(Severity.WARNING) + 1);
        assertThat(html).contains("interim-vs-final", "same-figure").doesNotContain("<tr class=\"severity-info\">");
    }

    @Test
    void markdownEscapesPipesAndListsRulesAndSources() {
        String md = synthetic().toMarkdown(Severity.INFO);
        assertThat(md).startsWith("## Reviewer check\n\n1 error, 0 warnings, 1 info")
                .contains("| **error** | `grim` |", "arm/sub\\|g/cut/ORR", "- `grim`: ", "- s1: Doe & Roe 2020");
        assertThat(md.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(3);
        assertThat(synthetic().toMarkdown(Severity.ERROR).lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(2);
    }

    @Test
    void jsonCarriesCountsOverAllFindingsAndTheListedOnes() throws Exception {
        JsonNode j = Json.mapper().readTree(CURATED.toJson(Severity.WARNING));
        assertThat(j.get("counts").get("error").asInt()).isZero();
        assertThat(j.get("counts").get("warning").asInt()).isEqualTo(CURATED.count(Severity.WARNING));
        assertThat(j.get("counts").get("info").asInt()).isEqualTo(CURATED.count(Severity.INFO));
        assertThat(j.get("minSeverity").asText()).isEqualTo("warning");
        assertThat(j.get("findings")).hasSize(CURATED.count(Severity.WARNING));
        JsonNode f = j.get("findings").get(0);
        for (String k : List.of("severity", "rule", "trial", "field", "reported", "recomputed", "ruleText", "message",
                "sources")) {
            assertThat(f.has(k)).as(k).isTrue();
        }
        assertThat(f.get("sources").get(0).has("citation")).isTrue();
    }

    @Test
    void severityParsingAndOrder() {
        assertThat(Severity.parse(" Warning ")).isEqualTo(Severity.WARNING);
        assertThat(Severity.ERROR.atLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.atLeast(Severity.WARNING)).isFalse();
        assertThat(CURATED.summary()).matches("0 errors, \\d+ warnings?, \\d+ info");
    }

    @Test
    void everyRuleIdIsStableKebabCase() {
        for (Rule r : Rule.values()) {
            assertThat(r.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(r.sentence()).endsWith(".");
        }
    }
}

package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialmeta.present.Formats;
import org.trialmeta.repository.Json;

/** The {@code orr} and {@code orr-diff} commands: text, JSON and exit codes. */
class OrrCommandTest {


    private static Run run(String... args) {
        return Run.run(args);
    }

    @Test
    void defaultIsClopperPearsonWithPublishedFigures() {
        Run r = run("orr", "--responders", "25", "--n", "57");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("ORR 25/57 = 43.9%, 95% confidence interval")
                .containsPattern("clopper-pearson\\s+43\\.9\\s+30\\.7\\s+57\\.6");
        assertThat(r.out().lines().filter(l -> l.startsWith("wilson"))).isEmpty();
    }

    @Test
    void allListsEveryMethod() {
        Run r = run("orr", "--responders", "11", "--n", "26", "--method", "all", "--level", "90");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("90% confidence interval");
        for (String m : new String[] {"clopper-pearson", "wilson", "wilson-cc", "agresti-coull", "jeffreys", "wald"}) {
            assertThat(r.out()).containsPattern("(?m)^" + m + "\\s");
        }
    }

    @Test
    void jsonCarriesFullPrecisionAndNullsWhenNotEstimable() throws Exception {
        Run r = run("orr", "--responders", "11", "--n", "26", "--format", "json", "--method", "wilson");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("estimate").asDouble()).isEqualTo(11.0 / 26);
        assertThat(j.get("level").asDouble()).isEqualTo(95.0);
        assertThat(j.get("intervals").get(0).get("method").asText()).isEqualTo("wilson");
        // prop.test(11, 26, correct = FALSE)$conf.int
        assertThat(j.get("intervals").get(0).get("lower").asDouble()).isCloseTo(0.25544443313656567, within(1e-12));

        JsonNode empty = Json.mapper().readTree(run("orr", "--responders", "0", "--n", "0", "--format", "json").out());
        assertThat(empty.get("estimate").isNull()).isTrue();
        assertThat(empty.get("intervals").get(0).get("lower").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--responders 27 --n 26|--responders: 27 > --n 26",
        "--responders -1 --n 26|--responders: -1 (must not be negative)",
        "--responders 1 --n -3|--n: -3 (must not be negative)",
        "--responders 1 --n 26 --level 100|--level: 100 (must be a percentage strictly between 1 and 100, e.g. 95)",
        "--responders 1 --n 26 --level 0|--level: 0 (must be a percentage strictly between 1 and 100",
        "--responders 1 --n 26 --method exact|--method: 'exact' is not one of",
        "--responders x --n 26|Invalid value for option '--responders'",
    })
    void invalidInputIsOneLineAndExitTwo(String args, String message) {
        Run r = run(("orr " + args).split(" "));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).startsWith("trialmeta: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void orrDiffTableShowsEveryMeasureAndTest() {
        Run r = run("orr-diff", "--x1", "25", "--n1", "57", "--x2", "9", "--n2", "52",
                "--label1", "KRAS-mutant", "--label2", "wild-type");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .containsPattern("KRAS-mutant\\s+25\\s+57\\s+43\\.9\\s+\\[30\\.7, 57\\.6\\]")
                .containsPattern("risk difference, pp \\(Newcombe\\)\\s+26\\.6\\s+\\[9\\.2, 41\\.7\\]")
                .contains("Miettinen-Nurminen").contains("risk ratio (log CI)").contains("odds ratio (Woolf CI)")
                .containsPattern("Fisher's exact, two-sided\\s+0\\.0036")
                .containsPattern("chi-square, Yates-corrected\\s+7\\.738\\s+0\\.0054")
                .doesNotContain(Formats.MISSING_MEANING);
    }

    @Test
    void orrDiffTableWritesInfinityAsInfAndNotEstimableAsNe() {
        Run inf = run("orr-diff", "--x1", "5", "--n1", "5", "--x2", "0", "--n2", "8");
        assertThat(inf.code()).isEqualTo(ExitCodes.OK);
        assertThat(inf.out()).containsPattern("odds ratio \\(conditional MLE, exact CI\\)\\s+Inf\\s+\\[\\d+\\.\\d{3}, Inf\\]")
                .containsPattern("Fisher's exact, two-sided\\s+0\\.0008");
        Run none = run("orr-diff", "--x1", "0", "--n1", "10", "--x2", "0", "--n2", "12");
        assertThat(none.out()).containsPattern("risk ratio \\(log CI\\)( \\*)?\\s+NE\\s+NE")
                .containsPattern("Pearson chi-square\\s+NE\\s+NE").endsWith(Formats.MISSING_MEANING + "\n");
        assertThat(none.out().replace(Formats.MISSING_MEANING, "")).doesNotContain("not estimable", "e-0");
    }

    @Test
    void formatAndLevelAreTheSharedOptions() {
        Run xml = run("orr", "--responders", "1", "--n", "2", "--format", "xml");
        assertThat(xml.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(xml.err()).isEqualTo("trialmeta: --format: 'xml' (allowed: table, json)\n");
        Run diff = run("orr-diff", "--x1", "1", "--n1", "2", "--x2", "1", "--n2", "2", "--format", "XML");
        assertThat(diff.err()).isEqualTo("trialmeta: --format: 'XML' (allowed: table, json)\n");
        Run lv = run("orr-diff", "--x1", "1", "--n1", "2", "--x2", "1", "--n2", "2", "--level", "97.5");
        assertThat(lv.out()).contains("97.5% CI (Clopper-Pearson)");
    }

    @Test
    void orrDiffJsonMarksZeroCellsInfinityAndNotEstimable() throws Exception {
        Run r = run("compare-orr", "--x1", "5", "--n1", "5", "--x2", "0", "--n2", "8", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("odds_ratio").get("zero_cell_correction").asBoolean()).isTrue();
        assertThat(j.get("odds_ratio_conditional").get("estimate").isNull()).isTrue();
        assertThat(j.get("odds_ratio_conditional").get("estimate_infinite").asBoolean()).isTrue();
        assertThat(j.get("fisher_pval").asDouble()).isCloseTo(7.770007770007774E-4, within(1e-15));

        JsonNode none = Json.mapper().readTree(run("orr-diff", "--x1", "0", "--n1", "10", "--x2", "0", "--n2", "12",
                "--format", "json").out());
        assertThat(none.get("risk_ratio").get("estimable").asBoolean()).isFalse();
        assertThat(none.get("risk_ratio").get("estimate").isNull()).isTrue();
        assertThat(none.get("chisq").get("pval").isNull()).isTrue();
        assertThat(none.get("fisher_pval").asDouble()).isEqualTo(1.0);
    }

    @Test
    void orrDiffRejectsResponderAboveTotal() {
        Run r = run("orr-diff", "--x1", "5", "--n1", "4", "--x2", "0", "--n2", "8");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo("trialmeta: --x1: 5 > --n1 4 (responders must not exceed patients)\n");
        Run huge = run("orr-diff", "--x1", "5", "--n1", "2000000000", "--x2", "0", "--n2", "2000000000");
        assertThat(huge.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(huge.err()).startsWith("trialmeta: --n1 + --n2: 4000000000 (must not exceed");
    }
}

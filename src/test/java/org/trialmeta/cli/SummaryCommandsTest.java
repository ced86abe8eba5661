package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialmeta.repository.Json;

/** {@code median-compare} and {@code hr-from-summary} against the R hand formulas (src/test/r/cox.R). */
class SummaryCommandsTest {

    /** Relative tolerance (closed-form formulas). */
    private static final double SUMMARY_RELATIVE_TOLERANCE = 1e-12;


    private static Run run(String... args) {
        return Run.run(args);
    }

    private static Map<String, Double> r(String c) throws IOException {
        Map<String, Double> m = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/r/cox/summary.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals(c)) {
                m.put(f[1], Double.parseDouble(f[2]));
            }
        }
        return m;
    }

    private static void close(JsonNode n, double expected) {
        assertThat(n.asDouble()).isCloseTo(expected, withinPercentage(SUMMARY_RELATIVE_TOLERANCE * 100));
    }

    @Test
    void medianCompareJsonMatchesR() throws IOException {
        Run run = run("median-compare", "--treated", "11.2", "--treated-ci", "9.1,13.8", "--control", "8.3",
                "--control-ci", "6.9,10.0", "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode c = Json.mapper().readTree(run.out()).get("contrasts");
        Map<String, Double> r = r("medians");
        close(c.get(0).get("estimate"), r.get("difference"));
        close(c.get(0).get("lower"), r.get("difference_lower"));
        close(c.get(1).get("upper"), r.get("ratio_upper"));
        assertThat(c.get(2).get("measure").asText()).isEqualTo("percent_increase_in_lifespan");
    }

    @Test
    void medianCompareNotReachedIsNotEstimableInTable() {
        Run run = run("median-compare", "--treated", "NR", "--control", "21");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("not estimable: treated median not reached")
                .containsPattern("ratio( +NE){3}\\n");
    }

    @Test
    void jsonKeysAndTheirOrderAreTheContracts() throws IOException {
        JsonNode m = Json.mapper().readTree(run("median-compare", "--treated", "11.2", "--control", "8.3", "--format",
                "json").out());
        assertThat(m.fieldNames()).toIterable().containsExactly("level", "contrasts");
        assertThat(m.get("contrasts").get(0).fieldNames()).toIterable().containsExactly("measure", "estimable",
                "estimate", "lower", "upper", "method", "reason");
        JsonNode h = Json.mapper().readTree(run("hr-from-summary", "--hr", "0.75", "--p", "0.01", "--format", "json")
                .out());
        assertThat(h.fieldNames()).toIterable().containsExactly("estimable", "log_hr", "variance", "se", "hr",
                "hr_lower", "hr_upper", "level", "method", "reason", "p_check");
        assertThat(h.get("p_check").isNull()).isTrue();
    }

    @Test
    void hrFromSummaryGivenACiAndAPUsesTheCiAndSaysWhetherThePAgrees() throws IOException {
        // MPACT OS (NEJM 2013): HR 0.72 (0.62-0.83); the CI implies p = 1.0e-05
        Run agree = run("hr-from-summary", "--hr", "0.72", "--hr-ci", "0.62,0.83", "--p", "0.00001");
        assertThat(agree.code()).as(agree.err()).isEqualTo(ExitCodes.OK);
        assertThat(agree.out()).contains("log HR = -0.328504",
                "p given with the CI: p = 0.00001; the CI implies p < 0.0001 -> agrees");
        Run contradict = run("hr-from-summary", "--hr", "0.72", "--hr-ci", "0.62,0.83", "--p", "0.34");
        assertThat(contradict.code()).isEqualTo(ExitCodes.OK);
        assertThat(contradict.out()).contains("log HR = -0.328504", "p = 0.34", "-> error: does not agree",
                "the CI implies p = 1.0e-05 but the source prints p = 0.34");
        JsonNode j = Json.mapper().readTree(run("hr-from-summary", "--hr", "0.72", "--hr-ci", "0.62,0.83", "--p",
                "0.34", "--format", "json").out());
        assertThat(j.get("p_check").fieldNames()).toIterable().containsExactly("given", "from_ci", "agrees",
                "severity", "message");
        assertThat(j.get("p_check").get("agrees").asBoolean()).isFalse();
        assertThat(j.get("p_check").get("severity").asText()).isEqualTo("error");
        assertThat(j.get("p_check").get("from_ci").asDouble()).isCloseTo(1.0128357336477486e-05,
                org.assertj.core.api.Assertions.withinPercentage(1e-6));
        // the variance still comes from the CI alone
        assertThat(j.get("variance").asDouble()).isCloseTo(0.074416220158239607 * 0.074416220158239607,
                org.assertj.core.api.Assertions.withinPercentage(1e-9));
    }

    @Test
    void hrFromSummaryConvertsATinyPFromTheLowerTailAndPrintsIt() throws IOException {
        // z = -qnorm(p/2) (SciPy norm.isf(5e-21) = 9.33604484923406); 1 - p/2 rounded to 1 gave z = Inf
        JsonNode a = Json.mapper().readTree(run("hr-from-summary", "--hr", "0.5", "--p", "1e-20", "--format", "json")
                .out());
        assertThat(a.get("variance").asDouble()).isCloseTo(0.005512201226712512, withinPercentage(1e-9));
        JsonNode b = Json.mapper().readTree(run("hr-from-summary", "--logrank-p", "1e-20", "--favours", "research",
                "--events", "100", "--format", "json").out());
        assertThat(b.get("log_hr").asDouble()).isCloseTo(-1.867208969846812, withinPercentage(1e-9));
        JsonNode c = Json.mapper().readTree(run("hr-from-summary", "--hr", "0.5", "--p", "1e-300", "--format", "json")
                .out());
        // norm.isf(0.5e-300) = 37.06578788077213
        assertThat(c.get("variance").asDouble()).isCloseTo(Math.pow(Math.log(0.5) / 37.06578788077213, 2),
                withinPercentage(1e-9));
        // a p of 1e-16 given with the CI was refused by the printed-number check (exit 1)
        Run d = run("hr-from-summary", "--hr", "0.5", "--hr-ci", "0.4,0.6", "--p", "1e-16");
        assertThat(d.code()).as(d.err()).isEqualTo(ExitCodes.OK);
        assertThat(d.out()).contains("p given with the CI: p = 1e-16;");
    }

    @Test
    void hrFromSummaryRefusesAZeroPAndInputsItWouldNotUse() {
        for (String[] args : new String[][] {
            {"--hr", "0.5", "--p", "0"},
            {"--hr", "0.5", "--p", "1e-400"},
            {"--logrank-p", "1e-310", "--favours", "research", "--events", "100"},
            {"--hr", "0.8", "--p", "0.03", "--events", "100"},
            {"--hr", "0.8", "--hr-ci", "0.6,0.9", "--ratio", "2"},
            {"--o-minus-e", "-3", "--v", "10", "--favours", "control"},
            {"--logrank-p", "0.01", "--favours", "research", "--events-research", "40", "--events-control", "50",
                "--events", "90"}}) {
            String[] full = new String[args.length + 1];
            full[0] = "hr-from-summary";
            System.arraycopy(args, 0, full, 1, args.length);
            Run r = run(full);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        }
        assertThat(run("hr-from-summary", "--hr", "0.5", "--p", "0").err()).contains("--p: 0 (must be a p-value in (0, 1]");
        assertThat(run("hr-from-summary", "--hr", "0.8", "--p", "0.03", "--events", "100").err())
                .isEqualTo("trialmeta: --events: 100 (not used with --hr and --p: give exactly one set of inputs, see"
                        + " --help)\n");
    }

    @Test
    void hrFromSummaryTableGivesTheHazardRatioWithItsInterval() {
        Run run = run("hr-from-summary", "--hr", "0.75", "--hr-ci", "0.62,0.91");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("log HR = -0.287682, variance = 0.00958262, SE = 0.0978909\n"
                + "HR = 0.7500 (95% CI 0.6191 to 0.9086)\n");
    }

    @Test
    void hrFromSummaryTierneyMethodsMatchR() throws IOException {
        JsonNode a = Json.mapper().readTree(run("hr-from-summary", "--hr", "0.75", "--hr-ci", "0.62,0.91",
                "--format", "json").out());
        close(a.get("log_hr"), r("tierney_a").get("loghr"));
        close(a.get("variance"), r("tierney_a").get("var"));
        JsonNode d = Json.mapper().readTree(run("hr-from-summary", "--logrank-p", "0.01", "--favours", "research",
                "--events", "180", "--ratio", "2", "--format", "json").out());
        close(d.get("log_hr"), r("tierney_d").get("loghr"));
        close(d.get("variance"), r("tierney_d").get("var"));
        JsonNode c = Json.mapper().readTree(run("hr-from-summary", "--o-minus-e", "-12.5", "--v", "60.2",
                "--format", "json").out());
        close(c.get("log_hr"), r("tierney_c").get("loghr"));
        JsonNode e = Json.mapper().readTree(run("hr-from-summary", "--median-treated", "11.2", "--median-control",
                "8.3", "--events-research", "120", "--events-control", "140", "--format", "json").out());
        close(e.get("hr"), r("medians").get("hr_exp"));
        close(e.get("hr_lower"), r("medians").get("hr_exp_lower_events"));
        assertThat(e.get("method").asText()).contains("exponential");
    }

    @Test
    void hrFromSummaryNotReachedAndBadInputs() throws IOException {
        JsonNode nr = Json.mapper().readTree(run("hr-from-summary", "--median-treated", "NR", "--median-control", "8",
                "--events-research", "5", "--events-control", "9", "--format", "json").out());
        assertThat(nr.get("estimable").asBoolean()).isFalse();
        assertThat(nr.get("hr").isNull()).isTrue();
        assertThat(nr.get("reason").asText()).isEqualTo("treated median not reached");
        Run both = run("hr-from-summary", "--hr", "0.7", "--o-minus-e", "-3", "--v", "10");
        assertThat(both.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(both.err()).contains("exactly one");
        Run badCi = run("hr-from-summary", "--hr", "0.5", "--hr-ci", "0.6,0.9");
        assertThat(badCi.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badCi.err()).contains("contain HR 0.5").doesNotContain("Exception");
    }

    /** Option checks shared through {@link OptionChecks}: one line naming the option, the value and the rule. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hr-from-summary --hr -0.7 --p 0.03|--hr: -0.7 (must be a finite number > 0)",
        "hr-from-summary --hr Infinity --p 0.03|--hr: Infinity (must be a finite number > 0)",
        "hr-from-summary --hr 0.7 --p 1.5|--p: 1.5 (must be a p-value in (0, 1])",
        "hr-from-summary --hr 0.7 --events 0|--events: 0 (must be >= 1)",
        "hr-from-summary --hr 0.7 --events 100 --ratio 0|--ratio: 0 (must be a finite number > 0)",
        "hr-from-summary --logrank-p 0 --favours research --events 10|--logrank-p: 0 (must be a p-value in (0, 1]; a p of 0",
        "hr-from-summary --logrank-p 0.03 --favours research --events-research -1 --events-control 5|"
                + "--events-research: -1 (must be >= 0)",
        "hr-from-summary --o-minus-e -3|--o-minus-e and --v must be given together",
        "hr-from-summary --o-minus-e -3 --v 0|--v: 0 (must be a finite number > 0)",
        "hr-from-summary --o-minus-e NaN --v 2|--o-minus-e: NaN (must be a finite number)",
        "hr-from-summary --hr 0.7 --p 0.03 --level 100|--level: 100 (must be a percentage strictly between 1 and 100,"
                + " e.g. 95)",
        "hr-from-summary --hr 0.7 --hr-ci 0.5,0.9 --ci-level 0|--ci-level: 0 (must be a percentage strictly between 1",
        "hr-from-summary --median-treated 8|--median-treated and --median-control must be given together",
        "median-compare --treated 11 --control 8 --level 100.5|--level: 100.5 (must be a percentage strictly between 1",
        "cox --input x.csv --time t --event e --covariate x --level 0|--level: 0 (must be a percentage strictly",
    })
    void invalidOptionIsOneLineNamingOptionValueAndRule(String args, String message) {
        Run r = run(args.split(" "));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).startsWith("trialmeta: ").contains(message).doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }
}

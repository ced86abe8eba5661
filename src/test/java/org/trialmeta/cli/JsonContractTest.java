package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's JSON keeps the one convention (issue 14): snake_case keys, and a value that is missing or not
 * estimable is {@code null} — never a token such as "NA", "NE", "NaN", "Inf" or "-" (those are for text). Runs every
 * analytic command with {@code --format json} on the examples and the curated trials.
 *
 * <p>The one exception is {@code show --format json}: it prints a trial in the trial-file schema (the keys of the
 * YAML files, e.g. {@code registryIds}), so that its output is itself a loadable trial file.
 */
class JsonContractTest {

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Set<String> TEXT_TOKENS = Set.of("NA", "NE", "NaN", "Inf", "-Inf", "Infinity", "-Infinity", "-", "NR");

    @TempDir
    static Path tmp;

    static List<List<String>> invocations() {
        String out = tmp.resolve("ipd.csv").toString();
        return List.of(
                List.of("list"),
                List.of("check"),
                List.of("check", "--trials", "examples/trials-with-curves"),
                List.of("compare", "--trial", "ramp-201"),
                List.of("orr", "--responders", "25", "--n", "57", "--method", "all"),
                List.of("orr-diff", "--x1", "25", "--n1", "57", "--x2", "9", "--n2", "52"),
                List.of("pool", "--input", "examples/bcg-vaccine.csv", "--measure", "RR", "--subgroup", "allocation"),
                List.of("pool", "--input", "examples/bcg-vaccine.csv", "--measure", "OR", "--method", "MH", "--subgroup",
                        "allocation"),
                List.of("pool", "--input", "examples/bcg-vaccine.csv", "--measure", "OR", "--by", "allocation"),
                List.of("pool", "--input", "examples/single-arm-proportions.csv", "--measure", "PLO"),
                List.of("pool", "--input", "examples/single-arm-proportions.csv", "--measure", "PLO", "--method", "GLMM"),
                List.of("pool", "--input", "examples/catheter-infections.csv", "--measure", "OR", "--method", "GLMM"),
                List.of("pool", "--input", "examples/bcg-vaccine.csv", "--measure", "OR", "--method", "GLMM", "--subgroup",
                        "allocation"),
                List.of("pool", "--input", "examples/length-of-stay.csv", "--measure", "SMD"),
                List.of("pool", "--input", "examples/hazard-ratios.csv", "--measure", "HR"),
                List.of("bias", "--input", "examples/bcg.csv", "--measure", "RR"),
                List.of("regress", "--input", "examples/bcg.csv", "--measure", "RR", "--mods", "ablat,alloc", "--test",
                        "knha"),
                List.of("sensitivity", "--input", "examples/bcg.csv", "--measure", "RR", "--influence"),
                List.of("nma", "--input", "examples/smoking-cessation-network.csv", "--measure", "OR", "--model",
                        "random"),
                List.of("revman", "src/test/resources/revman/Fleiss1993.rm5"),
                List.of("revman", "src/test/resources/revman/synthetic.rm5"),
                List.of("km", "--input", "examples/lung-survival.csv", "--time", "time", "--event", "event", "--group", "sex"),
                List.of("cox", "--input", "examples/lung-survival.csv", "--time", "time", "--event", "event", "--covariate",
                        "age"),
                List.of("reconstruct", "--curve", "examples/km-curve-male.csv", "--at-risk", "examples/km-at-risk-male.csv",
                        "--out", out),
                List.of("reconstruct", "--arm", "F=examples/km-curve-female.csv,examples/km-at-risk-female.csv", "--arm",
                        "M=examples/km-curve-male.csv,examples/km-at-risk-male.csv", "--reported-hr", "0.588,0.424,0.816",
                        "--reported-median", "F=NR", "--reported-median", "M=270,212,310", "--bootstrap", "20", "--out",
                        out),
                List.of("digitise", "--image", "src/test/resources/digitise/base-small.png", "--x-range", "0,1000",
                        "--out-dir", tmp.resolve("digitised").toString()),
                List.of("hr-from-summary", "--hr", "0.52", "--hr-ci", "0.31,0.87"),
                List.of("median-compare", "--treated", "22.0", "--control", "12.8"),
                List.of("hr-from-summary", "--hr", "0.72", "--hr-ci", "0.62,0.83", "--p", "0.34"),
                List.of("scan", "src/test/resources/scan/corpus/checkmate026-nejm-2017-table2.md"),
                List.of("scan", "src/test/resources/scan/fixtures/mpact-paper.docx"),
                // registry --format json writes the trial-file schema, the documented exception (as show)
                List.of("check", "--trials", "src/test/resources/fixtures/check/mpact", "--registry",
                        "src/test/resources/registry/nct00844649-constructed.json"));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandsJsonHasSnakeCaseKeysAndNullForMissing() {
        return invocations().stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
            List<String> a = new ArrayList<>(args);
            a.add("--format");
            a.add("json");
            Run r = Run.run(a.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.FAILURE); // check exits 1 on errors found
            JsonNode j = new ObjectMapper().readTree(r.out());
            List<String> problems = new ArrayList<>();
            walk(j, "$", problems);
            assertThat(problems).as(String.join(" ", args)).isEmpty();
        }));
    }

    /** The keys of {@code analysis.json}'s {@code network} object and of the objects under it (issue 21). */
    static final Map<String, List<String>> NETWORK_KEYS = Map.of(
            "network", List.of("principle", "model", "r_call", "level", "endpoints"),
            "endpoint", List.of("endpoint", "measure", "title", "direction", "data", "as_randomised", "pooled"),
            "variant", List.of("controls", "label", "connected", "nodes", "edges", "components", "assumption", "fitted",
                    "estimates", "unlinked", "excluded"),
            "node", List.of("name", "arms", "component", "participants", "trials"),
            "edge", List.of("treatment", "vs", "trials", "statuses", "data"),
            "datum", List.of("trial", "trial_name", "arm", "node", "cut", "cut_label", "cutoff", "responders",
                    "evaluable", "hazard_ratio", "ci_lower", "ci_upper", "ci_level", "comparator_node", "status",
                    "source", "locator"),
            "estimate", List.of("treatment", "vs", "estimable", "evidence", "direct_trials", "estimate", "ci_lower",
                    "ci_upper", "log_estimate", "se", "pval", "reason"),
            "assumption", List.of("node", "statement", "weakness", "caveat", "merged_arms"),
            "merged_arm", List.of("trial", "trial_name", "arm", "arm_name", "regimens", "trial_note"));

    /** The top-level keys of {@code analysis.json} before the network was added, unchanged and in order. */
    static final List<String> ANALYSIS_KEYS = List.of("statuses", "biomarker", "endpoint", "cut_rule", "proportions",
            "comparisons", "pooled_effects", "pooled_proportions", "subgroup_test", "medians", "median_contrasts",
            "lifespans", "biomarker_changes", "exclusions", "data_date");

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @org.junit.jupiter.api.Test
    void reportAnalysisJsonHasSnakeCaseKeysNullForMissingAndTheNetwork() throws Exception {
        Path out = tmp.resolve("report");
        Run r = Run.run("report", "--formats", "svg", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(out.resolve("analysis.json").toFile());
        List<String> problems = new ArrayList<>();
        walk(j, "$", problems);
        assertThat(problems).isEmpty();
        List<String> top = new ArrayList<>(ANALYSIS_KEYS);
        top.add("network");
        assertThat(keys(j)).containsExactlyElementsOf(top);
        JsonNode net = j.get("network");
        assertThat(keys(net)).containsExactlyElementsOf(NETWORK_KEYS.get("network"));
        assertThat(net.get("endpoints")).hasSize(2);
        for (JsonNode e : net.get("endpoints")) {
            assertThat(keys(e)).containsExactlyElementsOf(NETWORK_KEYS.get("endpoint"));
            e.get("data").forEach(d -> assertThat(keys(d)).containsExactlyElementsOf(NETWORK_KEYS.get("datum")));
            for (String v : List.of("as_randomised", "pooled")) {
                JsonNode n = e.get(v);
                assertThat(keys(n)).containsExactlyElementsOf(NETWORK_KEYS.get("variant"));
                n.get("nodes").forEach(x -> assertThat(keys(x)).containsExactlyElementsOf(NETWORK_KEYS.get("node")));
                n.get("edges").forEach(x -> assertThat(keys(x)).containsExactlyElementsOf(NETWORK_KEYS.get("edge")));
                n.get("estimates").forEach(x -> assertThat(keys(x)).containsExactlyElementsOf(
                        NETWORK_KEYS.get("estimate")));
                if (v.equals("pooled")) {
                    assertThat(keys(n.get("assumption"))).containsExactlyElementsOf(NETWORK_KEYS.get("assumption"));
                    n.get("assumption").get("merged_arms").forEach(x -> assertThat(keys(x))
                            .containsExactlyElementsOf(NETWORK_KEYS.get("merged_arm")));
                } else {
                    assertThat(n.get("assumption").isNull()).isTrue();
                }
            }
        }
    }

    private static void walk(JsonNode n, String path, List<String> problems) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!SNAKE.matcher(e.getKey()).matches()) {
                    problems.add(path + "." + e.getKey() + ": key is not snake_case");
                }
                walk(e.getValue(), path + "." + e.getKey(), problems);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", problems);
            }
        } else if (n.isTextual() && TEXT_TOKENS.contains(n.asText())) {
            problems.add(path + ": '" + n.asText() + "' stands for a missing value; JSON uses null");
        }
    }
}

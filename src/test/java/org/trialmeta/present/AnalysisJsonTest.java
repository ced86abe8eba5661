package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialmeta.analysis.AnalysisResults;
import org.trialmeta.analysis.EfficacyAnalysis;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.SubgroupComparison;
import org.trialmeta.repository.Json;
import org.trialmeta.repository.TrialLoader;

/**
 * The JSON of the analyses is shaped here, in the presentation layer: {@code analysis.json} ({@link AnalysisJson})
 * has the components of {@link AnalysisResults}, and the comparisons keep their published flat keys
 * ({@link SubgroupComparisonJson}) there and in {@code compare --format json} ({@link TrialComparison}).
 */
class AnalysisJsonTest {

    /** The keys of a comparison as published in analysis.json and compare --format json before session 7. */
    private static final List<String> FLAT_KEYS = List.of("trial", "trial_name", "arm", "cut", "cut_label", "cutoff",
            "mutant", "wild_type", "x1", "n1", "x2", "n2", "odds_ratio", "or_lower", "or_upper", "risk_ratio",
            "rr_lower", "rr_upper", "risk_difference", "rd_lower", "rd_upper", "conditional_or", "cond_or_lower",
            "cond_or_upper", "fisher_p", "level", "selected", "selection");

    private static AnalysisResults results;

    @BeforeAll
    static void analyse() {
        results = EfficacyAnalysis.run(TrialLoader.loadDirectory(Path.of("trials")), StatusFilter.DEFAULT);
    }

    @Test
    void analysisJsonHasTheComponentsOfAnalysisResultsInOrder() {
        assertThat(signature(AnalysisJson.class)).isEqualTo(signature(AnalysisResults.class));
    }

    @Test
    void analysisJsonKeysAreTheResultsComponentsInSnakeCase() throws Exception {
        JsonNode j = Json.mapper().readTree(Json.write(AnalysisJson.of(results)));
        var snake = new PropertyNamingStrategies.SnakeCaseStrategy();
        List<String> expected = Arrays.stream(AnalysisResults.class.getRecordComponents())
                .map(c -> snake.translate(c.getName())).toList();
        assertThat(fieldNames(j)).isEqualTo(expected);
    }

    @Test
    void comparisonsAreWrittenFlatWithTheirValues() throws Exception {
        JsonNode all = Json.mapper().readTree(Json.write(AnalysisJson.of(results))).get("comparisons");
        assertThat(all.size()).isEqualTo(results.comparisons().size()).isPositive();
        for (int i = 0; i < all.size(); i++) {
            JsonNode j = all.get(i);
            SubgroupComparison c = results.comparisons().get(i);
            assertThat(fieldNames(j)).isEqualTo(FLAT_KEYS);
            assertThat(j.get("trial").asText()).isEqualTo(c.trial());
            assertThat(j.get("x1").asInt()).isEqualTo(c.x1());
            assertThat(j.get("n2").asInt()).isEqualTo(c.n2());
            assertThat(j.get("mutant").get("subgroup").asText()).isEqualTo(c.mutant().data().subgroup());
            assertThat(j.get("wild_type").get("subgroup").asText()).isEqualTo(c.wildType().data().subgroup());
            assertDouble(j.get("odds_ratio"), c.oddsRatio().estimate());
            assertDouble(j.get("rr_lower"), c.riskRatio().lower());
            assertDouble(j.get("rd_upper"), c.riskDifference().upper());
            assertDouble(j.get("cond_or_lower"), c.fisher().conditionalOr().lower());
            assertDouble(j.get("fisher_p"), c.fisher().p());
            assertThat(j.get("selected").asBoolean()).isEqualTo(c.selected());
        }
    }

    @Test
    void compareJsonWritesTheSameFlatComparisons() throws Exception {
        String trial = results.comparisons().get(0).trial();
        TrialComparison t = TrialComparison.of(trial, "ORR", results);
        JsonNode j = Json.mapper().readTree(Json.write(t));
        JsonNode fromAnalysis = Json.mapper().readTree(Json.write(AnalysisJson.of(results))).get("comparisons");
        assertThat(j.get("comparisons").size()).isPositive();
        for (JsonNode c : j.get("comparisons")) {
            assertThat(fieldNames(c)).isEqualTo(FLAT_KEYS);
        }
        assertThat(j.get("comparisons").get(0)).isEqualTo(fromAnalysis.get(0));
    }

    private static void assertDouble(JsonNode n, Double expected) {
        if (expected == null || !Double.isFinite(expected)) {
            assertThat(n.isNull()).isTrue();
        } else {
            assertThat(n.asDouble()).isEqualTo(expected);
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> signature(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map((RecordComponent c) -> c.getName() + ":" + c.getGenericType().getTypeName()).toList();
    }
}

package org.trialmeta.repository;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link FastYaml} against Jackson's YAML parser. Property ({@link FastYamlContract}): when
 * {@code FastYaml.toJson(data)} is not null, Jackson's YAML parser reads {@code data} without an exception and
 * gives the same tokens (kinds, names, texts, number types and values) as Jackson's JSON parser over the JSON;
 * {@code toJson} itself never throws.
 *
 * <p>Regression inputs (run in every build):
 * {@code src/test/resources/org/trialmeta/repository/FastYamlFuzzTestInputs/acceptedMeansSameTokens/}.
 * Fuzzing: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=5m mvn -B -ntp test -Dtest='FastYamlFuzzTest#acceptedMeansSameTokens'}
 * (docs/reliability.md).
 */
class FastYamlFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void acceptedMeansSameTokens(byte[] data) {
        FastYamlContract.check(data);
    }
}

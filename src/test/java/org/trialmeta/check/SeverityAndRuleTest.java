package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Severities parse and order from most to least serious; rule ids are stable kebab-case. */
class SeverityAndRuleTest {

    @Test
    void severityParsingAndOrder() {
        assertThat(Severity.parse(" Warning ")).isEqualTo(Severity.WARNING);
        assertThat(Severity.ERROR.atLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.atLeast(Severity.WARNING)).isFalse();
    }

    @Test
    void everyRuleIdIsStableKebabCase() {
        for (Rule r : Rule.values()) {
            assertThat(r.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(r.sentence()).endsWith(".");
        }
    }
}

package org.trialmeta.check;

import java.util.List;
import java.util.Objects;

/**
 * One reviewer finding.
 *
 * @param severity   ERROR, WARNING or INFO
 * @param rule       stable rule id, e.g. {@code percent-from-counts}
 * @param trial      trial id
 * @param field      where: arm / subgroup / cut / endpoint
 * @param reported   the figure as reported (text)
 * @param recomputed what the counts give (text)
 * @param message    the rule and the verdict in one sentence
 * @param sources    source ids of the data involved
 */
public record Finding(Severity severity, String rule, String trial, String field, String reported, String recomputed,
        String message, List<String> sources) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(recomputed, "recomputed");
        Objects.requireNonNull(message, "message");
        sources = List.copyOf(sources);
    }
}

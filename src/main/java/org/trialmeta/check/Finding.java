package org.trialmeta.check;

import java.util.List;

/**
 * One reviewer finding.
 *
 * @param severity   error, warning or info
 * @param rule       rule id, e.g. {@code percent-from-counts} (see {@link ReviewerCheck#RULES})
 * @param trial      trial id
 * @param field      where in the trial: {@code arm/subgroup/cut/endpoint}
 * @param reported   the figure as reported (empty when not applicable)
 * @param recomputed the figure as recomputed by the check (empty when not applicable)
 * @param message    the rule and the verdict in one sentence
 * @param sources    source ids with their citations ({@code id: citation})
 */
public record Finding(Severity severity, String rule, String trial, String field, String reported, String recomputed,
        String message, List<String> sources) {
    public Finding {
        require("severity", severity);
        require("rule", rule);
        require("trial", trial);
        require("field", field);
        require("reported", reported);
        require("recomputed", recomputed);
        require("message", message);
        require("sources", sources);
        sources = List.copyOf(sources);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("finding." + field + ": null (required; use \"\" when not applicable)");
        }
    }
}

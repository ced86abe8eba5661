package org.trialmeta.check;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One result of the reviewer check.
 *
 * @param severity   error, warning or info
 * @param rule       the rule's stable id, e.g. {@code percent-from-counts} (see {@link Rule#id()})
 * @param trial      trial id
 * @param field      where: {@code arm/subgroup/cut/endpoint} (e.g.
 *                   {@code avutometinib-defactinib/kras_mutant/primary/ORR}), optionally followed by a
 *                   part such as {@code .ci}; or {@code cut <id>} for a cut's own data
 * @param reported   the value as the source reported it (text; empty when nothing was reported)
 * @param recomputed what the check recomputed (text; empty when nothing can be recomputed)
 * @param ruleText   the rule in one sentence ({@link Rule#sentence()})
 * @param message    what was found, with the numbers
 * @param sources    the sources the finding cites (ids and citations)
 */
public record Finding(Severity severity, String rule, String trial, String field, String reported,
        String recomputed, String ruleText, String message, List<Citation> sources) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        requireText("rule", rule);
        requireText("trial", trial);
        requireText("field", field);
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(recomputed, "recomputed");
        requireText("ruleText", ruleText);
        requireText("message", message);
        sources = List.copyOf(sources);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("finding." + name + ": '" + value + "' (must be non-blank text)");
        }
    }

    /** A source a finding cites. */
    public record Citation(String id, String citation) {
        public Citation {
            requireText("source.id", id);
            requireText("source.citation", citation);
        }

        @Override
        public String toString() {
            return id + " (" + citation + ")";
        }
    }

    /** Report order within one trial: severity, then rule, then field, then the texts. */
    static final Comparator<Finding> WITHIN_TRIAL = Comparator.comparing(Finding::severity)
            .thenComparing(f -> ruleOrdinal(f.rule()))
            .thenComparing(Finding::field)
            .thenComparing(Finding::reported)
            .thenComparing(Finding::message);

    private static final java.util.Map<String, Integer> RULE_ORDINALS = new java.util.HashMap<>();

    static {
        for (Rule r : Rule.values()) {
            RULE_ORDINALS.putIfAbsent(r.id(), r.ordinal());
        }
    }

    private static int ruleOrdinal(String id) {
        return RULE_ORDINALS.getOrDefault(id, Integer.MAX_VALUE);
    }
}

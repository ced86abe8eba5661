package org.trialmeta.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one run of {@link ReviewerCheck}, in report order, with their counts by severity. The
 * check only finds; {@code org.trialmeta.present.CheckText} writes them as text, Markdown and HTML and
 * {@code present.CheckSummary} is their JSON.
 *
 * @param findings findings in report order (severity, trial, rule, field)
 * @param options  the thresholds they were computed with
 */
public record CheckReport(List<Finding> findings, CheckOptions options) {

    public CheckReport {
        if (findings == null || options == null) {
            throw new IllegalArgumentException("findings/options: null (required)");
        }
        findings = List.copyOf(findings);
    }

    /** Number of findings of each severity (every severity present, maybe 0), most serious first. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        for (Finding f : findings) {
            out.merge(f.severity(), 1, Integer::sum);
        }
        return out;
    }

    public int count(Severity severity) {
        return counts().get(severity);
    }

    /** Whether any finding is an error (the CLI then exits 1). */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** The findings at least as serious as {@code minimum}. */
    public List<Finding> atLeast(Severity minimum) {
        return findings.stream().filter(f -> f.severity().atLeast(minimum)).toList();
    }

    /** The findings of one rule (by its id), e.g. {@code byRule("binomial-ci")}. */
    public List<Finding> byRule(String ruleId) {
        return findings.stream().filter(f -> f.rule().equals(ruleId)).toList();
    }
}

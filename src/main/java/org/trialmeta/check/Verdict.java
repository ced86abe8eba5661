package org.trialmeta.check;

/**
 * What one rule concludes about some reported numbers, before it is placed: a {@link Finding} in a trial file
 * (trial, field, sources) or a {@link ScanFinding} in a document (page, line, quoted text). The rules that run
 * both in {@code check} and in {@code scan} return verdicts, so that the two apply the same arithmetic, the same
 * thresholds and the same words.
 *
 * @param severity   error, warning or info
 * @param rule       the rule
 * @param reported   the value(s) as printed
 * @param recomputed what was recomputed (empty when nothing)
 * @param message    what was found, with the numbers
 */
record Verdict(Severity severity, Rule rule, String reported, String recomputed, String message) {

    static Verdict info(Rule rule, String reported, String recomputed, String message) {
        return new Verdict(Severity.INFO, rule, reported, recomputed, message);
    }

    static Verdict of(Severity severity, Rule rule, String reported, String recomputed, String message) {
        return new Verdict(severity, rule, reported, recomputed, message);
    }
}

package org.trialmeta.model;

import java.util.Optional;

/**
 * A proportion as the source prints it (percentage, optional CI, optional n), with its own provenance,
 * which may differ from that of the counts (e.g. a reported 17% that is unverified next to counts 9/52
 * that are derived).
 *
 * @param percent    reported percentage
 * @param ci         reported confidence interval, when given (kept as published even when it does not contain
 *                   {@code percent}: the reviewer check reports that)
 * @param n          reported denominator, when given
 * @param provenance where the reported figure comes from
 */
public record ReportedProportion(Percent percent, Optional<PercentInterval> ci, Optional<Integer> n,
        Provenance provenance) {
    public ReportedProportion {
        Checks.required("reported.percent", percent);
        Checks.optional("reported.ci", ci);
        Checks.optional("reported.n", n);
        Checks.required("reported.provenance", provenance);
        n.ifPresent(v -> Checks.count("reported.n", v));
    }
}

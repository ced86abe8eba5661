package org.trialmeta.stats.proportion;

import java.util.OptionalDouble;

/**
 * Pearson's chi-square test of independence on a 2×2 table (1 degree of freedom), with or without
 * Yates' continuity correction. Not estimable (empty) when an expected count is 0 (a group with no
 * subjects, or no responders / only responders in both groups), where R gives NaN.
 *
 * @param continuityCorrection whether Yates' correction was applied
 * @param statistic the chi-square statistic
 * @param pValue upper-tail chi-square(1) probability of the statistic
 */
public record ChiSquareResult(boolean continuityCorrection, OptionalDouble statistic, OptionalDouble pValue) {
    public ChiSquareResult {
        if (statistic == null || pValue == null || statistic.isPresent() != pValue.isPresent()) {
            throw new IllegalArgumentException("statistic and pValue must both be present or both empty");
        }
    }

    /** Degrees of freedom (always 1 for a 2×2 table). */
    public int df() {
        return 1;
    }

    /** Whether the test could be computed. */
    public boolean estimable() {
        return statistic.isPresent();
    }
}

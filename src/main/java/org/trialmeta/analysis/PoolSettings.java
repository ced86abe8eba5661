package org.trialmeta.analysis;

import java.util.Optional;
import org.trialmeta.stats.meta.TestType;
import org.trialmeta.stats.meta.ZeroCellCorrection;

/**
 * How {@code pool} fits: method, test, level and the zero-cell handling of {@code escalc}.
 *
 * @param method     the pooling method
 * @param test       z or Knapp-Hartung
 * @param level      confidence level as a fraction
 * @param correction the zero-cell correction ({@code escalc(add =, to =)}); empty for metafor's default of the
 *                   measure
 * @param drop00     whether double-zero studies (no events, or only events, in both groups) are left out of the
 *                   study-level estimates ({@code escalc(drop00 =)}); empty for metafor's default (FALSE for
 *                   {@code rma}, TRUE for {@code rma.mh} and {@code rma.peto})
 */
public record PoolSettings(PoolMethod method, TestType test, double level, Optional<ZeroCellCorrection> correction,
        Optional<Boolean> drop00) {

    /** metafor's defaults for {@code method}: z-test, and the measure's default zero-cell handling. */
    public static PoolSettings of(PoolMethod method, TestType test, double level) {
        return new PoolSettings(method, test, level, Optional.empty(), Optional.empty());
    }
}

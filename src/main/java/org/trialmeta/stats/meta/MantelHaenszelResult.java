package org.trialmeta.stats.meta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.stats.Interval;

/**
 * Mantel-Haenszel pooled estimate, as metafor's {@code rma.mh()} object. See {@link TwoByTwoPoolResult}
 * for the common fields; {@link #oddsRatioTests()} holds the tests metafor prints for the odds ratio.
 *
 * @param oddsRatioTests present for {@link EffectMeasure#OR} only
 */
public record MantelHaenszelResult(
        EffectMeasure measure,
        TwoByTwoPoolOptions options,
        int k,
        int kYi,
        OptionalDouble estimate,
        OptionalDouble se,
        OptionalDouble zval,
        OptionalDouble pval,
        Optional<Interval> ci,
        OptionalDouble q,
        int qDf,
        OptionalDouble qPval,
        OptionalDouble i2,
        OptionalDouble h2,
        Transformed transformed,
        List<Study> studies,
        Optional<OddsRatioTests> oddsRatioTests) implements TwoByTwoPoolResult {

    public MantelHaenszelResult {
        Objects.requireNonNull(measure, "measure must not be null");
        if (measure != EffectMeasure.OR && measure != EffectMeasure.RR && measure != EffectMeasure.RD) {
            throw new IllegalArgumentException("measure " + measure + " must be OR, RR or RD for Mantel-Haenszel");
        }
        Objects.requireNonNull(options, "options must not be null");
        if (k < 1) {
            throw new IllegalArgumentException("k " + k + " must be >= 1");
        }
        if (kYi < 0 || kYi > k) {
            throw new IllegalArgumentException("kYi " + kYi + " must be in [0, k = " + k + "]");
        }
        if (qDf < 0) {
            throw new IllegalArgumentException("qDf " + qDf + " must be >= 0");
        }
        for (Object o : new Object[] {estimate, se, zval, pval, ci, q, qPval, i2, h2, transformed, studies,
                oddsRatioTests}) {
            Objects.requireNonNull(o, "result fields must not be null (use an empty optional)");
        }
        studies = List.copyOf(studies);
        if (studies.size() != k) {
            throw new IllegalArgumentException("studies has " + studies.size() + " rows, must have k = " + k);
        }
        if (oddsRatioTests.isPresent() != (measure == EffectMeasure.OR)) {
            throw new IllegalArgumentException("oddsRatioTests must be present exactly for measure OR, measure is "
                    + measure);
        }
    }

    @Override
    public Method method() {
        return Method.MH;
    }

    /**
     * Tests of the odds ratio that metafor's {@code rma.mh(measure = "OR")} reports.
     *
     * @param cochranMantelHaenszel Cochran-Mantel-Haenszel test of OR = 1 (metafor {@code MH}, {@code MHp}),
     *        variance with {@code N - 1}, continuity corrected if {@code options.correct()}; 1 df
     * @param cochran               Cochran's version with variance denominator {@code N} (metafor {@code CO})
     * @param tarone                Tarone's test for heterogeneity (metafor {@code TA}), df {@code kPos - 1}
     * @param breslowDay            the Breslow-Day statistic without Tarone's correction (metafor {@code BD})
     * @param kPos                  tables used by the Breslow-Day and Tarone tests (metafor {@code k.pos})
     */
    public record OddsRatioTests(Optional<ChiSquare> cochranMantelHaenszel, Optional<ChiSquare> cochran,
                                 Optional<ChiSquare> tarone, Optional<ChiSquare> breslowDay, int kPos) {
        public OddsRatioTests {
            Objects.requireNonNull(cochranMantelHaenszel, "cochranMantelHaenszel must not be null");
            Objects.requireNonNull(cochran, "cochran must not be null");
            Objects.requireNonNull(tarone, "tarone must not be null");
            Objects.requireNonNull(breslowDay, "breslowDay must not be null");
            if (kPos < 0) {
                throw new IllegalArgumentException("kPos " + kPos + " must be >= 0");
            }
        }
    }
}

package org.trialmeta.stats.meta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.stats.Interval;

/**
 * Peto's pooled log odds ratio, as metafor's {@code rma.peto()} object. See {@link TwoByTwoPoolResult}
 * for the fields.
 *
 * @param kPos tables with a positive hypergeometric variance {@code Vi} (metafor {@code k.pos})
 */
public record PetoResult(
        TwoByTwoPoolOptions options,
        int k,
        int kYi,
        int kPos,
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
        List<Study> studies) implements TwoByTwoPoolResult {

    public PetoResult {
        Objects.requireNonNull(options, "options must not be null");
        if (k < 1) {
            throw new IllegalArgumentException("k " + k + " must be >= 1");
        }
        if (kYi < 0 || kYi > k) {
            throw new IllegalArgumentException("kYi " + kYi + " must be in [0, k = " + k + "]");
        }
        if (kPos < 0 || kPos > k) {
            throw new IllegalArgumentException("kPos " + kPos + " must be in [0, k = " + k + "]");
        }
        if (qDf < 0) {
            throw new IllegalArgumentException("qDf " + qDf + " must be >= 0");
        }
        for (Object o : new Object[] {estimate, se, zval, pval, ci, q, qPval, i2, h2, transformed, studies}) {
            Objects.requireNonNull(o, "result fields must not be null (use an empty optional)");
        }
        studies = List.copyOf(studies);
        if (studies.size() != k) {
            throw new IllegalArgumentException("studies has " + studies.size() + " rows, must have k = " + k);
        }
    }

    @Override
    public Method method() {
        return Method.PETO;
    }

    /** Always {@link EffectMeasure#OR}: Peto's one-step odds ratio. */
    @Override
    public EffectMeasure measure() {
        return EffectMeasure.OR;
    }
}

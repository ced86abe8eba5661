package org.trialmeta.stats.meta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.stats.Interval;

/**
 * Result of pooling 2×2 tables by Mantel-Haenszel ({@link MantelHaenszelResult}) or Peto
 * ({@link PetoResult}), with the fields of metafor's {@code rma.mh} / {@code rma.peto} objects.
 * The estimate is on the log scale for OR, RR and the Peto OR, on the raw scale for RD.
 * Anything metafor reports as NA or NaN is an empty optional here ("not estimable"). Deliberate differences
 * in degenerate cases: where the standard error is 0, metafor gives z = NaN or ±Inf with p = 0 — here z and p
 * are empty (se is 0 and the CI is the point); where a study has zero sampling variance and Q is infinite,
 * metafor gives Q = Inf with p = 0 — here Q, its p, I² and H² are empty; where metafor stops with an error
 * (Peto with no table having both outcomes) the estimate and everything derived from it are empty.
 */
public sealed interface TwoByTwoPoolResult permits MantelHaenszelResult, PetoResult {

    /** The pooling method. */
    enum Method { MH, PETO }

    /** Pooling method. */
    Method method();

    /** Effect measure: OR, RR or RD for Mantel-Haenszel; OR (the Peto odds ratio) for Peto. */
    EffectMeasure measure();

    /** Settings the result was computed with. */
    TwoByTwoPoolOptions options();

    /** Number of tables (metafor {@code k}), including tables without a study-level estimate. */
    int k();

    /** Number of studies with a study-level estimate {@code yi} (metafor {@code k.yi}). */
    int kYi();

    /** Pooled estimate (log OR, log RR, RD or Peto log OR); metafor {@code beta}. */
    OptionalDouble estimate();

    /** Standard error of the estimate; metafor {@code se}. */
    OptionalDouble se();

    /** Wald z statistic {@code estimate / se}; metafor {@code zval}. */
    OptionalDouble zval();

    /** Two-sided p-value of the z test; metafor {@code pval}. */
    OptionalDouble pval();

    /** Wald confidence interval {@code estimate ± z(1-α/2)·se}; metafor {@code ci.lb, ci.ub}. */
    Optional<Interval> ci();

    /** Cochran's Q heterogeneity statistic; metafor {@code QE}. */
    OptionalDouble q();

    /** Degrees of freedom of Q: {@code max(0, kYi - 1)}. */
    int qDf();

    /** p-value of Q against χ²(qDf); metafor {@code QEp}. */
    OptionalDouble qPval();

    /** I² in percent, {@code max(0, 100·(Q − df)/Q)}; metafor {@code I2}. */
    OptionalDouble i2();

    /** H² = Q/df; metafor {@code H2}. */
    OptionalDouble h2();

    /**
     * Estimate and CI back-transformed: {@code exp} for OR, RR and the Peto OR (as metafor's printed
     * "Model Results (OR scale)"); identical to the estimate and CI for RD.
     */
    Transformed transformed();

    /** One row per input table, in input order. */
    List<Study> studies();

    /** Back-transformed estimate and CI. */
    record Transformed(OptionalDouble estimate, Optional<Interval> ci) {
        public Transformed {
            Objects.requireNonNull(estimate, "transformed estimate must not be null");
            Objects.requireNonNull(ci, "transformed ci must not be null");
        }
    }

    /**
     * A study's row: its {@code escalc} estimate and sampling variance (empty where metafor has NA, e.g.
     * double-zero tables dropped by {@code drop00}, or a zero cell
     * without correction, which escalc recodes from ±Inf to NA) and its weight in percent as metafor's
     * {@code weights(res)} (empty when no table carries weight).
     *
     * @param index 0-based position in the input arrays
     */
    record Study(int index, OptionalDouble yi, OptionalDouble vi, OptionalDouble weight) {
        public Study {
            if (index < 0) {
                throw new IllegalArgumentException("study index " + index + " must be >= 0");
            }
            Objects.requireNonNull(yi, "yi must not be null");
            Objects.requireNonNull(vi, "vi must not be null");
            Objects.requireNonNull(weight, "weight must not be null");
        }
    }

    /**
     * A chi-square test statistic with its degrees of freedom; the p-value is empty where metafor gives NA
     * (e.g. Tarone's test with a single informative table).
     */
    record ChiSquare(double statistic, int df, OptionalDouble pval) {
        public ChiSquare {
            if (!(statistic >= 0) || Double.isInfinite(statistic)) {
                throw new IllegalArgumentException("chi-square statistic " + statistic + " must be finite and >= 0");
            }
            if (df < 0) {
                throw new IllegalArgumentException("chi-square df " + df + " must be >= 0");
            }
            Objects.requireNonNull(pval, "pval must not be null");
        }
    }
}

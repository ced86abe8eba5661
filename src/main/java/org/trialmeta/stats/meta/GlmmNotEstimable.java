package org.trialmeta.stats.meta;

/**
 * No estimate from the binomial-normal model: fewer than two studies (metafor: "Number of parameters to be
 * estimated is larger than the number of observations"), no events or no non-events in any study (the pooled
 * logit is ±∞), only studies with 0 or all events (no maximum at a finite tau²), or an optimiser that did not
 * converge.
 *
 * @param k       number of studies
 * @param options the settings of the attempt
 * @param reason  one line saying why
 */
public record GlmmNotEstimable(int k, BinomialNormalGlmm.Options options, String reason) implements GlmmFit {
    public GlmmNotEstimable {
        if (options == null || reason == null) {
            throw new IllegalArgumentException("options and reason must not be null");
        }
    }
}

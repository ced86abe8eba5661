package org.trialmeta.stats.meta;

/**
 * The outcome of fitting the binomial-normal model ({@link BinomialNormalGlmm}): a {@link GlmmResult}, or a
 * {@link GlmmNotEstimable} saying why there is no estimate (never a NaN).
 */
public sealed interface GlmmFit permits GlmmResult, GlmmNotEstimable {

    /** Number of studies. */
    int k();

    /** The settings the fit was made with. */
    BinomialNormalGlmm.Options options();

    /** The result, or an {@link IllegalStateException} with the reason there is none. */
    default GlmmResult orElseThrow() {
        if (this instanceof GlmmResult r) {
            return r;
        }
        throw new IllegalStateException(((GlmmNotEstimable) this).reason());
    }
}

package org.trialmeta.stats.meta;

import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * The refits of {@link LeaveOneOut} and {@link Cumulative} as a list whose element i is fitted when it is read (each
 * read fits again; reads from several threads at once are safe, since a fit only reads the studies). Nothing is kept:
 * a list of the k fits themselves would hold each fit's study weights, k² numbers in all (16,000 studies: 2 GB), where
 * a reader that keeps only what it reports needs memory linear in k.
 */
final class Refits extends AbstractList<FitResult> implements RandomAccess {
    private final int size;
    private final IntFunction<FitResult> fit;

    Refits(int size, IntFunction<FitResult> fit) {
        this.size = size;
        this.fit = fit;
    }

    @Override
    public FitResult get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("refit " + index + " of " + size);
        }
        return fit.apply(index);
    }

    @Override
    public int size() {
        return size;
    }
}

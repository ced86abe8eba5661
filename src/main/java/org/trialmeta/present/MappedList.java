package org.trialmeta.present;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A list whose elements are made from another list's when they are read, and not kept: the rows and items of a
 * long output (10⁶ Kaplan-Meier rows, a long document's findings) are written one at a time (or a chunk on each
 * core) without a second object for every row held until the end. Unmodifiable; safe to read from several threads
 * when the list and the function are.
 *
 * @param <S> the source's elements
 * @param <T> the elements made from them
 */
final class MappedList<S, T> extends AbstractList<T> implements RandomAccess {

    private final List<S> source;
    private final Function<? super S, ? extends T> map;

    MappedList(List<S> source, Function<? super S, ? extends T> map) {
        this.source = source;
        this.map = map;
    }

    @Override
    public T get(int i) {
        return map.apply(source.get(i));
    }

    @Override
    public int size() {
        return source.size();
    }
}

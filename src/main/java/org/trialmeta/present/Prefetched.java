package org.trialmeta.present;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A list whose elements cost something to make when read (a scan's findings, put into words as they are asked
 * for), read front to back a block at a time: the elements of a block are made on every core at once and kept
 * until the reader moves past it. The writers of the text and HTML outputs read a long document's findings this way
 * (tens of thousands, about 10 µs each), so that the words are made in parallel while the output stays in order. A
 * short list is read on the calling thread.
 *
 * @param <E> the elements
 */
final class Prefetched<E> {

    /** Elements made at once (and held). */
    static final int BLOCK = 1 << 10;

    private final List<E> list;
    private int from;
    private List<E> block = List.of();

    Prefetched(List<E> list) {
        this.list = list;
    }

    /** Element {@code i}; cheapest when {@code i} is at or just after the last one read. */
    E get(int i) {
        if (i < from || i >= from + block.size()) {
            int to = Math.min(list.size(), i + BLOCK);
            block = list.size() < BLOCK ? list.subList(i, to).stream().toList()
                    : IntStream.range(i, to).parallel().mapToObj(list::get).toList();
            from = i;
        }
        return block.get(i - from);
    }

    int size() {
        return list.size();
    }
}

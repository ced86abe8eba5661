package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Prefetched}: elements in order, each made once when read front to back, blocks made on several threads. */
class PrefetchedTest {

    /** A list whose element i is "e" + i, counting how often each is made. */
    private static final class Counted extends AbstractList<String> {
        final AtomicIntegerArray made;

        Counted(int n) {
            made = new AtomicIntegerArray(n);
        }

        @Override
        public String get(int i) {
            made.incrementAndGet(i);
            return "e" + i;
        }

        @Override
        public int size() {
            return made.length();
        }
    }

    @Test
    void readFrontToBackEachElementIsMadeOnceAndInOrder() {
        for (int n : new int[] {0, 1, Prefetched.BLOCK - 1, Prefetched.BLOCK, 5 * Prefetched.BLOCK + 17}) {
            Counted list = new Counted(n);
            Prefetched<String> p = new Prefetched<>(list);
            assertThat(p.size()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                assertThat(p.get(i)).isEqualTo("e" + i);
            }
            for (int i = 0; i < n; i++) {
                assertThat(list.made.get(i)).as("element %d of %d", i, n).isEqualTo(1);
            }
        }
    }

    @Test
    void readingBackOrFarAheadStillGivesTheElement() {
        Counted list = new Counted(4 * Prefetched.BLOCK);
        Prefetched<String> p = new Prefetched<>(list);
        assertThat(p.get(3 * Prefetched.BLOCK + 5)).isEqualTo("e" + (3 * Prefetched.BLOCK + 5));
        assertThat(p.get(2)).isEqualTo("e2");
        assertThat(p.get(3)).isEqualTo("e3");
        assertThat(list.made.get(2)).isEqualTo(1);
        assertThat(List.of(p.get(Prefetched.BLOCK + 1), p.get(Prefetched.BLOCK + 2)))
                .containsExactly("e" + (Prefetched.BLOCK + 1), "e" + (Prefetched.BLOCK + 2));
    }
}

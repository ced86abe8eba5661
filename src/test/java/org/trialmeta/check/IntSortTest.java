package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link IntSort} against the JDK's stable sort of the same indices boxed. */
class IntSortTest {

    @Test
    void sortsLikeTheJdksStableSortOfBoxedIndices() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int n : new int[] {0, 1, 2, 3, 15, 16, 17, 31, 33, 100, 1000, 4097, 100_000}) {
            for (int keys : new int[] {1, 3, n + 1}) {
                int[] key = random.ints(n, 0, keys).toArray();
                int[] mine = IntStream.range(0, n).toArray();
                IntSort.sort(mine, (a, b) -> Integer.compare(key[a], key[b]));
                Integer[] jdk = IntStream.range(0, n).boxed().toArray(Integer[]::new);
                Arrays.sort(jdk, Comparator.comparingInt(i -> key[i]));
                assertThat(mine).as("n = %d, %d keys", n, keys)
                        .containsExactly(Arrays.stream(jdk).mapToInt(Integer::intValue).toArray());
            }
        }
    }

    @Test
    void anAlreadySortedOrReversedArrayStaysStable() {
        int n = 5000;
        int[] asc = IntStream.range(0, n).toArray();
        IntSort.sort(asc, (a, b) -> Integer.compare(a / 7, b / 7));
        assertThat(asc).containsExactly(IntStream.range(0, n).toArray());
        int[] desc = IntStream.range(0, n).toArray();
        IntSort.sort(desc, (a, b) -> Integer.compare(b / 7, a / 7));
        // groups of 7 in descending order, each group's indices ascending (stable); the last group is 4998, 4999
        assertThat(desc).startsWith(4998, 4999, 4991).endsWith(5, 6);
        for (int i = 1; i < n; i++) {
            int a = desc[i - 1];
            int b = desc[i];
            assertThat(a / 7 > b / 7 || a / 7 == b / 7 && a < b).as("position %d: %d then %d", i, a, b).isTrue();
        }
    }
}

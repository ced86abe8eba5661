package org.trialmeta.analysis;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.Labels;

/**
 * Many meta-analyses in one call ({@code pool --by COL}): the rows of each value of the {@code by} column are pooled
 * as their own meta-analysis, as a loop of {@code rma()} over {@code split(dat, dat$by)} would, on every core. Groups
 * are in order of first appearance in the file. A group that cannot be fitted (too few rows for the method, an
 * estimator that does not converge, a study whose effect is not estimable) is reported for that group; the others
 * go on.
 */
public final class PoolBatch {

    private PoolBatch() {}

    /**
     * One group's outcome: a fit, or the reason there is none.
     *
     * @param by    the group's value of the {@code by} column
     * @param fit   the fit, or null
     * @param error why there is no fit, or null
     */
    public record Outcome(String by, PoolFit fit, String error) {
    }

    /**
     * Fits every group of {@code input} and maps each outcome with {@code then} as soon as it is known, on the core
     * that fitted it (e.g. to a summary, so that the fits need not all be kept until the last one is done).
     *
     * @param by     the {@code by} value of each row
     * @param groups subgroup labels per row within each analysis, or null
     */
    public static <T> List<T> run(PoolInput input, String[] by, PoolSettings settings, String[] groups, String file,
            Function<Outcome, T> then) {
        return all(lazy(input, by, settings, groups, file, then));
    }

    /** Every element of a list made by {@link #lazy}, each made once, on every core; unmodifiable. */
    public static <T> List<T> all(List<T> lazy) {
        return IntStream.range(0, lazy.size()).parallel().mapToObj(lazy::get).toList();
    }

    /**
     * The groups of {@code input} as a list whose element g is group g fitted and mapped with {@code then} when it is
     * read (each read fits again; reads from several threads at once are safe): for output written while the groups
     * are fitted, e.g. by the JSON writer's chunks on every core, so that no more than the chunks being written are
     * kept. Groups are in order of first appearance of their {@code by} value.
     */
    public static <T> List<T> lazy(PoolInput input, String[] by, PoolSettings settings, String[] groups, String file,
            Function<Outcome, T> then) {
        // Group ids in order of first appearance (a run of rows of one group is looked up once); rows per group by
        // a counting sort: no boxing.
        Labels labels = Labels.of(by);
        List<String> keys = labels.values();
        int[] offset = new int[keys.size() + 1];
        for (int i = 0; i < by.length; i++) {
            offset[labels.id(i) + 1]++;
        }
        for (int g = 0; g < keys.size(); g++) {
            offset[g + 1] += offset[g];
        }
        int[] order = new int[by.length];
        int[] fill = Arrays.copyOf(offset, keys.size());
        for (int i = 0; i < by.length; i++) {
            order[fill[labels.id(i)]++] = i;
        }
        return new Groups<>(keys, g -> {
            String value = keys.get(g);
            int[] rows = Arrays.copyOfRange(order, offset[g], offset[g + 1]);
            String[] sub = null;
            if (groups != null) {
                sub = new String[rows.length];
                for (int j = 0; j < rows.length; j++) {
                    sub[j] = groups[rows[j]];
                }
            }
            try {
                return then.apply(new Outcome(value, PoolFit.of(input.rows(rows), settings, sub, file), null));
            } catch (InputException | IllegalArgumentException e) {
                String m = e.getMessage();
                return then.apply(new Outcome(value, null, m.startsWith(file + ": ") ? m.substring(file.length() + 2) : m));
            }
        });
    }

    /** The lazy list of {@link #lazy}: element g is made by {@code make} each time it is read. */
    private static final class Groups<T> extends AbstractList<T> implements RandomAccess {
        private final List<String> keys;
        private final IntFunction<T> make;

        Groups(List<String> keys, IntFunction<T> make) {
            this.keys = keys;
            this.make = make;
        }

        @Override
        public T get(int g) {
            Objects.checkIndex(g, keys.size());
            return make.apply(g);
        }

        @Override
        public int size() {
            return keys.size();
        }
    }
}

package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.trialmeta.model.InputException;

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
     * Fits every group of {@code input}.
     *
     * @param by     the {@code by} value of each row
     * @param groups subgroup labels per row within each analysis, or null
     */
    public static List<Outcome> run(PoolInput input, String[] by, PoolSettings settings, String[] groups, String file) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < by.length; i++) {
            members.computeIfAbsent(by[i], x -> new ArrayList<>()).add(i);
        }
        List<Map.Entry<String, List<Integer>>> entries = new ArrayList<>(members.entrySet());
        Outcome[] out = new Outcome[entries.size()];
        IntStream.range(0, out.length).parallel().forEach(g -> {
            String value = entries.get(g).getKey();
            int[] rows = entries.get(g).getValue().stream().mapToInt(Integer::intValue).toArray();
            String[] sub = null;
            if (groups != null) {
                sub = new String[rows.length];
                for (int j = 0; j < rows.length; j++) {
                    sub[j] = groups[rows[j]];
                }
            }
            try {
                out[g] = new Outcome(value, PoolFit.of(input.rows(rows), settings, sub, file), null);
            } catch (InputException | IllegalArgumentException e) {
                String m = e.getMessage();
                out[g] = new Outcome(value, null, m.startsWith(file + ": ") ? m.substring(file.length() + 2) : m);
            }
        });
        return List.of(out);
    }
}

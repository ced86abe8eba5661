package org.trialmeta.stats.survival;

import java.util.List;

/**
 * Right-censored observations gathered per group as the Kaplan-Meier fits read them: each group's event times and
 * censoring times, sorted (as {@link RadixSort#key}s, the order of {@link Double#compare}). 8 bytes an observation,
 * so a caller can let go of its columns (time, status and group: 16 bytes an observation) before the curves are
 * fitted ({@link KaplanMeier#fitGroups(GroupedTimes, ConfType, double)}); on 10⁶ patients that is what decides the
 * heap {@code km} needs. Times that differ by floating-point noise are merged over all groups together, as
 * survfit's and survdiff's default {@code timefix = TRUE} merges them ({@link TimeFix}). Immutable.
 */
public final class GroupedTimes {

    private final List<String> levels;
    private final long[][] events;
    private final long[][] censored;

    private GroupedTimes(List<String> levels, long[][] events, long[][] censored) {
        this.levels = List.copyOf(levels);
        this.events = events;
        this.censored = censored;
    }

    /**
     * The observations of each level of {@code group} (one pass to count, one to fill: O(n + levels)).
     *
     * @param time   non-negative finite times
     * @param status 1 = event, 0 = censored, same length
     * @param group  the group of each observation, same length
     */
    public static GroupedTimes of(double[] time, int[] status, Factor group) {
        int n = time.length;
        if (group.length() != n) {
            throw new IllegalArgumentException("time has " + n + " values, group has " + group.length()
                    + " (must be equal)");
        }
        return gather(time, status, group, group.levels());
    }

    /** All observations as one group named {@code label}. */
    public static GroupedTimes of(double[] time, int[] status, String label) {
        return gather(time, status, null, List.of(label));
    }

    private static GroupedTimes gather(double[] time, int[] status, Factor group, List<String> levels) {
        int n = time.length;
        if (status.length != n) {
            throw new IllegalArgumentException("time has " + n + " values, status has " + status.length
                    + " (must be equal)");
        }
        int k = levels.size();
        int[] eventCount = new int[k];
        int[] censorCount = new int[k];
        for (int i = 0; i < n; i++) {
            if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
                throw new IllegalArgumentException("time[" + i + "] = " + time[i] + " (must be finite and >= 0)");
            }
            if (status[i] != 0 && status[i] != 1) {
                throw new IllegalArgumentException("status[" + i + "] = " + status[i] + " (must be 0 or 1)");
            }
            int g = group == null ? 0 : group.code(i);
            if (status[i] == 1) {
                eventCount[g]++;
            } else {
                censorCount[g]++;
            }
        }
        long[][] events = new long[k][];
        long[][] censored = new long[k][];
        for (int g = 0; g < k; g++) {
            events[g] = new long[eventCount[g]];
            censored[g] = new long[censorCount[g]];
        }
        int[] e = new int[k];
        int[] c = new int[k];
        for (int i = 0; i < n; i++) {
            int g = group == null ? 0 : group.code(i);
            if (status[i] == 1) {
                events[g][e[g]++] = RadixSort.key(time[i]);
            } else {
                censored[g][c[g]++] = RadixSort.key(time[i]);
            }
        }
        long[][] all = new long[2 * k][];
        for (int g = 0; g < k; g++) {
            RadixSort.sort(events[g], null);
            RadixSort.sort(censored[g], null);
            all[2 * g] = events[g];
            all[2 * g + 1] = censored[g];
        }
        TimeFix.mergeSorted(all);   // survfit's timefix = TRUE, over the times of every group together
        return new GroupedTimes(levels, events, censored);
    }

    /** The groups' names, in order. */
    public List<String> levels() {
        return levels;
    }

    /** Number of groups. */
    public int size() {
        return levels.size();
    }

    /** Group {@code g}'s event times, sorted keys (not a copy: read only). */
    long[] events(int g) {
        return events[g];
    }

    /** Group {@code g}'s censoring times, sorted keys (not a copy: read only). */
    long[] censored(int g) {
        return censored[g];
    }
}

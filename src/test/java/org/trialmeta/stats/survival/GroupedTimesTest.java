package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupedTimes}: each group's event and censoring times sorted as {@code Arrays.sort} sorts them, and the curves
 * fitted from it equal to the curves fitted from each group's observations alone.
 */
class GroupedTimesTest {

    @Test
    void eachGroupHoldsItsSortedEventAndCensoringTimes() {
        SplittableRandom random = new SplittableRandom(5);
        for (int rep = 0; rep < 200; rep++) {
            int n = 1 + random.nextInt(400);
            double[] time = new double[n];
            int[] status = new int[n];
            String[] label = new String[n];
            for (int i = 0; i < n; i++) {
                time[i] = random.nextInt(3) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(50) * 0.25;
                status[i] = random.nextInt(2);
                label[i] = "g" + random.nextInt(1 + rep % 5);
            }
            Factor f = Factor.of(label);
            GroupedTimes g = GroupedTimes.of(time, status, f);
            assertThat(g.levels()).isEqualTo(f.levels());
            List<KaplanMeierCurve> alone = new ArrayList<>();
            for (int k = 0; k < f.size(); k++) {
                List<Double> ev = new ArrayList<>();
                List<Double> ce = new ArrayList<>();
                List<Integer> st = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (f.code(i) == k) {
                        (status[i] == 1 ? ev : ce).add(time[i]);
                        st.add(status[i]);
                    }
                }
                assertThat(values(g.events(k))).isEqualTo(sorted(ev));
                assertThat(values(g.censored(k))).isEqualTo(sorted(ce));
                double[] t = new double[st.size()];
                int[] s = new int[st.size()];
                for (int i = 0, j = 0; i < n; i++) {
                    if (f.code(i) == k) {
                        t[j] = time[i];
                        s[j++] = status[i];
                    }
                }
                alone.add(KaplanMeier.fit(t, s, ConfType.LOG_LOG, 0.9));
            }
            assertThat(KaplanMeier.fitGroups(g, ConfType.LOG_LOG, 0.9).curves()).isEqualTo(alone);
        }
    }

    private static List<Long> values(long[] keys) {
        List<Long> out = new ArrayList<>();
        for (long k : keys) {
            out.add(Double.doubleToRawLongBits(RadixSort.value(k)));
        }
        return out;
    }

    private static List<Long> sorted(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        java.util.Arrays.sort(a);
        List<Long> out = new ArrayList<>();
        for (double x : a) {
            out.add(Double.doubleToRawLongBits(x));
        }
        return out;
    }

    @Test
    void badObservationsAreRefusedByIndex() {
        Factor two = Factor.of(new String[] {"a", "b"});
        assertThatThrownBy(() -> GroupedTimes.of(new double[] {1, Double.NaN}, new int[] {1, 0}, two))
                .hasMessage("time[1] = NaN (must be finite and >= 0)");
        assertThatThrownBy(() -> GroupedTimes.of(new double[] {1, 2}, new int[] {1, 2}, two))
                .hasMessage("status[1] = 2 (must be 0 or 1)");
        assertThatThrownBy(() -> GroupedTimes.of(new double[] {1}, new int[] {1}, two))
                .hasMessage("time has 1 values, group has 2 (must be equal)");
        assertThatThrownBy(() -> GroupedTimes.of(new double[] {1, 2}, new int[] {1}, "all"))
                .hasMessage("time has 2 values, status has 1 (must be equal)");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[0], new int[0]))
                .hasMessage("time: no observations (need at least 1)");
        GroupedTimes all = GroupedTimes.of(new double[] {3, 1, 2}, new int[] {1, 0, 1}, "all");
        assertThat(all.levels()).containsExactly("all");
        assertThat(all.size()).isEqualTo(1);
    }
}

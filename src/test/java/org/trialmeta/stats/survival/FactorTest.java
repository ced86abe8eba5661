package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link Factor}: R's {@code factor(x)} level order and codes. */
class FactorTest {

    @Test
    void numericLabelsAreInNumericOrderAsAColumnReadAsNumeric() {
        // R: levels(factor(c(10, 2, 10, 1.5))) is "1.5" "2" "10"
        Factor f = Factor.of(new String[] {"10", "2", "10", "1.5"});
        assertThat(f.levels()).containsExactly("1.5", "2", "10");
        assertThat(f.codes()).containsExactly(2, 1, 2, 0);
    }

    @Test
    void textLabelsAreInTextOrder() {
        // R: levels(factor(c("b", "a", "10", "b"))) is "10" "a" "b"
        Factor f = Factor.of(new String[] {"b", "a", "10", "b"});
        assertThat(f.levels()).containsExactly("10", "a", "b");
        assertThat(f.codes()).containsExactly(2, 1, 0, 2);
        assertThat(f.size()).isEqualTo(3);
    }

    @Test
    void numbersSpelledDifferentlyStayDistinctLevels() {
        Factor f = Factor.of(new String[] {"1.0", "1", "2"});
        assertThat(f.levels()).containsExactly("1", "1.0", "2");
        assertThat(f.codes()).containsExactly(1, 0, 2);
    }

    /**
     * The levels are those a sorted set of every value holds, in its order (numeric when every value is a number,
     * ties of equal numbers by text), whether equal labels are one {@code String} (as a CSV reader shares them) or
     * several, in runs or apart.
     */
    @Test
    void levelsAndCodesAreThoseOfASortedSetOfTheValues() {
        SplittableRandom rnd = new SplittableRandom(9);
        String[][] alphabets = {{"1", "2", "10", "1.0", "1e1", "-3", "NaN", "Infinity", "0x1p3", "2.50"},
            {"A", "B", "b", "a", "10", "Z z", "é", ""}, {"1", "2", "x"}};
        for (int trial = 0; trial < 2000; trial++) {
            String[] alphabet = alphabets[rnd.nextInt(alphabets.length)];
            int n = rnd.nextInt(1, 60);
            String[] v = new String[n];
            for (int i = 0; i < n; i++) {
                String pick = i > 0 && rnd.nextInt(3) == 0 ? v[i - 1] : alphabet[rnd.nextInt(alphabet.length)];
                v[i] = rnd.nextBoolean() ? pick : new String(pick);   // the same text, sometimes another String
            }
            boolean numeric = true;
            for (String s : v) {
                try {
                    Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            TreeSet<String> set = numeric ? new TreeSet<>((a, b) -> {
                int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
                return c != 0 ? c : a.compareTo(b);
            }) : new TreeSet<>();
            set.addAll(List.of(v));
            List<String> levels = new ArrayList<>(set);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < levels.size(); i++) {
                index.put(levels.get(i), i);
            }
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = index.get(v[i]);
            }
            Factor f = Factor.of(v);
            assertThat(f.levels()).as(String.join("|", v)).isEqualTo(levels);
            assertThat(f.codes()).as(String.join("|", v)).isEqualTo(codes);
        }
    }

    @Test
    void fitGroupsGivesOneCurvePerLevelInFactorOrder() {
        double[] time = {1, 2, 3, 4, 5};
        int[] status = {1, 1, 0, 1, 1};
        KaplanMeierGroups g = KaplanMeier.fitGroups(time, status, new String[] {"10", "2", "10", "2", "2"}, ConfType.LOG,
                0.95);
        assertThat(g.labels()).containsExactly("2", "10");
        assertThat(g.curves().get(0).n()).isEqualTo(3);
        assertThat(g.curves().get(0).rows()).isEqualTo(KaplanMeier.fit(new double[] {2, 4, 5}, new int[] {1, 1, 1},
                ConfType.LOG, 0.95).rows());
        assertThat(g.curves().get(1).n()).isEqualTo(2);
    }
}

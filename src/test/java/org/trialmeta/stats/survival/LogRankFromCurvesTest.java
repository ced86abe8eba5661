package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LogRank#test(List, double)} (from the groups' fitted curves) gives the doubles the test on the
 * observations gives, bit for bit: on survdiff's reference datasets and on generated data with heavy ties, tied
 * events and censorings across groups, groups without events, zero times and weights rho of both signs.
 */
class LogRankFromCurvesTest {

    private static void assertSameBits(String at, LogRankResult fromCurves, LogRankResult fromRows) {
        assertThat(bits(fromCurves.observed())).as(at + " observed").containsExactly(bits(fromRows.observed()));
        assertThat(bits(fromCurves.expected())).as(at + " expected").containsExactly(bits(fromRows.expected()));
        for (int a = 0; a < fromRows.variance().length; a++) {
            assertThat(bits(fromCurves.variance()[a])).as(at + " variance row " + a)
                    .containsExactly(bits(fromRows.variance()[a]));
        }
        assertThat(Double.doubleToLongBits(fromCurves.chisq().getAsDouble())).as(at + " chisq")
                .isEqualTo(Double.doubleToLongBits(fromRows.chisq().getAsDouble()));
        assertThat(fromCurves.df()).as(at).isEqualTo(fromRows.df());
        assertThat(fromCurves.pValue()).as(at).isEqualTo(fromRows.pValue());
        assertThat(fromCurves.stratified()).isFalse();
    }

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Double.doubleToLongBits(x[i]);
        }
        return b;
    }

    private static List<KaplanMeierCurve> curves(double[] time, int[] status, int[] group, int k) {
        String[] labels = new String[group.length];
        for (int i = 0; i < group.length; i++) {
            labels[i] = String.format(java.util.Locale.ROOT, "g%03d", group[i]);
        }
        KaplanMeierGroups fitted = KaplanMeier.fitGroups(time, status, labels, ConfType.LOG, 0.95);
        assertThat(fitted.size()).isEqualTo(k);
        return fitted.curves();
    }

    @Test
    void survdiffReferenceDatasetsGiveTheSameBitsAndMatchR() {
        for (Map<String, String> r : KmReference.rows("logrank.csv")) {
            if (r.get("stratified").equals("1")) {
                continue;
            }
            KmReference.Data d = KmReference.Data.load(r.get("dataset"));
            double rho = Double.parseDouble(r.get("rho"));
            int[] g = KmReference.Data.index(d.group());
            KaplanMeierGroups fitted = KaplanMeier.fitGroups(d.time(), d.status(), d.group(), ConfType.LOG, 0.95);
            String at = r.get("dataset") + " rho=" + rho;
            LogRankResult fromCurves = LogRank.test(fitted.curves(), rho);
            assertSameBits(at, fromCurves, LogRank.test(d.time(), d.status(), g, null, rho));
            double chisq = Double.parseDouble(r.get("chisq"));
            assertThat(Math.abs(fromCurves.chisq().getAsDouble() - chisq) / Math.max(1, chisq)).as(at).isLessThan(1e-10);
        }
    }

    @Test
    void generatedDataWithTiesGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(2026_12_05L);
        double[] rhos = {0, 1, 0.5, -0.75, 2.5};
        int cases = 0;
        for (int rep = 0; rep < 400; rep++) {
            int k = 2 + random.nextInt(5);
            int n = k + random.nextInt(rep % 10 == 0 ? 3000 : 60);
            int distinctTimes = 1 + random.nextInt(rep % 3 == 0 ? 4 : 200);
            double[] time = new double[n];
            int[] status = new int[n];
            int[] group = new int[n];
            for (int i = 0; i < n; i++) {
                group[i] = i < k ? i : random.nextInt(k);   // every group occurs
                time[i] = random.nextInt(distinctTimes) * (rep % 4 == 0 ? 1.0 : 0.37);
                status[i] = random.nextInt(3) == 0 ? 0 : 1;
                if (rep % 7 == 0 && group[i] == k - 1) {
                    status[i] = 0;   // a group without events
                }
            }
            List<KaplanMeierCurve> c = curves(time, status, group, k);
            for (double rho : rhos) {
                LogRankResult fromRows;
                try {
                    fromRows = LogRank.test(time, status, group, null, rho);
                } catch (IllegalArgumentException e) {
                    assertThatThrownBy(() -> LogRank.test(c, rho)).hasMessage(e.getMessage());
                    continue;
                }
                assertSameBits("rep " + rep + " k " + k + " n " + n + " rho " + rho, LogRank.test(c, rho), fromRows);
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(1500);
    }

    @Test
    void moreGroupsThanTheLimitAreRefusedBothWays() {
        int k = LogRank.MAX_GROUPS + 1;
        double[] time = new double[2 * k];
        int[] status = new int[2 * k];
        int[] group = new int[2 * k];
        for (int i = 0; i < 2 * k; i++) {
            time[i] = i;
            status[i] = 1;
            group[i] = i % k;
        }
        String message = "group: 101 groups (the log-rank test compares at most 100)";
        assertThatThrownBy(() -> LogRank.test(time, status, group, null, 0)).hasMessage(message);
        assertThatThrownBy(() -> LogRank.test(curves(time, status, group, k), 0)).hasMessage(message);
        // a group index far beyond the data is refused before any k x k matrix is made
        assertThatThrownBy(() -> LogRank.test(new double[] {1, 2}, new int[] {1, 1}, new int[] {0, 2_000_000_000}))
                .hasMessageContaining("2000000001 groups");
        // at the limit the test runs
        int[] atLimit = group.clone();
        for (int i = 0; i < atLimit.length; i++) {
            atLimit[i] = i % LogRank.MAX_GROUPS;
        }
        assertThat(LogRank.test(time, status, atLimit, null, 0).df()).isEqualTo(LogRank.MAX_GROUPS - 1);
    }

    @Test
    void curvesWhoseRowsDoNotHoldEveryObservationAreRefused() {
        List<KaplanMeierRow> rows = new ArrayList<>();
        rows.add(new KaplanMeierRow(1, 5, 1, 0, 0.8, 0.2, java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty()));
        KaplanMeierCurve partial = new KaplanMeierCurve(5, 1, ConfType.NONE, 0.95, rows);
        KaplanMeierCurve whole = KaplanMeier.fit(new double[] {1, 2}, new int[] {1, 0});
        assertThatThrownBy(() -> LogRank.test(List.of(whole, partial), 0))
                .hasMessage("curve 2: its rows hold 1 events and censorings but 5 at risk at the first time (must be equal)");
    }
}

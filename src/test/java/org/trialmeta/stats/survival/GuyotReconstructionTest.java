package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guyot reconstruction on curves generated from known data: simulate (seeded), compute the true KM,
 * digitise it at published resolution (every step corner, time rounded to 0.1, S to 0.01), take the
 * numbers at risk every {@link #AT_RISK_EVERY} months, reconstruct, and compare with the truth.
 */
class GuyotReconstructionTest {
    /** Max |S_reconstructed(t) − S_true(t)| over the follow-up. */
    private static final double MAX_SURVIVAL_DEVIATION = 0.02;
    /** |median_reconstructed − median_true| in months (time is digitised at 0.1). */
    private static final double MEDIAN_TOLERANCE = 0.5;
    /** |log HR_reconstructed − log HR_true|, HR = exp((O − E)/V) of the log-rank test (Peto). */
    private static final double LOG_HR_TOLERANCE = 0.05;
    /** |RMST_reconstructed − RMST_true| / RMST_true at the common end of follow-up. */
    private static final double RMST_RELATIVE_TOLERANCE = 0.01;
    /** Months between rows of the at-risk table. */
    private static final double AT_RISK_EVERY = 6;

    /** Simulated arm: Weibull(shape, scale) events, uniform accrual over 24 months, analysis at 48, 10%/year dropout. */
    private static double[][] simulate(Random r, int n, double shape, double scale) {
        double[] t = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double ev = scale * Math.pow(-Math.log(r.nextDouble()), 1 / shape);
            double admin = 48 - 24 * r.nextDouble();
            double drop = -Math.log(r.nextDouble()) / (-Math.log(0.9) / 12);
            double c = Math.min(admin, drop);
            // times are reported to 0.1 month in the source data, so ties occur as in real trials
            t[i] = Math.max(0.1, Math.rint(Math.min(ev, c) * 10) / 10);
            e[i] = ev <= c ? 1 : 0;
        }
        return new double[][] {t, e};
    }

    private static int[] ints(double[] x) {
        int[] o = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = (int) x[i];
        }
        return o;
    }

    /**
     * Digitise: two points per step (before and after the drop) plus a reading at each at-risk time,
     * rounded as a digitiser reading would be.
     */
    private static DigitisedCurve digitise(KaplanMeierCurve km) {
        List<double[]> pts = new ArrayList<>();
        double prev = 1;
        for (KaplanMeierRow row : km.rows()) {
            if (row.nEvent() > 0) {
                pts.add(new double[] {row.time(), prev});
                pts.add(new double[] {row.time(), row.surv()});
                prev = row.surv();
            }
        }
        pts.add(new double[] {km.lastTime(), prev});
        // a digitiser also reads the curve where the at-risk table is printed (Guyot et al.'s advice)
        for (double t = AT_RISK_EVERY; t < km.lastTime(); t += AT_RISK_EVERY) {
            pts.add(new double[] {t, km.survivalAt(t)});
        }
        pts.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
        double[] t = new double[pts.size()];
        double[] s = new double[pts.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.rint(pts.get(i)[0] * 10) / 10;
            s[i] = Math.rint(pts.get(i)[1] * 100) / 100;
        }
        return new DigitisedCurve(t, s);
    }

    private static AtRiskTable atRisk(KaplanMeierCurve km) {
        List<Double> times = new ArrayList<>();
        for (double t = 0; t < km.lastTime(); t += AT_RISK_EVERY) {
            times.add(t);
        }
        double[] t = new double[times.size()];
        int[] n = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
            n[i] = km.nRiskAt(t[i]);
        }
        return new AtRiskTable(t, n);
    }

    private static double maxDeviation(KaplanMeierCurve a, KaplanMeierCurve b, double end) {
        double max = 0;
        for (double t = 0; t <= end; t += 0.05) {
            max = Math.max(max, Math.abs(a.survivalAt(t) - b.survivalAt(t)));
        }
        return max;
    }

    private static double logHr(double[] t1, int[] e1, double[] t2, int[] e2) {
        int n = t1.length + t2.length;
        double[] t = new double[n];
        int[] e = new int[n];
        int[] g = new int[n];
        for (int i = 0; i < t1.length; i++) {
            t[i] = t1[i];
            e[i] = e1[i];
        }
        for (int i = 0; i < t2.length; i++) {
            t[t1.length + i] = t2[i];
            e[t1.length + i] = e2[i];
            g[t1.length + i] = 1;
        }
        LogRankResult lr = LogRank.test(t, e, g);
        return (lr.observed()[1] - lr.expected()[1]) / lr.variance()[1][1];
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void reconstructedKaplanMeierMedianRmstAndHazardRatioStayCloseToTheTruth(long seed) {
        Random r = new Random(seed);
        double[][] control = simulate(r, 300, 1.2, 16);
        double[][] treated = simulate(r, 300, 1.2, 16 / Math.pow(0.7, 1 / 1.2)); // HR 0.7
        KaplanMeierCurve kmC = KaplanMeier.fit(control[0], ints(control[1]));
        KaplanMeierCurve kmT = KaplanMeier.fit(treated[0], ints(treated[1]));
        ReconstructedIpd ipdC = GuyotReconstruction.reconstruct(digitise(kmC), atRisk(kmC));
        ReconstructedIpd ipdT = GuyotReconstruction.reconstruct(digitise(kmT), atRisk(kmT));
        assertThat(ipdC.size()).isEqualTo(300);
        assertThat(ipdT.size()).isEqualTo(300);
        KaplanMeierCurve recC = ipdC.kaplanMeier();
        KaplanMeierCurve recT = ipdT.kaplanMeier();
        double devC = maxDeviation(kmC, recC, kmC.lastTime());
        double devT = maxDeviation(kmT, recT, kmT.lastTime());
        double medC = Math.abs(kmC.median().time().getAsDouble() - recC.median().time().getAsDouble());
        double medT = Math.abs(kmT.median().time().getAsDouble() - recT.median().time().getAsDouble());
        double tau = 36;
        double rmstC = Math.abs(kmC.rmst(tau).rmean() - recC.rmst(tau).rmean()) / kmC.rmst(tau).rmean();
        double rmstT = Math.abs(kmT.rmst(tau).rmean() - recT.rmst(tau).rmean()) / kmT.rmst(tau).rmean();
        double hrTrue = logHr(control[0], ints(control[1]), treated[0], ints(treated[1]));
        double hrRec = logHr(ipdC.time(), ipdC.event(), ipdT.time(), ipdT.event());
        System.out.printf(java.util.Locale.ROOT, "seed %d: max|dS| %.4f %.4f, |dmedian| %.2f %.2f, rmst rel %.4f %.4f,"
                + " logHR true %.4f rec %.4f, events %d/%d vs %d/%d%n", seed, devC, devT, medC, medT, rmstC, rmstT,
                hrTrue, hrRec, kmC.events(), ipdC.events(), kmT.events(), ipdT.events());
        assertThat(devC).isLessThanOrEqualTo(MAX_SURVIVAL_DEVIATION);
        assertThat(devT).isLessThanOrEqualTo(MAX_SURVIVAL_DEVIATION);
        assertThat(medC).isLessThanOrEqualTo(MEDIAN_TOLERANCE);
        assertThat(medT).isLessThanOrEqualTo(MEDIAN_TOLERANCE);
        assertThat(rmstC).isLessThanOrEqualTo(RMST_RELATIVE_TOLERANCE);
        assertThat(rmstT).isLessThanOrEqualTo(RMST_RELATIVE_TOLERANCE);
        assertThat(Math.abs(hrTrue - hrRec)).isLessThanOrEqualTo(LOG_HR_TOLERANCE);
    }

    @Test
    void totalEventsIsHonouredWhenGiven() {
        Random r = new Random(11);
        double[][] arm = simulate(r, 200, 1.0, 20);
        KaplanMeierCurve km = KaplanMeier.fit(arm[0], ints(arm[1]));
        ReconstructedIpd ipd = GuyotReconstruction.reconstruct(digitise(km), atRisk(km), OptionalInt.of(km.events()));
        assertThat(ipd.size()).isEqualTo(200);
        assertThat(Math.abs(ipd.events() - km.events())).isLessThanOrEqualTo(2);
        assertThat(maxDeviation(km, ipd.kaplanMeier(), km.lastTime())).isLessThanOrEqualTo(MAX_SURVIVAL_DEVIATION);
    }

    @Test
    void curveWithoutCensoringIsRebuiltExactly() {
        // 10 patients, events at 1..10, no censoring: S drops by 0.1 at each time
        double[] t = new double[21];
        double[] s = new double[21];
        t[0] = 0;
        s[0] = 1;
        for (int i = 1; i <= 10; i++) {
            t[2 * i - 1] = i;
            s[2 * i - 1] = 1 - 0.1 * (i - 1);
            t[2 * i] = i;
            s[2 * i] = 1 - 0.1 * i;
        }
        ReconstructedIpd ipd = GuyotReconstruction.reconstruct(new DigitisedCurve(t, s),
                new AtRiskTable(new double[] {0, 5}, new int[] {10, 6}));
        assertThat(ipd.time()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(ipd.event()).containsOnly(1);
    }

    @Test
    void atRiskIntervalWithoutPointsIsCarriedFlatAndListed() {
        ReconstructedIpd ipd = GuyotReconstruction.reconstruct(
                new DigitisedCurve(new double[] {0, 1, 10}, new double[] {1, 0.9, 0.5}),
                new AtRiskTable(new double[] {0, 3, 6}, new int[] {20, 15, 10}));
        assertThat(ipd.size()).isEqualTo(20);
        assertThat(ipd.repairs()).extracting(Repair::kind).containsExactly(RepairKind.FLAT_INTERVAL);
        Repair.Touched row = ipd.repairs().get(0).points().get(0);
        assertThat(row.index()).as("the at-risk row whose interval had no point").isEqualTo(1);
        assertThat(row.newTime()).isEqualTo(3);
        assertThat(row.newValue()).as("survival carried forward").isEqualTo(0.9);
        // flat from 3: the 15 - 10 who leave the risk set before the next point are censored, none has an event;
        // as in Guyot et al.'s algorithm they are censored at the middle of their step, (3 + 10) / 2
        KaplanMeierCurve km = ipd.kaplanMeier();
        assertThat(km.survivalAt(9.9)).isEqualTo(km.survivalAt(3)).isEqualTo(0.9, org.assertj.core.api.Assertions
                .within(0.03));
        assertThat(km.nRiskAt(6.6)).isEqualTo(10);
    }

    /**
     * Inputs found by a random search (2026-12, 3008 small curves) on which the published algorithm returned n + 1
     * patients. Here: 5 at risk and no table; after 2 events at t = 1 the reconstructed KM is 0.6 but the curve is
     * read at 0.7 at t = 2 and 3, and d = round(3 (1 − 0.7/0.6)) = round(−0.5000000000000002) = −1: a negative
     * event adds a patient.
     */
    @Test
    void aPointAboveTheReconstructedCurveNoLongerAddsAPatient() {
        ReconstructedIpd ipd = GuyotReconstruction.reconstruct(
                new DigitisedCurve(new double[] {1, 2, 3, 4, 5, 6}, new double[] {0.7, 0.7, 0.7, 0.3, 0, 0}),
                new AtRiskTable(new double[] {0}, new int[] {5}));
        assertThat(ipd.size()).isEqualTo(5);
        assertThat(ipd.events()).isEqualTo(5);
    }

    /**
     * The second form: interval [2, 3) starts with 1 at risk and must end with 0. The first guess is 1 censoring;
     * with it the drop 0.4 → 0.4 × (1 − 1) still takes round(0.6) = 1 event, leaving −1 at risk. The published loop
     * lowers the censoring to 0 and stops without recomputing, so the censoring stays and the next interval starts
     * at −1: 2 patients out of 1.
     */
    @Test
    void theAdjustmentLoopEndsOnTheCensoringItReports() {
        ReconstructedIpd ipd = GuyotReconstruction.reconstruct(
                new DigitisedCurve(new double[] {1, 2, 3, 4}, new double[] {0.6, 0.4, 0.4, 0.3}),
                new AtRiskTable(new double[] {0, 2, 3}, new int[] {1, 1, 0}));
        assertThat(ipd.size()).isEqualTo(1);
        assertThat(ipd.events()).isEqualTo(1);
        assertThat(ipd.time()).containsExactly(2.0);
    }

    /** Every patient is accounted for on random small curves, tables and totals (the inputs that found the bug). */
    @Test
    void everyPatientIsAccountedForOnRandomInputs() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int reconstructed = 0;
        for (int c = 0; c < 5_000; c++) {
            int m = 1 + r.nextInt(30);
            double[] t = new double[m];
            double[] s = new double[m];
            double cur = 1;
            double time = 0;
            for (int i = 0; i < m; i++) {
                time += r.nextDouble() * 3;
                t[i] = Math.rint(time * 10) / 10;
                cur = Math.max(0, cur - r.nextDouble() * 0.15);
                s[i] = cur + (r.nextDouble() - 0.5) * 0.03;
            }
            int k = 1 + r.nextInt(8);
            double[] rt = new double[k];
            int[] rn = new int[k];
            rn[0] = 1 + r.nextInt(300);
            for (int i = 1; i < k; i++) {
                rt[i] = rt[i - 1] + 1 + r.nextInt(10);
                rn[i] = r.nextInt(rn[i - 1] + 1);
            }
            OptionalInt total = r.nextBoolean() ? OptionalInt.of(r.nextInt(rn[0] + 1)) : OptionalInt.empty();
            ReconstructedIpd ipd;
            try {
                ipd = GuyotReconstruction.reconstruct(new DigitisedCurve(t, s), new AtRiskTable(rt, rn), total);
            } catch (DigitisationException e) {
                continue; // a rise above the tolerance: refused, not reconstructed
            }
            reconstructed++;
            assertThat(ipd.size()).as("case %d", c).isEqualTo(rn[0]);
            assertThat(ipd.events()).isBetween(0, rn[0]);
            double end = Math.max(t[m - 1], rt[k - 1]); // those at risk after the curve: censored at that time
            for (double x : ipd.time()) {
                assertThat(x).isBetween(0.0, end);
            }
        }
        assertThat(reconstructed).isGreaterThan(4_800);
    }
}

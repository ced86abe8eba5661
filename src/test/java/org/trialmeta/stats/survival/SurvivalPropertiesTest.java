package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of {@link KaplanMeier}, {@link LogRank}, {@link CoxRegression} and
 * {@link GuyotReconstruction}: invariants that must hold for every input, not only the R reference data.
 * Plain JUnit with fixed seeds, {@value #CASES} random data sets per property.
 *
 * <p>Each property was seen to fail on a deliberately broken copy (2026-11-25): log CI not capped at 1,
 * censored patients kept at risk, a KM step upwards, censoring times left unsorted (row order), an asymmetric
 * log-rank variance (labels), a Cox variance unscaled with the wrong power (rescaling), an asymmetric HR CI
 * (recoding), no at-risk adjustment in the Guyot loop, and the singular log-rank variance check removed.
 */
class SurvivalPropertiesTest {

    private static final int CASES = 200;

    /** Relative tolerance of statistics recomputed after relabelling (sums in another order). */
    private static final double LOG_RANK_RELATIVE = 1e-9;
    /**
     * Relative tolerance of Cox estimates after recoding / rescaling a covariate: Newton-Raphson stops at
     * |1 − loglik_old/loglik_new| ≤ 1e-9, and both fits take the same (mirrored / internally rescaled) path.
     */
    private static final double COX_RELATIVE = 1e-6;
    /** Absolute floor of the tolerances. */
    private static final double ABSOLUTE_FLOOR = 1e-10;

    private static void close(String what, double actual, double expected, double relative) {
        double tol = relative * Math.max(1, Math.abs(expected)) + ABSOLUTE_FLOOR;
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected).isLessThanOrEqualTo(tol);
    }

    /** Right-censored sample: n in [1, 150], exponential times, some rounded (ties), ~30% censored. */
    private record Sample(double[] time, int[] status) {
    }

    private static Sample sample(SplittableRandom r, int minN) {
        int n = minN + r.nextInt(150);
        double grid = r.nextBoolean() ? 0 : new double[] {0.1, 0.5, 1}[r.nextInt(3)];
        double censorRate = r.nextDouble() * 0.6;
        double[] t = new double[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            double ev = -Math.log(1 - r.nextDouble()) * 10;
            double ce = censorRate == 0 ? Double.POSITIVE_INFINITY : -Math.log(1 - r.nextDouble()) * 10 / censorRate;
            double x = Math.min(ev, ce);
            t[i] = grid == 0 ? x : Math.max(grid, Math.rint(x / grid) * grid);
            s[i] = ev <= ce ? 1 : 0;
        }
        return new Sample(t, s);
    }

    private static int[] permutation(SplittableRandom r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int s = p[i];
            p[i] = p[j];
            p[j] = s;
        }
        return p;
    }

    @Test
    void kaplanMeierIsNonIncreasingInUnitIntervalWithIntervalsAroundItAndAtRiskCountsThatOnlyFall() {
        SplittableRandom rnd = new SplittableRandom(2026_12_01L);
        for (int c = 0; c < CASES; c++) {
            Sample d = sample(rnd, 1);
            double level = 0.5 + 0.499 * rnd.nextDouble();
            for (ConfType ct : ConfType.values()) {
                String what = "sample " + c + " " + ct + " level " + level;
                KaplanMeierCurve km = KaplanMeier.fit(d.time, d.status, ct, level);
                double prev = 1;
                int prevRisk = d.time.length;
                int gone = 0;
                double prevTime = Double.NEGATIVE_INFINITY;
                for (KaplanMeierRow row : km.rows()) {
                    String at = what + " t " + row.time();
                    assertThat(row.time()).as(at + " times increase").isGreaterThan(prevTime);
                    assertThat(row.surv()).as(at + " S in [0, 1]").isBetween(0.0, 1.0);
                    assertThat(row.surv()).as(at + " S non-increasing").isLessThanOrEqualTo(prev);
                    assertThat(row.nRisk()).as(at + " at risk non-increasing").isLessThanOrEqualTo(prevRisk);
                    assertThat(row.nRisk()).as(at + " at risk = n − earlier events and censorings")
                            .isEqualTo(d.time.length - gone);
                    if (row.nEvent() == 0) {
                        assertThat(row.surv()).as(at + " no event, no drop").isEqualTo(prev);
                    }
                    row.lower().ifPresent(lo -> {
                        assertThat(lo).as(at + " lower in [0, S]").isBetween(0.0, row.surv());
                    });
                    row.upper().ifPresent(up -> {
                        assertThat(up).as(at + " upper in [S, 1]").isBetween(row.surv(), 1.0);
                    });
                    if (ct == ConfType.NONE) {
                        assertThat(row.lower()).as(at + " no interval").isEmpty();
                    }
                    prev = row.surv();
                    prevRisk = row.nRisk();
                    prevTime = row.time();
                    gone += row.nEvent() + row.nCensor();
                }
                assertThat(gone).as(what + " every observation in one row").isEqualTo(d.time.length);
                for (double t = 0; t <= km.lastTime() + 1; t += km.lastTime() / 37 + 1e-3) {
                    assertThat(km.nRiskAt(t)).as(what + " nRiskAt(" + t + ")")
                            .isEqualTo(atRisk(d.time, t));
                }
            }
        }
    }

    private static int atRisk(double[] time, double t) {
        int n = 0;
        for (double x : time) {
            if (x >= t) {
                n++;
            }
        }
        return n;
    }

    @Test
    void kaplanMeierDoesNotDependOnTheOrderOfTheRows() {
        SplittableRandom rnd = new SplittableRandom(2026_12_02L);
        for (int c = 0; c < CASES; c++) {
            Sample d = sample(rnd, 1);
            int[] p = permutation(rnd, d.time.length);
            double[] tp = new double[p.length];
            int[] sp = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                tp[i] = d.time[p[i]];
                sp[i] = d.status[p[i]];
            }
            for (ConfType ct : ConfType.values()) {
                assertThat(KaplanMeier.fit(tp, sp, ct, 0.95)).as("sample " + c + " " + ct)
                        .isEqualTo(KaplanMeier.fit(d.time, d.status, ct, 0.95));
            }
        }
    }

    @Test
    void logRankChiSquareDoesNotDependOnTheGroupLabels() {
        SplittableRandom rnd = new SplittableRandom(2026_12_03L);
        int singular = 0;
        for (int c = 0; c < CASES; c++) {
            Sample d = sample(rnd, 4);
            int n = d.time.length;
            int groups = 2 + rnd.nextInt(2);
            int[] g = new int[n];
            for (int i = 0; i < n; i++) {
                g[i] = i < groups ? i : rnd.nextInt(groups); // every label occurs
            }
            int[] strata = null;
            if (rnd.nextBoolean()) {
                strata = new int[n];
                for (int i = 0; i < n; i++) {
                    strata[i] = rnd.nextInt(2);
                }
            }
            double rho = rnd.nextBoolean() ? 0 : rnd.nextDouble() * 2;
            int[] relabel = permutation(rnd, groups);
            if (groups == 2) {
                relabel = new int[] {1, 0};
            }
            int[] g2 = new int[n];
            for (int i = 0; i < n; i++) {
                g2[i] = relabel[g[i]];
            }
            String what = "sample " + c + " groups " + groups + " rho " + rho + " strata " + (strata != null);
            LogRankResult a = logRank(d.time, d.status, g, strata, rho);
            LogRankResult b = logRank(d.time, d.status, g2, strata, rho);
            assertThat(b == null).as(what + " singular after relabelling as before").isEqualTo(a == null);
            if (a == null) {
                singular++;
                continue;
            }
            close(what + " chisq", b.chisq().getAsDouble(), a.chisq().getAsDouble(), LOG_RANK_RELATIVE);
            assertThat(b.df()).as(what + " df").isEqualTo(a.df());
            assertThat(b.pValue().isPresent()).as(what + " p present").isEqualTo(a.pValue().isPresent());
            a.pValue().ifPresent(pv -> close(what + " p", b.pValue().getAsDouble(), pv, LOG_RANK_RELATIVE));
            for (int j = 0; j < groups; j++) {
                close(what + " observed " + j, b.observed()[relabel[j]], a.observed()[j], LOG_RANK_RELATIVE);
                close(what + " expected " + j, b.expected()[relabel[j]], a.expected()[j], LOG_RANK_RELATIVE);
            }
        }
        assertThat(singular).as("singular samples").isLessThan(CASES / 10);
    }

    /** The test, or null when its variance matrix is singular (as survdiff, which stops). */
    private static LogRankResult logRank(double[] time, int[] status, int[] group, int[] strata, double rho) {
        LogRankResult r = LogRank.test(time, status, group, strata, rho);
        if (r.singular()) {
            assertThat(r.pValue()).isEmpty();
            return null;
        }
        return r;
    }

    /** Survival sample with a binary covariate x (HR exp(beta)) and a continuous covariate z. */
    private record CoxData(double[] time, int[] status, double[] x, double[] z) {
    }

    private static CoxData coxData(SplittableRandom r) {
        int n = 20 + r.nextInt(180);
        double beta = r.nextDouble() * 2 - 1;
        double gamma = r.nextDouble() - 0.5;
        double grid = r.nextBoolean() ? 0 : 0.5;
        double[] t = new double[n];
        int[] s = new int[n];
        double[] x = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < 2 ? i : r.nextInt(2);
            z[i] = 3 + 2 * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            double ev = -Math.log(1 - r.nextDouble()) * 10 * Math.exp(-beta * x[i] - gamma * z[i]);
            double ce = -Math.log(1 - r.nextDouble()) * 25;
            double v = Math.min(ev, ce);
            t[i] = grid == 0 ? v : Math.max(grid, Math.rint(v / grid) * grid);
            s[i] = ev <= ce ? 1 : 0;
        }
        s[0] = 1; // at least one event
        return new CoxData(t, s, x, z);
    }

    private static void sameTest(String what, CoxTest a, CoxTest b) {
        close(what + " statistic", b.statistic(), a.statistic(), COX_RELATIVE);
        assertThat(b.df()).as(what + " df").isEqualTo(a.df());
        close(what + " p", b.pValue(), a.pValue(), COX_RELATIVE);
    }

    /** b refits a with covariate {@code j} multiplied by {@code factor} (and shifted): coef·factor back. */
    private static void sameModel(String what, CoxModel a, CoxModel b, int j, double factor) {
        assertThat(b.convergence()).as(what + " convergence").isEqualTo(a.convergence());
        for (int k = 0; k < a.coefficients().size(); k++) {
            CoxCoefficient.Estimate ea = a.coefficients().get(k).estimate().orElseThrow();
            CoxCoefficient.Estimate eb = b.coefficients().get(k).estimate().orElseThrow();
            double f = k == j ? factor : 1;
            close(what + " coef " + k, eb.coef() * f, ea.coef(), COX_RELATIVE);
            close(what + " se " + k, eb.se() * Math.abs(f), ea.se(), COX_RELATIVE);
            close(what + " z " + k, eb.z() * Math.signum(f), ea.z(), COX_RELATIVE);
            close(what + " p " + k, eb.pValue(), ea.pValue(), COX_RELATIVE);
            if (k == j && factor == -1) {
                close(what + " HR inverted", 1 / eb.hazardRatio(), ea.hazardRatio(), COX_RELATIVE);
                close(what + " HR CI lower inverted", 1 / eb.hazardRatioCi().upper(), ea.hazardRatioCi().lower(),
                        COX_RELATIVE);
                close(what + " HR CI upper inverted", 1 / eb.hazardRatioCi().lower(), ea.hazardRatioCi().upper(),
                        COX_RELATIVE);
            }
        }
        close(what + " loglik", b.logLik(), a.logLik(), COX_RELATIVE);
        sameTest(what + " LR", a.likelihoodRatioTest(), b.likelihoodRatioTest());
        sameTest(what + " Wald", a.waldTest(), b.waldTest());
        sameTest(what + " score", a.scoreTest(), b.scoreTest());
        // the linear predictor only shifts, so the concordance is the same
        assertThat(b.concordance().isPresent()).as(what + " concordance present").isEqualTo(a.concordance().isPresent());
        a.concordance().ifPresent(ca -> {
            Concordance cb = b.concordance().orElseThrow();
            assertThat(ca.value()).as(what + " C in [0, 1]").isBetween(0.0, 1.0);
            close(what + " concordance", cb.value(), ca.value(), COX_RELATIVE);
            close(what + " concordance se", cb.standardError(), ca.standardError(), COX_RELATIVE);
        });
    }

    @Test
    void coxSwappingTheCodingOfABinaryCovariateInvertsItsHazardRatioAndKeepsEveryTest() {
        SplittableRandom rnd = new SplittableRandom(2026_12_04L);
        int compared = 0;
        for (int c = 0; c < CASES; c++) {
            CoxData d = coxData(rnd);
            double[] swapped = new double[d.x.length];
            for (int i = 0; i < swapped.length; i++) {
                swapped[i] = 1 - d.x[i];
            }
            Ties ties = rnd.nextBoolean() ? Ties.EFRON : Ties.BRESLOW;
            boolean withZ = rnd.nextBoolean();
            double[][] cols = withZ ? new double[][] {d.x, d.z} : new double[][] {d.x};
            double[][] colsSwapped = withZ ? new double[][] {swapped, d.z} : new double[][] {swapped};
            List<String> names = withZ ? List.of("x", "z") : List.of("x");
            CoxModel a = CoxRegression.fit(d.time, d.status, cols, names, null, ties, 0.95);
            CoxModel b = CoxRegression.fit(d.time, d.status, colsSwapped, names, null, ties, 0.95);
            if (!a.converged() || a.coefficients().get(0).possiblyInfinite()) {
                assertThat(b.convergence()).as("sample " + c + " convergence").isEqualTo(a.convergence());
                continue; // monotone likelihood: the estimate is not meaningful
            }
            compared++;
            sameModel("sample " + c + " " + ties + " with z " + withZ, a, b, 0, -1);
        }
        assertThat(compared).as("converged fits compared").isGreaterThan(CASES * 9 / 10);
    }

    @Test
    void coxScalingAContinuousCovariateByCScalesItsCoefficientByOneOverC() {
        SplittableRandom rnd = new SplittableRandom(2026_12_05L);
        int compared = 0;
        for (int c = 0; c < CASES; c++) {
            CoxData d = coxData(rnd);
            double factor = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, -2 + 4 * rnd.nextDouble());
            double[] scaled = new double[d.z.length];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = factor * d.z[i];
            }
            Ties ties = rnd.nextBoolean() ? Ties.EFRON : Ties.BRESLOW;
            CoxModel a = CoxRegression.fit(d.time, d.status, new double[][] {d.x, d.z}, List.of("x", "z"), null, ties,
                    0.95);
            CoxModel b = CoxRegression.fit(d.time, d.status, new double[][] {d.x, scaled}, List.of("x", "z"), null,
                    ties, 0.95);
            if (!a.converged() || a.coefficients().stream().anyMatch(CoxCoefficient::possiblyInfinite)) {
                continue;
            }
            compared++;
            sameModel("sample " + c + " " + ties + " factor " + factor, a, b, 1, factor);
        }
        assertThat(compared).as("converged fits compared").isGreaterThan(CASES * 9 / 10);
    }

    /** Digitise a KM curve: both ends of every drop, the last time, and the at-risk times; 3 decimals. */
    private static DigitisedCurve digitise(KaplanMeierCurve km, double[] atRiskTimes) {
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
        for (double t : atRiskTimes) {
            pts.add(new double[] {t, km.survivalAt(t)});
        }
        double[] t = new double[pts.size()];
        double[] s = new double[pts.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = pts.get(i)[0];
            s[i] = Math.rint(pts.get(i)[1] * 1000) / 1000;
        }
        return new DigitisedCurve(t, s);
    }

    @Test
    void guyotReconstructionGivesANonIncreasingCurveInUnitIntervalWithThePublishedNumbersAtRisk() {
        SplittableRandom rnd = new SplittableRandom(2026_12_06L);
        for (int c = 0; c < CASES; c++) {
            Sample d = sample(rnd, 10);
            KaplanMeierCurve truth = KaplanMeier.fit(d.time, d.status);
            double every = Math.max(truth.lastTime() / (2 + rnd.nextInt(6)), 1e-3);
            List<Double> times = new ArrayList<>();
            for (double t = 0; t < truth.lastTime(); t += every) {
                times.add(t);
            }
            double[] at = times.stream().mapToDouble(Double::doubleValue).toArray();
            int[] nRisk = new int[at.length];
            for (int i = 0; i < at.length; i++) {
                nRisk[i] = truth.nRiskAt(at[i]);
            }
            String what = "sample " + c + " at-risk times " + java.util.Arrays.toString(at) + " n "
                    + java.util.Arrays.toString(nRisk);
            ReconstructedIpd ipd = GuyotReconstruction.reconstruct(digitise(truth, at), new AtRiskTable(at, nRisk));
            assertThat(ipd.size()).as(what + " patients").isEqualTo(nRisk[0]);
            KaplanMeierCurve rec = ipd.kaplanMeier();
            double prev = 1;
            for (KaplanMeierRow row : rec.rows()) {
                assertThat(row.surv()).as(what + " S in [0, 1] at " + row.time()).isBetween(0.0, 1.0);
                assertThat(row.surv()).as(what + " S non-increasing at " + row.time()).isLessThanOrEqualTo(prev);
                prev = row.surv();
            }
            for (int i = 0; i < at.length; i++) {
                assertThat(rec.nRiskAt(at[i])).as(what + " at risk at " + at[i]).isEqualTo(nRisk[i]);
            }
        }
    }
}

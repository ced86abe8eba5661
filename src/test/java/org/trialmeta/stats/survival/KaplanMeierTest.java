package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kaplan-Meier, quantiles and RMST against survival 3.5.3 (values: src/test/r/km.R). */
class KaplanMeierTest {
    /** Survival, standard errors and confidence limits. */
    private static final double KM_TOLERANCE = 1e-10;
    /** Quantiles and their limits are data times (or midpoints of two): exact up to rounding. */
    private static final double QUANTILE_TOLERANCE = 1e-10;
    /** Restricted mean and its SE, relative to max(1, |value|). */
    private static final double RMST_TOLERANCE = 1e-10;

    static double maxDeviation;

    private static void close(String what, double actual, double expected, double tol) {
        if (Double.isNaN(expected)) {
            assertThat(Double.isNaN(actual)).as(what + ": R gives NA, got " + actual).isTrue();
            return;
        }
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double dev = Math.abs(actual - expected) / Math.max(1.0, Math.abs(expected));
        maxDeviation = Math.max(maxDeviation, dev);
        assertThat(dev).as(what + ": got " + actual + ", R " + expected).isLessThanOrEqualTo(tol);
    }

    private static double val(OptionalDouble o) {
        return o.isPresent() ? o.getAsDouble() : Double.NaN;
    }

    private static KaplanMeierCurve fit(String dataset, String group, String conftype, double level) {
        KmReference.Data d = KmReference.Data.load(dataset).subset(group);
        return KaplanMeier.fit(d.time(), d.status(), ConfType.fromRName(conftype), level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lung", "aml", "ovarian", "veteran", "veteran4", "heavy", "ties", "half", "zeroexp", "noevents", "single", "singlecens"})
    void kaplanMeierTableMatchesSurvfit(String dataset) {
        Map<String, List<Map<String, String>>> byCurve = new HashMap<>();
        for (Map<String, String> r : KmReference.rows("curves.csv")) {
            if (r.get("dataset").equals(dataset)) {
                byCurve.computeIfAbsent(r.get("group") + "|" + r.get("conftype") + "|" + r.get("level"),
                        k -> new ArrayList<>()).add(r);
            }
        }
        assertThat(byCurve).isNotEmpty();
        for (var e : byCurve.entrySet()) {
            String[] key = e.getKey().split("\\|");
            KaplanMeierCurve c = fit(dataset, key[0], key[1], Double.parseDouble(key[2]));
            List<Map<String, String>> ref = e.getValue();
            assertThat(c.rows()).as(e.getKey()).hasSize(ref.size());
            for (int i = 0; i < ref.size(); i++) {
                Map<String, String> r = ref.get(i);
                KaplanMeierRow row = c.rows().get(i);
                String at = dataset + " " + e.getKey() + " row " + i;
                assertThat(row.time()).as(at).isEqualTo(KmReference.num(r.get("time")));
                assertThat((double) row.nRisk()).as(at).isEqualTo(KmReference.num(r.get("n_risk")));
                assertThat((double) row.nEvent()).as(at).isEqualTo(KmReference.num(r.get("n_event")));
                assertThat((double) row.nCensor()).as(at).isEqualTo(KmReference.num(r.get("n_censor")));
                close(at + " surv", row.surv(), KmReference.num(r.get("surv")), KM_TOLERANCE);
                close(at + " std.err (cumhaz)", row.stdErrCumHaz(), KmReference.num(r.get("std_err_chaz")), KM_TOLERANCE);
                close(at + " std.err", val(row.stdErr()), KmReference.num(r.get("std_err")), KM_TOLERANCE);
                close(at + " lower", val(row.lower()), KmReference.num(r.get("lower")), KM_TOLERANCE);
                close(at + " upper", val(row.upper()), KmReference.num(r.get("upper")), KM_TOLERANCE);
            }
        }
    }

    @Test
    void quantilesMatchQuantileSurvfit() {
        List<Map<String, String>> ref = KmReference.rows("quantiles.csv");
        assertThat(ref).hasSizeGreaterThan(500);
        for (Map<String, String> r : ref) {
            KaplanMeierCurve c = fit(r.get("dataset"), r.get("group"), r.get("conftype"),
                    Double.parseDouble(r.get("level")));
            SurvivalQuantile q = c.quantile(Double.parseDouble(r.get("prob")));
            String at = r.toString();
            close(at + " quantile", val(q.time()), KmReference.num(r.get("quantile")), QUANTILE_TOLERANCE);
            close(at + " lower", val(q.lower()), KmReference.num(r.get("lower")), QUANTILE_TOLERANCE);
            close(at + " upper", val(q.upper()), KmReference.num(r.get("upper")), QUANTILE_TOLERANCE);
        }
    }

    @Test
    void medianMatchesPrintSurvfit() {
        List<Map<String, String>> ref = KmReference.rows("medians.csv");
        assertThat(ref).hasSizeGreaterThan(100);
        for (Map<String, String> r : ref) {
            KaplanMeierCurve c = fit(r.get("dataset"), r.get("group"), r.get("conftype"),
                    Double.parseDouble(r.get("level")));
            SurvivalQuantile q = c.median();
            String at = r.toString();
            close(at + " median", val(q.time()), KmReference.num(r.get("median")), QUANTILE_TOLERANCE);
            close(at + " lower", val(q.lower()), KmReference.num(r.get("lower")), QUANTILE_TOLERANCE);
            close(at + " upper", val(q.upper()), KmReference.num(r.get("upper")), QUANTILE_TOLERANCE);
        }
    }

    @Test
    void rmstMatchesPrintSurvfitRmean() {
        List<Map<String, String>> ref = KmReference.rows("rmean.csv");
        assertThat(ref).hasSizeGreaterThan(30);
        for (Map<String, String> r : ref) {
            KaplanMeierCurve c = fit(r.get("dataset"), r.get("group"), "log", 0.95);
            RmstResult m = c.rmst(Double.parseDouble(r.get("tau")));
            close(r + " rmean", m.rmean(), KmReference.num(r.get("rmean")), RMST_TOLERANCE);
            close(r + " se", m.se(), KmReference.num(r.get("se")), RMST_TOLERANCE);
        }
    }

    @Test
    void commonRmstMatchesPrintSurvfitRmeanCommon() {
        Map<String, List<Map<String, String>>> byData = new HashMap<>();
        for (Map<String, String> r : KmReference.rows("rmean_common.csv")) {
            byData.computeIfAbsent(r.get("dataset"), k -> new ArrayList<>()).add(r);
        }
        assertThat(byData).containsKeys("lung", "aml", "ovarian", "veteran", "noevents");
        for (var e : byData.entrySet()) {
            KmReference.Data d = KmReference.Data.load(e.getKey());
            List<KaplanMeierCurve> curves = new ArrayList<>();
            for (Map<String, String> r : e.getValue()) {
                KmReference.Data s = d.subset(r.get("group"));
                curves.add(KaplanMeier.fit(s.time(), s.status()));
            }
            double tau = KaplanMeier.commonTau(curves);
            for (int i = 0; i < curves.size(); i++) {
                Map<String, String> r = e.getValue().get(i);
                RmstResult m = curves.get(i).rmst(tau);
                close(r + " rmean", m.rmean(), KmReference.num(r.get("rmean")), RMST_TOLERANCE);
                close(r + " se", m.se(), KmReference.num(r.get("se")), RMST_TOLERANCE);
            }
        }
    }

    @Test
    void rmstDifferenceOnAmlIsDifferenceOfSurvfitRmeansWithIndependentSe() {
        KmReference.Data d = KmReference.Data.load("aml");
        KmReference.Data a = d.subset("Maintained");
        KmReference.Data b = d.subset("Nonmaintained");
        var ca = KaplanMeier.fit(a.time(), a.status());
        var cb = KaplanMeier.fit(b.time(), b.status());
        RmstDifference diff = KaplanMeier.rmstDifference(ca, cb, 161, 0.95);
        // print(survfit(Surv(time, status) ~ x, aml), rmean = "common"): 52.64545 (19.828603), 22.70833 (4.180942)
        assertThat(diff.difference()).isCloseTo(52.64545454545 - 22.70833333333, org.assertj.core.api.Assertions.within(1e-9));
        double se = Math.hypot(diff.first().se(), diff.second().se());
        assertThat(diff.se()).isEqualTo(se);
        assertThat(diff.ci().lower()).isCloseTo(diff.difference() - 1.959963984540054 * se,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(diff.pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void medianRulesOfPrintAndQuantileSurvfitDifferWhenCurveEndsFlatAtOneHalf() {
        // half.csv group B: times 1,2,3,4 status 1,1,0,0 -> S = 0.5 from t = 2 to the end (t = 4).
        // print(survfit): median 2; quantile(survfit, 0.5): (2 + 4) / 2 = 3 (src/test/r/km.R)
        KmReference.Data b = KmReference.Data.load("half").subset("B");
        KaplanMeierCurve c = KaplanMeier.fit(b.time(), b.status());
        assertThat(c.median().time()).hasValue(2.0);
        assertThat(c.quantile(0.5).time()).hasValue(3.0);
        // group A: S = 0.5 on [3, 4): both rules average to 3.5
        KmReference.Data a = KmReference.Data.load("half").subset("A");
        KaplanMeierCurve ca = KaplanMeier.fit(a.time(), a.status());
        assertThat(ca.median().time()).hasValue(3.5);
        assertThat(ca.quantile(0.5).time()).hasValue(3.5);
    }

    @org.junit.jupiter.api.AfterAll
    static void reportMaxDeviation() {
        System.out.printf(java.util.Locale.ROOT, "KaplanMeierTest: max relative deviation from R %.3g%n", maxDeviation);
    }

    @Test
    void censoredAtEventTimeAreAtRiskAtThatTime() {
        var c = KaplanMeier.fit(new double[] {1, 2, 2, 3}, new int[] {1, 1, 0, 0});
        assertThat(c.rows().get(1).nRisk()).isEqualTo(3);
        assertThat(c.rows().get(1).surv()).isEqualTo(0.75 * 2.0 / 3.0);
        assertThat(c.nRiskAt(2.5)).isEqualTo(1);
        assertThat(c.nRiskAt(4)).isEqualTo(0);
        assertThat(c.nRiskAt(0)).isEqualTo(4);
        assertThat(c.survivalAt(0.5)).isEqualTo(1.0);
        assertThat(c.survivalAt(1)).isEqualTo(0.75);
        assertThat(c.survivalAt(1.5)).isEqualTo(0.75);
        assertThat(c.survivalAt(2)).isEqualTo(0.5);
        assertThat(c.survivalAt(99)).isEqualTo(0.5);
    }

    @Test
    void invalidInputIsRefusedWithFieldAndValue() {
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1}, new int[] {2}))
                .hasMessageContaining("status[0] = 2");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {-1}, new int[] {1}))
                .hasMessageContaining("time[0] = -1");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[0], new int[0])).hasMessageContaining("no observations");
    }

    @Test
    void fitIsFastOnAMillionRows() {
        java.util.Random r = new java.util.Random(1);
        int n = 1_000_000;
        double[] t = new double[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.rint(-Math.log(r.nextDouble()) * 1000) / 10;
            s[i] = r.nextDouble() < 0.7 ? 1 : 0;
        }
        long t0 = System.nanoTime();
        var c = KaplanMeier.fit(t, s);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(c.n()).isEqualTo(n);
        assertThat(ms).as("KM on 10^6 rows took " + ms + " ms").isLessThan(5000);
    }
}

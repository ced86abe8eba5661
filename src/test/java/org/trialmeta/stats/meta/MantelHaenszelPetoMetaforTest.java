package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.meta.MetaforTwoByTwoReference.Case;
import org.trialmeta.stats.meta.MetaforTwoByTwoReference.Tables;
import org.trialmeta.stats.meta.TwoByTwoPoolResult.ChiSquare;

/**
 * Mantel-Haenszel and Peto pooling against metafor 3.8.1 {@code rma.mh} / {@code rma.peto} / {@code weights}:
 * reference values from src/test/r/mh_peto.R, stored in src/test/resources/r/mhpeto/. All quantities are closed
 * forms, compared at {@link #RELATIVE_TOLERANCE}; values metafor reports as NA/NaN/±Inf must be "not estimable"
 * (empty) here, and vice versa.
 */
class MantelHaenszelPetoMetaforTest {

    /** Closed forms: 1e-8 relative, as issue 4 requires. */
    private static final double RELATIVE_TOLERANCE = 1e-8;
    /**
     * Absolute floor for quantities that are zero in exact arithmetic and rounding noise in R and here
     * (e.g. the Breslow-Day statistic of a single table, 3e-30 in metafor).
     */
    private static final double ABSOLUTE_FLOOR = 1e-13;

    @Test
    void mhOddsRatioMatchesMetaforOnBcg() {
        assertMatchesMetafor("bcg_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnBcg() {
        assertMatchesMetafor("bcg_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnBcg() {
        assertMatchesMetafor("bcg_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnBcg() {
        assertMatchesMetafor("bcg_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnNielweise2007ZeroCells() {
        assertMatchesMetafor("nielweise2007_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnNielweise2007ZeroCells() {
        assertMatchesMetafor("nielweise2007_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnNielweise2007ZeroCells() {
        assertMatchesMetafor("nielweise2007_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnNielweise2007ZeroCells() {
        assertMatchesMetafor("nielweise2007_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnCollins1985aDoubleZeros() {
        assertMatchesMetafor("collins1985a_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnCollins1985aDoubleZeros() {
        assertMatchesMetafor("collins1985a_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnCollins1985aDoubleZeros() {
        assertMatchesMetafor("collins1985a_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnCollins1985aDoubleZeros() {
        assertMatchesMetafor("collins1985a_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnYusuf1985ZeroHeterogeneity() {
        assertMatchesMetafor("yusuf1985t6_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnYusuf1985ZeroHeterogeneity() {
        assertMatchesMetafor("yusuf1985t6_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnYusuf1985ZeroHeterogeneity() {
        assertMatchesMetafor("yusuf1985t6_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnYusuf1985ZeroHeterogeneity() {
        assertMatchesMetafor("yusuf1985t6_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnHine1989() {
        assertMatchesMetafor("hine1989_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnHine1989() {
        assertMatchesMetafor("hine1989_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnHine1989() {
        assertMatchesMetafor("hine1989_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnHine1989() {
        assertMatchesMetafor("hine1989_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnTwoStudies() {
        assertMatchesMetafor("bcg2_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnTwoStudies() {
        assertMatchesMetafor("bcg2_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnTwoStudies() {
        assertMatchesMetafor("bcg2_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnTwoStudies() {
        assertMatchesMetafor("bcg2_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnSingleStudy() {
        assertMatchesMetafor("bcg1_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnSingleStudy() {
        assertMatchesMetafor("bcg1_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnSingleStudy() {
        assertMatchesMetafor("bcg1_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnSingleStudy() {
        assertMatchesMetafor("bcg1_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnSingleStudyWithZeroCell() {
        assertMatchesMetafor("nielweise1_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnSingleStudyWithZeroCell() {
        assertMatchesMetafor("nielweise1_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnSingleStudyWithZeroCell() {
        assertMatchesMetafor("nielweise1_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnSingleStudyWithZeroCell() {
        assertMatchesMetafor("nielweise1_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnAllStudiesWithoutEvents() {
        assertMatchesMetafor("allzero_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnAllStudiesWithoutEvents() {
        assertMatchesMetafor("allzero_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnAllStudiesWithoutEvents() {
        assertMatchesMetafor("allzero_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnAllStudiesWithoutEvents() {
        assertMatchesMetafor("allzero_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnNoEventsInGroup1() {
        assertMatchesMetafor("noevents1_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnNoEventsInGroup1() {
        assertMatchesMetafor("noevents1_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnNoEventsInGroup1() {
        assertMatchesMetafor("noevents1_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnNoEventsInGroup1() {
        assertMatchesMetafor("noevents1_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnAllEventsInBothGroups() {
        assertMatchesMetafor("allevents_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnAllEventsInBothGroups() {
        assertMatchesMetafor("allevents_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnAllEventsInBothGroups() {
        assertMatchesMetafor("allevents_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnAllEventsInBothGroups() {
        assertMatchesMetafor("allevents_PETO_OR");
    }

    @Test
    void mhOddsRatioLevel90WithoutCmhCorrectionMatchesMetaforOnBcg() {
        assertMatchesMetafor("bcg_MH_OR_level90_uncorrected");
    }

    @Test
    void mhRiskRatioLevel99MatchesMetaforOnBcg() {
        assertMatchesMetafor("bcg_MH_RR_level99");
    }

    @Test
    void mhRiskDifferenceLevel80MatchesMetaforOnBcg() {
        assertMatchesMetafor("bcg_MH_RD_level80");
    }

    @Test
    void petoOddsRatioLevel90MatchesMetaforOnBcg() {
        assertMatchesMetafor("bcg_PETO_OR_level90");
    }

    @Test
    void petoOddsRatioAddToAllMatchesMetaforOnNielweise2007() {
        assertMatchesMetafor("nielweise2007_PETO_OR_toall");
    }

    @Test
    void petoOddsRatioKeepingDoubleZerosMatchesMetaforOnYusuf1985() {
        assertMatchesMetafor("yusuf1985t6_PETO_OR_keep00");
    }

    @Test
    void petoOddsRatioWithoutZeroCellCorrectionMatchesMetaforOnCollins1985a() {
        assertMatchesMetafor("collins1985a_PETO_OR_none");
    }

    @Test
    void mhOddsRatioWithoutZeroCellCorrectionMatchesMetaforOnCollins1985a() {
        assertMatchesMetafor("collins1985a_MH_OR_none");
    }

    @Test
    void mhOddsRatioAddToAllMatchesMetaforOnNielweise2007() {
        assertMatchesMetafor("nielweise2007_MH_OR_toall");
    }

    @Test
    void mhOddsRatioKeepingDoubleZerosMatchesMetaforOnYusuf1985() {
        assertMatchesMetafor("yusuf1985t6_MH_OR_keep00");
    }

    @Test
    void mhOddsRatioAdd01If0AllMatchesMetaforOnCollins1985a() {
        assertMatchesMetafor("collins1985a_MH_OR_add0.1_if0all");
    }

    @Test
    void mhRiskRatioAddToAllMatchesMetaforOnNielweise2007() {
        assertMatchesMetafor("nielweise2007_MH_RR_toall");
    }

    @Test
    void mhRiskRatioKeepingDoubleZerosMatchesMetaforOnYusuf1985() {
        assertMatchesMetafor("yusuf1985t6_MH_RR_keep00");
    }

    @Test
    void mhRiskRatioAdd01If0AllMatchesMetaforOnCollins1985a() {
        assertMatchesMetafor("collins1985a_MH_RR_add0.1_if0all");
    }

    @Test
    void mhRiskDifferenceAddToAllMatchesMetaforOnNielweise2007() {
        assertMatchesMetafor("nielweise2007_MH_RD_toall");
    }

    @Test
    void mhRiskDifferenceKeepingDoubleZerosMatchesMetaforOnYusuf1985() {
        assertMatchesMetafor("yusuf1985t6_MH_RD_keep00");
    }

    @Test
    void mhRiskDifferenceAdd01If0AllMatchesMetaforOnCollins1985a() {
        assertMatchesMetafor("collins1985a_MH_RD_add0.1_if0all");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnOnlyEventsAndNoEventsTables() {
        assertMatchesMetafor("degenerate_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnOnlyEventsAndNoEventsTables() {
        assertMatchesMetafor("degenerate_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnOnlyEventsAndNoEventsTables() {
        assertMatchesMetafor("degenerate_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnOnlyEventsAndNoEventsTables() {
        assertMatchesMetafor("degenerate_PETO_OR");
    }

    @Test
    void mhOddsRatioMatchesMetaforOnFullGroupCell() {
        assertMatchesMetafor("fullgroup_MH_OR");
    }

    @Test
    void mhRiskRatioMatchesMetaforOnFullGroupCell() {
        assertMatchesMetafor("fullgroup_MH_RR");
    }

    @Test
    void mhRiskDifferenceMatchesMetaforOnFullGroupCell() {
        assertMatchesMetafor("fullgroup_MH_RD");
    }

    @Test
    void petoOddsRatioMatchesMetaforOnFullGroupCell() {
        assertMatchesMetafor("fullgroup_PETO_OR");
    }

    @Test
    void everyReferenceCaseMatchesMetafor() {
        double worst = 0;
        String worstWhere = "";
        List<String> allFailures = new ArrayList<>();
        for (String id : MetaforTwoByTwoReference.cases().keySet()) {
            List<String> failures = new ArrayList<>();
            double dev = compare(MetaforTwoByTwoReference.get(id), failures);
            if (!failures.isEmpty()) {
                allFailures.add(id + ": " + failures);
            }
            if (dev >= worst) {
                worst = dev;
                worstWhere = id;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "MH/Peto vs metafor: %d cases, max relative deviation %.3g (%s)%n",
                MetaforTwoByTwoReference.cases().size(), worst, worstWhere);
        assertThat(allFailures).isEmpty();
        assertThat(MetaforTwoByTwoReference.cases()).hasSizeGreaterThanOrEqualTo(469);
    }

    private static void assertMatchesMetafor(String id) {
        List<String> failures = new ArrayList<>();
        compare(MetaforTwoByTwoReference.get(id), failures);
        assertThat(failures).as("case " + id).isEmpty();
    }

    /** Compares every quantity of a case; returns the largest relative deviation seen. */
    private static double compare(Case c, List<String> failures) {
        Tables t = MetaforTwoByTwoReference.tables(c.dataset());
        TwoByTwoPoolResult r = c.method().equals("MH")
                ? MantelHaenszel.pool(c.measure(), t.ai(), t.n1i(), t.ci(), t.n2i(), c.options())
                : Peto.pool(t.ai(), t.n1i(), t.ci(), t.n2i(), c.options());
        assertThat(r.options()).isEqualTo(c.options());
        assertThat(r.measure()).isEqualTo(c.measure());
        double[] worst = {0};
        if (!c.error().isEmpty()) {
            // metafor stops ("One of the two outcomes never occurred ..."): nothing is estimable here
            assertThat(c.method()).isEqualTo("PETO");
            if (r.estimate().isPresent() || r.se().isPresent() || r.ci().isPresent() || r.q().isPresent()
                    || r.studies().stream().anyMatch(s -> s.weight().isPresent())) {
                failures.add("metafor stopped with '" + c.error() + "' but an estimate was returned: " + r);
            }
            return 0;
        }
        Map<String, String> v = c.values();
        check(failures, worst, "estimate", v.get("estimate"), r.estimate());
        check(failures, worst, "se", v.get("se"), r.se());
        check(failures, worst, "zval", v.get("zval"), r.zval());
        // metafor: a statistic of +-Inf (zero variance) gets p = 0; here both are not estimable
        check(failures, worst, "pval", infinite(v.get("zval")) ? "NA" : v.get("pval"), r.pval());
        check(failures, worst, "ci_lb", v.get("ci_lb"), lower(r.ci()));
        check(failures, worst, "ci_ub", v.get("ci_ub"), upper(r.ci()));
        check(failures, worst, "QE", v.get("QE"), r.q());
        check(failures, worst, "QEp", infinite(v.get("QE")) ? "NA" : v.get("QEp"), r.qPval());
        check(failures, worst, "I2", v.get("I2"), r.i2());
        check(failures, worst, "H2", v.get("H2"), r.h2());
        check(failures, worst, "k", v.get("k"), OptionalDouble.of(r.k()));
        check(failures, worst, "k_yi", v.get("k_yi"), OptionalDouble.of(r.kYi()));
        if (r.kYi() > 1) {
            assertThat(r.qDf()).isEqualTo(r.kYi() - 1);
        }
        if (v.containsKey("exp_estimate")) {
            check(failures, worst, "exp_estimate", v.get("exp_estimate"), r.transformed().estimate());
            check(failures, worst, "exp_ci_lb", v.get("exp_ci_lb"), lower(r.transformed().ci()));
            check(failures, worst, "exp_ci_ub", v.get("exp_ci_ub"), upper(r.transformed().ci()));
        } else {
            assertThat(r.transformed().estimate()).isEqualTo(r.estimate());
            assertThat(r.transformed().ci()).isEqualTo(r.ci());
        }
        if (r instanceof MantelHaenszelResult mh && mh.measure() == EffectMeasure.OR) {
            var tests = mh.oddsRatioTests().orElseThrow();
            chi(failures, worst, "CMH", v, tests.cochranMantelHaenszel());
            chi(failures, worst, "CO", v, tests.cochran());
            chi(failures, worst, "TA", v, tests.tarone());
            chi(failures, worst, "BD", v, tests.breslowDay());
            check(failures, worst, "k_pos", v.get("k_pos"), OptionalDouble.of(tests.kPos()));
        }
        if (r instanceof PetoResult peto) {
            check(failures, worst, "k_pos", v.get("k_pos"), OptionalDouble.of(peto.kPos()));
        }
        assertThat(r.studies()).hasSize(c.studies().size());
        for (int i = 0; i < c.studies().size(); i++) {
            String[] s = c.studies().get(i);
            var row = r.studies().get(i);
            assertThat(row.index()).isEqualTo(Integer.parseInt(s[1]) - 1);
            check(failures, worst, "yi[" + i + "]", s[2], row.yi());
            check(failures, worst, "vi[" + i + "]", s[3], row.vi());
            check(failures, worst, "weight[" + i + "]", s[4], row.weight());
        }
        return worst[0];
    }

    private static void chi(List<String> failures, double[] worst, String name, Map<String, String> v,
                            Optional<ChiSquare> test) {
        check(failures, worst, name, v.get(name), test.map(ChiSquare::statistic).map(OptionalDouble::of)
                .orElse(OptionalDouble.empty()));
        // metafor gives statistic Inf and p 0 when the variance is zero (e.g. every table without events or
        // with only events); here the test is not estimable
        String expectedP = infinite(v.get(name)) ? "NA" : v.get(name + "p");
        check(failures, worst, name + "p", expectedP, test.flatMap(x -> x.pval().isPresent()
                ? Optional.of(x.pval()) : Optional.empty()).orElse(OptionalDouble.empty()));
    }

    private static boolean infinite(String value) {
        return value != null && value.endsWith("Inf");
    }

    private static OptionalDouble lower(Optional<Interval> ci) {
        return ci.map(x -> OptionalDouble.of(x.lower())).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble upper(Optional<Interval> ci) {
        return ci.map(x -> OptionalDouble.of(x.upper())).orElse(OptionalDouble.empty());
    }

    private static void check(List<String> failures, double[] worst, String name, String expected,
                              OptionalDouble actual) {
        if (expected == null) {
            failures.add(name + ": no reference value");
            return;
        }
        boolean notEstimable = expected.equals("NA") || expected.equals("NaN") || expected.endsWith("Inf");
        if (notEstimable) {
            if (actual.isPresent()) {
                failures.add(name + ": metafor " + expected + ", here " + actual.getAsDouble());
            }
            return;
        }
        double e = Double.parseDouble(expected);
        if (actual.isEmpty()) {
            failures.add(name + ": metafor " + expected + ", here not estimable");
            return;
        }
        double a = actual.getAsDouble();
        double diff = Math.abs(a - e);
        double rel = e == 0 ? diff : diff / Math.abs(e);
        if (e != 0) {
            worst[0] = Math.max(worst[0], rel);
        }
        if (!(diff <= ABSOLUTE_FLOOR || rel <= RELATIVE_TOLERANCE)) {
            failures.add(String.format(java.util.Locale.ROOT, "%s: metafor %s, here %.17g (relative %.3g)",
                    name, expected, a, rel));
        }
    }
}

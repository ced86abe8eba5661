package org.trialmeta.stats.proportion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialmeta.stats.Interval;

/** Two-proportion comparisons against R (values: src/test/r/proportions.R, two.csv). */
class TwoProportionsTest {

    /** Closed forms (RD Wald/Newcombe, RR, OR, chi-square statistic): relative tolerance. */
    private static final double CLOSED_FORM_TOLERANCE = 1e-10;
    /** Miettinen-Nurminen limits (root finding in both R and Java): absolute tolerance. */
    private static final double MN_TOLERANCE = 1e-8;
    /** Conditional MLE odds ratio and exact limits vs the tight-tolerance fisher.test functions: relative. */
    private static final double CONDITIONAL_OR_TOLERANCE = 1e-8;
    /**
     * Versus fisher.test's own numbers: R solves for t = OR (OR ≤ 1) or t = 1/OR (OR &gt; 1) with uniroot's
     * default tol = eps^0.25 ≈ 1.2e-4, so we compare on that scale with twice that absolute tolerance.
     */
    private static final double FISHER_TEST_UNIROOT_TOLERANCE = 2.5e-4;
    /** p-values (Fisher, chi-square): relative tolerance. */
    private static final double P_VALUE_TOLERANCE = 1e-10;

    private static final List<RReference.Row> ROWS = RReference.read("two.csv");

    private static TwoProportions data(RReference.Row r) {
        return new TwoProportions(r.i("x1"), r.i("n1"), r.i("x2"), r.i("n2"));
    }

    private static void assertRel(OptionalDouble actual, double expected, double tol, String what, RReference.Row r) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as("%s not estimable %s", what, r).isEmpty();
            return;
        }
        assertThat(actual).as("%s %s", what, r).isPresent();
        assertRel(actual.getAsDouble(), expected, tol, what, r);
    }

    private static void assertRel(double actual, double expected, double tol, String what, RReference.Row r) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as("%s %s", what, r).isEqualTo(expected);
        } else {
            assertThat(actual).as("%s %s", what, r).isCloseTo(expected, within(tol * Math.max(1, Math.abs(expected))));
        }
    }

    private static void assertInterval(Optional<Interval> ci, double lower, double upper, double tol, String what,
            RReference.Row r) {
        if (Double.isNaN(lower)) {
            assertThat(ci).as("%s not estimable %s", what, r).isEmpty();
            return;
        }
        assertRel(ci.orElseThrow().lower(), lower, tol, what + " lower", r);
        assertRel(ci.orElseThrow().upper(), upper, tol, what + " upper", r);
    }

    @Test
    void riskDifferenceIntervalsMatchRFormulas() {
        double maxMn = 0;
        for (RReference.Row r : ROWS) {
            TwoProportions t = data(r);
            double level = r.d("level");
            RiskDifference wald = t.riskDifference(DifferenceCi.WALD, level);
            RiskDifference newcombe = t.riskDifference(DifferenceCi.NEWCOMBE, level);
            RiskDifference mn = t.riskDifference(DifferenceCi.MIETTINEN_NURMINEN, level);
            assertRel(wald.estimate(), r.d("rd"), CLOSED_FORM_TOLERANCE, "rd", r);
            assertInterval(wald.interval(), r.d("rd_wald_lower"), r.d("rd_wald_upper"), CLOSED_FORM_TOLERANCE, "wald", r);
            assertInterval(newcombe.interval(), r.d("rd_newcombe_lower"), r.d("rd_newcombe_upper"),
                    CLOSED_FORM_TOLERANCE, "newcombe", r);
            assertInterval(mn.interval(), r.d("rd_mn_lower"), r.d("rd_mn_upper"), MN_TOLERANCE, "mn", r);
            Interval ci = mn.interval().orElseThrow();
            maxMn = Math.max(maxMn, Math.max(Math.abs(ci.lower() - r.d("rd_mn_lower")),
                    Math.abs(ci.upper() - r.d("rd_mn_upper"))));
        }
        System.out.println("Miettinen-Nurminen: max |deviation| from R = " + maxMn);
    }

    @Test
    void riskRatioAndWoolfOddsRatioMatchMetaforEscalc() {
        for (RReference.Row r : ROWS) {
            TwoProportions t = data(r);
            double level = r.d("level");
            RatioEstimate rr = t.ratio(RatioMethod.RISK_RATIO_LOG, level);
            RatioEstimate or = t.ratio(RatioMethod.ODDS_RATIO_WOOLF, level);
            assertRel(rr.estimate(), r.d("rr"), CLOSED_FORM_TOLERANCE, "rr", r);
            assertInterval(rr.interval(), r.d("rr_lower"), r.d("rr_upper"), CLOSED_FORM_TOLERANCE, "rr", r);
            assertRel(or.estimate(), r.d("or"), CLOSED_FORM_TOLERANCE, "or", r);
            assertInterval(or.interval(), r.d("or_lower"), r.d("or_upper"), CLOSED_FORM_TOLERANCE, "or", r);
        }
    }

    @Test
    void conditionalOddsRatioMatchesFisherTestFunctions() {
        double maxRel = 0;
        for (RReference.Row r : ROWS) {
            RatioEstimate c = data(r).ratio(RatioMethod.ODDS_RATIO_CONDITIONAL, r.d("level"));
            assertRel(c.estimate(), r.d("cond_or"), CONDITIONAL_OR_TOLERANCE, "cond or", r);
            assertInterval(c.interval(), r.d("cond_or_lower"), r.d("cond_or_upper"), CONDITIONAL_OR_TOLERANCE,
                    "cond or", r);
            // and, loosely, fisher.test's own numbers (R stops its root search at about 1e-4)
            if (c.estimable()) {
                assertOnUnirootScale(c.estimate().getAsDouble(), r.d("fisher_or"), "fisher.test estimate", r);
                assertOnUnirootScale(c.interval().orElseThrow().lower(), r.d("fisher_or_lower"), "fisher.test lower", r);
                assertOnUnirootScale(c.interval().orElseThrow().upper(), r.d("fisher_or_upper"), "fisher.test upper", r);
            }
            if (c.estimable() && Double.isFinite(r.d("cond_or")) && r.d("cond_or") > 0) {
                maxRel = Math.max(maxRel, Math.abs(c.estimate().getAsDouble() / r.d("cond_or") - 1));
            }
        }
        System.out.println("conditional OR: max relative deviation from R = " + maxRel);
    }

    private static void assertOnUnirootScale(double actual, double expected, String what, RReference.Row r) {
        if (Double.isNaN(expected)) { // a 0/0 table: not estimable, checked above
            return;
        }
        if (Double.isInfinite(expected)) {
            assertThat(actual).as("%s %s", what, r).isEqualTo(expected);
        } else if (expected <= 1) {
            assertThat(actual).as("%s %s", what, r).isCloseTo(expected, within(FISHER_TEST_UNIROOT_TOLERANCE));
        } else {
            assertThat(1 / actual).as("%s %s", what, r).isCloseTo(1 / expected, within(FISHER_TEST_UNIROOT_TOLERANCE));
        }
    }

    @Test
    void fisherAndChiSquarePValuesMatchR() {
        for (RReference.Row r : ROWS) {
            TwoProportions t = data(r);
            assertRel(t.fisherExactPValue(), r.d("fisher_p"), P_VALUE_TOLERANCE, "fisher p", r);
            ChiSquareResult plain = t.chiSquare(false);
            ChiSquareResult yates = t.chiSquare(true);
            assertRel(plain.statistic(), r.d("chisq"), CLOSED_FORM_TOLERANCE, "chisq", r);
            assertRel(plain.pValue(), r.d("chisq_p"), P_VALUE_TOLERANCE, "chisq p", r);
            assertRel(yates.statistic(), r.d("chisq_yates"), CLOSED_FORM_TOLERANCE, "chisq yates", r);
            assertRel(yates.pValue(), r.d("chisq_yates_p"), P_VALUE_TOLERANCE, "chisq yates p", r);
            assertRel(yates.pValue(), r.d("prop_test_p"), P_VALUE_TOLERANCE, "prop.test p", r);
        }
    }

    /**
     * Newcombe RG, Stat Med 1998;17:873–890, Table II, examples (a)–(h), 95% limits to 4 decimals:
     * method 10 (hybrid score) and method 6 (Miettinen-Nurminen score).
     */
    @ParameterizedTest
    @CsvSource({
        "56, 70, 48, 80, 0.0524, 0.3339, 0.0528, 0.3382",
        "9, 10, 3, 10, 0.1705, 0.8090, 0.1700, 0.8406",
        "6, 7, 2, 7, 0.0582, 0.8062, 0.0342, 0.8534",
        "5, 56, 0, 29, -0.0381, 0.1926, -0.0326, 0.1933",
        "0, 10, 0, 20, -0.1611, 0.2775, -0.1658, 0.2844",
        "0, 10, 0, 10, -0.2775, 0.2775, -0.2879, 0.2879",
        "10, 10, 0, 20, 0.6791, 1.0000, 0.7156, 1.0000",
        "10, 10, 0, 10, 0.6075, 1.0000, 0.6636, 1.0000",
    })
    void newcombeAndMiettinenNurminenReproduceNewcombe1998TableII(int x1, int n1, int x2, int n2,
            double hybridLower, double hybridUpper, double mnLower, double mnUpper) {
        TwoProportions t = new TwoProportions(x1, n1, x2, n2);
        Interval hybrid = t.riskDifference(DifferenceCi.NEWCOMBE, 0.95).interval().orElseThrow();
        Interval mn = t.riskDifference(DifferenceCi.MIETTINEN_NURMINEN, 0.95).interval().orElseThrow();
        assertThat(round4(hybrid.lower())).isEqualTo(hybridLower);
        assertThat(round4(hybrid.upper())).isEqualTo(hybridUpper);
        assertThat(round4(mn.lower())).isEqualTo(mnLower);
        assertThat(round4(mn.upper())).isEqualTo(mnUpper);
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    @Test
    void zeroAndFullCellsGiveValuesOrNotEstimableNeverNaN() {
        int[][] tables = {{0, 10, 0, 12}, {10, 10, 12, 12}, {0, 10, 5, 10}, {10, 10, 0, 5}, {0, 0, 3, 4},
            {0, 0, 0, 0}, {1, 1, 0, 1}};
        for (int[] tb : tables) {
            ProportionComparison c = new TwoProportions(tb[0], tb[1], tb[2], tb[3]).compare(0.95);
            for (RiskDifference rd : List.of(c.riskDifferenceNewcombe(), c.riskDifferenceMiettinenNurminen(),
                    c.riskDifferenceWald())) {
                rd.estimate().ifPresent(v -> assertThat(v).isNotNaN());
            }
            for (RatioEstimate re : List.of(c.riskRatio(), c.oddsRatio(), c.conditionalOddsRatio())) {
                re.estimate().ifPresent(v -> assertThat(v).isNotNaN());
            }
            c.fisherExactP().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
            c.chiSquare().pValue().ifPresent(v -> assertThat(v).isNotNaN());
        }
        ProportionComparison bothZero = new TwoProportions(0, 10, 0, 12).compare(0.95);
        assertThat(bothZero.riskRatio().estimable()).isFalse();
        assertThat(bothZero.oddsRatio().estimable()).isFalse();
        assertThat(bothZero.chiSquare().estimable()).isFalse();
        assertThat(bothZero.riskDifferenceNewcombe().estimate()).hasValue(0.0);
        ProportionComparison emptyGroup = new TwoProportions(0, 0, 3, 4).compare(0.95);
        assertThat(emptyGroup.riskDifferenceWald().estimable()).isFalse();
        assertThat(emptyGroup.group1().estimable()).isFalse();
        ProportionComparison oneZero = new TwoProportions(0, 10, 5, 10).compare(0.95);
        assertThat(oneZero.oddsRatio().zeroCellCorrection()).isTrue();
        assertThat(oneZero.conditionalOddsRatio().estimate()).hasValue(0.0);
    }

    @Test
    void invalidCountsNameTheField() {
        assertThatThrownBy(() -> new TwoProportions(3, 2, 1, 1)).hasMessage("x1 = 3 must not exceed n1 = 2");
        assertThatThrownBy(() -> new TwoProportions(1, 2, 1, -1)).hasMessage("n2 = -1 must not be negative");
    }
}

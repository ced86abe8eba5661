package org.trialmeta.stats.proportion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.stats.Interval;

/** Single-proportion intervals and the binomial test against R (values: src/test/r/proportions.R). */
class ProportionsTest {

    /** Closed forms (Wilson, Wilson CC, Agresti-Coull, Wald): absolute tolerance on the interval ends. */
    private static final double CLOSED_FORM_TOLERANCE = 1e-10;
    /** Beta quantiles (Clopper-Pearson, Jeffreys): iterative inversion in both R and commons. */
    private static final double BETA_QUANTILE_TOLERANCE = 1e-10;
    /** Exact binomial test p-values, relative. */
    private static final double BINOM_TEST_RELATIVE_TOLERANCE = 1e-10;

    @Test
    void everyMethodMatchesRAcrossTheGrid() {
        List<RReference.Row> rows = RReference.read("single.csv");
        assertThat(rows).hasSizeGreaterThan(3000);
        double maxDev = 0;
        for (RReference.Row r : rows) {
            ProportionCi method = ProportionCi.valueOf(r.get("method"));
            ProportionEstimate e = Proportions.confidenceInterval(r.i("x"), r.i("n"), method, r.d("level"));
            double tol = switch (method) {
                case CLOPPER_PEARSON, JEFFREYS -> BETA_QUANTILE_TOLERANCE;
                default -> CLOSED_FORM_TOLERANCE;
            };
            Interval ci = e.interval().orElseThrow();
            assertThat(e.estimate().getAsDouble()).as("estimate %s", r).isCloseTo(r.d("estimate"), within(1e-15));
            assertThat(ci.lower()).as("lower %s", r).isCloseTo(r.d("lower"), within(tol));
            assertThat(ci.upper()).as("upper %s", r).isCloseTo(r.d("upper"), within(tol));
            maxDev = Math.max(maxDev, Math.max(Math.abs(ci.lower() - r.d("lower")), Math.abs(ci.upper() - r.d("upper"))));
        }
        System.out.println("single proportion CIs: max |deviation| from R = " + maxDev);
    }

    @Test
    void clopperPearsonReproducesPublishedSeedFigures() {
        // RAMP-201 KRAS-mutant 25/57: 44% (95% CI 30.7-57.6); FRAME 11/26: 42% (23.4-63.1)
        Interval a = Proportions.clopperPearson(25, 57).interval().orElseThrow();
        assertThat(Math.round(a.lower() * 1000) / 10.0).isEqualTo(30.7);
        assertThat(Math.round(a.upper() * 1000) / 10.0).isEqualTo(57.6);
        Interval b = Proportions.clopperPearson(11, 26).interval().orElseThrow();
        assertThat(Math.round(b.lower() * 1000) / 10.0).isEqualTo(23.4);
        assertThat(Math.round(b.upper() * 1000) / 10.0).isEqualTo(63.1);
    }

    @Test
    void edgesAreExactZeroAndOne() {
        for (ProportionCi m : ProportionCi.values()) {
            Interval zero = m.estimate(0, 20, 0.95).interval().orElseThrow();
            Interval full = m.estimate(20, 20, 0.95).interval().orElseThrow();
            assertThat(zero.lower()).as(m.name()).isEqualTo(0.0);
            assertThat(full.upper()).as(m.name()).isEqualTo(1.0);
            assertThat(zero.upper()).as(m.name()).isBetween(0.0, 1.0);
            assertThat(full.lower()).as(m.name()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void emptySampleIsNotEstimableRatherThanNaN() {
        for (ProportionCi m : ProportionCi.values()) {
            ProportionEstimate e = Proportions.confidenceInterval(0, 0, m, 0.95);
            assertThat(e.estimable()).isFalse();
            assertThat(e.estimate()).isEmpty();
            assertThat(e.interval()).isEmpty();
        }
        assertThat(Proportions.binomialTestPValue(0, 0, 0.5)).isEmpty();
    }

    @Test
    void invalidArgumentsNameTheFieldAndRule() {
        assertThatThrownBy(() -> Proportions.confidenceInterval(5, 4, ProportionCi.WILSON, 0.95))
                .hasMessage("x = 5 must not exceed n = 4");
        assertThatThrownBy(() -> Proportions.confidenceInterval(-1, 4, ProportionCi.WILSON, 0.95))
                .hasMessage("x = -1 must not be negative");
        assertThatThrownBy(() -> Proportions.confidenceInterval(1, 4, ProportionCi.WILSON, 1.0))
                .hasMessageContaining("level = 1.0");
        assertThatThrownBy(() -> Proportions.confidenceInterval(1, 4, ProportionCi.WILSON, Double.NaN))
                .hasMessageContaining("level = NaN");
    }

    @Test
    void methodNamesRoundTrip() {
        for (ProportionCi m : ProportionCi.values()) {
            assertThat(ProportionCi.parse(m.cliName())).isSameAs(m);
            assertThat(ProportionCi.parse(m.name())).isSameAs(m);
        }
        assertThatThrownBy(() -> ProportionCi.parse("exact")).hasMessageContaining("'exact'");
    }

    @Test
    void binomialTestMatchesRBinomTest() {
        List<RReference.Row> rows = RReference.read("binomtest.csv");
        double maxRel = 0;
        for (RReference.Row r : rows) {
            double p = Proportions.binomialTestPValue(r.i("x"), r.i("n"), r.d("p0")).getAsDouble();
            double expected = r.d("pvalue");
            assertThat(p).as("%s", r).isCloseTo(expected, within(BINOM_TEST_RELATIVE_TOLERANCE * Math.max(expected, 1e-300)));
            maxRel = Math.max(maxRel, Math.abs(p - expected) / Math.max(expected, 1e-300));
        }
        System.out.println("binom.test p: max relative deviation from R = " + maxRel);
    }
}

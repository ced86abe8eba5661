package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour of {@link BinomialNormalGlmm} and {@link GaussHermite} beyond the R reference values. */
class BinomialNormalGlmmTest {

    /** lme4 stores its rules to about 16 digits and did not yet make them exactly symmetric (1.1.31). */
    private static final double RULE_TOLERANCE = 1e-14;
    /** Closed forms (moments of N(0, 1), the fixed-effect logistic fit): rounding only. */
    private static final double EXACT = 1e-12;
    /** The profile-likelihood fallback and Newton reach the same maximum. */
    private static final double SAME_MAXIMUM = 1e-8;
    /** Analytic gradient against central differences of the likelihood (step 1e-5). */
    private static final double GRADIENT = 1e-6;

    private static final BinomialNormalGlmm.Options DEFAULTS = BinomialNormalGlmm.Options.DEFAULTS;

    @Test
    void gaussHermiteRulesAreLme4s() {
        for (JsonNode r : BinomialNormalGlmmReferenceTest.load("ghrule").get("rules")) {
            GaussHermite gh = GaussHermite.of(r.get("n").asInt());
            double[] z = MetaforReference.doubles(r.get("z"));
            double[] w = MetaforReference.doubles(r.get("w"));
            for (int j = 0; j < z.length; j++) {
                assertThat(gh.nodes()[j]).as("n = " + z.length + " node " + j).isCloseTo(z[j], within(RULE_TOLERANCE));
                assertThat(gh.weights()[j]).as("n = " + z.length + " weight " + j).isCloseTo(w[j], within(RULE_TOLERANCE));
            }
        }
    }

    @Test
    void gaussHermiteIntegratesPolynomialsOfDegreeBelow2nExactly() {
        for (int n = 1; n <= 40; n++) {
            GaussHermite gh = GaussHermite.of(n);
            for (int m = 0; 2 * m <= 2 * n - 1; m++) {
                double s = 0;
                double odd = 0;
                for (int j = 0; j < n; j++) {
                    s += gh.weights()[j] * Math.pow(gh.nodes()[j], 2 * m);
                    odd += gh.weights()[j] * Math.pow(gh.nodes()[j], 2 * m + 1);
                }
                double moment = 1; // E z^(2m) = (2m - 1)!!
                for (int i = 2 * m - 1; i > 1; i -= 2) {
                    moment *= i;
                }
                assertThat(s / moment - 1).as("n = " + n + ", E z^" + 2 * m).isCloseTo(0, within(EXACT));
                if (2 * m + 1 <= 2 * n - 1) {
                    assertThat(odd).as("n = " + n + ", E z^" + (2 * m + 1)).isCloseTo(0, within(EXACT * moment * 10));
                }
            }
        }
        assertThatThrownBy(() -> GaussHermite.of(0)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> GaussHermite.of(101)).hasMessageContaining("between 1 and 100");
    }

    @Test
    void atTauZeroTheLikelihoodIsTheBinomialOneForEveryRule() {
        int[] xi = {0, 3, 10, 12};
        int[] ni = {5, 20, 10, 40};
        double mu = -0.4;
        double p = BinomialNormalGlmm.expit(mu);
        double expected = 0;
        for (int i = 0; i < xi.length; i++) {
            expected += org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientLog(ni[i], xi[i])
                    + xi[i] * Math.log(p) + (ni[i] - xi[i]) * Math.log1p(-p);
        }
        for (int q : new int[] {1, 2, 7, 30}) {
            assertThat(BinomialNormalGlmm.logLikelihood(xi, ni, mu, 0, q)).isCloseTo(expected, within(EXACT));
        }
    }

    @Test
    void boundaryFitIsTheFixedEffectLogisticRegression() {
        int[] xi = {10, 11, 9, 10, 12};
        int[] ni = {50, 50, 50, 50, 50};
        GlmmResult r = BinomialNormalGlmm.fit(xi, ni, DEFAULTS).orElseThrow();
        double p = 52.0 / 250;
        assertThat(r.tau2AtZero()).isTrue();
        assertThat(r.tau2()).isZero();
        assertThat(r.estimate()).isCloseTo(Math.log(p / (1 - p)), within(EXACT));
        assertThat(r.se()).isCloseTo(1 / Math.sqrt(250 * p * (1 - p)), within(EXACT));
        assertThat(r.heterogeneity().i2()).isZero();
        assertThat(r.heterogeneity().h2()).isEqualTo(1.0);
        assertThat(r.pi()).isEqualTo(r.ci());
        assertThat(BinomialNormalGlmm.boundaryScore(xi, ni, r.estimate())).isNegative();
    }

    @Test
    void notEstimableCasesGiveAReasonNotANumber() {
        assertThat(reason(new int[] {5}, new int[] {20})).contains("k = 1", "at least 2 studies");
        assertThat(reason(new int[] {0, 0, 0}, new int[] {10, 20, 30})).contains("no study has an event");
        assertThat(reason(new int[] {10, 20}, new int[] {10, 20})).contains("every participant");
        // Studies with 0 or all events only: the likelihood keeps rising with tau (R returns tau2 = 29616).
        assertThat(reason(new int[] {0, 10, 0, 10}, new int[] {10, 10, 10, 10})).contains("no maximum at a finite tau^2");
    }

    private static String reason(int[] xi, int[] ni) {
        GlmmFit f = BinomialNormalGlmm.fit(xi, ni, DEFAULTS);
        assertThat(f).isInstanceOf(GlmmNotEstimable.class);
        assertThatThrownBy(f::orElseThrow).isInstanceOf(IllegalStateException.class);
        return ((GlmmNotEstimable) f).reason();
    }

    @Test
    void badArgumentsAreRefusedNamingTheStudy() {
        assertThatThrownBy(() -> BinomialNormalGlmm.fit(new int[] {1, 2}, new int[] {5}, DEFAULTS))
                .hasMessageContaining("lengths differ");
        assertThatThrownBy(() -> BinomialNormalGlmm.fit(new int[] {1, 6}, new int[] {5, 5}, DEFAULTS))
                .hasMessageContaining("study 1").hasMessageContaining("xi 6");
        assertThatThrownBy(() -> BinomialNormalGlmm.fit(new int[] {1, -1}, new int[] {5, 5}, DEFAULTS))
                .hasMessageContaining("study 1");
        assertThatThrownBy(() -> BinomialNormalGlmm.fit(new int[] {0, 1}, new int[] {0, 5}, DEFAULTS))
                .hasMessageContaining("study 0").hasMessageContaining("ni 0");
        assertThatThrownBy(() -> BinomialNormalGlmm.fit(new int[0], new int[0], DEFAULTS)).hasMessageContaining("no studies");
        assertThatThrownBy(() -> DEFAULTS.withLevel(95)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> DEFAULTS.withQuadraturePoints(0)).hasMessageContaining("between 1 and 100");
    }

    @Test
    void swappingEventsAndNonEventsNegatesTheLogitAndReorderingChangesNothing() {
        JsonNode ref = BinomialNormalGlmmReferenceTest.load("pritz1997");
        int[] xi = MetaforReference.ints(ref.get("data").get("xi"));
        int[] ni = MetaforReference.ints(ref.get("data").get("ni"));
        GlmmResult r = BinomialNormalGlmm.fit(xi, ni, DEFAULTS).orElseThrow();
        int[] flipped = new int[xi.length];
        int[] rx = new int[xi.length];
        int[] rn = new int[xi.length];
        for (int i = 0; i < xi.length; i++) {
            flipped[i] = ni[i] - xi[i];
            rx[xi.length - 1 - i] = xi[i];
            rn[xi.length - 1 - i] = ni[i];
        }
        GlmmResult f = BinomialNormalGlmm.fit(flipped, ni, DEFAULTS).orElseThrow();
        GlmmResult o = BinomialNormalGlmm.fit(rx, rn, DEFAULTS).orElseThrow();
        assertThat(f.estimate()).isCloseTo(-r.estimate(), within(SAME_MAXIMUM));
        assertThat(f.tau2()).isCloseTo(r.tau2(), within(SAME_MAXIMUM));
        assertThat(f.se()).isCloseTo(r.se(), within(SAME_MAXIMUM));
        assertThat(f.heterogeneity().qeWald()).isCloseTo(r.heterogeneity().qeWald(), within(1e-9));
        assertThat(o.estimate()).isCloseTo(r.estimate(), within(SAME_MAXIMUM));
        assertThat(o.tau2()).isCloseTo(r.tau2(), within(SAME_MAXIMUM));
        assertThat(o.logLik()).isCloseTo(r.logLik(), within(1e-10));
    }

    @ParameterizedTest
    @MethodSource("org.trialmeta.stats.meta.BinomialNormalGlmmReferenceTest#datasets")
    void profileFallbackReachesTheSameMaximumAsNewton(String name) {
        JsonNode ref = BinomialNormalGlmmReferenceTest.load(name);
        int[] xi = MetaforReference.ints(ref.get("data").get("xi"));
        int[] ni = MetaforReference.ints(ref.get("data").get("ni"));
        GlmmResult newton = BinomialNormalGlmm.fit(xi, ni, DEFAULTS).orElseThrow();
        GlmmResult profile = BinomialNormalGlmm.fit(xi, ni, DEFAULTS, true).orElseThrow();
        assertThat(profile.estimate()).isCloseTo(newton.estimate(), within(SAME_MAXIMUM));
        assertThat(profile.tau2()).isCloseTo(newton.tau2(), within(SAME_MAXIMUM));
        assertThat(profile.se()).isCloseTo(newton.se(), within(SAME_MAXIMUM));
        assertThat(profile.tau2AtZero()).isEqualTo(newton.tau2AtZero());
    }

    @Test
    void analyticGradientAgreesWithDifferences() {
        int[] xi = {0, 3, 10, 12, 7, 59};
        int[] ni = {5, 20, 10, 40, 9, 60};
        BinomialNormalGlmm.Likelihood lik = new BinomialNormalGlmm.Likelihood(xi, ni, GaussHermite.of(7));
        double h = 1e-5;
        for (double[] at : new double[][] {{-0.4, 0.3}, {1.2, 1.5}, {0.0, 0.01}, {2.0, -0.8}, {-3, 4}}) {
            double[] g = new double[2];
            lik.value(at[0], at[1], g);
            double dMu = (lik.value(at[0] + h, at[1], null) - lik.value(at[0] - h, at[1], null)) / (2 * h);
            double dTau = (lik.value(at[0], at[1] + h, null) - lik.value(at[0], at[1] - h, null)) / (2 * h);
            assertThat(g[0]).as("d/dmu at " + at[0] + ", " + at[1]).isCloseTo(dMu, within(GRADIENT * (1 + Math.abs(dMu))));
            assertThat(g[1]).as("d/dtau at " + at[0] + ", " + at[1]).isCloseTo(dTau, within(GRADIENT * (1 + Math.abs(dTau))));
        }
    }

    @Test
    void moreQuadraturePointsConvergeAndLaplaceIsAvailable() {
        JsonNode ref = BinomialNormalGlmmReferenceTest.load("pritz1997");
        int[] xi = MetaforReference.ints(ref.get("data").get("xi"));
        int[] ni = MetaforReference.ints(ref.get("data").get("ni"));
        GlmmResult q30 = BinomialNormalGlmm.fit(xi, ni, DEFAULTS.withQuadraturePoints(30)).orElseThrow();
        GlmmResult q40 = BinomialNormalGlmm.fit(xi, ni, DEFAULTS.withQuadraturePoints(40)).orElseThrow();
        GlmmResult laplace = BinomialNormalGlmm.fit(xi, ni, DEFAULTS.withQuadraturePoints(1)).orElseThrow();
        assertThat(q40.estimate()).isCloseTo(q30.estimate(), within(1e-9));
        assertThat(q40.tau2()).isCloseTo(q30.tau2(), within(1e-9));
        assertThat(laplace.options().quadraturePoints()).isEqualTo(1);
        assertThat(laplace.estimate()).isCloseTo(q30.estimate(), within(0.05));
    }

    /**
     * Seeded random data sets (k 2–40, n 1–300, some studies at 0 or n events): a result with finite fields at a
     * local maximum of ℓ, or a reason — never NaN.
     */
    @Test
    void randomDataGiveAFiniteLocalMaximumOrAReason() {
        Random rnd = new Random(20261201);
        int estimated = 0;
        for (int rep = 0; rep < 300; rep++) {
            int k = 2 + rnd.nextInt(39);
            int[] xi = new int[k];
            int[] ni = new int[k];
            double mu = -4 + 8 * rnd.nextDouble();
            double tau = rnd.nextDouble() < 0.3 ? 0 : 3 * rnd.nextDouble();
            for (int i = 0; i < k; i++) {
                ni[i] = 1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 300);
                double p = BinomialNormalGlmm.expit(mu + tau * rnd.nextGaussian());
                for (int j = 0; j < ni[i]; j++) {
                    xi[i] += rnd.nextDouble() < p ? 1 : 0;
                }
            }
            GlmmFit f = BinomialNormalGlmm.fit(xi, ni, DEFAULTS);
            if (f instanceof GlmmNotEstimable ne) {
                assertThat(ne.reason()).isNotBlank();
                continue;
            }
            estimated++;
            GlmmResult r = (GlmmResult) f;
            String at = "rep " + rep + " " + java.util.Arrays.toString(xi) + " / " + java.util.Arrays.toString(ni);
            for (double v : new double[] {r.estimate(), r.se(), r.zval(), r.pval(), r.tau2(), r.logLik(), r.ci().lower(),
                    r.pi().upper(), r.heterogeneity().qeWald(), r.heterogeneity().qeLrt(), r.heterogeneity().i2(),
                    r.transformed().estimate()}) {
                assertThat(Double.isFinite(v)).as(at).isTrue();
            }
            double best = r.logLik();
            for (double[] d : new double[][] {{1e-3, 0}, {-1e-3, 0}, {0, 1e-3}, {0, -1e-3}, {1e-3, 1e-3}}) {
                double other = BinomialNormalGlmm.logLikelihood(xi, ni, r.estimate() + d[0], Math.abs(r.tau() + d[1]),
                        DEFAULTS.quadraturePoints());
                assertThat(other).as(at + " neighbour " + d[0] + ", " + d[1]).isLessThanOrEqualTo(best + 1e-9);
            }
        }
        assertThat(estimated).isGreaterThan(200);
    }
}

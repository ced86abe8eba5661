package org.trialmeta.stats.nma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Estimates, SEs, τ² and the REML log-likelihood against metafor's rma.mv (values: src/test/r/nma.R). */
class NetworkMetaAnalysisTest {

    /** Relative tolerance of the brief: 1e-6 on estimates, SEs and τ². */
    static final double REL = 1e-6;

    static void close(double actual, double expected, String what) {
        double tol = REL * Math.max(Math.abs(expected), 1e-8);
        assertThat(actual).as(what).isCloseTo(expected, within(tol));
    }

    @ParameterizedTest
    @CsvSource({"senn2013,false,placebo", "hasselblad1998,true,no_contact", "dogliotti2014,true,Placebo/Control"})
    void fixedAndRandomMatchRmaMv(String dataset, boolean binary, String reference) {
        Network net = NmaReference.network(dataset, binary, reference);
        int ref = net.indexOf(reference);
        for (NmaModel model : NmaModel.values()) {
            Map<String, Double> r = NmaReference.values(dataset + "/" + model.name().toLowerCase());
            NmaResult fit = NetworkMetaAnalysis.fit(net, ref, model, Tau2Method.REML, 0.95);
            for (int i = 0; i < net.size(); i++) {
                String ti = net.treatments().get(i);
                if (i != ref) {
                    close(fit.estimate(i, ref), r.get("b|" + ti), model + " b " + ti);
                    close(fit.se(i, ref), r.get("b_se|" + ti), model + " se " + ti);
                }
                for (int j = 0; j < net.size(); j++) {
                    if (i != j) {
                        String key = ti + "|" + net.treatments().get(j);
                        close(fit.estimate(i, j), r.get("est|" + key), model + " est " + key);
                        close(fit.se(i, j), r.get("se|" + key), model + " se " + key);
                    }
                }
            }
            close(fit.q(), r.get("qe"), model + " Q");
            assertThat(fit.qDf()).isEqualTo(r.get("qe_df").intValue());
            if (model == NmaModel.RANDOM) {
                close(fit.tau2().getAsDouble(), r.get("tau2"), "tau2");
                close(fit.remlLogLik().getAsDouble(), r.get("loglik_reml"), "REML log-likelihood");
            }
        }
    }

    /**
     * A network in any unit (y·c, variances·c², inside the accepted 1e-20..1e20) is fitted as in unit c = 1: the
     * estimates and SEs scale by c, τ² by c² (the expected values are the c = 1 fit times c, an identity of GLS and
     * REML, not numbers from elsewhere). Before the positivity threshold was relative, variances of 1e-16 made the
     * three-arm study "not positive definite" and variances of 1e18 the information matrix singular.
     */
    @ParameterizedTest
    @CsvSource({"1e-8", "1e-6", "1e7", "1e9"})
    void theUnitOfTheDataDoesNotMatter(double c) {
        Network one = scaledTriangle(1);
        Network scaled = scaledTriangle(c);
        assertThat(scaled.studies()).allMatch(NmaStudy::positiveDefinite);
        for (NmaModel model : NmaModel.values()) {
            NmaResult a = NetworkMetaAnalysis.fit(one, 0, model, Tau2Method.REML, 0.95);
            NmaResult b = NetworkMetaAnalysis.fit(scaled, 0, model, Tau2Method.REML, 0.95);
            double tol = 1e-9;
            for (int i = 1; i < 3; i++) {
                assertThat(b.estimate(i, 0) / c).as(model + " estimate " + i).isCloseTo(a.estimate(i, 0),
                        within(tol * Math.abs(a.estimate(i, 0))));
                assertThat(b.se(i, 0) / c).as(model + " SE " + i).isCloseTo(a.se(i, 0), within(tol * a.se(i, 0)));
            }
            assertThat(b.q()).isCloseTo(a.q(), within(1e-9 * a.q()));
            if (model == NmaModel.RANDOM) {
                assertThat(a.tau2().getAsDouble()).isPositive();
                assertThat(b.tau2().getAsDouble() / (c * c)).isCloseTo(a.tau2().getAsDouble(),
                        within(1e-9 * a.tau2().getAsDouble()));
            }
        }
    }

    /** Treatments A, B, C: a three-arm study given as its three pairs and three two-arm studies, y·c, v·c². */
    private static Network scaledTriangle(double c) {
        double v = c * c;
        double[][] d = {{0, -0.1 * c, -0.3 * c}, {0.1 * c, 0, -0.2 * c}, {0.3 * c, 0.2 * c, 0}};
        double[][] var = {{0, 0.04 * v, 0.05 * v}, {0.04 * v, 0, 0.06 * v}, {0.05 * v, 0.06 * v, 0}};
        java.util.List<NmaStudy> studies = java.util.List.of(NmaStudy.fromPairs("S1", new int[] {0, 1, 2}, d, var),
                NmaStudy.fromArms("S2", new int[] {0, 1}, new double[] {0, -0.4 * c}, new double[] {0.02 * v, 0.03 * v}),
                NmaStudy.fromArms("S3", new int[] {0, 2}, new double[] {0, 0.6 * c}, new double[] {0.01 * v, 0.01 * v}),
                NmaStudy.fromArms("S4", new int[] {1, 2}, new double[] {0, 0.5 * c}, new double[] {0.015 * v, 0.015 * v}),
                NmaStudy.fromArms("S5", new int[] {0, 1}, new double[] {0, 0.5 * c}, new double[] {0.02 * v, 0.02 * v}));
        return new Network(java.util.List.of("A", "B", "C"), studies);
    }

    /**
     * One study per comparison and no loop (n contrasts = p parameters): the restricted likelihood is the same at
     * every τ² (no residual degrees of freedom), so τ² is not estimable; the random-effects model is the common-effect
     * one (τ² = 0, as metafor's rma.mv returned for such a random network and netmeta's moment estimator gives with
     * Q = 0 on 0 df). Before, τ² was wherever Brent's optimiser first looked on the flat likelihood (e.g. 0.0306),
     * which widened every CI and changed the P-scores.
     */
    @org.junit.jupiter.api.Test
    void withoutResidualDegreesOfFreedomTau2IsZero() {
        java.util.List<NmaStudy> tree = java.util.List.of(
                NmaStudy.fromArms("S1", new int[] {0, 1}, new double[] {0.2, -0.3}, new double[] {0.04, 0.09}),
                NmaStudy.fromArms("S2", new int[] {0, 2}, new double[] {0.1, 0.7}, new double[] {0.02, 0.05}),
                NmaStudy.fromArms("S3", new int[] {1, 3, 4}, new double[] {-0.4, 0.9, 0.1}, new double[] {0.03, 0.08, 0.06}),
                NmaStudy.fromArms("S4", new int[] {2, 5}, new double[] {0.3, 0.35}, new double[] {0.11, 0.01}));
        Network net = new Network(java.util.List.of("A", "B", "C", "D", "E", "F"), tree);
        NmaResult fixed = NetworkMetaAnalysis.fit(net, 0, NmaModel.FIXED, Tau2Method.REML, 0.95);
        NmaResult random = NetworkMetaAnalysis.fit(net, 0, NmaModel.RANDOM, Tau2Method.REML, 0.95);
        assertThat(fixed.qDf()).isZero();
        assertThat(random.tau2().getAsDouble()).isZero();
        for (int i = 1; i < net.size(); i++) {
            assertThat(random.estimate(i, 0)).isEqualTo(fixed.estimate(i, 0));
            assertThat(random.se(i, 0)).isEqualTo(fixed.se(i, 0));
        }
    }

    @org.junit.jupiter.api.Test
    void aNetworkHasAtMostMaxTreatments() {
        for (int t : new int[] {Network.MAX_TREATMENTS, Network.MAX_TREATMENTS + 1}) {
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.List<NmaStudy> chain = new java.util.ArrayList<>();
            for (int i = 0; i < t; i++) {
                names.add("t" + i);
                if (i > 0) {
                    chain.add(NmaStudy.fromArms("s" + i, new int[] {i - 1, i}, new double[] {0.1, 0.2},
                            new double[] {0.04, 0.05}));
                }
            }
            if (t <= Network.MAX_TREATMENTS) {
                org.assertj.core.api.Assertions.assertThat(new Network(names, chain).size()).isEqualTo(t);
            } else {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Network(names, chain))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("a network has at most 500 treatments, got 501");
            }
        }
    }
}

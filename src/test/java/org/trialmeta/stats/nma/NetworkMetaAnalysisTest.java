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

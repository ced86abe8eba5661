package org.trialmeta.stats.nma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trialmeta.stats.nma.NetworkMetaAnalysisTest.close;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Graph-theoretical method = GLS; P-scores, back-calculated direct/indirect evidence, the design-by-treatment
 * decomposition and the additive component model against src/test/r/nma.R; netmeta's printed Dogliotti example.
 */
class NmaMethodsTest {

    @ParameterizedTest
    @CsvSource({"senn2013,false,placebo", "hasselblad1998,true,no_contact", "dogliotti2014,true,Placebo/Control"})
    void graphTheoreticalMethodEqualsGls(String dataset, boolean binary, String reference) {
        Network net = NmaReference.network(dataset, binary, reference);
        int ref = net.indexOf(reference);
        for (NmaModel model : NmaModel.values()) {
            NmaResult gls = NetworkMetaAnalysis.fit(net, ref, model, Tau2Method.REML, 0.95);
            GraphTheoretical.Fit g = GraphTheoretical.fit(net, gls.tau2().orElse(0));
            for (int i = 0; i < net.size(); i++) {
                for (int j = 0; j < net.size(); j++) {
                    if (i != j) {
                        assertThat(g.estimate(i, j)).isCloseTo(gls.estimate(i, j), within(1e-10));
                        assertThat(g.se(i, j)).isCloseTo(gls.se(i, j), within(1e-10));
                    }
                }
            }
            if (model == NmaModel.FIXED) {
                assertThat(g.q()).isCloseTo(gls.q(), within(1e-9));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"senn2013,false,placebo,true", "hasselblad1998,true,no_contact,false",
        "dogliotti2014,true,Placebo/Control,true"})
    void pScoresAndBackCalculationMatchR(String dataset, boolean binary, String reference, boolean smallGood) {
        Network net = NmaReference.network(dataset, binary, reference);
        for (NmaModel model : NmaModel.values()) {
            Map<String, Double> r = NmaReference.values(dataset + "/" + model.name().toLowerCase());
            NmaResult fit = NetworkMetaAnalysis.fit(net, net.indexOf(reference), model, Tau2Method.REML, 0.95);
            double[] p = PScores.of(fit, smallGood);
            for (int i = 0; i < net.size(); i++) {
                close(p[i], r.get("pscore|" + net.treatments().get(i)), model + " P-score");
            }
            int withIndirect = 0;
            for (NetSplit.Comparison c : NetSplit.of(net, fit)) {
                String key = net.treatments().get(c.treatment()) + "|" + net.treatments().get(c.vs());
                if (c.k() == 0) {
                    assertThat(r).doesNotContainKey("direct|" + key);
                    continue;
                }
                close(c.direct().getAsDouble(), r.get("direct|" + key), "direct " + key);
                close(c.directSe().getAsDouble(), r.get("direct_se|" + key), "direct SE " + key);
                close(c.proportion(), r.get("prop|" + key), "proportion " + key);
                if (c.indirect().isPresent()) {
                    withIndirect++;
                    close(c.indirect().getAsDouble(), r.get("indirect|" + key), "indirect " + key);
                    close(c.indirectSe().getAsDouble(), r.get("indirect_se|" + key), "indirect SE " + key);
                    close(c.pval().getAsDouble(), r.get("diff_p|" + key), "p " + key);
                } else {
                    assertThat(r).doesNotContainKey("indirect|" + key);
                }
            }
            assertThat(withIndirect).isPositive();
        }
    }

    @ParameterizedTest
    @CsvSource({"senn2013,false,placebo", "hasselblad1998,true,no_contact", "dogliotti2014,true,Placebo/Control"})
    void designDecompositionMatchesR(String dataset, boolean binary, String reference) {
        Network net = NmaReference.network(dataset, binary, reference);
        Map<String, Double> r = NmaReference.values(dataset + "/fixed");
        DesignDecomposition d = DesignDecomposition.of(net);
        close(d.qTotal(), r.get("q_total"), "Q total");
        close(d.qHeterogeneity(), r.get("q_heterogeneity"), "Q within designs");
        assertThat(d.qInconsistency()).isCloseTo(r.get("q_inconsistency"), within(1e-6 * r.get("q_total")));
        assertThat(d.dfTotal()).isEqualTo(r.get("df_total").intValue());
        assertThat(d.dfHeterogeneity()).isEqualTo(r.get("df_heterogeneity").intValue());
        assertThat(d.dfInconsistency()).isEqualTo(r.get("df_inconsistency").intValue());
        for (DesignDecomposition.Design g : d.designs()) {
            String name = String.join(":", java.util.Arrays.stream(g.treatments()).mapToObj(net.treatments()::get).toList());
            close(g.q(), r.get("q_design|" + name), "Q design " + name);
        }
    }

    @Test
    void additiveComponentModelMatchesRmaMvWithComponentDummies() {
        Network net = NmaReference.contrasts("lopez2019_contrasts.csv");
        assertThat(net.connected()).isFalse();
        for (NmaModel model : NmaModel.values()) {
            Map<String, Double> r = NmaReference.values("lopez2019/cnma_" + model.name().toLowerCase());
            ComponentNma.Result c = ComponentNma.fit(net, "+", Optional.of("Wait list"), model, 0.95);
            assertThat(c.components()).hasSize(15);
            for (int i = 0; i < c.components().size(); i++) {
                String name = c.components().get(i);
                close(c.beta()[i], r.get("beta|" + name), model + " beta " + name);
                close(c.componentSe(i), r.get("beta_se|" + name), model + " beta SE " + name);
            }
            close(c.qAdditive(), r.get("q_additive"), "Q additive");
            assertThat(c.dfAdditive()).isEqualTo(r.get("df_additive").intValue());
            close(c.qStandard(), r.get("q_standard"), "Q standard");
            assertThat(c.dfStandard()).isEqualTo(r.get("df_standard").intValue());
            if (model == NmaModel.RANDOM) {
                close(c.tau2().getAsDouble(), r.get("tau2"), "tau2 additive");
            }
        }
    }

    /**
     * A treatment against "no active component" under additivity, θ_t = C_t β with SE √(C_t Cov(β) C_tᵀ), its Wald CI
     * and p: as metafor's {@code predict(fit, newmods = C[t, ])} on the same model (src/test/r/nma.R).
     */
    @Test
    void combinationsMatchPredictOnTheComponentModel() {
        Network net = NmaReference.contrasts("lopez2019_contrasts.csv");
        for (NmaModel model : NmaModel.values()) {
            Map<String, Double> r = NmaReference.values("lopez2019/cnma_" + model.name().toLowerCase());
            ComponentNma.Result c = ComponentNma.fit(net, "+", Optional.of("Wait list"), model, 0.95);
            int checked = 0;
            for (int t = 0; t < c.treatments().size(); t++) {
                String name = c.treatments().get(t);
                double se = r.get("comb_se|" + name);
                close(c.combination(t), r.get("comb|" + name), model + " theta " + name);
                close(c.combinationSe(t), se, model + " SE " + name);
                if (se > 0) {   // the inactive treatment alone has θ = 0, SE 0: no interval, no test
                    close(c.combinationCi(t).lower(), r.get("comb_ci_lower|" + name), model + " CI lower " + name);
                    close(c.combinationCi(t).upper(), r.get("comb_ci_upper|" + name), model + " CI upper " + name);
                    close(c.combinationPval(t), r.get("comb_p|" + name), model + " p " + name);
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(40);
        }
    }

    /**
     * netmeta's JSS article (Balduzzi et al. 2023, section 5.2, figure 9) prints the common-effects inverse-variance
     * odds ratios vs Placebo/Control of Dogliotti2014 without the double-zero WASPO study, to 2 decimals.
     */
    @Test
    void dogliottiCommonEffectsAsPrintedByNetmeta() {
        Network all = NmaReference.network("dogliotti2014", true, "Placebo/Control");
        Network net = new Network(all.treatments(),
                all.studies().stream().filter(s -> !s.label().startsWith("WASPO")).toList());
        NmaResult fit = NetworkMetaAnalysis.fit(net, net.indexOf("Placebo/Control"), NmaModel.FIXED, Tau2Method.REML,
                0.95);
        Object[][] printed = {{"Apixaban", 0.33, 0.25, 0.44}, {"Aspirin", 0.78, 0.63, 0.96},
            {"Aspirin+Clopidogtrel", 0.58, 0.45, 0.74}, {"Dabigatran 110mg", 0.38, 0.28, 0.52},
            {"Dabigatran 150mg", 0.27, 0.19, 0.37}, {"Rivaroxaban", 0.32, 0.24, 0.44}, {"VKAs", 0.41, 0.32, 0.52}};
        int ref = net.indexOf("Placebo/Control");
        for (Object[] row : printed) {
            int i = net.indexOf((String) row[0]);
            assertThat(Math.exp(fit.estimate(i, ref))).as((String) row[0]).isCloseTo((Double) row[1], within(0.005));
            assertThat(Math.exp(fit.ci(i, ref).lower())).isCloseTo((Double) row[2], within(0.005));
            assertThat(Math.exp(fit.ci(i, ref).upper())).isCloseTo((Double) row[3], within(0.005));
        }
        assertThat(List.of(net.studies().size())).containsExactly(19);
    }
}

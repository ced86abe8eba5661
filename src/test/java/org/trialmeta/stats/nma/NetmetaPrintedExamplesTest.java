package org.trialmeta.stats.nma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The numbers netmeta's JSS article prints (Balduzzi, Rücker, Nikolakopoulou et al. 2023, J Stat Softw 106(2),
 * doi:10.18637/jss.v106.i02; the vignette {@code netmeta.pdf} of netmeta 3.x), reproduced to the printed digits:
 * section 5.1 (Stowe2010, random effects with netmeta's default moment estimator: τ², estimates, P-scores,
 * decomp.design, netsplit) and section 5.3 (Baker2009, netcomb's Q statistics). netmeta's data are not shipped with
 * trialmeta: the test runs when {@code -Dnetmeta.csv=DIR} names the output of {@code src/test/r/netmeta_printed.R}.
 */
class NetmetaPrintedExamplesTest {

    private static Path dir() {
        String d = System.getProperty("netmeta.csv");
        assumeTrue(d != null && Files.isDirectory(Path.of(d)), "set -Dnetmeta.csv (see src/test/r/netmeta_printed.R)");
        return Path.of(d);
    }

    @Test
    void stowe2010Section51() {
        Network net = NmaReference.network(dir().resolve("stowe_arms.csv"), false, "Placebo");
        int ref = net.indexOf("Placebo");
        DesignDecomposition d = DesignDecomposition.of(net);
        assertThat(d.qTotal()).isCloseTo(48.15, within(0.005));
        assertThat(d.dfTotal()).isEqualTo(27);
        assertThat(d.qHeterogeneity()).isCloseTo(46.91, within(0.005));
        assertThat(d.qInconsistency()).isCloseTo(1.24, within(0.005));
        assertThat(d.pInconsistency().getAsDouble()).isCloseTo(0.5376, within(0.00005));
        assertThat(d.designs()).extracting(DesignDecomposition.Design::q).map(q -> Math.round(q * 100) / 100.0)
                .containsExactlyInAnyOrder(23.65, 21.70, 1.56);
        NmaResult r = NetworkMetaAnalysis.fit(net, ref, NmaModel.RANDOM, Tau2Method.DL, 0.95);
        assertThat(r.tau2().getAsDouble()).isCloseTo(0.1518, within(0.00005));
        Object[][] printed = {{"COMTI", -0.95, -1.27, -0.63}, {"Dopamine Agonist", -1.49, -1.86, -1.12},
            {"MAOBI", -1.03, -1.56, -0.50}};
        for (Object[] p : printed) {
            int i = net.indexOf((String) p[0]);
            assertThat(r.estimate(i, ref)).isCloseTo((Double) p[1], within(0.005));
            assertThat(r.ci(i, ref).lower()).isCloseTo((Double) p[2], within(0.005));
            assertThat(r.ci(i, ref).upper()).isCloseTo((Double) p[3], within(0.005));
        }
        double[] ps = PScores.of(r, true);
        assertThat(ps[net.indexOf("Dopamine Agonist")]).isCloseTo(0.9677, within(0.00005));
        assertThat(ps[net.indexOf("MAOBI")]).isCloseTo(0.5664, within(0.00005));
        assertThat(ps[net.indexOf("COMTI")]).isCloseTo(0.4659, within(0.00005));
        assertThat(ps[ref]).isCloseTo(0.0000, within(0.00005));
        List<NetSplit.Comparison> split = NetSplit.of(net, r);
        NetSplit.Comparison cm = find(split, net, "COMTI", "MAOBI");
        assertThat(cm.proportion()).isCloseTo(0.44, within(0.005));
        assertThat(cm.direct().getAsDouble()).isCloseTo(-0.02, within(0.005));
        assertThat(cm.indirect().getAsDouble()).isCloseTo(0.17, within(0.005));
        assertThat(cm.pval().getAsDouble()).isCloseTo(0.7450, within(0.00005));
        NetSplit.Comparison cp = find(split, net, "COMTI", "Placebo");
        assertThat(cp.indirect().getAsDouble()).isCloseTo(-1.65, within(0.005));
        assertThat(cp.pval().getAsDouble()).isCloseTo(0.5071, within(0.00005));
        NetSplit.Comparison mp = find(split, net, "MAOBI", "Placebo");
        assertThat(mp.indirect().getAsDouble()).isCloseTo(-1.08, within(0.005));
        assertThat(mp.pval().getAsDouble()).isCloseTo(0.9544, within(0.00005));
        assertThat(find(split, net, "Dopamine Agonist", "Placebo").indirect()).isEmpty();
    }

    @Test
    void baker2009Section53AdditivityTest() {
        Network net = NmaReference.network(dir().resolve("baker_arms.csv"), true, "Placebo");
        ComponentNma.Result c = ComponentNma.fit(net, "+", Optional.of("Placebo"), NmaModel.FIXED, 0.95);
        assertThat(c.components()).hasSize(5);
        assertThat(c.qAdditive()).isCloseTo(62.74, within(0.005));
        assertThat(c.dfAdditive()).isEqualTo(48);
        assertThat(c.qStandard()).isCloseTo(60.86, within(0.005));
        assertThat(c.dfStandard()).isEqualTo(46);
        assertThat(c.qDiff()).isCloseTo(1.88, within(0.005));
        assertThat(c.pDiff().getAsDouble()).isCloseTo(0.3908, within(0.00005));
    }

    private static NetSplit.Comparison find(List<NetSplit.Comparison> split, Network net, String a, String b) {
        return split.stream().filter(c -> net.treatments().get(c.treatment()).equals(a)
                && net.treatments().get(c.vs()).equals(b)).findFirst().orElseThrow();
    }
}

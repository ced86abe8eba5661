package org.trialmeta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialmeta.analysis.TrialNetwork.Controls;
import org.trialmeta.analysis.TrialNetwork.Endpoint;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.TrialLoader;
import org.trialmeta.stats.nma.NmaResult;

/**
 * The curated trials as a network of randomised comparisons: nodes, connected components, the rows handed to the NMA
 * and its estimates, against {@code metafor::escalc} / {@code rma.mv} on the same counts
 * ({@code src/test/r/lgsoc_network.R} → {@code src/test/resources/r/lgsoc-network/values.csv}).
 */
class TrialNetworkTest {

    private static final double TOL = 1e-9;
    private static final String PCC = "Physician's choice chemotherapy (MILO)";
    private static final String SOC = "Standard of care (GOG 281)";
    private static TrialRepository repo;
    private static Map<String, Double> r;

    @BeforeAll
    static void load() throws IOException {
        repo = TrialLoader.loadDirectory(Path.of("trials"));
        r = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/lgsoc-network/values.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] p = l.split(",");
            r.put(p[0], Double.parseDouble(p[1]));
        }
    }

    private static double ref(String key) {
        Double v = r.get(key);
        if (v == null) {
            throw new UncheckedIOException(new IOException("no R reference value " + key));
        }
        return v;
    }

    @Test
    void asRandomisedTheComparatorsAreSeparateNodesAndTheNetworkFallsApart() {
        TrialNetwork n = TrialNetwork.build(repo, Endpoint.ORR, Controls.AS_RANDOMISED, StatusFilter.DEFAULT);
        assertThat(n.treatments()).containsExactly(PCC, SOC, "avutometinib", "avutometinib + defactinib", "binimetinib",
                "trametinib");
        assertThat(n.components()).containsExactly(List.of(PCC, "binimetinib"), List.of(SOC, "trametinib"),
                List.of("avutometinib"), List.of("avutometinib + defactinib"));
        assertThat(n.rows()).containsExactlyInAnyOrder(List.of("MILO/ENGOT-ov11", "binimetinib", "32", "201"),
                List.of("MILO/ENGOT-ov11", PCC, "13", "102"), List.of("GOG 281/LOGS", "trametinib", "34", "130"),
                List.of("GOG 281/LOGS", SOC, "8", "130"));
        assertThat(n.arms().get("avutometinib + defactinib")).containsExactly("ramp-201/avutometinib-defactinib",
                "ramp-201/part-a-combination");
        assertThat(n.unlinked()).anyMatch(u -> u.startsWith("RAMP-201: only one arm has admitted response counts"))
                .anyMatch(u -> u.startsWith("FRAME: single-arm study"));
        NmaAnalysis a = n.analysis().orElseThrow();
        assertThat(a.parts()).hasSize(2);
        NmaResult milo = a.parts().get(0).fit();   // treatments PCC, binimetinib (sorted), reference PCC
        assertThat(milo.treatments()).containsExactly(PCC, "binimetinib");
        assertThat(milo.estimate(1, 0)).isCloseTo(ref("orr.direct.milo.estimate"), within(TOL));
        assertThat(milo.se(1, 0)).isCloseTo(ref("orr.direct.milo.se"), within(TOL));
        assertThat(milo.ci(1, 0).lower()).isCloseTo(ref("orr.direct.milo.ci_lower"), within(TOL));
        assertThat(milo.ci(1, 0).upper()).isCloseTo(ref("orr.direct.milo.ci_upper"), within(TOL));
        NmaResult gog = a.parts().get(1).fit();
        assertThat(gog.treatments()).containsExactly(SOC, "trametinib");
        assertThat(gog.estimate(1, 0)).isCloseTo(ref("orr.direct.gog281.estimate"), within(TOL));
        assertThat(gog.se(1, 0)).isCloseTo(ref("orr.direct.gog281.se"), within(TOL));
    }

    @Test
    void pooledComparatorsConnectTrametinibAndBinimetinibButNotAvutometinib() {
        TrialNetwork n = TrialNetwork.build(repo, Endpoint.ORR, Controls.POOLED, StatusFilter.DEFAULT);
        assertThat(n.components()).containsExactly(
                List.of(TrialNetwork.POOLED_CONTROL, "binimetinib", "trametinib"), List.of("avutometinib"),
                List.of("avutometinib + defactinib"));
        NmaAnalysis a = n.analysis().orElseThrow();
        assertThat(a.parts()).hasSize(1);
        NmaResult f = a.parts().get(0).fit();
        assertThat(f.treatments()).containsExactly(TrialNetwork.POOLED_CONTROL, "binimetinib", "trametinib");
        assertThat(f.reference()).isZero();
        assertThat(f.estimate(1, 0)).isCloseTo(ref("orr.pooled.binimetinib.estimate"), within(TOL));
        assertThat(f.se(2, 0)).isCloseTo(ref("orr.pooled.trametinib.se"), within(TOL));
        assertThat(f.estimate(2, 1)).isCloseTo(ref("orr.pooled.trametinib_vs_binimetinib.estimate"), within(TOL));
        assertThat(f.se(2, 1)).isCloseTo(ref("orr.pooled.trametinib_vs_binimetinib.se"), within(TOL));
        assertThat(f.ci(2, 1).lower()).isCloseTo(ref("orr.pooled.trametinib_vs_binimetinib.ci_lower"), within(TOL));
        assertThat(f.ci(2, 1).upper()).isCloseTo(ref("orr.pooled.trametinib_vs_binimetinib.ci_upper"), within(TOL));
        assertThat(f.pval(2, 1)).isCloseTo(ref("orr.pooled.trametinib_vs_binimetinib.pval"), within(TOL));
        assertThat(f.q()).isCloseTo(ref("orr.pooled.qe"), within(TOL));
    }

    @Test
    void pfsHazardRatiosGiveTheSameShapeOnTheLogScale() {
        TrialNetwork n = TrialNetwork.build(repo, Endpoint.PFS, Controls.POOLED, StatusFilter.DEFAULT);
        assertThat(n.rows()).containsExactlyInAnyOrder(List.of("MILO/ENGOT-ov11", "binimetinib", TrialNetwork.POOLED_CONTROL,
                "1.21", "0.79", "1.86", "95.0"), List.of("GOG 281/LOGS", "trametinib", TrialNetwork.POOLED_CONTROL,
                "0.48", "0.36", "0.64", "95.0"));
        assertThat(n.used()).extracting(DataUse::status).containsExactlyInAnyOrder("confirmed", "secondary");
        NmaResult f = n.analysis().orElseThrow().parts().get(0).fit();
        assertThat(f.estimate(1, 0)).isCloseTo(ref("pfs.pooled.binimetinib.estimate"), within(TOL));
        assertThat(f.se(1, 0)).isCloseTo(ref("pfs.pooled.binimetinib.se"), within(TOL));
        assertThat(f.estimate(2, 0)).isCloseTo(ref("pfs.pooled.trametinib.estimate"), within(TOL));
        assertThat(f.estimate(2, 1)).isCloseTo(ref("pfs.pooled.trametinib_vs_binimetinib.estimate"), within(TOL));
        assertThat(f.se(2, 1)).isCloseTo(ref("pfs.pooled.trametinib_vs_binimetinib.se"), within(TOL));
        assertThat(f.ci(2, 1).upper()).isCloseTo(ref("pfs.pooled.trametinib_vs_binimetinib.ci_upper"), within(TOL));

        TrialNetwork strict = TrialNetwork.build(repo, Endpoint.PFS, Controls.AS_RANDOMISED, StatusFilter.DEFAULT);
        NmaResult gog = strict.analysis().orElseThrow().parts().get(1).fit();
        assertThat(gog.estimate(1, 0)).isCloseTo(ref("pfs.direct.gog281.estimate"), within(TOL));
        assertThat(gog.ci(1, 0).lower()).isCloseTo(ref("pfs.direct.gog281.ci_lower"), within(TOL));
    }

    @Test
    void armsOfTheSameRegimenInOneTrialGiveNoContrastAndSayWhy(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        for (String f : List.of("sources.yaml", "milo.yaml", "ramp-201.yaml")) {
            Files.copy(Path.of("trials", f), dir.resolve(f));
        }
        // a fixture, not a curated figure: invented counts for the Part A combination arm at the primary cut, so two
        // arms of the trial are avutometinib + defactinib
        Path ramp = dir.resolve("ramp-201.yaml");
        String y = Files.readString(ramp).replace("        cut: not-recorded\n        reported: {percent: 45}",
                "        cut: primary\n        responders: 13\n        evaluable: 29\n        reported: {percent: 45}");
        Files.writeString(ramp, y);
        TrialRepository edited = TrialLoader.loadDirectory(dir);
        TrialNetwork n = TrialNetwork.build(edited, Endpoint.ORR, Controls.AS_RANDOMISED, StatusFilter.ALL);
        assertThat(n.rows()).extracting(row -> row.get(0)).containsOnly("MILO/ENGOT-ov11");
        assertThat(n.unlinked()).anyMatch(u -> u.startsWith("RAMP-201: arms with response counts are the same regimen"));
    }

    @Test
    void statusesLeftOutAreListedWithTheReason() {
        TrialNetwork n = TrialNetwork.build(repo, Endpoint.PFS, Controls.POOLED, StatusFilter.parse("confirmed"));
        assertThat(n.rows()).hasSize(1);
        assertThat(n.analysis()).as("one contrast: the published HR is the whole evidence, no NMA").isEmpty();
        assertThat(n.exclusions()).anyMatch(e -> e.data().trial().equals("gog-281")
                && e.reason().startsWith("status secondary not admitted"));
        assertThat(n.components()).contains(List.of("trametinib"));
    }
}

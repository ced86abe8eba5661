package org.trialmeta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialmeta.model.InputException;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.TrialLoader;

/** The analysis service on the curated trials against src/test/r/analysis.R (R 4.2.2, metafor 3.8.1). */
class EfficacyAnalysisTest {

    private static final double CP_TOLERANCE = 1e-9;
    private static final double EFFECT_TOLERANCE = 1e-9;
    private static final double REML_TOLERANCE = 1e-6;
    private static final double P_TOLERANCE = 1e-9;

    private static TrialRepository repo;
    private static AnalysisResults def;

    @BeforeAll
    static void load() {
        repo = TrialLoader.loadDirectory(Path.of("trials"));
        def = EfficacyAnalysis.run(repo, StatusFilter.DEFAULT);
    }

    private static ProportionRow row(String trial, String subgroup, String cut) {
        return def.proportions().stream().filter(p -> p.data().trial().equals(trial)
                && p.data().subgroup().equals(subgroup) && p.data().cut().equals(cut)).findFirst().orElseThrow();
    }

    @Test
    void clopperPearsonPerStudyMatchesBinomTest() {
        record C(String trial, String sub, String cut, String r, int x, int n) {}
        for (C c : List.of(new C("ramp-201", "kras_mutant", "primary", "ramp_mut", 25, 57),
                new C("ramp-201", "kras_wild_type", "primary", "ramp_wt", 9, 52),
                new C("ramp-201", "overall", "primary", "ramp_all", 34, 109),
                new C("frame", "kras_mutant", "interim-2021-05", "frame_mut", 7, 10),
                new C("frame", "kras_wild_type", "interim-2021-05", "frame_wt", 4, 9),
                new C("frame", "overall", "final", "frame_all", 11, 26))) {
            ProportionRow p = row(c.trial(), c.sub(), c.cut());
            assertThat(p.responders()).isEqualTo(c.x());
            assertThat(p.evaluable()).isEqualTo(c.n());
            assertThat(p.estimate()).isCloseTo((double) c.x() / c.n(), within(1e-15));
            assertThat(p.ciLower()).isCloseTo(RValues.get("cp_" + c.r() + "_lower"), within(CP_TOLERANCE));
            assertThat(p.ciUpper()).isCloseTo(RValues.get("cp_" + c.r() + "_upper"), within(CP_TOLERANCE));
            assertThat(p.ciMethod()).isEqualTo("clopper-pearson");
        }
        // RAMP-201 KRAS-mutant: the reported 44% (31-58) rounds the exact interval
        ProportionRow m = row("ramp-201", "kras_mutant", "primary");
        assertThat(m.ciLower()).isCloseTo(0.3074, within(1e-4));
        assertThat(m.ciUpper()).isCloseTo(0.5764, within(1e-4));
        assertThat(m.data().status()).isEqualTo("secondary");
        assertThat(m.data().source()).isEqualTo("ramp201-jco-2025");
        assertThat(m.data().cutoff()).isEqualTo("2024-06-30");
        assertThat(m.stratum()).isEqualTo(Stratum.MUTANT);
    }

    @Test
    void perStudyEffectsMatchEscalcAndFisherTest() {
        assertThat(def.comparisons()).hasSize(2);
        for (SubgroupComparison c : def.comparisons()) {
            String l = c.trial().equals("ramp-201") ? "ramp" : "frame";
            assertThat(c.oddsRatio().estimate()).isCloseTo(RValues.get(l + "_OR"), within(EFFECT_TOLERANCE));
            assertThat(c.oddsRatio().lower()).isCloseTo(RValues.get(l + "_OR_lower"), within(EFFECT_TOLERANCE));
            assertThat(c.oddsRatio().upper()).isCloseTo(RValues.get(l + "_OR_upper"), within(EFFECT_TOLERANCE));
            assertThat(c.riskRatio().estimate()).isCloseTo(RValues.get(l + "_RR"), within(EFFECT_TOLERANCE));
            assertThat(c.riskRatio().lower()).isCloseTo(RValues.get(l + "_RR_lower"), within(EFFECT_TOLERANCE));
            assertThat(c.riskRatio().upper()).isCloseTo(RValues.get(l + "_RR_upper"), within(EFFECT_TOLERANCE));
            assertThat(c.riskDifference().estimate()).isCloseTo(RValues.get(l + "_RD"), within(EFFECT_TOLERANCE));
            assertThat(c.riskDifference().lower()).isCloseTo(RValues.get(l + "_RD_lower"), within(EFFECT_TOLERANCE));
            assertThat(c.riskDifference().upper()).isCloseTo(RValues.get(l + "_RD_upper"), within(EFFECT_TOLERANCE));
            assertThat(c.fisher().p()).isCloseTo(RValues.get(l + "_fisher_p"), within(P_TOLERANCE));
        }
        SubgroupComparison ramp = def.comparisons().stream().filter(c -> c.trial().equals("ramp-201")).findFirst().orElseThrow();
        assertThat(List.of(ramp.x1(), ramp.n1(), ramp.x2(), ramp.n2())).containsExactly(25, 57, 9, 52);
        assertThat(ramp.cut()).isEqualTo("primary");
        assertThat(ramp.wildType().data().status()).isEqualTo("derived");
        SubgroupComparison frame = def.comparisons().stream().filter(c -> c.trial().equals("frame")).findFirst().orElseThrow();
        assertThat(frame.cut()).isEqualTo("interim-2021-05");
        assertThat(frame.selected()).isTrue();
    }

    @Test
    void pooledEffectsMatchRmaRemlAndRmaMh() {
        for (PooledEffect p : def.pooledEffects()) {
            String m = p.measure();
            assertThat(p.k()).isEqualTo(2);
            assertThat(p.studies()).containsExactly("frame", "ramp-201");
            assertThat(p.level()).isEqualTo(EfficacyAnalysis.LEVEL);
            RandomEffectsFit re = p.randomEffects();
            assertThat(re.method()).isEqualTo("REML");
            assertThat(re.estimate()).isCloseTo(RValues.get("pooled_" + m), within(REML_TOLERANCE));
            assertThat(re.ciLower()).isCloseTo(RValues.get("pooled_" + m + "_lower"), within(REML_TOLERANCE));
            assertThat(re.ciUpper()).isCloseTo(RValues.get("pooled_" + m + "_upper"), within(REML_TOLERANCE));
            assertThat(re.piLower()).isCloseTo(RValues.get("pooled_" + m + "_pi_lower"), within(REML_TOLERANCE));
            assertThat(re.piUpper()).isCloseTo(RValues.get("pooled_" + m + "_pi_upper"), within(REML_TOLERANCE));
            assertThat(re.pval()).isCloseTo(RValues.get("pooled_" + m + "_pval"), within(REML_TOLERANCE));
            RandomEffectsFit.Heterogeneity h = re.heterogeneity();
            assertThat(h.tau2()).isCloseTo(RValues.get("pooled_" + m + "_tau2"), within(REML_TOLERANCE));
            assertThat(h.q()).isCloseTo(RValues.get("pooled_" + m + "_q"), within(REML_TOLERANCE));
            assertThat(h.qPval()).isCloseTo(RValues.get("pooled_" + m + "_qp"), within(REML_TOLERANCE));
            assertThat(h.i2()).isCloseTo(RValues.get("pooled_" + m + "_i2"), within(1e-4));
            assertThat(re.weights().get(0)).isCloseTo(RValues.get("pooled_" + m + "_w1"), within(1e-4));
            PooledEffect.MantelHaenszelFit mh = p.mantelHaenszel();
            assertThat(mh.estimate()).isCloseTo(RValues.get("mh_" + m), within(EFFECT_TOLERANCE));
            assertThat(mh.ciLower()).isCloseTo(RValues.get("mh_" + m + "_lower"), within(EFFECT_TOLERANCE));
            assertThat(mh.ciUpper()).isCloseTo(RValues.get("mh_" + m + "_upper"), within(EFFECT_TOLERANCE));
            assertThat(mh.pval()).isCloseTo(RValues.get("mh_" + m + "_pval"), within(P_TOLERANCE));
        }
    }

    @Test
    void pooledProportionsAndSubgroupTestMatchMetaforPlo() {
        String[] names = {"mut", "wt", "all"};
        for (int i = 0; i < 3; i++) {
            PooledProportion p = def.pooledProportions().get(i);
            String n = "plo_" + names[i];
            assertThat(p.k()).isEqualTo(2);
            RandomEffectsFit f = p.fit();
            assertThat(f.estimate()).isCloseTo(RValues.get(n), within(REML_TOLERANCE));
            assertThat(f.ciLower()).isCloseTo(RValues.get(n + "_lower"), within(REML_TOLERANCE));
            assertThat(f.ciUpper()).isCloseTo(RValues.get(n + "_upper"), within(REML_TOLERANCE));
            assertThat(f.piLower()).isCloseTo(RValues.get(n + "_pi_lower"), within(REML_TOLERANCE));
            assertThat(f.piUpper()).isCloseTo(RValues.get(n + "_pi_upper"), within(REML_TOLERANCE));
            assertThat(f.heterogeneity().tau2()).isCloseTo(RValues.get(n + "_tau2"), within(REML_TOLERANCE));
            assertThat(f.weights().get(0)).isCloseTo(RValues.get(n + "_w2"), within(1e-4)); // R lists RAMP-201 first
        }
        assertThat(def.pooledProportions().get(2).rows()).extracting(r -> r.data().cut())
                .containsExactly("final", "primary");
        assertThat(def.subgroupTest().q()).isCloseTo(RValues.get("subgroup_q"), within(REML_TOLERANCE));
        assertThat(def.subgroupTest().pval()).isCloseTo(RValues.get("subgroup_p"), within(REML_TOLERANCE));
        assertThat(def.subgroupTest().df()).isEqualTo(1);
    }

    @Test
    void unverifiedDataAreExcludedByDefaultAndListed() {
        assertThat(def.statuses()).containsExactly("confirmed", "secondary", "derived");
        assertThat(def.medians()).noneMatch(m -> m.data().status().equals("unverified"));
        assertThat(def.exclusions()).anySatisfy(e -> {
            assertThat(e.data().trial()).isEqualTo("mc38");
            assertThat(e.data().arm()).isEqualTo("vehicle");
            assertThat(e.data().endpoint()).isEqualTo("OS");
            assertThat(e.reason()).contains("unverified not admitted");
        });
        assertThat(def.exclusions()).filteredOn(e -> e.data().trial().equals("mc38")).hasSize(4);
        assertThat(def.lifespans()).isEmpty(); // every MC38 median is unverified
        // RAMP-201 wild-type PFS 12.8 is secondary (company figure relayed by news), so the contrast is admitted
        assertThat(def.medianContrasts()).extracting(MedianContrastRow::endpoint).containsExactly("PFS");
        assertThat(def.exclusions()).anySatisfy(e -> assertThat(e.reason()).contains("no responder counts"));
    }

    @Test
    void unverifiedDataAreIncludedWhenAskedForAndMarkedByStatus() {
        AnalysisResults all = EfficacyAnalysis.run(repo, StatusFilter.parse("confirmed,secondary,unverified,derived"));
        assertThat(all.statuses()).contains("unverified");
        assertThat(all.exclusions()).noneMatch(e -> e.reason().contains("not admitted"));
        MedianContrastRow pfs = all.medianContrasts().get(0);
        assertThat(pfs.endpoint()).isEqualTo("PFS");
        assertThat(pfs.reference().status()).isEqualTo("secondary");
        assertThat(pfs.difference()).isCloseTo(RValues.get("pfs_diff"), within(1e-12));
        assertThat(pfs.ratio()).isCloseTo(RValues.get("pfs_ratio"), within(1e-12));
        assertThat(pfs.diffLower()).isNull(); // no reported CIs: no interval
        // preclinical: control arm from the data (control: true), %ILS per treated arm
        assertThat(all.lifespans()).extracting(MedianContrastRow::kind)
                .containsExactly("control", "vs control", "vs control", "vs control");
        assertThat(all.lifespans().get(3).treated().arm()).isEqualTo("vs-4718-anti-pd-1");
        assertThat(all.lifespans().get(3).reference().arm()).isEqualTo("vehicle");
        for (int i = 1; i < 4; i++) {
            MedianContrastRow r = all.lifespans().get(i);
            assertThat(r.percentIncrease()).isCloseTo(RValues.get("ils_" + r.median1().intValue()), within(1e-9));
        }
    }

    @Test
    void onlyConfirmedLeavesNoComparison() {
        AnalysisResults c = EfficacyAnalysis.run(repo, StatusFilter.parse("confirmed"));
        assertThat(c.comparisons()).isEmpty();
        assertThat(c.pooledEffects().get(0).randomEffects()).isNull();
        assertThat(c.pooledEffects().get(0).mantelHaenszel()).isNull();
        assertThat(c.pooledEffects().get(0).note()).contains("no trial");
        assertThat(c.proportions()).extracting(p -> p.data().trial()).containsExactly("frame");
    }

    @Test
    void badStatusIsAnInputError() {
        assertThatThrownBy(() -> StatusFilter.parse("confirmed,guessed")).isInstanceOf(InputException.class)
                .hasMessageContaining("'guessed'");
        assertThatThrownBy(() -> StatusFilter.parse(" , ")).isInstanceOf(InputException.class);
    }

    @Test
    void dataDateIsTheLatestCutoffInTheData() {
        assertThat(def.dataDate()).isEqualTo("2024-06-30");
    }
}

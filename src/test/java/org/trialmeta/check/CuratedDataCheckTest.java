package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.check.CheckFixtures.one;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.present.CheckSummary;
import org.trialmeta.present.CheckText;
import org.trialmeta.repository.Json;

/** The check on the curated repository reproduces the known facts of the curation sheet. */
class CuratedDataCheckTest {

    private static final CheckReport REPORT = ReviewerCheck.run(CheckFixtures.curated());

    @Test
    void curatedDataHasNoErrors() {
        assertThat(REPORT.atLeast(Severity.ERROR)).as(CheckText.markdown(REPORT, Severity.ERROR)).isEmpty();
        assertThat(REPORT.hasErrors()).isFalse();
    }

    @Test
    void rampKrasMutantPercentAndExactCi() {
        Finding pct = one(REPORT, Severity.INFO, "percent-from-counts", "ramp-201", "/kras_mutant/primary/ORR");
        assertThat(pct.reported()).isEqualTo("44%");
        assertThat(pct.recomputed()).isEqualTo("25/57 = 43.9% -> 44%");
        assertThat(pct.message()).contains("rounds to the reported 44% at integer rounding: consistent");

        Finding ci = one(REPORT, Severity.INFO, "binomial-ci", "ramp-201", "/kras_mutant/primary/ORR");
        assertThat(ci.reported()).isEqualTo("95% CI 31-58");
        assertThat(ci.recomputed()).contains("clopper-pearson 30.7-57.6 (reproduces)");
        assertThat(ci.message()).contains("reproduced from 25/57 at integer rounding by clopper-pearson");
        assertThat(ci.sources()).extracting(Finding.Citation::id).contains("ramp201-jco-2025");
    }

    @Test
    void rampWildTypeImplies9of52AndOverallFits34of109() {
        Finding wt = one(REPORT, Severity.INFO, "percent-from-counts", "ramp-201", "/kras_wild_type/primary/ORR");
        assertThat(wt.recomputed()).isEqualTo("9/52 = 17.3% -> 17%");
        Finding derived = one(REPORT, Severity.INFO, "derived-arithmetic", "ramp-201", "/kras_wild_type/primary/ORR");
        assertThat(derived.recomputed()).contains("109 - 57 = 52", "17% of 52 = 8.84", "9 / 52 = 17.3%");
        assertThat(derived.message()).contains("9/52 = 17.3% is the only count over 52 that gives 17%");

        Finding sum = one(REPORT, Severity.INFO, "subgroup-sum", "ramp-201", "kras_mutant+kras_wild_type/primary/ORR");
        assertThat(sum.recomputed()).isEqualTo("kras_mutant 25/57 + kras_wild_type 9/52 = 34/109 = 31.2%");
        assertThat(sum.message()).contains("the subgroups partition the 109 evaluable",
                "consistent with the overall 34/109, reported 31%");
        Finding overall = one(REPORT, Severity.INFO, "percent-from-counts", "ramp-201", "/overall/primary/ORR");
        assertThat(overall.recomputed()).isEqualTo("34/109 = 31.2% -> 31%");
    }

    /**
     * MILO's responders are published (32 CR/PR, confirmed) and only the denominator is derived (the arm's 201
     * randomised, secondary): the finding says so, and asks which denominators give 16%, not which counts.
     */
    @Test
    void miloSaysOnlyTheDenominatorWasDerived() {
        Finding f = one(REPORT, Severity.INFO, "derived-arithmetic", "milo", "binimetinib/overall/interim-2016/ORR");
        assertThat(f.message()).contains("the responders (32) are an input, not derived: what is derived is the "
                + "denominator 201, taken from '201 randomised to binimetinib (secondary, milo-igcs-2019)'")
                .contains("32 responders give 16% over every denominator from 194 to 206")
                .doesNotContain("derived count").doesNotContain("count over");
        Finding pcc = one(REPORT, Severity.INFO, "derived-arithmetic", "milo", "pcc/overall/interim-2016/ORR");
        assertThat(pcc.message()).contains("the responders (13) are an input, not derived: what is derived is the "
                + "denominator 102, taken from '102 randomised to PCC (secondary, milo-igcs-2019)'")
                .contains("13 responders give 13% over every denominator from 97 to 104");
    }

    /** GOG 281's responders are derived from the printed 26% over the 130 randomised: the count is what is asked about. */
    @Test
    void gog281SaysTheCountWasDerived() {
        Finding f = one(REPORT, Severity.INFO, "derived-arithmetic", "gog-281", "trametinib/overall/");
        assertThat(f.message()).contains("34/130 = 26.2% is the only count over 130 that gives 26%")
                .doesNotContain("denominator");
    }

    @Test
    void frameFinalOrrReproducedByClopperPearsonOnly() {
        Finding pct = one(REPORT, Severity.INFO, "percent-from-counts", "frame", "/overall/final/ORR");
        assertThat(pct.recomputed()).isEqualTo("11/26 = 42.31% -> 42.3%");
        Finding ci = one(REPORT, Severity.INFO, "binomial-ci", "frame", "/overall/final/ORR");
        assertThat(ci.reported()).isEqualTo("95% CI 23.4-63.1");
        assertThat(ci.recomputed()).contains("clopper-pearson 23.35-63.08 (reproduces)");
        assertThat(ci.message()).endsWith("at 1 decimal by clopper-pearson");
    }

    @Test
    void frameInterimToFinalGapIsAWarningWithTheNumbers() {
        Finding gap = one(REPORT, Severity.WARNING, "interim-vs-final", "frame", "/overall/interim-2021-05->final/ORR");
        assertThat(gap.reported()).contains("11/21, reported 52%", "11/26, reported 42.3%");
        assertThat(gap.recomputed()).isEqualTo("-10.1 percentage points");
        assertThat(gap.message()).contains("52.4%", "42.3%", "down by 10.1 percentage points",
                "responders unchanged (11), evaluable 21 -> 26");
        assertThat(gap.sources()).extracting(Finding.Citation::id)
                .containsExactly("frame-interim-2021-05", "frame-natmed-2025");
        // consecutive cuts are listed too, below the warning threshold
        one(REPORT, Severity.INFO, "interim-vs-final", "frame", "/overall/interim-2021-05->esmo-2021/ORR");
        one(REPORT, Severity.INFO, "interim-vs-final", "frame", "/overall/esmo-2021->final/ORR");
    }

    @Test
    void guidePfakReductionConflictsWithInterimFigure() {
        Finding f = one(REPORT, Severity.WARNING, "same-figure", "nct02004028", "FAK activity~pFAK");
        assertThat(f.reported()).contains("FAK activity decreased 70%", "pFAK decreased 75% in tumour");
        assertThat(f.message()).contains("70% vs 75%", "a difference of 5 percentage points",
                "nct02004028-interim-2014 secondary", "defactinib-tme-guide unverified");
        assertThat(f.sources()).extracting(Finding.Citation::id)
                .containsExactly("nct02004028-interim-2014", "defactinib-tme-guide");
    }

    @Test
    void unconfirmedDataAreListedWithWhatWouldConfirmThem() {
        Finding pfak = one(REPORT, Severity.INFO, "unconfirmed", "nct02004028", "/guide/pFAK");
        assertThat(pfak.reported()).isEqualTo("pFAK decreased 75% in tumour [unverified]");
        assertThat(pfak.message()).contains("would be confirmed by", "cavanaugh-jco-2017", "NCT02004028");
        Finding mutant = one(REPORT, Severity.INFO, "unconfirmed", "ramp-201", "/kras_mutant/primary/ORR");
        assertThat(mutant.message()).contains("PMID 40644648", "label section 14");
        // confirmed data are not listed
        assertThat(REPORT.byRule("unconfirmed")).noneMatch(f -> f.trial().equals("frame") && f.field().contains("/final/"));
        // every unverified/secondary MC38 median is listed
        assertThat(CheckFixtures.find(REPORT, Severity.INFO, "unconfirmed", "mc38", "/OS")).hasSize(4);
    }

    @Test
    void dorCiEndingAtTheMedianIsNoted() {
        Finding f = one(REPORT, Severity.INFO, "median-at-ci-end", "ramp-201", "/kras_mutant/primary/DOR");
        assertThat(f.message()).contains("the CI upper end equals the median");
    }

    @Test
    void esmoKrasMutantWithoutNListsCandidateFractions() {
        Finding f = one(REPORT, Severity.INFO, "grim", "frame", "/kras_mutant/esmo-2021/ORR");
        assertThat(f.recomputed()).isEqualTo("7/11 = 63.6%; 9/14 = 64.3%");
    }

    @Test
    void cutOffIsCheckedAgainstPublicationWithoutTheClock() {
        Finding f = one(REPORT, Severity.INFO, "cutoff-date", "ramp-201", "cut primary");
        assertThat(f.message()).contains("2024-06-30", "precedes the publication");
    }

    @Test
    void outputIsDeterministicAndOrderedBySeverity() {
        CheckReport again = ReviewerCheck.run(CheckFixtures.curated());
        assertThat(again.findings()).isEqualTo(REPORT.findings());
        assertThat(Json.write(CheckSummary.of(again, Severity.INFO))).isEqualTo(Json.write(CheckSummary.of(REPORT, Severity.INFO)));
        List<Severity> order = REPORT.findings().stream().map(Finding::severity).toList();
        assertThat(order).isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(REPORT.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REPORT.findings().size());
    }
}

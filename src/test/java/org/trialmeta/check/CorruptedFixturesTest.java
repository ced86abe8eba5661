package org.trialmeta.check;

import org.trialmeta.model.TrialRepository;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.Trial;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;
import java.util.ArrayList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialmeta.check.CheckFixtures.copy;
import static org.trialmeta.check.CheckFixtures.edit;
import static org.trialmeta.check.CheckFixtures.one;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.repository.TrialLoadException;
import org.trialmeta.repository.TrialLoader;

/**
 * Copies of the curated trials with one deliberate defect each: the defect is caught by the right rule,
 * severity and message, and nothing else becomes an error (no false alarm in the other dimensions).
 */
class CorruptedFixturesTest {

    @TempDir
    Path dir;

    private CheckReport run() {
        return ReviewerCheck.run(TrialLoader.loadDirectory(dir));
    }

    private static Set<String> errorRules(CheckReport r) {
        return r.atLeast(Severity.ERROR).stream().map(Finding::rule).collect(Collectors.toSet());
    }

    @Test
    void cleanCopyHasNoErrors() {
        copy(dir);
        CheckReport r = run();
        assertThat(r.atLeast(Severity.ERROR)).isEmpty();
        assertThat(r.findings()).isEqualTo(ReviewerCheck.run(CheckFixtures.curated()).findings());
    }

    @Test
    void wrongCiOutsideEveryMethodIsAnError() {
        copy(dir);
        edit(dir, "ramp-201.yaml", "ci: {lower: 31, upper: 58, level: 95}", "ci: {lower: 35, upper: 58, level: 95}");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "binomial-ci", "ramp-201", "/kras_mutant/primary/ORR.reported.ci");
        assertThat(f.reported()).isEqualTo("95% CI 35-58");
        assertThat(f.message()).contains("cannot come from 25/57 by any standard method", "lower 35 outside 30.7-31.8");
        assertThat(errorRules(r)).containsExactly("binomial-ci");
    }

    @Test
    void ciReproducedByNoMethodButInsideTheirRangeIsAWarning() {
        copy(dir);
        edit(dir, "frame.yaml", "ci: {lower: 23.4, upper: 63.1, level: 95}", "ci: {lower: 24.5, upper: 63.1, level: 95}");
        CheckReport r = run();
        Finding f = one(r, Severity.WARNING, "binomial-ci", "frame", "/overall/final/ORR");
        assertThat(f.message()).contains("no standard method reproduces the reported 95% CI 24.5-63.1 from 11/26");
        assertThat(r.atLeast(Severity.ERROR)).isEmpty();
    }

    @Test
    void impossiblePercentageIsAGrimError() {
        copy(dir);
        edit(dir, "frame.yaml", "reported: {percent: 64}", "reported: {percent: 45, n: 7}");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "grim", "frame", "/kras_mutant/esmo-2021/ORR");
        assertThat(f.reported()).isEqualTo("45% of 7");
        assertThat(f.message()).contains("no integer count over 7 gives 45% at integer rounding",
                "3/7 = 42.9%, 4/7 = 57.1%");
        assertThat(errorRules(r)).containsExactly("grim");
    }

    @Test
    void percentNotMatchingCountsIsAnError() {
        copy(dir);
        edit(dir, "frame.yaml", "percent: 42.3", "percent: 43.3");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "percent-from-counts", "frame", "/overall/final/ORR");
        assertThat(f.message()).contains("11/26 = 42.31% does not round to the reported 43.3% at 1 decimal");
        // 43.3% of 26 is impossible for any count, so GRIM fires too; nothing else does
        assertThat(errorRules(r)).containsExactlyInAnyOrder("percent-from-counts", "grim");
    }

    @Test
    void subgroupSumMismatchIsAnError() {
        copy(dir);
        edit(dir, "ramp-201.yaml", "responders: 9\n", "responders: 5\n");
        edit(dir, "ramp-201.yaml", "percent: 17\n", "percent: 10\n");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "subgroup-sum", "ramp-201", "kras_mutant+kras_wild_type/primary/ORR");
        assertThat(f.recomputed()).isEqualTo("kras_mutant 25/57 + kras_wild_type 5/52 = 30/109 = 27.5%");
        assertThat(f.message()).contains("the subgroups partition the 109 evaluable",
                "overall responders 34/109 cannot be the subgroup sum",
                "no subgroup sum over 109 rounds to the reported overall 31%");
        assertThat(errorRules(r)).containsExactly("subgroup-sum");
    }

    @Test
    void subgroupsLargerThanThePopulationAreAnError() {
        copy(dir);
        edit(dir, "frame.yaml", "responders: 4\n        evaluable: 9\n        reported: {percent: 44, n: 9}",
                "responders: 6\n        evaluable: 14\n        reported: {percent: 43, n: 14}");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "subgroup-sum", "frame", "kras_mutant+kras_wild_type/interim-2021-05/ORR");
        assertThat(f.message()).contains("the subgroups have 24 evaluable, more than the 21 of the overall population");
    }

    @Test
    void medianOutsideItsCiIsLoadedAsPublishedAndIsAnError() {
        // a published inconsistency is data to report, not input to refuse (issue 19)
        copy(dir);
        edit(dir, "frame.yaml", "ci: {lower: 11.2, upper: 43.9, level: 95}", "ci: {lower: 21.2, upper: 43.9, level: 95}");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "median-in-ci", "frame", "/overall/final/PFS.ci");
        assertThat(f.message()).contains("the median 20.1 months lies outside its CI 21.2-43.9");
        assertThat(errorRules(r)).containsExactly("median-in-ci");
    }

    @Test
    void impossibleCountsAreStillRefusedByTheLoader() {
        copy(dir);
        edit(dir, "frame.yaml", "responders: 11\n        evaluable: 26", "responders: 27\n        evaluable: 26");
        assertThatThrownBy(this::run).isInstanceOf(TrialLoadException.class).hasMessageContaining("frame.yaml")
                .hasMessageContaining("responders must not exceed evaluable");
    }

    @Test
    void medianOutsideTheObservedRangeIsAnError() {
        copy(dir);
        edit(dir, "ramp-201.yaml", "range: {min: 3.3, max: 31.1}", "range: {min: 3.3, max: 30}");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "median-in-ci", "ramp-201", "/kras_mutant/primary/DOR.range");
        assertThat(f.message()).contains("the median 31.1 months lies outside the observed range 3.3-30");
        assertThat(errorRules(r)).containsExactly("median-in-ci");
    }

    @Test
    void implausibleClinicalMedianIsAnError() {
        copy(dir);
        edit(dir, "ramp-201.yaml", "median: 12.8", "median: 312.8");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "time-plausible", "ramp-201", "/kras_wild_type/primary/PFS");
        assertThat(f.recomputed()).isEqualTo("26.1 years");
        assertThat(f.message()).contains("a clinical PFS of 26.1 years exceeds 20 years: implausible");
        assertThat(errorRules(r)).containsExactly("time-plausible");
    }

    @Test
    void mouseSurvivalInMonthsBeyondLifespanIsAnError() {
        copy(dir);
        edit(dir, "mc38.yaml", "unit: days, median: 42", "unit: months, median: 42");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "time-plausible", "mc38", "vs-4718-anti-pd-1/overall/final/OS");
        assertThat(f.message()).contains("mouse survival of 1278 days exceeds the 1096-day lifespan");
    }

    @Test
    void cutOffAfterPublicationIsAnError() {
        copy(dir);
        edit(dir, "ramp-201.yaml", "2024-06-30", "2026-06-30", 6);
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "cutoff-date", "ramp-201", "/kras_mutant/primary/ORR.provenance.cutoff");
        assertThat(f.message()).contains("the data cut-off 2026-06-30 is after the publication of its source"
                + " ramp201-jco-2025 (2025-12-31, its publication date), and after the latest publication date");
        assertThat(r.atLeast(Severity.ERROR)).anyMatch(x -> x.message().contains("after the latest publication date"));
        assertThat(errorRules(r)).containsExactly("cutoff-date");
    }

    /**
     * Issue 15: the rule took any year or ISO date in the citation as the publication date, so a date the
     * source was accessed ("accessed 2026-03-01") made a cut-off after the publication look fine. Only the
     * {@code published} field of sources.yaml counts.
     */
    @Test
    void anAccessDateInTheCitationIsNotThePublicationDate() {
        copy(dir);
        edit(dir, "sources.yaml", "citation: \"RAMP-201 primary analysis, J Clin Oncol 2025\"",
                "citation: \"RAMP-201 primary analysis, J Clin Oncol 2025 (accessed 2026-03-01)\"");
        edit(dir, "ramp-201.yaml", "2024-06-30", "2026-01-15", 6);
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "cutoff-date", "ramp-201", "/kras_mutant/primary/ORR.provenance.cutoff");
        assertThat(f.message()).contains("the data cut-off 2026-01-15 is after the publication of its source"
                + " ramp201-jco-2025 (2025-12-31, its publication date)");
        assertThat(r.byRule("cutoff-date")).noneMatch(x -> x.message().contains("2026-03-01"));
    }

    @Test
    void aPublicationDateMayBeAYearAMonthOrADayWrittenPlain() {
        copy(dir);
        edit(dir, "sources.yaml", "published: \"2025\"", "published: 2025", 3);
        edit(dir, "sources.yaml", "published: \"2021-05\"", "published: 2021-05");
        edit(dir, "sources.yaml", "published: \"2025-05-08\"", "published: 2025-05-08");
        assertThat(run().findings()).isEqualTo(ReviewerCheck.run(CheckFixtures.curated()).findings());
        assertThat(TrialLoader.loadDirectory(dir).source("frame-interim-2021-05").orElseThrow().publishedBy())
                .contains(LocalDate.of(2021, 5, 31));
    }

    @Test
    void aPublicationDateThatDoesNotExistIsRefusedByTheLoader() {
        copy(dir);
        edit(dir, "sources.yaml", "published: \"2021-05\"", "published: \"2021-13\"");
        assertThatThrownBy(this::run).isInstanceOf(TrialLoadException.class)
                .hasMessageContaining("published: '2021-13' (a publication date is YYYY, YYYY-MM or YYYY-MM-DD and exists)");
    }

    @Test
    void cutOffDifferingFromItsCutIsAWarningForRepositoriesBuiltInCode() {
        // The loader refuses such a file (tier 1); the check is the backstop for repositories built in code.
        TrialRepository curated = CheckFixtures.curated();
        List<Trial> trials = new ArrayList<>();
        for (Trial t : curated.trials()) {
            if (t.id().equals("ramp-201")) {
                List<AnalysisCut> cuts = new ArrayList<>();
                for (AnalysisCut c : t.cuts()) {
                    cuts.add(c.id().equals("primary")
                            ? new AnalysisCut(c.id(), c.label(), Optional.of(LocalDate.parse("2024-03-31")),
                                    c.provenance(), c.note())
                            : c);
                }
                t = new Trial(t.id(), t.name(), t.registryIds(), t.phase(), t.design(), t.setting(), t.species(),
                        t.modelSystem(), t.indication(), t.sources(), t.subgroups(), cuts, t.arms(), t.note());
            }
            trials.add(t);
        }
        CheckReport r = ReviewerCheck.run(new TrialRepository(trials, curated.sources()));
        Finding f = one(r, Severity.WARNING, "cutoff-date", "ramp-201", "/kras_mutant/primary/DOR.provenance.cutoff");
        assertThat(f.message()).contains("the datum's cut-off 2024-06-30 differs from its cut's 2024-03-31");
        assertThat(errorRules(r)).isEmpty();
    }

    @Test
    void wrongDerivedArithmeticIsAnError() {
        copy(dir);
        edit(dir, "ramp-201.yaml", "17% of 52 = 8.84", "17% of 52 = 9.84");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "derived-arithmetic", "ramp-201", "/kras_wild_type/primary/ORR");
        assertThat(f.message()).contains("17% of 52 = 9.84 (recomputed 8.84)");
        assertThat(errorRules(r)).containsExactly("derived-arithmetic");
    }

    @Test
    void ambiguousDerivedCountIsAWarning() {
        // 13% of 150: 19/150 = 12.7% and 20/150 = 13.3% both round to 13, so "derived 20/150" is a guess
        copy(dir);
        edit(dir, "nct02004028.yaml", "\n    n: 30\n    interventions", "\n    n: 150\n    interventions");
        edit(dir, "nct02004028.yaml", "responders: 4\n        evaluable: 30", "responders: 20\n        evaluable: 150");
        edit(dir, "nct02004028.yaml", "percent: 13\n          n: 30", "percent: 13\n          n: 150");
        CheckReport r = run();
        Finding f = one(r, Severity.WARNING, "derived-arithmetic", "nct02004028", "/abstract-2017/PR");
        assertThat(f.message()).contains("the derived count is not unique: 19/150 = 12.7%; 20/150 = 13.3% all give 13%");
        assertThat(r.atLeast(Severity.ERROR)).isEmpty();
    }

    /** Responders as published over a denominator the method computes: the finding names the computed denominator. */
    @Test
    void givenRespondersOverAComputedDenominator() {
        copy(dir);
        edit(dir, "milo.yaml", "method: \"responders as published; evaluable taken as the arm's randomised n, which the "
                + "abstract does not state as the ORR denominator; 32/201",
                "method: \"responders as published; evaluable = 303 - 102 = 201; 32/201");
        CheckReport r = run();
        Finding f = one(r, Severity.INFO, "derived-arithmetic", "milo", "binimetinib/overall/interim-2016/ORR");
        assertThat(f.recomputed()).contains("303 - 102 = 201");
        assertThat(f.message()).contains("2 steps recomputed and hold; the responders (32) are an input, not derived: "
                + "what is derived is the denominator 201 (computed by the method); 32 responders give 16% over every "
                + "denominator from 194 to 206");
        assertThat(r.atLeast(Severity.ERROR)).isEmpty();
    }

    /** A count the method computes from the percentage is derived even when an input also names that number. */
    @Test
    void aCountTheMethodComputesIsDerivedEvenIfAnInputNamesIt() {
        copy(dir);
        edit(dir, "gog-281.yaml", "derivedFrom: [\"ORR 26% (secondary, cancernetwork-gog281-2022)\"",
                "derivedFrom: [\"ORR 26%, about 34 patients (secondary, cancernetwork-gog281-2022)\"");
        CheckReport r = run();
        Finding f = one(r, Severity.INFO, "derived-arithmetic", "gog-281", "trametinib/overall/");
        assertThat(f.message()).contains("34/130 = 26.2% is the only count over 130 that gives 26%")
                .doesNotContain("denominator");
    }

    @Test
    void evaluableAboveTheArmIsADenominatorError() {
        copy(dir);
        edit(dir, "nct02004028.yaml", "responders: 4\n        evaluable: 30", "responders: 4\n        evaluable: 31");
        edit(dir, "nct02004028.yaml", "percent: 13\n          n: 30", "percent: 13\n          n: 31");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "denominator", "nct02004028", "/abstract-2017/PR");
        assertThat(f.message()).isEqualTo("31 evaluable exceed the 30 subjects of arm defactinib");
        assertThat(errorRules(r)).containsExactly("denominator");
    }

    @Test
    void printedNDifferentFromCountsIsADenominatorError() {
        copy(dir);
        edit(dir, "frame.yaml", "reported: {percent: 52, n: 21}", "reported: {percent: 52, n: 23}");
        CheckReport r = run();
        Finding f = one(r, Severity.ERROR, "denominator", "frame", "/overall/interim-2021-05/ORR.reported.n");
        assertThat(f.message()).isEqualTo("the source prints n = 23 but the counts have 21 evaluable");
    }

    @Test
    void twoSourcesGivingDifferentOrrAtTheSameCutIsAWarning() {
        copy(dir);
        edit(dir, "ramp-201.yaml", "\n  - id: part-a-combination",
                "\n      - kind: binary\n        endpoint: ORR\n        subgroup: kras_mutant\n        cut: primary\n"
                        + "        reported: {percent: 46, n: 57}\n"
                        + "        provenance: {source: us-label-avutometinib-defactinib-2025, locator: \"section 14\","
                        + " status: confirmed}\n\n  - id: part-a-combination");
        CheckReport r = run();
        Finding f = one(r, Severity.WARNING, "same-figure", "ramp-201", "/kras_mutant/primary/ORR");
        assertThat(f.message()).contains("two sources give different values for ORR kras_mutant",
                "ramp201-jco-2025", "us-label-avutometinib-defactinib-2025 confirmed");
        assertThat(f.sources()).extracting(Finding.Citation::id)
                .contains("ramp201-jco-2025", "us-label-avutometinib-defactinib-2025");
    }
}

package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.cli.Run.run;

import org.junit.jupiter.api.Test;

/**
 * {@code trialmeta registry} and {@code check --registry} on the constructed MPACT record and on the real FLAURA
 * record (NCT02296125 as the API served it, reduced; see src/test/resources/registry/README.md).
 */
class RegistryCommandTest {

    private static final String RECORD = "src/test/resources/registry/nct00844649-constructed.json";
    private static final String FLAURA = "src/test/resources/registry/nct02296125-flaura-reduced.json";

    @Test
    void tableShowsTheMappedOutcomesTheirSourceAndWhatWasNotMapped() {
        Run r = run("registry", RECORD);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("nct00844649: MPACT", "arm nab-paclitaxel-plus-gemcitabine", "99/431",
                "median 8.5 months (95% CI 7.9-9.5), HR 0.72 vs gemcitabine-alone", "secondary",
                "source nct00844649: ClinicalTrials.gov NCT00844649",
                "not mapped:\n  measure 4 'Number of Participants With Adverse Events'");
    }

    @Test
    void yamlIsATrialFileAndItsSourcesEntry() {
        Run r = run("registry", RECORD, "--format", "yaml");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("id: nct00844649", "registryIds:\n  - NCT00844649", "p: <0.0001",
                "status: secondary", "---\n# sources.yaml entry", "kind: registry");
    }

    @Test
    void checkComparesTheRecordWithThePublication() {
        Run r = run("check", "--trials", "src/test/resources/fixtures/check/mpact", "--registry", RECORD,
                "--min-severity", "info", "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"rule\" : \"registry-vs-publication\"",
                "the registry and the publication agree at the printed rounding");
    }

    @Test
    void theRealFlauraRecordMapsWithoutRefusal() {
        Run r = run("registry", FLAURA);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("arm osimertinib-80-mg-global-cohort: Osimertinib 80 mg (Global Cohort), n=279",
                "median 18.9 months (95% CI 15.2-21.4), HR 0.46 vs soc-egfr-tki-global-cohort",
                "median 10.2 months (95% CI 9.6-11.1)", "not mapped:\n  measure 1 'Median Progression Free Survival (PFS)"
                        + " (Months)', analysis 2 (Hazard Ratio (HR) 0.56");
    }

    @Test
    void checkComparesTheRealFlauraRecordWithThePublishedAbstract() {
        // the publication side: Soria et al. NEJM 2018 abstract (fixtures/check/flaura)
        Run r = run("check", "--trials", "src/test/resources/fixtures/check/flaura", "--registry", FLAURA,
                "--min-severity", "info");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("registry median 18.9 months (95% CI 15.2-21.4) vs publication median 18.9 months",
                "registry median 10.2 months (95% CI 9.6-11.1) vs publication median 10.2 months", "0 errors, 0 warnings");
        // the HR 0.46 (0.37-0.57) is the same on both sides: no warning
        assertThat(r.out()).doesNotContain("[warning] flaura");
    }
}

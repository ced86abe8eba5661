package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.cli.Run.run;

import org.junit.jupiter.api.Test;

/** {@code trialmeta registry} and {@code check --registry} on the constructed MPACT record. */
class RegistryCommandTest {

    private static final String RECORD = "src/test/resources/registry/nct00844649-constructed.json";

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
}

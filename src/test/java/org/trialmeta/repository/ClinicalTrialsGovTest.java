package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.InputException;
import org.trialmeta.model.PValue;
import org.trialmeta.model.SourceKind;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.Trial;

/**
 * ClinicalTrials.gov API v2 records into the model (src/test/resources/registry; see its README): the constructed
 * MPACT record and the real FLAURA record (NCT02296125 as the API served it, reduced), whose expected values below
 * were read from its JSON by hand.
 */
class ClinicalTrialsGovTest {

    private static final Path RECORD = Path.of("src/test/resources/registry/nct00844649-constructed.json");
    private static final Path FLAURA = Path.of("src/test/resources/registry/nct02296125-flaura-reduced.json");

    @TempDir
    Path dir;

    private Path edited(String from, String to) throws IOException {
        String s = Files.readString(RECORD, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        Path p = dir.resolve("record.json");
        Files.writeString(p, s.replace(from, to), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void resultsBecomeOutcomesWithTheRecordAsTheirProvenance() {
        ClinicalTrialsGov.Record r = ClinicalTrialsGov.read(RECORD);
        Trial t = r.trial();
        assertThat(t.id()).isEqualTo("nct00844649");
        assertThat(t.registryIds()).containsExactly("NCT00844649");
        assertThat(r.source().kind()).isEqualTo(SourceKind.REGISTRY);
        assertThat(r.source().url()).contains("https://clinicaltrials.gov/study/NCT00844649");
        assertThat(t.arms()).extracting(a -> a.id()).containsExactly("nab-paclitaxel-plus-gemcitabine", "gemcitabine-alone");
        assertThat(t.arms().get(0).interventions()).extracting(i -> i.agent()).containsExactly("nab-paclitaxel", "gemcitabine");
        assertThat(t.arms().get(0).n()).contains(431);
        TimeToEventOutcome os = (TimeToEventOutcome) t.arms().get(0).outcomes().get(0);
        assertThat(os.median().value().getAsDouble()).isEqualTo(8.5);
        assertThat(os.hazardRatio().orElseThrow().ci().orElseThrow().lower()).isEqualTo(0.617);
        assertThat(os.hazardRatio().orElseThrow().p()).contains(new PValue(PValue.Relation.LESS, 0.0001));
        assertThat(os.hazardRatio().orElseThrow().comparator()).isEqualTo("gemcitabine-alone");
        assertThat(os.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);
        assertThat(os.provenance().locator()).hasValueSatisfying(l -> assertThat(l).startsWith("outcome measure 1: Overall Survival"));
        BinaryOutcome orr = (BinaryOutcome) t.arms().get(1).outcomes().get(2);
        assertThat(orr.counts().orElseThrow().responders()).isEqualTo(31);
        assertThat(orr.counts().orElseThrow().evaluable()).isEqualTo(430);
        assertThat(r.skipped()).containsExactly(
                "measure 4 'Number of Participants With Adverse Events': not a response rate or a time to event");
    }

    @Test
    void theRealFlauraRecordIsMappedWithItsCisAndItsOtherCohortsAnalysisListed() {
        ClinicalTrialsGov.Record r = ClinicalTrialsGov.read(FLAURA);
        Trial t = r.trial();
        assertThat(t.registryIds()).containsExactly("NCT02296125");
        assertThat(t.arms()).extracting(a -> a.id()).containsExactly("osimertinib-80-mg-global-cohort",
                "soc-egfr-tki-global-cohort");
        assertThat(t.arms()).extracting(a -> a.n().orElseThrow()).containsExactly(279, 277); // denoms OG000, OG001
        // measurements of OG000: "18.9", "15.2", "21.4"; the record's dispersionType is the text
        // "95% Confidence Interval", not the enumeration CONFIDENCE_95: the CI must not be dropped
        TimeToEventOutcome osi = (TimeToEventOutcome) t.arms().get(0).outcomes().get(0);
        assertThat(osi.endpoint().name()).isEqualTo("PFS");
        assertThat(osi.median().value().getAsDouble()).isEqualTo(18.9);
        assertThat(osi.ci().orElseThrow().lower().value().getAsDouble()).isEqualTo(15.2);
        assertThat(osi.ci().orElseThrow().upper().value().getAsDouble()).isEqualTo(21.4);
        assertThat(osi.ci().orElseThrow().level()).isEqualTo(95);
        // analyses[0]: OG000 vs OG001, "0.46", "0.37"-"0.57", pValue "<0.0001"
        assertThat(osi.hazardRatio().orElseThrow().value()).isEqualTo(0.46);
        assertThat(osi.hazardRatio().orElseThrow().ci().orElseThrow().lower()).isEqualTo(0.37);
        assertThat(osi.hazardRatio().orElseThrow().ci().orElseThrow().upper()).isEqualTo(0.57);
        assertThat(osi.hazardRatio().orElseThrow().p()).contains(new PValue(PValue.Relation.LESS, 0.0001));
        assertThat(osi.hazardRatio().orElseThrow().comparator()).isEqualTo("soc-egfr-tki-global-cohort");
        TimeToEventOutcome soc = (TimeToEventOutcome) t.arms().get(1).outcomes().get(0);
        assertThat(soc.median().value().getAsDouble()).isEqualTo(10.2);
        assertThat(soc.ci().orElseThrow().lower().value().getAsDouble()).isEqualTo(9.6);
        assertThat(soc.ci().orElseThrow().upper().value().getAsDouble()).isEqualTo(11.1);
        assertThat(soc.hazardRatio()).isEmpty();
        // analyses[1] compares the China cohort's groups OG002/OG003, which this measure does not list: listed, not
        // refused (before, exit 2 on a genuine record)
        assertThat(r.skipped()).containsExactly("measure 1 'Median Progression Free Survival (PFS) (Months)', analysis 2"
                + " (Hazard Ratio (HR) 0.56, groups [\"OG002\",\"OG003\"]): names groups the measure does not list"
                + " [OG000, OG001]");
    }

    @Test
    void everyPostedMeasureOfEveryRecordIsMappedOrListed() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/registry"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ClinicalTrialsGov.Record r = ClinicalTrialsGov.read(f);
                int measures = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile())
                        .path("resultsSection").path("outcomeMeasuresModule").path("outcomeMeasures").size();
                assertThat(measures).as(f.toString()).isPositive();
                for (int i = 1; i <= measures; i++) {
                    String mapped = "outcome measure " + i + ": ";
                    String listed = "measure " + i + " '";
                    boolean isMapped = r.trial().arms().stream().flatMap(a -> a.outcomes().stream())
                            .anyMatch(o -> o.provenance().locator().orElse("").startsWith(mapped));
                    boolean isListed = r.skipped().stream().anyMatch(s -> s.startsWith(listed));
                    assertThat(isMapped || isListed).as(f + ": measure " + i + " mapped or listed").isTrue();
                }
            }
        }
    }

    @Test
    void ciLevelsAreReadFromTheEnumerationAndFromTheRecordsText() {
        assertThat(ClinicalTrialsGov.dispersionLevel("CONFIDENCE_95")).isEqualTo(95);
        assertThat(ClinicalTrialsGov.dispersionLevel("95% Confidence Interval")).isEqualTo(95);
        assertThat(ClinicalTrialsGov.dispersionLevel("90% Confidence Interval")).isEqualTo(90);
        assertThat(ClinicalTrialsGov.dispersionLevel("97.5% Confidence Interval")).isEqualTo(97.5);
        assertThat(ClinicalTrialsGov.dispersionLevel("Standard Deviation")).isZero();
        assertThat(ClinicalTrialsGov.dispersionLevel("Full Range")).isZero();
        assertThat(ClinicalTrialsGov.dispersionLevel("150% Confidence Interval")).isZero();
    }

    @Test
    void aMedianNotReachedIsNaInTheRecord() throws IOException {
        Path p = edited("\"value\": \"6.7\", \"lowerLimit\": \"6.0\", \"upperLimit\": \"7.2\"",
                "\"value\": \"NA\", \"lowerLimit\": \"6.0\", \"upperLimit\": \"NA\", \"comment\": \"Median not reached\"");
        TimeToEventOutcome os = (TimeToEventOutcome) ClinicalTrialsGov.read(p).trial().arms().get(1).outcomes().get(0);
        assertThat(os.median().hasValue()).isFalse();
        assertThat(os.ci().orElseThrow().upper().hasValue()).isFalse();
    }

    @Test
    void malformedRecordsAreOneLineNamingThePath() throws IOException {
        assertThatThrownBy(() -> ClinicalTrialsGov.read(edited("\"NCT00844649\"", "\"NCT123\"")))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("protocolSection.identificationModule.nctId: 'NCT123' (NCT followed by 8 digits)");
        assertThatThrownBy(() -> ClinicalTrialsGov.read(edited("{\"groupId\": \"OG000\", \"value\": \"99\"}",
                "{\"groupId\": \"OG000\", \"value\": \"ninety\"}")))
                .hasMessageContaining("outcomeMeasures[2].classes[0].categories[0].measurements[0].value: 'ninety'"
                        + " (a whole number >= 0)");
        assertThatThrownBy(() -> ClinicalTrialsGov.read(edited("{\"groupId\": \"OG000\", \"value\": \"99\"}",
                "{\"groupId\": \"OG000\", \"value\": \"999\"}")))
                .hasMessageContaining("999 > denominator 431");
        assertThatThrownBy(() -> ClinicalTrialsGov.read(edited("\"acronym\": \"MPACT\",",
                "\"acronym\": \"MPACT\", \"acronym\": \"X\",")))
                .hasMessageContaining("not valid JSON").hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> ClinicalTrialsGov.read(edited("\"ciLowerLimit\": \"0.617\"", "\"ciLowerLimit\": \"0.9\"")))
                .hasMessageContaining("a ratio's CI is positive, lower <= upper");
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "[".repeat(1000) + "]".repeat(1000));
        assertThatThrownBy(() -> ClinicalTrialsGov.read(deep)).hasMessageContaining("nested deeper than 64 levels (limit)");
        Path notObject = dir.resolve("array.json");
        Files.writeString(notObject, "[1, 2]");
        assertThatThrownBy(() -> ClinicalTrialsGov.read(notObject)).hasMessageContaining("a JSON object is expected");
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[ClinicalTrialsGov.MAX_BYTES + 1]);
        assertThatThrownBy(() -> ClinicalTrialsGov.read(big)).hasMessageContaining("(limit)");
        assertThatThrownBy(() -> ClinicalTrialsGov.read(dir.resolve("none.json"))).hasMessageEndingWith("file not found");
    }

    @Test
    void theSearchEndpointsWrapperWithOneStudyIsAccepted() throws IOException {
        Path p = dir.resolve("wrapped.json");
        Files.writeString(p, "{\"studies\": [" + Files.readString(RECORD) + "]}");
        assertThat(ClinicalTrialsGov.read(p).trial().id()).isEqualTo("nct00844649");
        Files.writeString(p, "{\"studies\": []}");
        assertThatThrownBy(() -> ClinicalTrialsGov.read(p)).hasMessageContaining("0 studies (give one study record)");
    }

    @Test
    void theMappedTrialWrittenAsYamlLoadsBack() throws IOException {
        ClinicalTrialsGov.Record r = ClinicalTrialsGov.read(RECORD);
        Files.writeString(dir.resolve("nct00844649.yaml"), TrialYaml.write(r.trial()));
        Files.writeString(dir.resolve("sources.yaml"), TrialYaml.writeSources(java.util.List.of(r.source())));
        assertThat(TrialLoader.loadDirectory(dir).trial("nct00844649")).contains(r.trial());
    }
}

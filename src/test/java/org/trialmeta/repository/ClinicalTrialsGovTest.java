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

/** ClinicalTrials.gov API v2 records into the model (src/test/resources/registry, constructed; see its README). */
class ClinicalTrialsGovTest {

    private static final Path RECORD = Path.of("src/test/resources/registry/nct00844649-constructed.json");

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
        assertThatThrownBy(() -> ClinicalTrialsGov.read(deep)).hasMessageContaining("not valid JSON");
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

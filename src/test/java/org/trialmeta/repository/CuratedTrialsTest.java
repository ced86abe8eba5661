package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.BiomarkerChange;
import org.trialmeta.model.Compartment;
import org.trialmeta.model.Direction;
import org.trialmeta.model.EstimateState;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Setting;
import org.trialmeta.model.SourceKind;
import org.trialmeta.model.TimeToEventEndpoint;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.TimeUnit;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;

/** The curated {@code trials/} directory against the curation sheet (shared/curation/README.md). */
class CuratedTrialsTest {

    private static TrialRepository repo;

    @BeforeAll
    static void load() {
        repo = TrialLoader.loadDirectory(Path.of("trials"));
    }

    private static LocatedOutcome<BinaryOutcome> orr(String trial, String subgroup, String cut) {
        List<LocatedOutcome<BinaryOutcome>> found = repo.binaryOutcomes(BinaryEndpoint.ORR).stream()
                .filter(o -> o.trial().id().equals(trial) && o.subgroup().id().equals(subgroup) && o.cut().id().equals(cut))
                .toList();
        assertThat(found).as("ORR %s/%s/%s", trial, subgroup, cut).hasSize(1);
        return found.get(0);
    }

    private static TimeToEventOutcome tte(String trial, String arm, TimeToEventEndpoint endpoint, String subgroup) {
        List<LocatedOutcome<TimeToEventOutcome>> found = repo.timeToEventOutcomes(endpoint).stream()
                .filter(o -> o.trial().id().equals(trial) && o.arm().id().equals(arm) && o.subgroup().id().equals(subgroup))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0).outcome();
    }

    @Test
    void theSeedStudiesTheRandomisedLgsocTrialsAndTheirSourcesLoad() {
        assertThat(repo.trials()).extracting(Trial::id).containsExactly("frame", "gog-281", "mc38", "milo",
                "nct02004028", "ramp-201");
        assertThat(repo.outcomeCount()).isEqualTo(41);
        assertThat(repo.source("defactinib-tme-guide").orElseThrow().kind()).isEqualTo(SourceKind.VENDOR_GUIDE);
        assertThat(repo.source("frame-natmed-2025").orElseThrow().doi()).contains("10.1038/s41591-025-03763-y");
        assertThat(repo.source("frame-natmed-2025").orElseThrow().pmid()).contains("40579546");
        assertThat(repo.source("ramp201-jco-2025").orElseThrow().pmid()).contains("40644648");
        assertThat(repo.source("jiang-2016-natmed").orElseThrow().doi()).contains("10.1038/nm.4123");
    }

    @Test
    void ramp201KrasMutantOrrIs25Of57Secondary() {
        BinaryOutcome o = orr("ramp-201", "kras_mutant", "primary").outcome();
        assertThat(o.counts().orElseThrow().responders()).isEqualTo(25);
        assertThat(o.counts().orElseThrow().evaluable()).isEqualTo(57);
        assertThat(o.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);
        assertThat(o.provenance().source()).isEqualTo("ramp201-jco-2025");
        assertThat(o.provenance().cutoff()).contains(LocalDate.of(2024, 6, 30));
        assertThat(orr("ramp-201", "kras_mutant", "primary").cutoff()).contains(LocalDate.of(2024, 6, 30));
        assertThat(orr("ramp-201", "kras_wild_type", "primary").cutoff()).contains(LocalDate.of(2024, 6, 30));
        assertThat(orr("frame", "overall", "final").cutoff()).isEmpty();
        var r = o.reported().orElseThrow();
        assertThat(r.percent().value()).isEqualTo(44.0);
        assertThat(r.ci().orElseThrow().lower().value()).isEqualTo(31.0);
        assertThat(r.ci().orElseThrow().upper().value()).isEqualTo(58.0);
        assertThat(r.ci().orElseThrow().level()).isEqualTo(95.0);
    }

    @Test
    void ramp201WildTypeCountsAreDerivedWhileTheReported17PercentIsSecondaryFromCompanyNews() {
        BinaryOutcome o = orr("ramp-201", "kras_wild_type", "primary").outcome();
        assertThat(o.counts().orElseThrow().responders()).isEqualTo(9);
        assertThat(o.counts().orElseThrow().evaluable()).isEqualTo(52);
        assertThat(o.provenance().status()).isEqualTo(EvidenceStatus.DERIVED);
        assertThat(o.provenance().derivedFrom()).isNotEmpty();
        assertThat(o.provenance().method().orElseThrow()).contains("109 - 57 = 52");
        assertThat(o.reported().orElseThrow().percent().value()).isEqualTo(17.0);
        assertThat(o.reported().orElseThrow().provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);
        assertThat(o.reported().orElseThrow().provenance().source()).isEqualTo("rttnews-2025-ramp201");
    }

    @Test
    void ramp201OverallOrrIsDerived34Of109NextToTheReported31PercentSecondary() {
        BinaryOutcome o = orr("ramp-201", "overall", "primary").outcome();
        assertThat(o.counts().orElseThrow()).extracting("responders", "evaluable").containsExactly(34, 109);
        assertThat(o.provenance().status()).isEqualTo(EvidenceStatus.DERIVED);
        var r = o.reported().orElseThrow();
        assertThat(r.percent().value()).isEqualTo(31.0);
        assertThat(r.ci().orElseThrow().lower().value()).isEqualTo(23.0);
        assertThat(r.ci().orElseThrow().upper().value()).isEqualTo(41.0);
        assertThat(r.n()).contains(109);
        assertThat(r.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);
        assertThat(o.confirmed()).contains(true);
    }

    @Test
    void ramp201TimeToEventFiguresAndOsNotReported() {
        TimeToEventOutcome dor = tte("ramp-201", "avutometinib-defactinib", TimeToEventEndpoint.DOR, "kras_mutant");
        assertThat(dor.median().value().getAsDouble()).isEqualTo(31.1);
        assertThat(dor.unit()).isEqualTo(TimeUnit.MONTHS);
        assertThat(dor.ci().orElseThrow().lower().value().getAsDouble()).isEqualTo(14.8);
        assertThat(dor.ci().orElseThrow().upper().value().getAsDouble()).isEqualTo(31.1);
        assertThat(dor.range().orElseThrow().lower().value().getAsDouble()).isEqualTo(3.3);
        assertThat(dor.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);

        TimeToEventOutcome pfsMut = tte("ramp-201", "avutometinib-defactinib", TimeToEventEndpoint.PFS, "kras_mutant");
        assertThat(pfsMut.median().value().getAsDouble()).isEqualTo(22.0);
        assertThat(pfsMut.ci()).isEmpty();
        assertThat(pfsMut.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);

        TimeToEventOutcome pfsWt = tte("ramp-201", "avutometinib-defactinib", TimeToEventEndpoint.PFS, "kras_wild_type");
        assertThat(pfsWt.median().value().getAsDouble()).isEqualTo(12.8);
        assertThat(pfsWt.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);
        assertThat(pfsWt.provenance().source()).isEqualTo("rttnews-2025-ramp201");
        TimeToEventOutcome pfsAll = tte("ramp-201", "avutometinib-defactinib", TimeToEventEndpoint.PFS, "overall");
        assertThat(pfsAll.median().value().getAsDouble()).isEqualTo(12.9);
        assertThat(pfsAll.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);

        TimeToEventOutcome os = tte("ramp-201", "avutometinib-defactinib", TimeToEventEndpoint.OS, "overall");
        assertThat(os.median().state()).isEqualTo(EstimateState.NOT_REPORTED);

        assertThat(repo.requireTrial("ramp-201").cut("primary").orElseThrow().cutoff()).contains(LocalDate.of(2024, 6, 30));
        BinaryOutcome partA = orr("ramp-201", "overall", "not-recorded").outcome();
        assertThat(partA.counts()).isEmpty();
        assertThat(partA.reported().orElseThrow().percent().value()).isEqualTo(45.0);
        assertThat(partA.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);
    }

    @Test
    void frameFinalIsConfirmedAndInterimCutsSitBesideItAsSecondary() {
        BinaryOutcome fin = orr("frame", "overall", "final").outcome();
        assertThat(fin.counts().orElseThrow()).extracting("responders", "evaluable").containsExactly(11, 26);
        assertThat(fin.reported().orElseThrow().percent().value()).isEqualTo(42.3);
        assertThat(fin.reported().orElseThrow().ci().orElseThrow().lower().value()).isEqualTo(23.4);
        assertThat(fin.reported().orElseThrow().ci().orElseThrow().upper().value()).isEqualTo(63.1);
        assertThat(fin.provenance().status()).isEqualTo(EvidenceStatus.CONFIRMED);
        assertThat(fin.provenance().source()).isEqualTo("frame-natmed-2025");

        TimeToEventOutcome pfs = tte("frame", "avutometinib-defactinib", TimeToEventEndpoint.PFS, "overall");
        assertThat(pfs.median().value().getAsDouble()).isEqualTo(20.1);
        assertThat(pfs.ci().orElseThrow().lower().value().getAsDouble()).isEqualTo(11.2);
        assertThat(pfs.ci().orElseThrow().upper().value().getAsDouble()).isEqualTo(43.9);
        assertThat(pfs.provenance().status()).isEqualTo(EvidenceStatus.CONFIRMED);

        assertThat(orr("frame", "overall", "interim-2021-05").outcome().counts().orElseThrow())
                .extracting("responders", "evaluable").containsExactly(11, 21);
        assertThat(orr("frame", "kras_mutant", "interim-2021-05").outcome().counts().orElseThrow())
                .extracting("responders", "evaluable").containsExactly(7, 10);
        assertThat(orr("frame", "kras_wild_type", "interim-2021-05").outcome().counts().orElseThrow())
                .extracting("responders", "evaluable").containsExactly(4, 9);
        assertThat(orr("frame", "overall", "esmo-2021").outcome().counts().orElseThrow())
                .extracting("responders", "evaluable").containsExactly(11, 24);
        BinaryOutcome esmoMut = orr("frame", "kras_mutant", "esmo-2021").outcome();
        assertThat(esmoMut.counts()).isEmpty();
        assertThat(esmoMut.reported().orElseThrow().percent().value()).isEqualTo(64.0);
        for (String cut : List.of("interim-2021-05", "esmo-2021")) {
            assertThat(repo.binaryOutcomes(BinaryEndpoint.ORR).stream()
                    .filter(o -> o.trial().id().equals("frame") && o.cut().id().equals(cut)))
                    .allMatch(o -> o.provenance().status() == EvidenceStatus.SECONDARY);
        }
    }

    @Test
    void nct02004028ResponsesAreDerivedFromTheAbstractPercentages() {
        var pr = repo.binaryOutcomes(BinaryEndpoint.PR).get(0).outcome();
        assertThat(pr.counts().orElseThrow()).extracting("responders", "evaluable").containsExactly(4, 30);
        assertThat(pr.provenance().status()).isEqualTo(EvidenceStatus.DERIVED);
        assertThat(pr.reported().orElseThrow().percent().value()).isEqualTo(13.0);
        assertThat(pr.reported().orElseThrow().provenance().status()).isEqualTo(EvidenceStatus.CONFIRMED);
        var sd = repo.binaryOutcomes(BinaryEndpoint.SD).get(0).outcome();
        assertThat(sd.counts().orElseThrow()).extracting("responders", "evaluable").containsExactly(20, 30);
        assertThat(sd.reported().orElseThrow().percent().value()).isEqualTo(67.0);
        assertThat(repo.source(pr.reported().orElseThrow().provenance().source()).orElseThrow().kind())
                .isEqualTo(SourceKind.CONFERENCE_ABSTRACT);
    }

    @Test
    void randomisedLgsocTrialsCarryWhatTheSourcesStateWithTheirStatus() {
        // MILO: read in the JCO 2020 abstract (confirmed); the ORR denominators come from the IGCS 2019 abstract
        TimeToEventOutcome milo = tte("milo", "binimetinib", TimeToEventEndpoint.PFS, "overall");
        assertThat(milo.provenance().status()).isEqualTo(EvidenceStatus.CONFIRMED);
        assertThat(milo.hazardRatio().orElseThrow().value()).isEqualTo(1.21);
        assertThat(milo.hazardRatio().orElseThrow().comparator()).isEqualTo("pcc");
        var bini = repo.binaryOutcomes(BinaryEndpoint.ORR).stream()
                .filter(o -> o.trial().id().equals("milo") && o.arm().id().equals("binimetinib")).findFirst().orElseThrow();
        assertThat(bini.outcome().counts().orElseThrow()).extracting("responders", "evaluable").containsExactly(32, 201);
        assertThat(bini.provenance().status()).isEqualTo(EvidenceStatus.DERIVED);
        assertThat(bini.outcome().reported().orElseThrow().provenance().status()).isEqualTo(EvidenceStatus.CONFIRMED);
        // GOG 281: results only from news reports of the Lancet paper (secondary); counts derived from 26% and 6% of 130
        TimeToEventOutcome tram = tte("gog-281", "trametinib", TimeToEventEndpoint.PFS, "overall");
        assertThat(tram.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);
        assertThat(tram.hazardRatio().orElseThrow().value()).isEqualTo(0.48);
        assertThat(repo.requireTrial("gog-281").controlArm().orElseThrow().interventions()).hasSize(5);
        // RAMP-201 Part A: the monotherapy arm is recorded, with no outcome (none found)
        assertThat(repo.requireTrial("ramp-201").arm("part-a-avutometinib").orElseThrow().outcomes()).isEmpty();
    }

    @Test
    void guideBiomarkerClaimsAreUnverifiedAndThe70PercentFakFigureIsSecondary() {
        List<BiomarkerChange> changes = repo.biomarkerChanges().stream().map(LocatedOutcome::outcome).toList();
        assertThat(changes).hasSize(6);
        assertThat(changes.stream().filter(c -> c.provenance().source().equals("defactinib-tme-guide")))
                .hasSize(5).allMatch(c -> c.provenance().status() == EvidenceStatus.UNVERIFIED);
        BiomarkerChange pfak = changes.stream().filter(c -> c.marker().equals("pFAK")).findFirst().orElseThrow();
        assertThat(pfak.compartment()).isEqualTo(Compartment.TUMOUR);
        assertThat(pfak.direction()).isEqualTo(Direction.DECREASED);
        assertThat(pfak.magnitude().orElseThrow().value()).isEqualTo(75.0);
        BiomarkerChange fak = changes.stream().filter(c -> c.marker().equals("FAK activity")).findFirst().orElseThrow();
        assertThat(fak.magnitude().orElseThrow().value()).isEqualTo(70.0);
        assertThat(fak.provenance().status()).isEqualTo(EvidenceStatus.SECONDARY);
        BiomarkerChange mdsc = changes.stream().filter(c -> c.marker().equals("MDSCs")).findFirst().orElseThrow();
        assertThat(mdsc.compartment()).isEqualTo(Compartment.BLOOD);
    }

    @Test
    void mc38MediansAreUnverifiedDaysOfAPreclinicalStudy() {
        Trial mc38 = repo.requireTrial("mc38");
        assertThat(mc38.setting()).isEqualTo(Setting.PRECLINICAL);
        assertThat(mc38.species()).isEqualTo("mouse");
        List<double[]> medians = List.of(new double[] {21}, new double[] {25}, new double[] {28}, new double[] {42});
        List<String> arms = List.of("vehicle", "anti-pd-1", "vs-4718", "vs-4718-anti-pd-1");
        for (int i = 0; i < arms.size(); i++) {
            TimeToEventOutcome os = tte("mc38", arms.get(i), TimeToEventEndpoint.OS, "overall");
            assertThat(os.median().value().getAsDouble()).isEqualTo(medians.get(i)[0]);
            assertThat(os.unit()).isEqualTo(TimeUnit.DAYS);
            assertThat(os.provenance().status()).isEqualTo(EvidenceStatus.UNVERIFIED);
        }
    }

    @Test
    void everyProvenanceOfTheCuratedDataResolvesToASource() {
        assertThat(repo.outcomes()).allSatisfy(o -> o.outcome().provenances()
                .forEach(p -> assertThat(repo.source(p.source())).isPresent()));
    }

    @Test
    void writingEveryTrialAndReadingItBackGivesEqualRecords(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), TrialYaml.writeSources(repo.sources()));
        for (Trial t : repo.trials()) {
            Files.writeString(dir.resolve(t.id() + ".yaml"), TrialYaml.write(t));
        }
        TrialRepository again = TrialLoader.loadDirectory(dir);
        assertThat(again.trials()).isEqualTo(repo.trials());
        assertThat(again.sources()).isEqualTo(repo.sources());
    }
}

package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialmeta.check.CheckFixtures.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.PValue;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.TrialLoader;

/**
 * The rules of issue 19 on a trial file: MPACT as published (fixtures/check/mpact, from the NEJM paper's Table 2)
 * is clean, and one deliberate defect at a time is caught by the right rule and severity.
 */
class EffectRulesTest {

    private static final Path MPACT = Path.of("src/test/resources/fixtures/check/mpact");

    @TempDir
    Path dir;

    @BeforeEach
    void copy() {
        try (Stream<Path> files = Files.list(MPACT)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CheckReport run() {
        return ReviewerCheck.run(TrialLoader.loadDirectory(dir));
    }

    private static List<Finding> of(CheckReport r, String rule, Severity s) {
        return r.findings().stream().filter(f -> f.rule().equals(rule) && f.severity() == s).toList();
    }

    private static Set<String> seriousRules(CheckReport r) {
        return r.atLeast(Severity.WARNING).stream().map(Finding::rule).collect(Collectors.toSet());
    }

    @Test
    void publishedMpactIsConsistent() {
        CheckReport r = run();
        assertThat(r.atLeast(Severity.WARNING)).isEmpty();
        assertThat(of(r, "ratio-ci-symmetry", Severity.INFO)).hasSize(2);
        assertThat(of(r, "p-from-ci", Severity.INFO)).hasSize(2).first().extracting(Finding::message).asString()
                .contains("the CI implies p = 1.0e-05, consistent with the printed p < 0.001");
        assertThat(of(r, "response-sum", Severity.INFO)).extracting(Finding::message)
                .contains("CR + PR = 99 = ORR: consistent", "disease control 206 >= objective response 99: consistent");
        assertThat(of(r, "median-vs-hr", Severity.INFO)).extracting(Finding::recomputed)
                .contains("exponential model: HR ~ 6.7 / 8.5 = 0.79");
    }

    @Test
    void theHazardRatioKeepsItsPrintedPValue() {
        TrialRepository repo = TrialLoader.loadDirectory(dir);
        TimeToEventOutcome os = repo.outcomes(TimeToEventOutcome.class).get(0).outcome();
        assertThat(os.hazardRatio().orElseThrow().p()).contains(new PValue(PValue.Relation.LESS, 0.001));
    }

    @Test
    void aSlightlyAsymmetricCiIsAWarningAndAStronglyAsymmetricOneAnError() {
        edit(dir, "mpact.yaml", "{lower: 0.62, upper: 0.83, level: 95}", "{lower: 0.62, upper: 0.93, level: 95}");
        CheckReport r = run();
        Finding f = of(r, "ratio-ci-symmetry", Severity.WARNING).get(0);
        assertThat(f.field()).isEqualTo("nab-p-gem/overall/primary/OS.hazardRatio");
        assertThat(f.message()).contains("off the log-scale centre of its CI (0.759) by 19% of the half-width");
        assertThat(r.hasErrors()).isFalse();

        edit(dir, "mpact.yaml", "{lower: 0.62, upper: 0.93, level: 95}", "{lower: 0.42, upper: 0.93, level: 95}");
        // 0.72 against a log-scale centre of 0.625 cannot come from a Cox model's Wald CI
        assertThat(of(run(), "ratio-ci-symmetry", Severity.ERROR)).hasSize(1);
    }

    @Test
    void aPValueTheCiContradictsIsAnError() {
        edit(dir, "mpact.yaml", "{value: 0.69, ci: {lower: 0.58, upper: 0.82, level: 95}, p: \"<0.001\"",
                "{value: 0.69, ci: {lower: 0.58, upper: 0.82, level: 95}, p: 0.34");
        CheckReport r = run();
        Finding f = of(r, "p-from-ci", Severity.ERROR).get(0);
        assertThat(f.field()).endsWith("PFS.hazardRatio.p");
        assertThat(f.message()).contains("the CI implies p = 2.7e-05 but the source prints p = 0.34",
                "disagree about significance at the 95% level");
        assertThat(seriousRules(r)).containsExactly("p-from-ci");
    }

    @Test
    void aLogRankPValueNearTheWaldOneIsAgreement() {
        // 0.80 (0.64-0.99) implies p = 0.040; a stratified log-rank p of 0.051 is a different test, not an error
        edit(dir, "mpact.yaml", "{value: 0.72, ci: {lower: 0.62, upper: 0.83, level: 95}, p: \"<0.001\"",
                "{value: 0.80, ci: {lower: 0.64, upper: 0.99, level: 95}, p: 0.051");
        CheckReport r = run();
        assertThat(r.hasErrors()).isFalse();
        assertThat(of(r, "p-from-ci", Severity.WARNING)).isEmpty();
    }

    @Test
    void anInvertedHazardRatioIsAnErrorTwice() {
        // the ratio typed as 1/0.72 with its CI left: outside its own CI
        edit(dir, "mpact.yaml", "{value: 0.72, ci: {lower: 0.62, upper: 0.83", "{value: 1.39, ci: {lower: 0.62, upper: 0.83");
        Finding f = of(run(), "estimate-in-ci", Severity.ERROR).get(0);
        assertThat(f.message()).contains("lies outside its own CI 0.62-0.83", "may be inverted");

        // ratio and CI both inverted: the longer median contradicts it
        edit(dir, "mpact.yaml", "{value: 1.39, ci: {lower: 0.62, upper: 0.83", "{value: 1.39, ci: {lower: 1.20, upper: 1.61");
        CheckReport r = run();
        assertThat(of(r, "median-vs-hr", Severity.ERROR)).extracting(Finding::message).first().asString()
                .contains("the first arm has the longer median OS but the HR 1.39", "may be inverted");
        assertThat(seriousRules(r)).containsExactly("median-vs-hr");
    }

    @Test
    void completeAndPartialResponsesThatDoNotMakeTheOrrAreAnError() {
        edit(dir, "mpact.yaml", "        responders: 1\n", "        responders: 4\n");
        CheckReport r = run();
        assertThat(of(r, "response-sum", Severity.ERROR)).extracting(Finding::message)
                .containsExactly("CR + PR = 102 but ORR is 99: objective response is complete plus partial response");
    }

    @Test
    void diseaseControlBelowObjectiveResponseIsAnError() {
        edit(dir, "mpact.yaml", "responders: 206\n        evaluable: 431\n        reported:\n          percent: 48\n"
                + "          ci: {lower: 43, upper: 53, level: 95}",
                "responders: 90\n        evaluable: 431\n        reported:\n          percent: 21\n"
                        + "          ci: {lower: 17, upper: 25, level: 95}");
        CheckReport r = run();
        assertThat(of(r, "response-sum", Severity.ERROR)).extracting(Finding::message)
                .containsExactly("disease control 90 is below objective response 99: DCR (CR + PR + SD) includes every"
                        + " objective response");
        assertThat(seriousRules(r)).containsExactly("response-sum");
    }

    @Test
    void aPfsMedianAboveTheOsMedianIsAnError() {
        edit(dir, "mpact.yaml", "median: 5.5\n        ci: {lower: 4.5, upper: 5.9, level: 95}",
                "median: 9.5\n        ci: {lower: 8.5, upper: 10.9, level: 95}");
        CheckReport r = run();
        assertThat(of(r, "time-order", Severity.ERROR)).extracting(Finding::message).first().asString()
                .contains("the median PFS 9.5 months exceeds the median OS 8.5 months");
    }

    @Test
    void aDecimalSlipInAMedianIsCaught() {
        // 8.5 -> 85 months: outside its CI, and the medians imply an HR far from the reported one
        edit(dir, "mpact.yaml", "median: 8.5\n", "median: 85\n");
        CheckReport r = run();
        assertThat(seriousRules(r)).contains("median-in-ci", "median-vs-hr");
        assertThat(of(r, "median-vs-hr", Severity.WARNING)).extracting(Finding::message).first().asString()
                .contains("the medians imply HR ~ 0.08");
    }

    private static final Path REGISTRY = Path.of("src/test/resources/registry/nct00844649-constructed.json");

    private CheckReport runWithRegistry(String from, String to) throws IOException {
        String json = Files.readString(REGISTRY).replace(from, to);
        Path p = dir.resolve("record.json.txt");
        Files.writeString(p, json);
        return ReviewerCheck.run(TrialLoader.loadDirectory(dir), CheckOptions.DEFAULTS,
                List.of(org.trialmeta.repository.ClinicalTrialsGov.read(p)));
    }

    @Test
    void theRegistryRecordAgreesWithThePaper() throws IOException {
        CheckReport r = runWithRegistry("", "");
        assertThat(of(r, "registry-vs-publication", Severity.INFO)).hasSize(6)
                .allMatch(f -> f.message().equals("the registry and the publication agree at the printed rounding"))
                .allMatch(f -> f.sources().stream().map(Finding.Citation::id).toList()
                        .containsAll(List.of("nct00844649", "mpact-nejm-2013")));
        assertThat(r.atLeast(Severity.WARNING)).isEmpty();
    }

    @Test
    void aRegistryFigureThatDiffersIsAWarningCitingBoth() throws IOException {
        CheckReport r = runWithRegistry("{\"groupId\": \"OG000\", \"value\": \"8.5\", \"lowerLimit\": \"7.9\"",
                "{\"groupId\": \"OG000\", \"value\": \"9.5\", \"lowerLimit\": \"7.9\"");
        Finding f = of(r, "registry-vs-publication", Severity.WARNING).get(0);
        assertThat(f.field()).isEqualTo("nab-p-gem/overall/primary/OS");
        assertThat(f.message()).contains("median 9.5 months vs 8.5 months", "check the analysis population");
        assertThat(f.sources()).extracting(Finding.Citation::id).containsExactly("nct00844649", "mpact-nejm-2013");
    }

    @Test
    void aRegistryFigureCuratedIntoTheTrialFileIsComparedToo() throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), Files.readString(dir.resolve("sources.yaml"))
                + "  - id: nct00844649\n    citation: \"ClinicalTrials.gov NCT00844649\"\n    kind: registry\n");
        edit(dir, "mpact.yaml", "      - kind: binary\n        endpoint: CR\n",
                "      - kind: binary\n        endpoint: ORR\n        subgroup: overall\n        cut: primary\n"
                        + "        responders: 101\n        evaluable: 431\n"
                        + "        provenance: {source: nct00844649, locator: \"outcome measure 3\", status: secondary}\n"
                        + "      - kind: binary\n        endpoint: CR\n");
        CheckReport r = run();
        assertThat(of(r, "registry-vs-publication", Severity.WARNING)).extracting(Finding::message)
                .containsExactly("the registry and the publication differ: responders 101 vs 99 (check the analysis"
                        + " population and the data cut-off of each)");
        assertThat(r.byRule("interim-vs-final")).isEmpty();
    }
}

package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.Setting;
import org.trialmeta.model.TimeUnit;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.TrialLoader;

/** The reviewer check on the curated trials (known facts) and on deliberately corrupted copies. */
class ReviewerCheckTest {

    static final Path CURATED = Path.of("trials");
    static CheckReport curated;

    @BeforeAll
    static void runOnCurated() {
        curated = ReviewerCheck.run(TrialLoader.loadDirectory(CURATED));
    }

    static List<Finding> find(CheckReport r, String rule, String trial, String field) {
        return r.findings().stream()
                .filter(f -> f.rule().equals(rule) && f.trial().equals(trial) && f.field().equals(field)).toList();
    }

    static Finding one(CheckReport r, String rule, String trial, String field) {
        List<Finding> fs = find(r, rule, trial, field);
        assertThat(fs).as(rule + " " + trial + " " + field + " in " + r.findings()).hasSize(1);
        return fs.get(0);
    }

    /** Copies the curated trials into {@code tmp}, replacing {@code from} by {@code to} (exactly once) in {@code file}. */
    static CheckReport corrupted(Path tmp, String file, String from, String to) throws IOException {
        try (Stream<Path> files = Files.list(CURATED)) {
            for (Path p : files.toList()) {
                Files.copy(p, tmp.resolve(p.getFileName()));
            }
        }
        Path target = tmp.resolve(file);
        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertThat(text.split(java.util.regex.Pattern.quote(from), -1)).as("occurrences of " + from).hasSize(2);
        Files.writeString(target, text.replace(from, to), StandardCharsets.UTF_8);
        return ReviewerCheck.run(TrialLoader.loadDirectory(tmp));
    }

    // ------------------------------------------------------------------ curated facts

    @Test
    void curatedDataHasNoError() {
        assertThat(curated.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        assertThat(curated.hasErrors()).isFalse();
    }

    @Test
    void rampKrasMutantPercentAndClopperPearsonCiReproduced() {
        Finding p = one(curated, "percent-from-counts", "ramp-201", "avutometinib-defactinib/kras_mutant/primary/ORR");
        assertThat(p.severity()).isEqualTo(Severity.INFO);
        assertThat(p.recomputed()).isEqualTo("25/57 = 43.9%");
        assertThat(p.reported()).isEqualTo("44%");
        Finding ci = one(curated, "ci-method", "ramp-201", "avutometinib-defactinib/kras_mutant/primary/ORR");
        assertThat(ci.severity()).isEqualTo(Severity.INFO);
        assertThat(ci.recomputed()).contains("clopper-pearson 30.7–57.6");
        assertThat(ci.message()).contains("31–58").contains("reproduced").contains("clopper-pearson");
    }

    @Test
    void rampWildTypeNineOf52ConsistentWith17AndReDerived() {
        Finding p = one(curated, "percent-from-counts", "ramp-201", "avutometinib-defactinib/kras_wild_type/primary/ORR");
        assertThat(p.severity()).isEqualTo(Severity.INFO);
        assertThat(p.recomputed()).isEqualTo("9/52 = 17.3%");
        Finding d = one(curated, "derived-arithmetic", "ramp-201", "avutometinib-defactinib/kras_wild_type/primary/ORR");
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.reported()).isEqualTo("17% × 52 = 8.84");
        assertThat(d.message()).contains("round(17% × 52) = 9");
    }

    @Test
    void rampSubgroupsSumToOverall31Percent() {
        Finding s = one(curated, "subgroup-sum", "ramp-201", "avutometinib-defactinib/overall/primary/ORR");
        assertThat(s.severity()).isEqualTo(Severity.INFO);
        assertThat(s.recomputed()).isEqualTo("25/57 + 9/52 = 34/109 = 31.2%");
        assertThat(s.reported()).isEqualTo("31%");
        assertThat(s.message()).contains("consistent with the reported overall 31%");
    }

    @Test
    void frameFinalPercentAndCiReproducedByClopperPearson() {
        Finding p = one(curated, "percent-from-counts", "frame", "avutometinib-defactinib/overall/final/ORR");
        assertThat(p.recomputed()).isEqualTo("11/26 = 42.31%");
        assertThat(p.severity()).isEqualTo(Severity.INFO);
        Finding ci = one(curated, "ci-method", "frame", "avutometinib-defactinib/overall/final/ORR");
        assertThat(ci.severity()).isEqualTo(Severity.INFO);
        assertThat(ci.recomputed()).contains("clopper-pearson 23.35–63.08");
        assertThat(ci.message()).endsWith("by clopper-pearson");
    }

    @Test
    void frameInterimToFinalChangeReported() {
        Finding c = one(curated, "cut-change", "frame", "avutometinib-defactinib/overall/ORR");
        assertThat(c.reported()).isEqualTo(
                "Interim, May 2021 52% (11/21) → Interim, ESMO 2021 46% (11/24) → Final (Nat Med 2025) 42.3% (11/26)");
        assertThat(c.recomputed()).isEqualTo("-9.7 pp");
        assertThat(c.message()).contains("from 52%").contains("to 42.3%");
    }

    @Test
    void pfakSeventyFiveVersusSeventyDiscrepancyListedWithBothCitations() {
        Finding d = one(curated, "source-discrepancy", "nct02004028", "defactinib/overall/fak");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.reported() + " " + d.recomputed()).contains("70%").contains("75%");
        assertThat(d.sources()).hasSize(2);
        assertThat(String.join(" ", d.sources())).contains("nct02004028-interim-2014").contains("defactinib-tme-guide");
    }

    @Test
    void unverifiedAndSecondaryDataListedWithWhatWouldConfirmThem() {
        List<Finding> ev = curated.findings().stream().filter(f -> f.rule().equals("evidence-status")).toList();
        assertThat(ev).isNotEmpty().allMatch(f -> f.severity() == Severity.INFO);
        Finding pfak = one(curated, "evidence-status", "nct02004028", "defactinib/overall/guide/pFAK");
        assertThat(pfak.reported()).isEqualTo("unverified");
        assertThat(pfak.message()).contains("section 14").contains("registry results").contains("NCT02004028");
        Finding mouse = one(curated, "evidence-status", "mc38", "vehicle/overall/final/OS");
        assertThat(mouse.message()).contains("preclinical publication");
    }

    @Test
    void orderIsDeterministicAndCountsAddUp() {
        CheckReport again = ReviewerCheck.run(TrialLoader.loadDirectory(CURATED));
        assertThat(again).isEqualTo(curated);
        int total = curated.counts().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(curated.findings().size());
        assertThat(curated.atLeast(Severity.WARNING).findings()).allMatch(f -> f.severity() != Severity.INFO);
    }

    // ------------------------------------------------------------------ corrupted fixtures

    @Test
    void wrongPercentIsAnError(@TempDir Path tmp) throws IOException {
        CheckReport r = corrupted(tmp, "ramp-201.yaml", "percent: 44\n", "percent: 48\n");
        Finding f = one(r, "percent-from-counts", "ramp-201", "avutometinib-defactinib/kras_mutant/primary/ORR");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("25/57 = 43.9% does not round to the reported 48% at 0 decimal(s)");
        assertThat(r.hasErrors()).isTrue();
    }

    @Test
    void grimImpossiblePercentIsAnError(@TempDir Path tmp) throws IOException {
        CheckReport r = corrupted(tmp, "frame.yaml", "reported: {percent: 64}", "reported: {percent: 64, n: 13}");
        Finding f = one(r, "grim", "frame", "avutometinib-defactinib/kras_mutant/esmo-2021/ORR");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("no integer count k of 13 rounds to the reported 64% at 0 decimal(s)");
    }

    @Test
    void grimListsCandidateCountsWhenOnlyNIsKnown(@TempDir Path tmp) throws IOException {
        CheckReport r = corrupted(tmp, "frame.yaml", "reported: {percent: 64}", "reported: {percent: 64, n: 14}");
        Finding f = one(r, "grim", "frame", "avutometinib-defactinib/kras_mutant/esmo-2021/ORR");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.recomputed()).isEqualTo("9/14 = 64.3%");
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void subgroupSumMismatchIsAnError(@TempDir Path tmp) throws IOException {
        CheckReport r = corrupted(tmp, "ramp-201.yaml", "responders: 25\n", "responders: 20\n");
        Finding f = one(r, "subgroup-sum", "ramp-201", "avutometinib-defactinib/overall/primary/ORR");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.recomputed()).isEqualTo("20/57 + 9/52 = 29/109");
        assertThat(f.message()).contains("sum to 29/109 but the overall count is 34/109");
        assertThat(one(r, "percent-from-counts", "ramp-201", "avutometinib-defactinib/kras_mutant/primary/ORR")
                .severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void wrongCiIsAWarningNamingNoMethod(@TempDir Path tmp) throws IOException {
        CheckReport r = corrupted(tmp, "ramp-201.yaml", "ci: {lower: 31, upper: 58", "ci: {lower: 35, upper: 58");
        Finding f = one(r, "ci-method", "ramp-201", "avutometinib-defactinib/kras_mutant/primary/ORR");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).isEqualTo("no binomial CI method reproduces the reported 95% CI 35–58 for 25/57 at 0 decimal(s)");
    }

    @Test
    void wrongDerivedCountIsAnError(@TempDir Path tmp) throws IOException {
        CheckReport r = corrupted(tmp, "nct02004028.yaml", "responders: 4\n", "responders: 5\n");
        Finding f = one(r, "derived-arithmetic", "nct02004028", "defactinib/overall/abstract-2017/PR");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).startsWith("the derived count 5/30 does not reproduce the reported 13%");
    }

    @Test
    void preclinicalMedianInMonthsIsAWarning(@TempDir Path tmp) throws IOException {
        CheckReport r = corrupted(tmp, "mc38.yaml", "unit: days, median: 21,", "unit: months, median: 21,");
        Finding f = one(r, "time-unit-plausible", "mc38", "vehicle/overall/final/OS");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("preclinical median in months");
    }

    @Test
    void equalFiguresFromTwoSourcesAreNoDiscrepancy(@TempDir Path tmp) throws IOException {
        CheckReport r = corrupted(tmp, "nct02004028.yaml", "magnitude: {value: 75, unit: percent}",
                "magnitude: {value: 70, unit: percent}");
        assertThat(r.findings()).noneMatch(f -> f.rule().equals("source-discrepancy"));
    }

    @Test
    void medianOutsideCiIsRejectedByTheLoaderBeforeTheCheck(@TempDir Path tmp) throws IOException {
        // the model forbids a median outside its CI, so the check never sees one from a file: the loader reports it
        assertThatThrownBy(() -> corrupted(tmp, "frame.yaml", "median: 20.1\n", "median: 50.1\n"))
                .hasMessageContaining("outside CI");
    }

    // ------------------------------------------------------------------ rule helpers

    @Test
    void medianAndCiOrderHelpers() {
        assertThat(ReviewerCheck.medianInCi(20.1, 11.2, 43.9)).isTrue();
        assertThat(ReviewerCheck.medianInCi(50.1, 11.2, 43.9)).isFalse();
        assertThat(ReviewerCheck.ciOrdered(11.2, 43.9)).isTrue();
        assertThat(ReviewerCheck.ciOrdered(43.9, 11.2)).isFalse();
    }

    @Test
    void timeUnitPlausibility() {
        assertThat(ReviewerCheck.implausibleUnit(Setting.CLINICAL, 5, TimeUnit.DAYS)).isPresent();
        assertThat(ReviewerCheck.implausibleUnit(Setting.CLINICAL, 20.1, TimeUnit.MONTHS)).isEmpty();
        assertThat(ReviewerCheck.implausibleUnit(Setting.CLINICAL, 250, TimeUnit.MONTHS)).isPresent();
        assertThat(ReviewerCheck.implausibleUnit(Setting.PRECLINICAL, 21, TimeUnit.DAYS)).isEmpty();
        assertThat(ReviewerCheck.implausibleUnit(Setting.PRECLINICAL, 2, TimeUnit.MONTHS)).isPresent();
    }

    @Test
    void roundingAtTheReportedDecimals() {
        assertThat(Rounding.decimals(44)).isZero();
        assertThat(Rounding.decimals(42.3)).isEqualTo(1);
        assertThat(Rounding.consistent(43.859649, 44, 0)).isTrue();
        assertThat(Rounding.consistent(42.307692, 42.3, 1)).isTrue();
        assertThat(Rounding.consistent(42.307692, 42.4, 1)).isFalse();
        assertThat(Rounding.consistent(12.5, 13, 0)).isTrue();
        assertThat(Rounding.consistent(12.5, 12, 0)).isTrue();
        assertThat(ReviewerCheck.grimCandidates(64, 0, 13)).isEmpty();
        assertThat(ReviewerCheck.grimCandidates(17, 0, 52)).containsExactly(9);
    }

    @Test
    void markerNamesMatchAcrossSources() {
        assertThat(ReviewerCheck.normalMarker("pFAK")).isEqualTo("fak");
        assertThat(ReviewerCheck.normalMarker("FAK activity")).isEqualTo("fak");
        assertThat(ReviewerCheck.normalMarker("MDSCs")).isEqualTo("mdscs");
    }

    @Test
    void htmlFragmentIsAnEscapedTable() {
        CheckReport r = new CheckReport(List.of(new Finding(Severity.WARNING, "source-discrepancy", "t<1>", "a&b",
                "75%", "70%", "\"x\" <script>", List.of("s: 'c'"))));
        String html = r.toHtmlFragment();
        assertThat(html).startsWith("<table class=\"reviewer-check\">").contains("</table>")
                .contains("t&lt;1&gt;").contains("a&amp;b").contains("&quot;x&quot; &lt;script&gt;")
                .contains("s: &#39;c&#39;").doesNotContain("<script>");
        assertThat(curated.toHtmlFragment()).contains("<td>percent-from-counts</td>");
    }

    @Test
    void repositoryIsRequired() {
        assertThatThrownBy(() -> ReviewerCheck.run((TrialRepository) null)).isInstanceOf(IllegalArgumentException.class);
    }
}

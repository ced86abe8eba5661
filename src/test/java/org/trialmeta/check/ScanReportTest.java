package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialmeta.document.DocumentFormat;
import org.trialmeta.document.DocumentText;

/**
 * {@link ScanReport}'s lists are views: a finding is put into words again each time it is read. These tests read
 * the scan corpus (every passage, then a few statistics with errors) and check that what is read is the same every
 * time, on every thread, in the documented order, and that the marks, places and counts agree with the findings.
 */
class ScanReportTest {

    private static ScanReport report;
    private static List<ScanFinding> once;

    @BeforeAll
    static void scan() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/scan/corpus"))) {
            for (Path f : files.sorted().toList()) {
                text.append(Files.readString(f, StandardCharsets.UTF_8)).append("\n\n");
            }
        }
        text.append("Objective response was 12/40 (35%). Median PFS was 8.1 months (95% CI 8.4-9.9).\n\n")
                .append("The hazard ratio for death was 0.72 (95% CI 0.62-0.93; p = 0.5).\n\n")
                .append("Complete response 3/40 (7.5%), partial response 9/40 (22.5%), objective response 14/40 (35%).\n");
        report = ScanCheck.run(DocumentText.of("corpus.txt", DocumentFormat.TEXT, text.toString()));
        once = new ArrayList<>(report.findings());
    }

    @Test
    void theCorpusGivesFindingsOfEverySeverity() {
        for (Severity s : Severity.values()) {
            assertThat(report.count(s)).as(s.label()).isPositive();
        }
        assertThat(once).hasSize(report.counts().values().stream().mapToInt(Integer::intValue).sum());
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void findingsReadAgainAreTheSame() {
        assertThat(report.findings()).isEqualTo(once);
        assertThat(List.copyOf(report.findings())).containsExactlyElementsOf(once);
    }

    @Test
    void findingsReadOnManyThreadsAtOnceAreTheSame() {
        List<ScanFinding> view = report.findings();
        for (int round = 0; round < 4; round++) {
            List<ScanFinding> parallel = IntStream.range(0, view.size()).parallel().mapToObj(view::get).toList();
            assertThat(parallel).containsExactlyElementsOf(once);
        }
    }

    @Test
    void findingsAreInReadingOrderThenSeverityRuleAndMessage() {
        Comparator<ScanFinding> order = Comparator.comparingInt(ScanFinding::start)
                .thenComparing(ScanFinding::severity).thenComparing(ScanFinding::rule)
                .thenComparing(ScanFinding::message);
        assertThat(once).isSortedAccordingTo(order);
    }

    @Test
    void atLeastAndPlacesAreTheFindingsOfThatSeverityWithoutTheirWords() {
        for (Severity min : Severity.values()) {
            List<ScanFinding> expected = once.stream().filter(f -> f.severity().atLeast(min)).toList();
            assertThat(report.atLeast(min)).as(min.label()).containsExactlyElementsOf(expected);
            List<ScanReport.Place> places = report.places(min);
            assertThat(places).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                ScanFinding f = expected.get(i);
                assertThat(places.get(i)).isEqualTo(new ScanReport.Place(f.severity(), f.rule(), f.page(), f.line(),
                        f.start(), f.end(), f.quote()));
            }
        }
    }

    @Test
    void marksAreInTextOrderAndEachFindingIsAboutTheStatisticsItSpans() {
        List<ScanReport.Mark> marks = report.marks();
        assertThat(marks).hasSize(report.statistics());
        assertThat(marks).isSortedAccordingTo(Comparator.comparingInt(ScanReport.Mark::start)
                .thenComparing(Comparator.comparingInt(ScanReport.Mark::end).reversed()));
        java.util.Set<ScanFinding> all = new java.util.HashSet<>(once);
        java.util.Set<ScanFinding> listed = new java.util.HashSet<>();
        int about = 0;
        for (ScanReport.Mark m : marks) {
            assertThat(m.about()).isSortedAccordingTo(Comparator.comparing(ScanFinding::severity));
            assertThat(m.severity()).isEqualTo(m.about().isEmpty() ? null : m.about().get(0).severity());
            for (ScanFinding f : m.about()) {
                assertThat(all).contains(f);
                listed.add(f);
                assertThat(f.start()).isLessThanOrEqualTo(m.start());
                assertThat(f.end()).isGreaterThanOrEqualTo(m.end());
            }
            assertThat(m.notes()).hasSameSizeAs(m.about());
            about += m.about().size();
        }
        // every finding is about one, two or three statistics (a sum of categories, a ratio and its two medians)
        assertThat(about).isBetween(once.size(), 3 * once.size());
        // every finding is listed with a statistic
        assertThat(listed).isEqualTo(all);
    }

    @Test
    void aMarkMadeFromAnotherListCopiesIt() {
        List<ScanFinding> mutable = new ArrayList<>(once.subList(0, 2));
        ScanReport.Mark m = new ScanReport.Mark(0, 1, "proportion", once.get(0).severity(), mutable);
        mutable.clear();
        assertThat(m.about()).hasSize(2);
    }
}

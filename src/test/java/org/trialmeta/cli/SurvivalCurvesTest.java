package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.analysis.CurveSet;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.SurvivalCurveAnalysis;
import org.trialmeta.model.NumbersAtRisk;
import org.trialmeta.model.SurvivalCurve;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.SurvivalCurvesSummary;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.Report;
import org.trialmeta.report.ReportMeta;
import org.trialmeta.repository.Json;
import org.trialmeta.repository.TrialLoader;

/**
 * Digitised curves in trial files (issue 20): the example directory loads, its curves reconstruct to the numbers
 * {@code trialmeta reconstruct} gives on the same files, a points file cannot escape the directory through a symbolic
 * link, and the report's survival-curves section shows the figure, the reconstructed and reported figures side by
 * side, labelled as reconstructed.
 */
class SurvivalCurvesTest {

    static final Path EXAMPLE = Path.of("examples/trials-with-curves");

    @TempDir
    Path tmp;

    @Test
    void theExampleLoadsWithTwoCurves() {
        TrialRepository repo = TrialLoader.loadDirectory(EXAMPLE);
        List<SurvivalCurve> curves = repo.requireTrial("ncctg-lung-by-sex").curves();
        assertThat(curves).extracting(SurvivalCurve::arm).containsExactly("male", "female");
        assertThat(curves.get(0).file().path()).isEqualTo("curves/lung-os-male.csv");
        assertThat(curves.get(0).provenance().locator()).hasValue("base-large.png, blue curve (Male)");
        assertThat(curves.get(1).digitisation().tool()).startsWith("trialmeta digitise");
    }

    /** The same numbers as reconstruct on the same points and the at-risk table written as a CSV. */
    @Test
    void reconstructionEqualsTheReconstructCommand() throws Exception {
        TrialRepository repo = TrialLoader.loadDirectory(EXAMPLE);
        SurvivalCurveAnalysis.Result result = SurvivalCurveAnalysis.run(repo, StatusFilter.DEFAULT);
        assertThat(result.sets()).hasSize(1);
        CurveSet set = result.sets().get(0);
        // no arm is marked control: the first arm listed (male) is the reference, so the HR is female vs male
        assertThat(set.arms()).extracting(CurveSet.Arm::arm).containsExactly("female", "male");
        assertThat(set.referenceRule()).contains("first arm listed");
        JsonNode ours = new ObjectMapper().readTree(Json.write(SurvivalCurvesSummary.of(result)))
                .get("figures").get(0).get("reconstruction");

        String[] arms = new String[2];
        for (int g = 0; g < 2; g++) {
            SurvivalCurve c = set.arms().get(g).curve();
            Path risk = tmp.resolve(c.arm() + "-risk.csv");
            NumbersAtRisk r = c.atRiskTable();
            StringBuilder sb = new StringBuilder("time,n_risk\n");
            for (int i = 0; i < r.size(); i++) {
                sb.append(r.time()[i]).append(',').append(r.count()[i]).append('\n');
            }
            Files.writeString(risk, sb.toString(), StandardCharsets.UTF_8);
            arms[g] = c.arm() + "=" + EXAMPLE.resolve(c.file().path()) + "," + risk + ",events=" + c.events().orElseThrow();
        }
        Run run = Run.run("reconstruct", "--arm", arms[0], "--arm", arms[1], "--out", tmp.resolve("ipd.csv").toString(),
                "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode theirs = new ObjectMapper().readTree(run.out());
        for (String k : List.of("n", "events", "censored", "rmst_tau")) {
            assertThat(ours.get(k)).as(k).isEqualTo(theirs.get(k));
        }
        for (int g = 0; g < 2; g++) {
            JsonNode a = ours.get("arms").get(g);
            JsonNode b = theirs.get("arms").get(g);
            for (String k : List.of("arm", "n", "events", "median", "median_lower", "median_upper", "rmst", "rmst_se",
                    "scale", "points")) {
                assertThat(a.get(k)).as(g + " " + k).isEqualTo(b.get(k));
            }
            assertThat(a.get("repairs").size()).isEqualTo(b.get("repairs").size());
        }
        for (String k : List.of("first", "second", "hazard_ratio", "lower", "upper", "logrank_chisq", "logrank_p")) {
            assertThat(ours.get("comparison").get(k)).as(k).isEqualTo(theirs.get("comparison").get(k));
        }
        // the reconstruction is faithful to the patient data: coxph gives 0.588 (0.424-0.816) (examples/README.md)
        assertThat(ours.get("comparison").get("hazard_ratio").asDouble()).isBetween(0.55, 0.62);
        // the trial file's HR (female vs male) is beside it, in the same orientation
        assertThat(set.reportedHr()).hasValueSatisfying(h -> assertThat(h.estimate()).isEqualTo(0.588));
        assertThat(set.reportedHrFlipped()).isFalse();
    }

    @Test
    void aSymbolicLinkOutOfTheDirectoryIsRefusedWithOneLine() throws Exception {
        Path dir = copyExample("linked");
        Path outside = tmp.resolve("outside.csv");
        Files.writeString(outside, "time,survival\n0,1\n10,0.5\n");
        Files.delete(dir.resolve("curves/lung-os-male.csv"));
        Files.createSymbolicLink(dir.resolve("curves/lung-os-male.csv"), outside);
        Run r = Run.run("validate", "--trials", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("lung.yaml: curves[0].file: 'curves/lung-os-male.csv'")
                .contains("outside the trials directory").doesNotContain("Exception");
    }

    @Test
    void aSymbolicLinkedFolderOutOfTheDirectoryIsRefused() throws Exception {
        Path dir = copyExample("linked-folder");
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.copy(dir.resolve("curves/lung-os-male.csv"), outside.resolve("lung-os-male.csv"));
        Files.copy(dir.resolve("curves/lung-os-female.csv"), outside.resolve("lung-os-female.csv"));
        try (var s = Files.list(dir.resolve("curves"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir.resolve("curves"));
        Files.createSymbolicLink(dir.resolve("curves"), outside);
        Run r = Run.run("validate", "--trials", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("curves[0].file").contains("outside the trials directory");
    }

    @Test
    void theReportShowsTheReconstructedCurvesBesideTheReportedFigures() {
        TrialRepository repo = TrialLoader.loadDirectory(EXAMPLE);
        var results = org.trialmeta.analysis.EfficacyAnalysis.run(repo, StatusFilter.DEFAULT);
        var check = org.trialmeta.check.ReviewerCheck.run(repo);
        var curves = SurvivalCurveAnalysis.run(repo, StatusFilter.DEFAULT);
        Report.Built built = Report.build(repo, results, check, curves, List.of(), new ReportMeta("test", List.of()),
                Set.of(FigureWriter.Format.SVG), l -> { });
        String html = new String(built.bytes("index.html"), StandardCharsets.UTF_8);
        int start = html.indexOf(Report.SURVIVAL_CURVES_MARKER);
        String section = html.substring(start, html.indexOf("id=\"tables\"", start));
        assertThat(section).contains("reconstructed from a digitised figure (not published)")
                .contains("status <strong>derived</strong>")
                .contains("#fig-km-ncctg-lung-by-sex-os-overall-final")
                .contains("ncctg-lung-km-figure, base-large.png, blue curve (Male)")
                .contains("digitised by trialmeta developers with trialmeta digitise")
                .contains("Male (reference)")
                .contains("270 (212–310) days [derived, ncctg-lung]")      // reported median, with its status
                .contains("0.59 (0.42–0.82) [derived, ncctg-lung]")        // reported HR
                .contains("reference: first arm listed in the trial file");
        assertThat(built.figures()).anyMatch(f -> f.name().equals("km-ncctg-lung-by-sex-os-overall-final")
                && f.caption().contains("Kaplan-Meier curves reconstructed from a digitised figure"));
        assertThat(Report.meta("test", EXAMPLE, repo).dataFiles()).extracting(ReportMeta.DataFile::name)
                .contains("lung.yaml", "sources.yaml", "curves/lung-os-female.csv", "curves/lung-os-male.csv");
        assertThat(built.contents()).containsKeys("figures/km-ncctg-lung-by-sex-os-overall-final.svg",
                "tables/reconstructed-curves.csv", "survival-curves.json");
    }

    @Test
    void withoutCurvesTheSectionSaysSo() {
        TrialRepository repo = TrialLoader.loadDirectory(Path.of("trials"));
        var curves = SurvivalCurveAnalysis.run(repo, StatusFilter.DEFAULT);
        assertThat(curves.sets()).isEmpty();
        Report.Built built = Report.build(repo, org.trialmeta.analysis.EfficacyAnalysis.run(repo, StatusFilter.DEFAULT),
                org.trialmeta.check.ReviewerCheck.run(repo), curves, List.of(), new ReportMeta("test", List.of()), Set.of(),
                l -> { });
        String html = new String(built.bytes("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("no digitised survival curves");
        assertThat(built.contents()).doesNotContainKey("survival-curves.json");
    }

    /** The reviewer check lists the agreement as info, and a reported HR far from the reconstruction as a warning. */
    @Test
    void theReviewerCheckComparesReconstructedWithReported() throws Exception {
        var ok = org.trialmeta.check.ReviewerCheck.run(TrialLoader.loadDirectory(EXAMPLE)).findings().stream()
                .filter(f -> f.rule().equals("reconstructed-vs-reported")).toList();
        assertThat(ok).hasSize(3).allMatch(f -> f.severity() == org.trialmeta.check.Severity.INFO);
        Path dir = copyExample("far-hr");
        Path yaml = dir.resolve("lung.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("value: 0.588, ci: {lower: 0.424, upper: 0.816",
                "value: 0.75, ci: {lower: 0.6, upper: 0.95"));
        var far = org.trialmeta.check.ReviewerCheck.run(TrialLoader.loadDirectory(dir)).findings().stream()
                .filter(f -> f.rule().equals("reconstructed-vs-reported") && f.field().endsWith("hazardRatio")).toList();
        assertThat(far).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(org.trialmeta.check.Severity.WARNING);
            assertThat(f.message()).contains("outside the reported CI");
        });
    }

    /** A control arm is the reference; an HR given on the control arm against the other is inverted for comparison. */
    @Test
    void theControlArmIsTheReferenceAndAnHrTheOtherWayRoundIsInverted() throws Exception {
        Path dir = copyExample("control");
        Path yaml = dir.resolve("lung.yaml");
        String y = Files.readString(yaml)
                .replace("  - id: female\n    name: Female\n", "  - id: female\n    name: Female\n    control: true\n")
                .replace("hazardRatio: {value: 0.588, ci: {lower: 0.424, upper: 0.816, level: 95}, p: 0.001, comparator: male}",
                        "hazardRatio: {value: 0.588, ci: {lower: 0.424, upper: 0.816, level: 95}, comparator: male}");
        Files.writeString(yaml, y);
        CurveSet set = SurvivalCurveAnalysis.run(TrialLoader.loadDirectory(dir), StatusFilter.DEFAULT).sets().get(0);
        assertThat(set.arms()).extracting(CurveSet.Arm::arm).containsExactly("male", "female");
        assertThat(set.referenceRule()).isEqualTo("control arm");
        assertThat(set.reportedHrFlipped()).isTrue();
        assertThat(set.reportedHr()).hasValueSatisfying(h -> {
            assertThat(h.estimate()).isEqualTo(1 / 0.588);
            assertThat(h.lower()).isEqualTo(1 / 0.816);
        });
        double hr = set.fit().cox().orElseThrow().coefficients().get(0).estimate().orElseThrow().hazardRatio();
        assertThat(hr).isBetween(1 / 0.62, 1 / 0.55);
    }

    /** Curves that cannot be interpreted stop the report with one line naming the points file and line. */
    @Test
    void aCurveThatRisesStopsTheReportWithOneLine() throws Exception {
        Path dir = copyExample("rising");
        Files.writeString(dir.resolve("curves/lung-os-male.csv"), "time,survival\n0,1\n100,0.5\n200,0.9\n300,0.2\n");
        Run r = Run.run("report", "--trials", dir.toString(), "--out", tmp.resolve("rep").toString(), "--formats", "svg");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("lung-os-male.csv").contains("line 4");
        assertThat(tmp.resolve("rep")).doesNotExist();
        Run v = Run.run("validate", "--trials", dir.toString());
        assertThat(v.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(v.err()).isEqualTo(r.err());
    }

    private Path copyExample(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("curves"));
        for (String f : List.of("sources.yaml", "lung.yaml", "curves/lung-os-male.csv", "curves/lung-os-female.csv")) {
            Files.copy(EXAMPLE.resolve(f), dir.resolve(f));
        }
        return dir;
    }
}

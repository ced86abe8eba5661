package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trialmeta revman} and {@code pool --compat revman5}: the JSON contract of issue 18, RevMan's stored results
 * in meta's Fleiss1993.rm5 and its CSV export, the synthetic review written by src/test/r/revman.R against the
 * hand-derived reference values, {@code --verify} (mismatches, anomalies, exit codes) and {@code --plots}.
 */
class RevManCommandTest {

    static final Path FLEISS = Path.of("src/test/resources/revman/Fleiss1993.rm5");
    static final Path FLEISS_CSV = Path.of("src/test/resources/revman/Fleiss1993_CR.csv");
    static final Path SYNTHETIC = Path.of("src/test/resources/revman/synthetic.rm5");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Relative agreement with the R reference (hand-derived formulas in base R, 17 significant digits). */
    static final double REFERENCE_RELATIVE = 1e-9;

    @TempDir
    Path tmp;

    static JsonNode json(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("NaN", "Infinity");
        return JSON.readTree(r.out());
    }

    static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void jsonHasTheContractOfIssue18() throws IOException {
        JsonNode j = json(Run.run("revman", FLEISS.toString(), "--format", "json"));
        assertThat(keys(j)).containsExactly("review", "analyses");
        assertThat(j.at("/review/title").asText()).isEqualTo("Examples from Fleiss 1993");
        JsonNode a = j.at("/analyses/0");
        assertThat(keys(a)).containsExactly("id", "comparison", "name", "data_type", "effect_measure", "method", "random",
                "level", "k", "estimate", "ci_lower", "ci_upper", "z", "p_z", "tau2", "chi2", "df", "p_chi2", "i2",
                "subgroup_test", "subgroups", "studies");
        assertThat(a.get("id").asText()).isEqualTo("CMP-001.01");
        assertThat(a.get("data_type").asText()).isEqualTo("dichotomous");
        assertThat(a.get("effect_measure").asText()).isEqualTo("OR");
        assertThat(a.get("method").asText()).isEqualTo("MH");
        assertThat(a.get("level").asText()).isEqualTo("95");
        assertThat(a.get("tau2").isNull()).isTrue();
        assertThat(a.get("subgroup_test").isNull()).isTrue();
        assertThat(keys(a.at("/studies/0"))).containsExactly("study_id", "study", "subgroup_id", "estimate", "ci_lower",
                "ci_upper", "weight");
        // RevMan's stored results (full doubles) as the file has them
        assertThat(a.get("estimate").asDouble()).isCloseTo(0.8968655609130709, org.assertj.core.api.Assertions.offset(1e-15));
        assertThat(a.at("/studies/6/weight").asDouble()).isCloseTo(72.87984024392564, org.assertj.core.api.Assertions.offset(1e-12));
        JsonNode c = j.at("/analyses/1");
        assertThat(c.get("data_type").asText()).isEqualTo("continuous");
        assertThat(c.get("effect_measure").asText()).isEqualTo("SMD");
    }

    @Test
    void fleissVerifiesAndListsTheAnalysisWithoutStoredResults() throws IOException {
        Run r = Run.run("revman", FLEISS.toString(), "--verify", "--format", "json");
        JsonNode j = json(r);
        JsonNode v = j.get("verify");
        assertThat(v).hasSize(1);
        assertThat(v.at("/0/kind").asText()).isEqualTo("anomaly");
        assertThat(v.at("/0/analysis").asText()).isEqualTo("CMP-001.02");
        assertThat(v.at("/0/quantity").asText()).isEqualTo("stored results missing");
        Run t = Run.run("revman", FLEISS.toString(), "--verify");
        assertThat(t.code()).isZero();
        assertThat(t.out()).contains("Verify: 0 stored results disagree, 1 data anomaly");
    }

    @Test
    void csvExportVerifiesIncludingTheMeanDifference() throws IOException {
        Run r = Run.run("revman", FLEISS_CSV.toString(), "--verify", "--format", "json");
        JsonNode j = json(r);
        assertThat(j.get("verify")).isEmpty();
        assertThat(j.at("/analyses/1/effect_measure").asText()).isEqualTo("MD");
        assertThat(j.at("/analyses/1/estimate").asDouble()).isCloseTo(-0.70938839, org.assertj.core.api.Assertions.offset(5e-9));
    }

    @Test
    void aTamperedStoredResultExitsOneAndIsNamed() throws IOException {
        String f = Files.readString(FLEISS, StandardCharsets.ISO_8859_1)
                .replace("EFFECT_SIZE=\"0.8968655609130709\"", "EFFECT_SIZE=\"0.8970\"")
                .replace("WEIGHT=\"72.87984024392564\"", "WEIGHT=\"70.1\"");
        Path p = tmp.resolve("tampered.rm5");
        Files.writeString(p, f, StandardCharsets.ISO_8859_1);
        Run r = Run.run("revman", p.toString(), "--verify");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("MISMATCH: CMP-001.01 total effect: stored 0.897, recomputed 0.896865")
                .contains("MISMATCH: CMP-001.01 STD-ISIS_x002d_2 weight: stored 70.1, recomputed 72.879");
        assertThat(Run.run("revman", p.toString()).code()).as("without --verify").isZero();
    }

    @Test
    void anomaliesAreListedWithoutFailing() throws IOException {
        String f = Files.readString(SYNTHETIC, StandardCharsets.UTF_8);
        // events > total in one analysis, a total that changes between analyses of comparison 1
        f = f.replaceFirst("EVENTS_1=\"2\" EVENTS_2=\"6\" STUDY_ID=\"STD-S2\"", "EVENTS_1=\"30\" EVENTS_2=\"6\" STUDY_ID=\"STD-S2\"");
        f = f.replaceFirst("STUDY_ID=\"STD-S4\" TOTAL_1=\"40\"", "STUDY_ID=\"STD-S4\" TOTAL_1=\"39\"");
        // S8 also in the first subgroup of CMP-001.02
        int at = f.indexOf("<NAME>sparse_MH_OR_fixed</NAME>");
        int sub = f.indexOf("<NAME>Subgroup 1</NAME>", at) + "<NAME>Subgroup 1</NAME>".length();
        f = f.substring(0, sub) + "<DICH_DATA EVENTS_1=\"3\" EVENTS_2=\"3\" STUDY_ID=\"STD-S8\" TOTAL_1=\"18\" TOTAL_2=\"18\"/>"
                + f.substring(sub);
        Path p = tmp.resolve("anomalies.rm5");
        Files.writeString(p, f, StandardCharsets.UTF_8);
        Run r = Run.run("revman", p.toString(), "--verify");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("ANOMALY: CMP-001.01 S2 (STD-S2): events_1 30 > total_1 25")
                .contains("ANOMALY: CMP-001.01 S3 (STD-S3): no events in both groups (not estimable)")
                .contains("ANOMALY: CMP-001.03 S3 (STD-S3): no events in both groups (kept for RD)")
                .contains("ANOMALY: CMP-001.02 STD-S8: in 2 subgroups of one analysis")
                .contains("ANOMALY: CMP-001 STD-S4: group totals change between analyses: 39/38 in CMP-001.01, 40/38 in CMP-001.02")
                .contains("ANOMALY: CMP-003.02: RevMan stored no results");
    }

    /** Each outcome of synthetic.rm5 against the values of src/test/r/revman.R for the same data and settings. */
    @TestFactory
    Stream<DynamicTest> syntheticReviewMatchesTheReference() throws IOException {
        JsonNode j = json(Run.run("revman", SYNTHETIC.toString(), "--format", "json"));
        Map<String, String> caseOf = new LinkedHashMap<>();
        for (String[] r : rows("synthetic_outcomes.csv")) {
            caseOf.put(r[0], r[1]);
        }
        Map<String, List<String[]>> expected = new LinkedHashMap<>();
        for (String[] r : rows("expected.csv")) {
            expected.computeIfAbsent(r[0], x -> new ArrayList<>()).add(r);
        }
        Map<String, String> datasetOf = new LinkedHashMap<>();
        for (String[] r : rows("cases.csv")) {
            datasetOf.put(r[0], r[1]);
        }
        Map<String, String> studyName = new LinkedHashMap<>();
        for (String[] r : rows("inputs.csv")) {
            studyName.put(r[0] + ":" + r[1], r[2]);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<JsonNode> it = j.get("analyses").elements(); it.hasNext(); ) {
            JsonNode a = it.next();
            String c = caseOf.get(a.get("id").asText());
            tests.add(DynamicTest.dynamicTest(a.get("id").asText() + " = " + c, () -> {
                boolean ratio = !a.get("data_type").asText().equals("continuous")
                        && !a.get("effect_measure").asText().equals("RD");
                int n = 0;
                for (String[] r : expected.get(c)) {
                    JsonNode node = node(a, r[1], studyName, datasetOf.get(c));
                    String field = r[2].equals("p") ? "p" : r[2];
                    if (node == null || !node.has(field)) {
                        continue;
                    }
                    if (field.equals("weight") && node.get(field).isNull() && r[3].equals("0")) {
                        continue; // a study that is not estimable: RevMan shows no weight, R's sum has 0
                    }
                    boolean scale = ratio && (field.equals("estimate") || field.startsWith("ci_"));
                    compare(a.get("id").asText() + " " + r[1] + " " + field, node.get(field), r[3], scale);
                    n++;
                }
                assertThat(n).isGreaterThan(20);
            }));
        }
        assertThat(tests).hasSize(9);
        return tests.stream();
    }

    /** The JSON object of a reference part; studies by name (the file lists them by subgroup, R by data row). */
    private static JsonNode node(JsonNode a, String part, Map<String, String> studyName, String dataset) {
        if (part.equals("total")) {
            return a;
        }
        if (part.equals("test")) {
            return a.get("subgroup_test");
        }
        int i = Integer.parseInt(part.substring(part.indexOf(':') + 1));
        if (part.startsWith("study:")) {
            String name = studyName.get(dataset + ":" + i);
            for (JsonNode s : a.get("studies")) {
                if (s.get("study").asText().equals(name)) {
                    return s;
                }
            }
            throw new AssertionError("no study " + name + " in " + a.get("id"));
        }
        return a.get("subgroups").get(i);
    }

    private static void compare(String what, JsonNode actual, String expected, boolean exp) {
        if (expected.equals("NA")) {
            assertThat(actual.isNull()).as(what + " = " + actual + ", expected null").isTrue();
            return;
        }
        double e = Double.parseDouble(expected);
        if (exp) {
            e = Math.exp(e);
        }
        assertThat(actual.isNumber()).as(what + " = " + actual).isTrue();
        double tol = Math.max(1e-12, REFERENCE_RELATIVE * Math.abs(e));
        assertThat(Math.abs(actual.asDouble() - e)).as(what + ": " + actual + " vs " + e).isLessThanOrEqualTo(tol);
    }

    static List<String[]> rows(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/revman", name));
        List<String[]> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.replace("\"", "").split(","));
        }
        return out;
    }

    @Test
    void plotsOnePerAnalysisWithSafeNames() throws IOException {
        Path d = tmp.resolve("plots");
        Run r = Run.run("revman", SYNTHETIC.toString(), "--plots", d.toString(), "--formats", "svg,png");
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(d)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(18)
                    .contains("forest-CMP-001.01.svg", "forest-CMP-003.02.png");
        }
        String svg = Files.readString(d.resolve("forest-CMP-001.01.svg"));
        assertThat(svg).contains("Favours treatment", "Favours control", "Subtotal (95% CI)", "Total (95% CI)",
                "Test for subgroup differences", "Heterogeneity: Tau");
    }

    /** A review of one analysis per id in {@code ids}, each of {@code studies} studies. */
    private Path review(String name, int studies, String... ids) throws IOException {
        int[] k = new int[ids.length];
        java.util.Arrays.fill(k, studies);
        return review(name, k, ids);
    }

    /** A review of one analysis per id in {@code ids}, the i-th of {@code studies[i]} studies. */
    private Path review(String name, int[] studies, String... ids) throws IOException {
        int most = java.util.Arrays.stream(studies).max().orElse(0);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<COCHRANE_REVIEW ID=\"r\" "
                + "REVMAN_VERSION=\"5\"><COVER_SHEET><TITLE>r</TITLE></COVER_SHEET><STUDIES_AND_REFERENCES><STUDIES>"
                + "<INCLUDED_STUDIES>");
        for (int i = 0; i < most; i++) {
            b.append("<STUDY ID=\"STD-").append(i).append("\" NAME=\"Study ").append(i).append("\" YEAR=\"\"/>");
        }
        b.append("</INCLUDED_STUDIES></STUDIES></STUDIES_AND_REFERENCES><ANALYSES_AND_DATA><COMPARISON ID=\"CMP-001\" "
                + "NO=\"1\"><NAME>C</NAME>");
        for (int a = 0; a < ids.length; a++) {
            b.append("<DICH_OUTCOME ID=\"").append(ids[a]).append("\" NO=\"").append(a + 1).append("\" EFFECT_MEASURE=\"RR\" "
                    + "METHOD=\"MH\" RANDOM=\"NO\" TOTALS=\"YES\" CI_STUDY=\"95\" CI_TOTAL=\"95\"><NAME>O</NAME>");
            for (int i = 0; i < studies[a]; i++) {
                b.append("<DICH_DATA EVENTS_1=\"").append(3 + i % 5).append("\" EVENTS_2=\"").append(6 + i % 7)
                        .append("\" STUDY_ID=\"STD-").append(i).append("\" TOTAL_1=\"40\" TOTAL_2=\"41\"/>");
            }
            b.append("</DICH_OUTCOME>");
        }
        b.append("</COMPARISON></ANALYSES_AND_DATA></COCHRANE_REVIEW>\n");
        Path p = tmp.resolve(name);
        Files.writeString(p, b.toString());
        return p;
    }

    /** Analyses whose ids give the same file name each get a plot of their own (before: the last one overwrote). */
    @Test
    void plotsOfAnalysesWithTheSameFileNameDoNotOverwriteEachOther() throws IOException {
        Path in = review("dup.rm5", 3, "CMP-001.01", "CMP-001/01", "CMP-001.01", "cmp-001.01");
        Path d = tmp.resolve("dup-plots");
        Run r = Run.run("revman", in.toString(), "--plots", d.toString(), "--formats", "svg");
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(d)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "forest-CMP-001.01-2.svg", "forest-CMP-001.01.svg", "forest-CMP-001_01.svg",
                    "forest-cmp-001.01-3.svg");   // -2 is taken on a case-insensitive file system
        }
    }

    /** Every plot's size is checked before any is drawn: one too large for a PNG, and nothing is written. */
    @Test
    void aPlotTooLargeForItsFormatStopsThemAllBeforeAnyIsWritten() throws IOException {
        Path both = review("both.rm5", new int[] {3, 3_000}, "CMP-001.01", "CMP-001.02");
        Path d = tmp.resolve("large-plots");
        Run r = Run.run("revman", both.toString(), "--plots", d.toString(), "--formats", "svg,png");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("forest-CMP-001.02.png", "above the 268 megapixels of a PNG");
        try (Stream<Path> s = Files.list(d)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void poolCompatRevman5IsTheSameAnalysis() throws IOException {
        Path csv = tmp.resolve("aspirin.csv");
        Files.writeString(csv, "study,ai,n1i,ci,n2i\nMRC-1,49,615,67,624\nCDP,44,758,64,771\nMRC-2,102,832,126,850\n"
                + "GASP,32,317,38,309\nPARIS,85,810,52,406\nAMIS,246,2267,219,2257\nISIS-2,1570,8587,1720,8600\n");
        JsonNode p = json(Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--compat", "revman5", "--format", "json"));
        JsonNode f = json(Run.run("revman", FLEISS.toString(), "--format", "json"));
        for (String k : List.of("estimate", "ci_lower", "ci_upper", "z", "p_z", "chi2", "df", "p_chi2", "i2")) {
            assertThat(p.at("/analyses/0/" + k).asDouble()).as(k).isEqualTo(f.at("/analyses/0/" + k).asDouble());
        }
        assertThat(p.at("/analyses/0/method").asText()).isEqualTo("MH");
        Run bad = Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--compat", "revman5", "--method", "REML");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--method 'REML' (allowed: MH, MH-DL, IV, FE, DL, PETO)");
        assertThat(Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--compat", "revman4").err())
                .contains("--compat: 'revman4' (allowed: revman5)");
    }
}

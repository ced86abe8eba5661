package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trialmeta km} and {@code trialmeta reconstruct}: contract, R agreement and input errors. */
class KmCommandTest {
    private static final double KM_TOLERANCE = 1e-10;
    private static final Path R = Path.of("src/test/resources/r/km");


    private static Run run(String... args) {
        return Run.run(args);
    }

    private static List<String[]> ref(String file, String... prefix) throws IOException {
        return Files.readAllLines(R.resolve(file)).stream().skip(1).map(l -> l.split(",", -1))
                .filter(c -> {
                    for (int i = 0; i < prefix.length; i++) {
                        if (!c[i].equals(prefix[i])) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
    }

    private static void close(JsonNode node, String expected) {
        if (expected.equals("NA")) {
            assertThat(node.isNull()).as("expected null, got " + node).isTrue();
        } else {
            double e = Double.parseDouble(expected);
            assertThat(node.asDouble()).isCloseTo(e, within(KM_TOLERANCE * Math.max(1, Math.abs(e))));
        }
    }

    @Test
    void kmJsonOnLungBySexMatchesSurvfitAndSurvdiff() throws IOException {
        Run r = run("km", "--input", R.resolve("data/lung.csv").toString(), "--time", "time", "--event", "status",
                "--group", "group", "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("groups")).hasSize(2);
        JsonNode g1 = root.get("groups").get(0);
        assertThat(g1.get("group").asText()).isEqualTo("1");
        assertThat(g1.fieldNames()).toIterable().containsExactly("group", "n", "events", "median", "median_lower",
                "median_upper", "rmean", "rmean_se", "table", "quantiles");
        String[] q75 = ref("quantiles.csv", "lung", "1", "log", "0.94999999999999996", "0.75").get(0);
        JsonNode q = g1.get("quantiles").get(2);
        assertThat(q.get("probability").asDouble()).isEqualTo(0.75);
        close(q.get("time"), q75[5]);
        close(q.get("lower"), q75[6]);
        close(q.get("upper"), q75[7]);
        List<String[]> rows = ref("curves.csv", "lung", "1", "log", "0.94999999999999996");
        JsonNode table = g1.get("table");
        assertThat(table).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = table.get(i);
            String[] c = rows.get(i);
            assertThat(row.fieldNames()).toIterable().containsExactly("time", "n_risk", "n_event", "n_censor", "surv",
                    "std_err", "lower", "upper");
            close(row.get("time"), c[4]);
            close(row.get("n_risk"), c[5]);
            close(row.get("surv"), c[8]);
            close(row.get("std_err"), c[10]);
            close(row.get("lower"), c[11]);
            close(row.get("upper"), c[12]);
        }
        String[] med = ref("medians.csv", "lung", "1", "log", "0.94999999999999996").get(0);
        close(g1.get("median"), med[4]);
        close(g1.get("median_lower"), med[5]);
        close(g1.get("median_upper"), med[6]);
        String[] rm = ref("rmean_common.csv", "lung", "1").get(0);
        close(g1.get("rmean"), rm[2]);
        close(g1.get("rmean_se"), rm[3]);
        JsonNode diff = root.get("rmst_difference");
        String[] rm2 = ref("rmean_common.csv", "lung", "2").get(0);
        assertThat(diff.get("difference").asDouble()).isCloseTo(Double.parseDouble(rm[2]) - Double.parseDouble(rm2[2]),
                within(1e-9));
        assertThat(diff.get("se").asDouble()).isCloseTo(Math.hypot(Double.parseDouble(rm[3]), Double.parseDouble(rm2[3])),
                within(1e-9));
        String[] lr = ref("logrank.csv", "lung", "0", "0").get(0);
        close(root.get("logrank").get("chisq"), lr[3]);
        assertThat(root.get("logrank").get("df").asInt()).isEqualTo(1);
        close(root.get("logrank").get("pval"), lr[5]);
    }

    @Test
    void kmJsonStratifiedPetoPetoOnVeteranMatchesSurvdiff() throws IOException {
        Run r = run("km", "--input", R.resolve("data/veteran.csv").toString(), "--time", "time", "--event", "status",
                "--group", "group", "--strata", "strata", "--rho", "1", "--conf-type", "log-log", "--level", "90",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(r.out());
        String[] lr = ref("logrank.csv", "veteran", "1", "1").get(0);
        close(root.get("logrank").get("chisq"), lr[3]);
        List<String[]> rows = ref("curves.csv", "veteran", "2", "log-log", "0.90000000000000002");
        JsonNode table = root.get("groups").get(1).get("table");
        for (int i = 0; i < rows.size(); i++) {
            close(table.get(i).get("lower"), rows.get(i)[11]);
            close(table.get(i).get("upper"), rows.get(i)[12]);
        }
    }

    @Test
    void upperLimitNotReachedIsJsonNull() throws IOException {
        Run r = run("km", "--input", R.resolve("data/heavy.csv").toString(), "--time", "time", "--event", "status",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode g = new ObjectMapper().readTree(r.out()).get("groups").get(0);
        // heavy censoring: print(survfit) gives median 68.3, 0.95LCL 58.2, 0.95UCL NA (not reached)
        assertThat(g.get("median").asDouble()).isEqualTo(68.3);
        assertThat(g.get("median_upper").isNull()).isTrue();
        assertThat(new ObjectMapper().readTree(r.out()).has("logrank")).isFalse();
    }

    @Test
    void jsonKeysAndTheirOrderAreTheKmContract() throws IOException {
        String aml = R.resolve("data/aml.csv").toString();
        JsonNode two = new ObjectMapper().readTree(run("km", "--input", aml, "--time", "time", "--event", "status",
                "--group", "group", "--format", "json").out());
        assertThat(two.fieldNames()).toIterable().containsExactly("conf_type", "level", "rmean_tau", "groups",
                "rmst_difference", "logrank");
        assertThat(two.get("level").asDouble()).isEqualTo(0.95);
        assertThat(two.get("groups").get(0).get("quantiles").get(0).fieldNames()).toIterable()
                .containsExactly("probability", "time", "lower", "upper");
        assertThat(two.get("rmst_difference").fieldNames()).toIterable().containsExactly("first", "second", "tau",
                "difference", "se", "lower", "upper", "pval");
        assertThat(two.get("logrank").fieldNames()).toIterable().containsExactly("chisq", "df", "pval", "rho",
                "stratified", "observed", "expected", "reason");
        assertThat(two.get("logrank").get("reason").isNull()).isTrue();
        JsonNode ungrouped = new ObjectMapper().readTree(run("km", "--input", aml, "--time", "time", "--event", "status",
                "--format", "json").out());
        assertThat(ungrouped.fieldNames()).toIterable().containsExactly("conf_type", "level", "rmean_tau", "groups");
        assertThat(ungrouped.get("groups").get(0).get("group").asText()).isEqualTo("all");
        JsonNode one = new ObjectMapper().readTree(run("km", "--input", R.resolve("data/single.csv").toString(), "--time",
                "time", "--event", "status", "--group", "group", "--format", "json").out());
        assertThat(one.fieldNames()).toIterable().containsExactly("conf_type", "level", "rmean_tau", "groups", "logrank");
        assertThat(one.get("logrank").isNull()).isTrue();
    }

    @Test
    void groupsAreInRFactorOrderNumericWhenEveryLabelIsANumber(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "t,e,g\n1,1,10\n2,1,2\n3,0,10\n4,1,2\n5,1,1.5\n");
        JsonNode j = new ObjectMapper().readTree(run("km", "--input", f.toString(), "--time", "t", "--event", "e",
                "--group", "g", "--format", "json").out());
        assertThat(j.get("groups").findValuesAsText("group")).containsExactly("1.5", "2", "10");
    }

    @Test
    void kmTableShowsSummaryAndLogRank() {
        Run r = run("km", "--input", R.resolve("data/aml.csv").toString(), "--time", "time", "--event", "status",
                "--group", "group");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Maintained").contains("Nonmaintained").contains("Log-rank test: chisq = 3.39639 on 1 df")
                .contains("on 1 df, p = 0.0653\n").contains("95% CI -9.7808 to 69.6550, p = 0.1396)");
    }

    @Test
    void tableWritesMissingValuesAsNotEstimable() {
        Run r = run("km", "--input", R.resolve("data/heavy.csv").toString(), "--time", "time", "--event", "status");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("68.3000    58.2000         NE").contains("NE = not estimable")
                .doesNotContain("NA").doesNotContain("NaN");
    }

    @Test
    void eventOtherThanZeroOrOneIsInputErrorNamingTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "t,e\n1,1\n2,2\n");
        Run r = run("km", "--input", f.toString(), "--time", "t", "--event", "e");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip()).isEqualTo("trialmeta: " + f + ": line 3, column e: '2' (event must be 1 (event) or 0 (censored))");
    }

    @Test
    void unknownConfTypeIsInputError() {
        Run r = run("km", "--input", R.resolve("data/aml.csv").toString(), "--time", "time", "--event", "status",
                "--conf-type", "logit");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--conf-type: 'logit'").doesNotContain("Exception");
    }

    @Test
    void levelGivenAsFractionIsInputError() {
        Run r = run("km", "--input", R.resolve("data/aml.csv").toString(), "--time", "time", "--event", "status",
                "--level", "0.95");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--level: 0.95 (must be a percentage strictly between 1 and 100, e.g. 95)");
    }

    @Test
    void nonFiniteRhoAndNonPositiveTauAreInputErrors() {
        Run rho = run("km", "--input", R.resolve("data/aml.csv").toString(), "--time", "time", "--event", "status",
                "--rho", "Infinity");
        assertThat(rho.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(rho.err().strip()).isEqualTo("trialmeta: --rho: Infinity (must be a finite number)");
        Run tau = run("km", "--input", R.resolve("data/aml.csv").toString(), "--time", "time", "--event", "status",
                "--tau", "-2.5");
        assertThat(tau.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tau.err().strip()).isEqualTo("trialmeta: --tau: -2.5 (must be a finite number > 0)");
    }

    @Test
    void tauBeyondTheLargestTimeAcceptedIsInputError(@TempDir Path dir) {
        // 1e308 made the restricted mean's variance overflow: "failed unexpectedly (RMST tau 1.0E308, ..., se NaN)"
        Run tau = run("km", "--input", "examples/lung-survival.csv", "--time", "time", "--event", "event", "--group",
                "sex", "--tau", "1e308");
        assertThat(tau.code()).as(tau.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tau.err().strip()).isEqualTo(
                "trialmeta: --tau: 1.0E308 (must be at most 1e15, the largest follow-up time accepted)");
        Run largest = run("km", "--input", "examples/lung-survival.csv", "--time", "time", "--event", "event",
                "--tau", "1e15");
        assertThat(largest.code()).as(largest.err()).isEqualTo(ExitCodes.OK);
        // reconstruct's --tau failed the same way
        Run rec = run("reconstruct", "--curve", "examples/km-curve-male.csv", "--at-risk", "examples/km-at-risk-male.csv",
                "--out", dir.resolve("ipd.csv").toString(), "--tau", "1e308");
        assertThat(rec.code()).as(rec.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(rec.err().strip()).isEqualTo(
                "trialmeta: --tau: 1.0E308 (must be at most 1e15, the largest follow-up time accepted)");
    }

    @Test
    void missingGroupOrStratumIsInputErrorNamingTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "time,event,group,s\n1,1,A,x\n2,0,NA,x\n3,1,B,NA\n4,1,A,y\n5,1,B,y\n");
        Run group = run("km", "--input", f.toString(), "--time", "time", "--event", "event", "--group", "group");
        assertThat(group.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(group.out()).isEmpty();
        assertThat(group.err().strip()).isEqualTo("trialmeta: " + f
                + ": line 3, column group: 'NA' (a missing value: rows with a missing value are refused)");
        Files.writeString(f, "time,event,group,s\n1,1,A,x\n2,0,B,x\n3,1,B,NA\n4,1,A,y\n5,1,B,y\n");
        Run strata = run("km", "--input", f.toString(), "--time", "time", "--event", "event", "--group", "group",
                "--strata", "s");
        assertThat(strata.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(strata.err().strip()).isEqualTo("trialmeta: " + f
                + ": line 4, column s: 'NA' (a missing value: rows with a missing value are refused)");
        Files.writeString(f, "time,event,group\n1,1,A\n2,0,\n3,1,B\n");
        Run empty = run("km", "--input", f.toString(), "--time", "time", "--event", "event", "--group", "group");
        assertThat(empty.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(empty.err().strip()).isEqualTo("trialmeta: " + f + ": line 3, column group: '' (a value is required)");
    }

    @Test
    void singularLogRankIsNotEstimableAndTheCurvesAreStillReported(@TempDir Path dir) throws IOException {
        // every event at one time in both groups: survdiff stops ("system is exactly singular"), survfit does not
        Path f = dir.resolve("d.csv");
        StringBuilder sb = new StringBuilder("time,event,group\n");
        for (int i = 0; i < 10; i++) {
            sb.append("7,1,").append(i % 2 == 0 ? "A" : "B").append('\n');
        }
        Files.writeString(f, sb.toString());
        Run text = run("km", "--input", f.toString(), "--time", "time", "--event", "event", "--group", "group");
        assertThat(text.code()).as(text.err()).isEqualTo(ExitCodes.OK);
        assertThat(text.err()).isEmpty();
        assertThat(text.out()).contains("group A", "group B").contains("Log-rank test: not estimable (variance matrix"
                + " singular: no information to compare the groups, e.g. every event at one time)");
        Run json = run("km", "--input", f.toString(), "--time", "time", "--event", "event", "--group", "group",
                "--format", "json");
        assertThat(json.code()).as(json.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("groups")).hasSize(2);
        assertThat(j.get("groups").get(0).get("median").asDouble()).isEqualTo(7.0);
        JsonNode lr = j.get("logrank");
        assertThat(lr.get("chisq").isNull()).isTrue();
        assertThat(lr.get("pval").isNull()).isTrue();
        assertThat(lr.get("reason").asText()).startsWith("variance matrix singular");
        assertThat(lr.get("observed").get(0).asDouble()).isEqualTo(5.0);
    }

    @Test
    void stratifiedLogRankWithGroupsConfoundedByStrataIsNotEstimable(@TempDir Path dir) throws IOException {
        // each group in one stratum only: within a stratum there is nothing to compare (survdiff: exactly singular)
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "time,event,group,s\n3,1,A,s1\n5,1,A,s1\n8,0,A,s1\n2,1,B,s2\n4,1,B,s2\n9,1,B,s2\n"
                + "6,1,C,s2\n7,0,C,s2\n1,1,C,s2\n");
        Run r = run("km", "--input", f.toString(), "--time", "time", "--event", "event", "--group", "group",
                "--strata", "s", "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("groups").findValuesAsText("group")).containsExactly("A", "B", "C");
        assertThat(j.get("logrank").get("chisq").isNull()).isTrue();
        assertThat(j.get("logrank").get("stratified").asBoolean()).isTrue();
        assertThat(j.get("logrank").get("reason").isNull()).isFalse();
    }

    @Test
    void missingColumnIsInputError() {
        Run r = run("km", "--input", R.resolve("data/aml.csv").toString(), "--time", "futime", "--event", "status");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("missing column futime");
    }

    @Test
    void reconstructWritesTimeEventCsv(@TempDir Path dir) throws IOException {
        Path pts = dir.resolve("points.csv");
        Path risk = dir.resolve("risk.csv");
        Path out = dir.resolve("ipd.csv");
        StringBuilder sb = new StringBuilder("time,survival\n0,1\n");
        for (int i = 1; i <= 10; i++) {
            sb.append(i).append(',').append(1 - 0.1 * (i - 1)).append('\n');
            sb.append(i).append(',').append(Math.rint((1 - 0.1 * i) * 100) / 100).append('\n');
        }
        Files.writeString(pts, sb.toString());
        Files.writeString(risk, "time,n_risk\n0,10\n5,6\n");
        Run r = run("reconstruct", "--curve", pts.toString(), "--at-risk", risk.toString(), "--out", out.toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"events\" : 10");
        assertThat(new ObjectMapper().readTree(r.out()).fieldNames()).toIterable().startsWith("out", "n", "events",
                "censored");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("time,event");
        assertThat(lines).hasSize(11).contains("1.0,1", "10.0,1");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("points.csv", "risk.csv", "ipd.csv");
        }
    }

    @Test
    void reconstructDetectsA0To100AxisSaysSoAndRefusesItAsProportions(@TempDir Path dir) throws IOException {
        Path pts = dir.resolve("points.csv");
        Path risk = dir.resolve("risk.csv");
        Path out = dir.resolve("ipd.csv");
        Files.writeString(pts, "time,survival\n0,100\n5,80\n");
        Files.writeString(risk, "time,n_risk\n0,10\n");
        Run r = run("reconstruct", "--curve", pts.toString(), "--at-risk", risk.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("percent (detected)", "0-100 axis detected (largest value 100, median 90)");
        Files.delete(out);
        Run p = run("reconstruct", "--curve", pts.toString(), "--at-risk", risk.toString(), "--out", out.toString(),
                "--scale", "proportion");
        assertThat(p.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(p.err()).contains("line 2, column survival: '100'", "above 1 by more than the digitising"
                + " tolerance 0.02", "--scale percent").doesNotContain("not a percentage");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void plotOptionWritesTheFigureInTheFormatOfItsExtensionAndRefusesOthers(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path svg = dir.resolve("km.svg");
        Run r = run("km", "--input", R.resolve("data/veteran.csv").toString(), "--time", "time", "--event", "status",
                "--group", "group", "--plot", svg.toString(), "--time-unit", "days");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(svg)).contains("<svg").contains("Number at risk").contains("Time (days)");
        Run bad = run("km", "--input", R.resolve("data/veteran.csv").toString(), "--time", "time", "--event", "status",
                "--plot", dir.resolve("km.txt").toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("--plot: ").contains("(the file must end in .png, .svg, .pdf or .pptx)");
        assertThat(dir.resolve("km.txt")).doesNotExist();
    }
}

package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code km} merges times that differ by floating-point noise as survfit and survdiff do by default ({@code timefix =
 * TRUE}, survival's aeqSurv) and reports a merged time as survfit does (the first time of its run). References:
 * src/test/r/km_timefix.R (R 4.2.2, survival 3.5.3), data and values in src/test/resources/r/km/timefix/.
 */
class KmTimefixTest {
    private static final double TOLERANCE = 1e-10;
    private static final Path DIR = Path.of("src/test/resources/r/km/timefix");
    private static final String DATA = DIR.resolve("data.csv").toString();

    private static List<String[]> ref(String file) throws IOException {
        return Files.readAllLines(DIR.resolve(file)).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    private static void close(String what, JsonNode node, String expected) {
        if (expected.equals("NA")) {
            assertThat(node.isNull()).as(what + ": expected null, got " + node).isTrue();
        } else {
            double e = Double.parseDouble(expected);
            assertThat(node.asDouble()).as(what).isCloseTo(e, within(TOLERANCE * Math.max(1, Math.abs(e))));
        }
    }

    private static JsonNode km(String... extra) throws IOException {
        List<String> a = new ArrayList<>(List.of("km", "--input", DATA, "--time", "time", "--event", "status",
                "--format", "json", "--rows", "all"));
        a.addAll(List.of(extra));
        Run r = Run.run(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        return new ObjectMapper().readTree(r.out());
    }

    /** The rows of {@code group} in curves.csv against a JSON group's table: merged times exactly as survfit's. */
    private static void sameCurve(String label, JsonNode table) throws IOException {
        List<String[]> rows = ref("curves.csv").stream().filter(c -> c[0].equals(label)).toList();
        assertThat(table).as(label + " rows").hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] e = rows.get(i);
            JsonNode row = table.get(i);
            String at = label + " row " + i;
            assertThat(row.get("time").asDouble()).as(at + " time").isEqualTo(Double.parseDouble(e[1]));
            assertThat(row.get("n_risk").asInt()).as(at + " n.risk").isEqualTo(Integer.parseInt(e[2]));
            assertThat(row.get("n_event").asInt()).as(at + " n.event").isEqualTo(Integer.parseInt(e[3]));
            assertThat(row.get("n_censor").asInt()).as(at + " n.censor").isEqualTo(Integer.parseInt(e[4]));
            close(at + " surv", row.get("surv"), e[5]);
            close(at + " std.err", row.get("std_err"), e[6]);
        }
    }

    private static void sameSummary(JsonNode g) throws IOException {
        String label = g.get("group").asText();
        String[] e = ref("summary.csv").stream().filter(c -> c[0].equals(label)).findFirst().orElseThrow();
        close(label + " median", g.get("median"), e[1]);
        close(label + " median lower", g.get("median_lower"), e[2]);
        close(label + " median upper", g.get("median_upper"), e[3]);
        close(label + " rmean", g.get("rmean"), e[4]);
        close(label + " se(rmean)", g.get("rmean_se"), e[5]);
    }

    @Test
    void oneCurveMergesNoisyTimesAsSurvfit() throws IOException {
        JsonNode g = km().get("groups").get(0);
        sameCurve("all", g.get("table"));
        sameSummary(g);
    }

    @Test
    void curvesPerGroupMergeOverAllGroupsAsSurvfitAndTheTestsAsSurvdiff() throws IOException {
        for (String rho : List.of("0", "1")) {
            for (boolean strata : List.of(false, true)) {
                JsonNode j = strata ? km("--group", "group", "--rho", rho, "--strata", "strata")
                        : km("--group", "group", "--rho", rho);
                for (JsonNode g : j.get("groups")) {
                    sameCurve(g.get("group").asText(), g.get("table"));
                    sameSummary(g);
                }
                String[] e = ref("logrank.csv").stream()
                        .filter(c -> c[0].equals(strata ? "1" : "0") && Double.parseDouble(c[1]) == Double.parseDouble(rho))
                        .findFirst().orElseThrow();
                JsonNode lr = j.get("logrank");
                String at = "rho " + rho + (strata ? " stratified" : "");
                close(at + " chisq", lr.get("chisq"), e[2]);
                assertThat(lr.get("df").asInt()).as(at + " df").isEqualTo(Integer.parseInt(e[3]));
                close(at + " p", lr.get("pval"), e[4]);
                String[] obs = e[5].split(";");
                String[] exp = e[6].split(";");
                for (int k = 0; k < obs.length; k++) {
                    close(at + " observed " + k, lr.get("observed").get(k), obs[k]);
                    close(at + " expected " + k, lr.get("expected").get(k), exp[k]);
                }
            }
        }
    }

    /** 0.1 + 0.2 (0.30000000000000004, as Python or R writes it) and 0.3 are one time, 0.3, as in R. */
    @Test
    void pointOnePlusPointTwoIsPointThree(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "time,event,group\n0.30000000000000004,1,A\n0.3,1,B\n0.3,0,A\n0.7,1,B\n"
                + "0.7000000000000001,1,A\n0.9,0,B\n1.1,1,A\n1.2,1,B\n");
        Run r = Run.run("km", "--input", f.toString(), "--time", "time", "--event", "event", "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode table = new ObjectMapper().readTree(r.out()).get("groups").get(0).get("table");
        // survfit: time 0.3 0.7 0.9 1.1 1.2, n.risk 8 5 3 2 1, n.event 2 2 0 1 1, surv 0.75 0.45 0.45 0.225 0
        assertThat(table.findValuesAsText("time")).containsExactly("0.3", "0.7", "0.9", "1.1", "1.2");
        assertThat(table.findValuesAsText("n_risk")).containsExactly("8", "5", "3", "2", "1");
        assertThat(table.findValuesAsText("n_event")).containsExactly("2", "2", "0", "1", "1");
        assertThat(table.get(1).get("surv").asDouble()).isCloseTo(0.45, within(1e-15));
        Run grouped = Run.run("km", "--input", f.toString(), "--time", "time", "--event", "event", "--group", "group");
        assertThat(grouped.code()).as(grouped.err()).isEqualTo(ExitCodes.OK);
        // survdiff: Chisq = 0.472 on 1 df (0.30000000000000004 apart from 0.3, it would be another test)
        assertThat(grouped.out()).contains("Log-rank test: chisq = 0.471802 on 1 df").doesNotContain("0.30000000000000004");
    }
}

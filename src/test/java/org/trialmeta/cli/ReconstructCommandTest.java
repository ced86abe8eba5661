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
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trialmeta reconstruct} end to end on the NCCTG lung example (examples/, written by make_examples.R from
 * survival's {@code lung}): two arms against the patient data, the digitiser formats, repairs and their listing,
 * {@code --strict}, {@code --total-events}, the bootstrap and the option checks.
 */
class ReconstructCommandTest {

    /** coxph(Surv(time, status) ~ I(sex == 2), lung): HR female vs male from the patient data. */
    private static final double TRUE_HR = 0.5880028;
    /** |log HR reconstructed − log HR true| on a curve digitised at every step. */
    private static final double LOG_HR_TOLERANCE = 0.02;
    private static final String FEMALE = "Female=examples/km-curve-female.csv,examples/km-at-risk-female.csv";
    private static final String MALE = "Male=examples/km-curve-male.csv,examples/km-at-risk-male.csv";

    @TempDir
    Path dir;

    private static JsonNode json(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void twoArmsFromTheLungExampleReproduceThePatientData() throws IOException {
        Path out = dir.resolve("ipd.csv");
        JsonNode j = json(Run.run("reconstruct", "--arm", FEMALE, "--arm", MALE, "--reported-hr", "0.588,0.424,0.816",
                "--reported-median", "Female=426,348,550", "--reported-median", "Male=270,212,310", "--out",
                out.toString(), "--format", "json"));
        JsonNode f = j.at("/arms/0");
        JsonNode m = j.at("/arms/1");
        assertThat(f.get("n").asInt()).isEqualTo(90);
        assertThat(f.get("events").asInt()).isEqualTo(53);
        assertThat(m.get("n").asInt()).isEqualTo(138);
        assertThat(m.get("events").asInt()).isEqualTo(112);
        // read at every event time (summary(survfit)): one click per drop, at its foot; detected, nothing added
        for (JsonNode a : List.of(f, m)) {
            assertThat(a.get("clicks").asText()).isEqualTo("feet");
            assertThat(a.get("clicks_detected").asBoolean()).isTrue();
            assertThat(a.get("clicks_corner_pairs").asInt()).isZero();
            assertThat(a.get("clicks_reason").asText()).startsWith("detected: 0 of ");
            a.get("repairs").forEach(r -> assertThat(r.get("repair").asText()).isNotEqualTo("missing_foot"));
        }
        assertThat(f.get("median").asDouble()).isEqualTo(426);
        assertThat(m.get("median").asDouble()).isEqualTo(270);
        assertThat(f.get("median_difference").asDouble()).isZero();
        for (JsonNode row : f.get("numbers_at_risk")) {
            if (row.get("time").asDouble() <= 800) {
                assertThat(row.get("reconstructed").asInt()).as("at %s", row.get("time"))
                        .isEqualTo(row.get("published").asInt());
            }
        }
        JsonNode c = j.get("comparison");
        assertThat(c.get("first").asText()).isEqualTo("Female");
        assertThat(Math.log(c.get("hazard_ratio").asDouble())).isCloseTo(Math.log(TRUE_HR), within(LOG_HR_TOLERANCE));
        assertThat(c.get("within_reported_ci").asBoolean()).isTrue();
        assertThat(c.get("log_hr_difference").asDouble()).isCloseTo(0, within(LOG_HR_TOLERANCE));
        assertThat(c.get("logrank_p").asDouble()).isBetween(0.0005, 0.005);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(229);
        assertThat(lines.get(0)).isEqualTo("arm,time,event");
        assertThat(lines.get(1)).startsWith("Female,");
        assertThat(lines.get(228)).startsWith("Male,");
    }

    /** The male curve in the forms digitisers and R packages write, each giving the same patients. */
    @Test
    void digitiserAndRPackageFormatsGiveTheSameReconstruction() throws IOException {
        List<String> pts = Files.readAllLines(Path.of("examples/km-curve-male.csv")).subList(1, 101);
        List<String> risk = Files.readAllLines(Path.of("examples/km-at-risk-male.csv")).subList(1, 12);
        Path cleanOut = dir.resolve("clean.csv");
        JsonNode clean = json(Run.run("reconstruct", "--arm", MALE, "--out", cleanOut.toString(), "--format", "json"));
        List<String> wpd = new ArrayList<>();
        List<String> semicolon = new ArrayList<>();
        for (String p : pts) {
            String[] c = p.split(",");
            wpd.add(c[0] + "," + c[1]);
            semicolon.add(c[0] + ";" + String.format(Locale.ROOT, "%.2f", 100 * Double.parseDouble(c[1]))
                    .replace('.', ','));
        }
        Files.write(dir.resolve("wpd.csv"), wpd);
        Files.write(dir.resolve("wpd-percent.csv"), semicolon);
        Files.writeString(dir.resolve("nar.csv"), "time,NAR\n" + String.join("\n", risk) + "\n");
        Files.writeString(dir.resolve("trisk.csv"), "trisk;nrisk\r\n" + String.join("\r\n", risk).replace(',', ';'));
        Files.writeString(dir.resolve("clicks.csv"), "time,survival,note\n" + String.join(",x\n", pts) + ",x\n");
        String[][] variants = {{"wpd.csv", "nar.csv", "no header (x,y pairs, as WebPlotDigitizer exports)"},
            {"wpd-percent.csv", "trisk.csv", "no header (x,y pairs, as WebPlotDigitizer exports), ';' separated,"
                + " decimal comma"}, {"clicks.csv", "trisk.csv", "CSV with header"}};
        for (String[] v : variants) {
            Path out = dir.resolve(v[0] + ".ipd.csv");
            JsonNode j = json(Run.run("reconstruct", "--curve", dir.resolve(v[0]).toString(), "--at-risk",
                    dir.resolve(v[1]).toString(), "--out", out.toString(), "--format", "json"));
            JsonNode a = j.at("/arms/0");
            assertThat(a.get("curve_format").asText()).as(v[0]).isEqualTo(v[2]);
            assertThat(a.get("n").asInt()).as(v[0]).isEqualTo(138);
            assertThat(a.get("median").asDouble()).as(v[0]).isEqualTo(270);
            if (v[0].equals("wpd-percent.csv")) {
                assertThat(a.get("scale").asText()).isEqualTo("percent");
                assertThat(a.get("repairs").get(0).get("repair").asText()).isEqualTo("scale_percent");
            } else {
                assertThat(Files.readString(out)).as("one arm: time,event").isEqualTo(Files.readString(cleanOut));
            }
        }
    }

    @Test
    void everyRepairIsListedWithItsLinesAndStrictRefusesThem() throws IOException {
        Path curve = dir.resolve("curve.csv");
        Files.writeString(curve, String.join("\n", "time,survival", "0,1.01", "2,0.9", "1,0.95", "3,0.8", "3,0.8",
                "4,0.81", "5,0.7", "14,0.5", "20,0.4") + "\n");
        Path risk = dir.resolve("risk.csv");
        Files.writeString(risk, "time,n_risk\n0,100\n6,70\n12,60\n18,40\n24,10\n30,0\n36,0\n");
        Path out = dir.resolve("ipd.csv");
        Path repairs = dir.resolve("repairs.csv");
        JsonNode j = json(Run.run("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                out.toString(), "--repairs", repairs.toString(), "--format", "json"));
        List<String> kinds = new ArrayList<>();
        j.at("/arms/0/repairs").forEach(r -> kinds.add(r.get("repair").asText()));
        assertThat(kinds).containsExactly("above_one", "sorted", "duplicate", "isotonic", "at_risk_trailing_zeros",
                "at_risk_beyond_curve", "flat_interval");
        JsonNode sorted = j.at("/arms/0/repairs/1/points/0");
        assertThat(sorted.get("line").asInt()).isEqualTo(4);
        assertThat(sorted.get("time").asDouble()).isEqualTo(1);
        JsonNode flat = j.at("/arms/0/repairs/6/points/0");
        assertThat(flat.get("line").asInt()).as("the at-risk row of the interval without a point").isEqualTo(3);
        assertThat(flat.get("new_value").asDouble()).isEqualTo(0.7);
        List<String> csv = Files.readAllLines(repairs);
        assertThat(csv.get(0)).isEqualTo("arm,repair,file,line,time,value,new_time,new_value,description");
        assertThat(csv).anyMatch(l -> l.startsWith("all,above_one," + curve + ",2,0.0,1.01,0.0,1.0,"));
        assertThat(csv).anyMatch(l -> l.startsWith("all,duplicate," + curve + ",6,3.0,0.8,,,"));
        assertThat(j.at("/arms/0/n").asInt()).isEqualTo(100);

        Path strictOut = dir.resolve("strict/ipd.csv");
        Run strict = Run.run("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                strictOut.toString(), "--strict");
        assertThat(strict.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(strict.err().lines().toList()).hasSize(1);
        assertThat(strict.err()).contains(curve + ": line 2: --strict: would need repair above_one");
        assertThat(dir.resolve("strict")).doesNotExist();
    }

    /** A curve clicked at both corners with one foot missed: detected, the foot added and listed; --strict refuses. */
    @Test
    void aMissedFootOnACornersCurveIsAddedListedAndRefusedByStrict() throws IOException {
        Path curve = dir.resolve("corners.csv");
        // both corners of the drops at 1, 2, 3, 5 and 6 clicked; the drop at 4 has its top (line 9) but no foot
        Files.writeString(curve, "time,survival\n0,1\n1,1\n1,0.9\n2,0.9\n2,0.8\n3,0.8\n3,0.7\n4,0.7\n5,0.6\n5,0.5\n"
                + "6,0.5\n6,0.4\n10,0.4\n");
        Path risk = dir.resolve("risk.csv");
        Files.writeString(risk, "time,n_risk\n0,20\n5,10\n10,4\n");
        Path repairs = dir.resolve("repairs.csv");
        JsonNode j = json(Run.run("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve("ipd.csv").toString(), "--repairs", repairs.toString(), "--format", "json"));
        JsonNode a = j.at("/arms/0");
        assertThat(a.get("clicks").asText()).isEqualTo("corners");
        assertThat(a.get("clicks_reason").asText()).isEqualTo("detected: 4 of 5 drops with the click before the top"
                + " at the top's level (80%; corners needs at least 50%)");
        JsonNode foot = a.get("repairs").get(0);
        assertThat(foot.get("repair").asText()).isEqualTo("missing_foot");
        assertThat(foot.at("/points/0/line").asInt()).as("the top without its foot").isEqualTo(9);
        assertThat(foot.at("/points/0/new_time").asDouble()).isEqualTo(4);
        assertThat(foot.at("/points/0/new_value").asDouble()).isEqualTo(0.6);
        assertThat(Files.readAllLines(repairs)).anyMatch(l -> l.startsWith("all,missing_foot," + curve
                + ",9,4.0,0.7,4.0,0.6,"));
        Run text = Run.run("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve("ipd2.csv").toString());
        assertThat(text.out()).contains("corners (detected)", "Clicks all: corners, detected: 4 of 5 drops");
        Run feet = Run.run("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve("ipd3.csv").toString(), "--clicks", "feet", "--format", "json");
        assertThat(json(feet).at("/arms/0/repairs").size()).isZero();
        Run strict = Run.run("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve("strict/ipd.csv").toString(), "--strict");
        assertThat(strict.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(strict.err().lines().toList()).hasSize(1);
        assertThat(strict.err()).contains(curve + ": line 9: --strict: would need repair missing_foot");
        assertThat(dir.resolve("strict")).doesNotExist();
    }

    @Test
    void aRiseBeyondDigitisingErrorAndRisingAtRiskCountsAreRefusedInOneLine() throws IOException {
        Path curve = dir.resolve("curve.csv");
        Files.writeString(curve, "time,survival\n0,1\n2,0.6\n3,0.65\n4,0.5\n");
        Path risk = dir.resolve("risk.csv");
        Files.writeString(risk, "time,n_risk\n0,10\n");
        Run r = Run.run("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve("o/ipd.csv").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains(curve + ": line 4, column survival: '0.65' (survival 0.65 at time 3 is 0.05 above"
                + " the 0.6 read at time 2");
        Files.writeString(risk, "time,n_risk\n0,10\n1,8\n2,9\n");
        Run rising = Run.run("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                dir.resolve("o/ipd.csv").toString());
        assertThat(rising.err()).contains(risk + ": line 4, column n_risk: '9' (numbers at risk never rise: 9 after 8");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /** Guyot et al.'s variant without an at-risk table: the number of patients and the total of events. */
    @Test
    void totalEventsWithOnlyTheNumberOfPatients() throws IOException {
        Path risk = dir.resolve("n.csv");
        Files.writeString(risk, "time,n_risk\n0,138\n");
        JsonNode with = json(Run.run("reconstruct", "--curve", "examples/km-curve-male.csv", "--at-risk",
                risk.toString(), "--total-events", "112", "--out", dir.resolve("a.csv").toString(), "--format", "json"));
        assertThat(with.at("/arms/0/events").asInt()).isEqualTo(112);
        assertThat(with.at("/arms/0/total_events_reported").asInt()).isEqualTo(112);
        assertThat(with.at("/arms/0/median").asDouble()).isCloseTo(270, within(15.0));
        JsonNode without = json(Run.run("reconstruct", "--curve", "examples/km-curve-male.csv", "--at-risk",
                risk.toString(), "--out", dir.resolve("b.csv").toString(), "--format", "json"));
        assertThat(Files.readAllLines(dir.resolve("b.csv")).stream().filter(l -> l.endsWith(",0")))
                .as("no censoring before the end without a table").hasSize(without.at("/arms/0/censored").asInt())
                .allMatch(l -> l.equals("883.0,0"));
        JsonNode arm = json(Run.run("reconstruct", "--arm", "M=examples/km-curve-male.csv," + risk + ",events=112",
                "--out", dir.resolve("c.csv").toString(), "--format", "json"));
        assertThat(arm.at("/arms/0/events").asInt()).isEqualTo(112);
    }

    @Test
    void bootstrapIsReproducibleFromItsSeedAndCoversTheEstimates() throws IOException {
        String[] args = {"reconstruct", "--arm", FEMALE, "--arm", MALE, "--bootstrap", "50", "--seed", "7", "--out",
            dir.resolve("ipd.csv").toString(), "--format", "json"};
        JsonNode a = json(Run.run(args));
        JsonNode b = json(Run.run(args));
        assertThat(a.get("bootstrap")).isEqualTo(b.get("bootstrap"));
        JsonNode boot = a.get("bootstrap");
        assertThat(boot.get("replicates").asInt()).isEqualTo(50);
        assertThat(boot.get("survival_sd").asDouble()).isEqualTo(0.005);
        double hr = a.at("/comparison/hazard_ratio").asDouble();
        assertThat(hr).isBetween(boot.get("hazard_ratio_lower").asDouble(), boot.get("hazard_ratio_upper").asDouble());
        assertThat(boot.get("hazard_ratio_digitisation_upper").asDouble() - boot.get("hazard_ratio_digitisation_lower")
                .asDouble()).as("digitisation alone is narrower").isLessThan(boot.get("hazard_ratio_upper").asDouble()
                - boot.get("hazard_ratio_lower").asDouble());
        double med = a.at("/arms/1/median").asDouble();
        assertThat(med).isBetween(boot.at("/arms/1/median_lower").asDouble(), boot.at("/arms/1/median_upper").asDouble());
    }

    @Test
    void plotIsWrittenInTheFormatOfItsExtension() throws IOException {
        Path png = dir.resolve("km.png");
        json(Run.run("reconstruct", "--arm", FEMALE, "--arm", MALE, "--out", dir.resolve("ipd.csv").toString(),
                "--plot", png.toString(), "--format", "json"));
        byte[] b = Files.readAllBytes(png);
        assertThat(b[1]).isEqualTo((byte) 'P');
        assertThat(b[2]).isEqualTo((byte) 'N');
    }

    @Test
    void badOptionsAreRefusedInOneLineWithNothingWritten() {
        String out = dir.resolve("o/ipd.csv").toString();
        List<List<String>> runs = List.of(
                List.of("--arm", "Female", "--out", out),
                List.of("--arm", "F=a.csv", "--out", out),
                List.of("--arm", FEMALE, "--arm", MALE, "--arm", "X=a.csv,b.csv", "--out", out),
                List.of("--arm", FEMALE, "--arm", FEMALE, "--out", out),
                List.of("--arm", FEMALE.replace(".csv", ".csv") + ",events=many", "--out", out),
                List.of("--arm", FEMALE, "--curve", "examples/km-curve-male.csv", "--out", out),
                List.of("--out", out),
                List.of("--arm", FEMALE, "--reported-hr", "0.5,0.3,0.8", "--out", out),
                List.of("--arm", FEMALE, "--arm", MALE, "--reported-hr", "0.5,0.6,0.8", "--out", out),
                List.of("--arm", FEMALE, "--arm", MALE, "--reported-median", "Nobody=3", "--out", out),
                List.of("--arm", FEMALE, "--scale", "permille", "--out", out),
                List.of("--arm", FEMALE, "--bootstrap", "5", "--out", out),
                List.of("--arm", FEMALE, "--bootstrap", "20", "--point-sd", "0.005", "--out", out),
                List.of("--arm", FEMALE, "--plot", dir.resolve("o/km.gif").toString(), "--out", out),
                List.of("--arm", "F=examples/nope.csv,examples/km-at-risk-female.csv", "--out", out));
        for (List<String> a : runs) {
            List<String> args = new ArrayList<>(List.of("reconstruct"));
            args.addAll(a);
            Run r = Run.run(args.toArray(String[]::new));
            assertThat(r.code()).as(a + ": " + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(r.err().lines().toList()).as(a.toString()).hasSize(1);
            assertThat(r.err()).as(a.toString()).startsWith("trialmeta: ").doesNotContain("Exception");
            assertThat(dir.resolve("o")).as(a.toString()).doesNotExist();
        }
    }
}

package org.trialmeta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes every CSV-reading command in-process ({@code TrialMetaCommand.commandLine()}), the fuzz bytes
 * being its input file. Property ({@link CliRun#assertContract}): exit 0 with finite, well-formed JSON
 * (command-specific fields checked below), or exit 2 with one stderr line naming the file; never exit 1,
 * a stack trace, NaN/Infinity, or a stray file in the output directory.
 *
 * <p>Options are chosen from the CSV header so that the fuzzer reaches the analyses, not only the
 * column checks: e.g. pool uses --measure OR when the header has {@code ai}, PLO for {@code xi}, GEN otherwise.
 */
class CsvCommandsFuzzTest {

    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    @FuzzTest(maxDuration = "3m")
    void pool(byte[] data) {
        Path dir = FuzzFiles.freshDir("pool");
        Path in = FuzzFiles.write(dir.resolve("studies.csv"), data);
        String h = FuzzFiles.header(data);
        List<String[]> runs = new ArrayList<>();
        if (h.contains("ai")) {
            runs.add(new String[] {"--measure", "OR", "--method", "REML"});
            runs.add(new String[] {"--measure", "RR", "--method", "MH"});
            runs.add(new String[] {"--measure", "RD", "--method", "DL", "--test", "knha"});
        } else if (h.contains("xi")) {
            runs.add(new String[] {"--measure", "PLO", "--method", "REML"});
            runs.add(new String[] {"--measure", "PFT", "--method", "PM"});
        } else {
            runs.add(new String[] {"--measure", "GEN", "--method", "REML"});
            runs.add(new String[] {"--measure", "GEN", "--method", "SJ", "--test", "knha"});
        }
        boolean subgroup = h.contains("group");
        for (String[] opts : runs) {
            List<String> args = new ArrayList<>(List.of("pool", "--input", in.toString(), "--format", "json"));
            args.addAll(List.of(opts));
            if (subgroup) {
                args.addAll(List.of("--subgroup", "group"));
            }
            CliRun r = CliRun.of(args.toArray(String[]::new)).assertContract(in.toString());
            if (r.code() == 0) {
                checkPool(r, opts[3]);
            }
        }
        assertThat(CliRun.files(dir)).containsExactly("studies.csv");
    }

    /**
     * bias, regress and sensitivity on the same table, the measure chosen from the header as for pool; regress uses
     * the moderator columns x and g when present (else the first non-data column, or ai/yi).
     */
    @FuzzTest(maxDuration = "3m")
    void methods(byte[] data) {
        Path dir = FuzzFiles.freshDir("methods");
        Path in = FuzzFiles.write(dir.resolve("studies.csv"), data);
        String h = FuzzFiles.header(data);
        String measure = h.contains("ai") ? "OR" : h.contains("xi") ? "PLO" : "GEN";
        String mods = h.contains("x") && h.contains("g") ? "x,g" : h.contains("x") ? "x" : h.contains("ai") ? "ai" : "yi";
        List<List<String>> runs = List.of(
                List.of("bias", "--method", "REML"),
                List.of("bias", "--method", "FE", "--plot", dir.resolve("funnel.svg").toString()),
                List.of("regress", "--mods", mods, "--method", "REML"),
                List.of("regress", "--mods", mods, "--method", "PM", "--test", "knha", "--permutations", "20", "--seed", "1"),
                List.of("sensitivity", "--leave-one-out", "--method", "DL"),
                List.of("sensitivity", "--influence", "--method", "REML", "--test", "knha"),
                List.of("sensitivity", "--cumulative", "--method", "ML"));
        for (List<String> run : runs) {
            List<String> args = new ArrayList<>(run.subList(0, 1));
            args.addAll(List.of("--input", in.toString(), "--measure", measure, "--format", "json"));
            args.addAll(run.subList(1, run.size()));
            CliRun r = CliRun.of(args.toArray(String[]::new)).assertContract(in.toString());
            if (r.code() == 0) {
                JsonNode j = r.json();
                assertThat(j.get("measure").asText()).isEqualTo(measure);
            }
        }
        assertThat(CliRun.files(dir)).isSubsetOf("studies.csv", "funnel.svg");
    }

    static void checkPool(CliRun r, String method) {
        JsonNode j = r.json();
        if (method.equals("MH") && j.get("estimate").isNull()) {
            return; // not estimable (no events) is an explicit state for MH
        }
        CliRun.assertNumbers(j, r.describe(), "/estimate", "/se", "/ci_lower", "/ci_upper", "/k");
        assertThat(j.get("ci_lower").asDouble()).as(r.describe()).isLessThanOrEqualTo(j.get("ci_upper").asDouble());
        if (!method.equals("MH")) {
            CliRun.assertNumbers(j, r.describe(), "/tau2");
            assertThat(j.get("tau2").asDouble()).as(r.describe()).isGreaterThanOrEqualTo(0);
        }
        double sum = 0;
        boolean all = true;
        for (JsonNode s : j.get("studies")) {
            if (s.get("weight").isNumber()) {
                sum += s.get("weight").asDouble();
            } else {
                all = false;
            }
        }
        if (all) {
            assertThat(sum).as(r.describe()).isCloseTo(100, within(WEIGHT_SUM_TOLERANCE * 100));
        }
    }

    /**
     * {@code nma} on arbitrary bytes: exit 0 or 2 with one line (never 1, a stack trace, NaN); when it succeeds every
     * SE is a finite positive number, tau^2 is not negative, P-scores lie in [0, 1] and no output file is left.
     */
    @FuzzTest(maxDuration = "3m")
    void nma(byte[] data) {
        Path dir = FuzzFiles.freshDir("nma");
        Path in = FuzzFiles.write(dir.resolve("network.csv"), data);
        String h = FuzzFiles.header(data);
        List<String[]> runs = new ArrayList<>();
        if (h.contains("events")) {
            runs.add(new String[] {"--measure", "OR", "--model", "random"});
            runs.add(new String[] {"--measure", "RD", "--model", "fixed"});
        } else if (h.contains("mean")) {
            runs.add(new String[] {"--measure", "MD", "--model", "random"});
            runs.add(new String[] {"--measure", "SMD", "--model", "fixed"});
        } else {
            runs.add(new String[] {"--measure", "GEN", "--model", "random"});
        }
        for (String[] opts : runs) {
            List<String> args = new ArrayList<>(List.of("nma", "--input", in.toString(), "--format", "json"));
            args.addAll(List.of(opts));
            CliRun r = CliRun.of(args.toArray(String[]::new)).assertContract(in.toString());
            if (r.code() == 0) {
                JsonNode j = r.json();
                List<JsonNode> parts = new ArrayList<>();
                if (j.get("connected").asBoolean()) {
                    parts.add(j);
                } else {
                    j.get("components").forEach(parts::add);
                }
                for (JsonNode p : parts) {
                    if (!p.get("tau2").isNull()) {
                        assertThat(p.get("tau2").asDouble()).as(r.describe()).isGreaterThanOrEqualTo(0);
                    }
                    for (JsonNode e : p.get("relative_effects")) {
                        CliRun.assertNumbers(e, r.describe(), "/estimate", "/se");
                        assertThat(e.get("se").asDouble()).as(r.describe()).isPositive();
                    }
                    for (JsonNode ps : p.get("p_scores")) {
                        assertThat(ps.get("p_score").asDouble()).as(r.describe()).isBetween(0.0, 1.0);
                    }
                }
            }
        }
        assertThat(CliRun.files(dir)).containsExactly("network.csv");
    }

    @FuzzTest(maxDuration = "3m")
    void km(byte[] data) {
        Path dir = FuzzFiles.freshDir("km");
        Path in = FuzzFiles.write(dir.resolve("patients.csv"), data);
        String h = FuzzFiles.header(data);
        List<String> args = new ArrayList<>(List.of("km", "--input", in.toString(), "--time", "time", "--event", "event",
                "--format", "json"));
        if (h.contains("group")) {
            args.addAll(List.of("--group", "group"));
            if (h.contains("stratum")) {
                args.addAll(List.of("--strata", "stratum"));
            }
        }
        CliRun r = CliRun.of(args.toArray(String[]::new)).assertContract(in.toString());
        if (r.code() == 0) {
            JsonNode j = r.json();
            CliRun.assertNumbers(j, r.describe(), "/rmean_tau");
            for (JsonNode g : j.get("groups")) {
                CliRun.assertNumbers(g, r.describe(), "/n", "/events");
                if (j.get("rmean_tau").asDouble() > 0) { // all times 0: no restricted mean (explicit null)
                    CliRun.assertNumbers(g, r.describe(), "/rmean", "/rmean_se");
                }
                double prev = 1;
                for (JsonNode row : g.get("table")) {
                    CliRun.assertNumbers(row, r.describe(), "/time", "/surv", "/n_risk");
                    double s = row.get("surv").asDouble();
                    assertThat(s).as(r.describe()).isBetween(0.0, prev);
                    prev = s;
                }
            }
        }
        assertThat(CliRun.files(dir)).containsExactly("patients.csv");
    }

    @FuzzTest(maxDuration = "3m")
    void cox(byte[] data) {
        Path dir = FuzzFiles.freshDir("cox");
        Path in = FuzzFiles.write(dir.resolve("patients.csv"), data);
        String h = FuzzFiles.header(data);
        List<String> args = new ArrayList<>(List.of("cox", "--input", in.toString(), "--time", "time", "--event", "event",
                "--covariate", "x", "--format", "json"));
        if (h.contains("z")) {
            args.addAll(List.of("--covariate", "z"));
        }
        if (h.contains("stratum")) {
            args.addAll(List.of("--strata", "stratum"));
        }
        if (h.contains("breslow")) {
            args.addAll(List.of("--ties", "breslow"));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new)).assertContract(in.toString());
        if (r.code() == 0) {
            JsonNode j = r.json();
            CliRun.assertNumbers(j, r.describe(), "/n", "/events", "/loglik_null", "/loglik");
            boolean converged = j.get("converged").asBoolean() && j.get("possibly_infinite").isEmpty();
            for (JsonNode c : j.get("coefficients")) {
                if (!c.get("coef").isNull()) { // null: aliased (an explicit state, as coxph's NA)
                    CliRun.assertNumbers(c, r.describe(), "/coef", "/se", "/z", "/pval");
                    if (converged) { // else exp(coef ± z se) may be an infinite HR bound, written as null
                        CliRun.assertNumbers(c, r.describe(), "/hr", "/hr_lower", "/hr_upper");
                    }
                }
            }
        }
        assertThat(CliRun.files(dir)).containsExactly("patients.csv");
    }

    /** Parts separated by a line {@code ####}: the digitised curve, then the at-risk table (a valid one if absent). */
    @FuzzTest(maxDuration = "3m")
    void reconstruct(byte[] data) {
        Path dir = FuzzFiles.freshDir("reconstruct");
        Path outDir = dir.resolve("out");
        List<byte[]> parts = FuzzFiles.split(data, 2);
        Path curve = FuzzFiles.write(dir.resolve("curve.csv"), parts.get(0));
        byte[] risk = parts.size() > 1 ? parts.get(1) : "time,n_risk\n0,20\n5,10\n10,4\n".getBytes(StandardCharsets.UTF_8);
        Path atRisk = FuzzFiles.write(dir.resolve("risk.csv"), risk);
        Path out = outDir.resolve("ipd.csv");
        CliRun r = CliRun.of("reconstruct", "--curve", curve.toString(), "--at-risk", atRisk.toString(), "--out",
                out.toString(), "--format", "json").assertContract(curve.toString(), atRisk.toString());
        if (r.code() == 0) {
            JsonNode j = r.json();
            CliRun.assertNumbers(j, r.describe(), "/n", "/events", "/censored");
            assertThat(CliRun.files(outDir)).as(r.describe()).containsExactly("ipd.csv");
        } else {
            assertThat(CliRun.files(outDir)).as(r.describe()).isEmpty();
        }
    }
}

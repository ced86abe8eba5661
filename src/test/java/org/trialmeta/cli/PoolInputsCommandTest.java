package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pool} on the inputs writers bring (issue 17 item 1; issue 16's column names): continuous outcomes by
 * metafor's and by writers' column names, published hazard ratios in three forms, escalc's zero-cell options, and
 * many analyses in one call ({@code --by}). Reference values: src/test/r/meta.R (normand1999, bcg) and
 * src/test/r/pool_options.R (metafor 3.8.1).
 */
class PoolInputsCommandTest {

    private static final double TOL = 1e-6;

    @TempDir
    Path dir;

    private static JsonNode reference(String name) {
        return RReference.load("meta/" + name);
    }

    private static JsonNode fit(JsonNode ref, String method, String test) {
        return RReference.fit(ref, method, test);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static JsonNode json(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        return new ObjectMapper().readTree(r.out());
    }

    private static void close(JsonNode actual, JsonNode expected, String... keys) {
        for (String k : keys) {
            double e = expected.get(k).asDouble();
            assertThat(actual.get(k).asDouble()).as(k).isCloseTo(e, within(Math.max(1e-12, Math.abs(e) * TOL)));
        }
    }

    /** normand1999 as a CSV with the given header names for m1i,sd1i,n1i,m2i,sd2i,n2i. */
    private Path normand(String... names) throws IOException {
        JsonNode d = reference("normand1999_MD").get("data");
        StringBuilder sb = new StringBuilder("study," + String.join(",", names) + "\n");
        for (int i = 0; i < d.get("m1i").size(); i++) {
            sb.append('"').append(d.get("study").get(i).asText()).append('"');
            for (String c : List.of("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")) {
                JsonNode v = d.get(c).get(i);
                sb.append(',').append(c.startsWith("n") ? Integer.toString(v.asInt()) : v.asText());
            }
            sb.append('\n');
        }
        return write("normand-" + names[0] + ".csv", sb.toString());
    }

    @Test
    void continuousMeasuresMatchMetaforUnderEitherColumnNaming() throws IOException {
        Path metafor = normand("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i");
        Path writers = normand("mean_1", "sd_1", "total_1", "mean_2", "sd_2", "total_2");
        for (String m : List.of("MD", "SMD", "ROM")) {
            JsonNode f = fit(reference("normand1999_" + m), "REML", "z");
            for (Path csv : List.of(metafor, writers)) {
                JsonNode j = json(Run.run("pool", "--input", csv.toString(), "--measure", m, "--format", "json"));
                assertThat(j.get("measure").asText()).isEqualTo(m);
                close(j, f, "estimate", "se", "ci_lower", "ci_upper", "tau2", "i2", "q", "pval");
                assertThat(j.get("transformed").get("estimate").asDouble()).as(m + " transformed")
                        .isCloseTo(f.get("t_estimate").asDouble(), within(Math.abs(f.get("t_estimate").asDouble()) * TOL));
            }
        }
        Run text = Run.run("pool", "--input", metafor.toString(), "--measure", "ROM");
        assertThat(text.out()).contains("log ratio of means").contains("Pooled ratio of means: ");
    }

    @Test
    void hazardRatiosInEachPublishedFormPoolAsTheirLogs() throws IOException {
        // bcg log risk ratios re-expressed as published HR forms: HR with 95% CI, log HR with SE, log-rank O-E and V.
        // Each route must give metafor's rma(yi, vi) on the same yi/vi (REML), back-transformed with exp.
        JsonNode ref = reference("bcg_RR");
        JsonNode f = fit(ref, "REML", "z");
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);
        StringBuilder ci = new StringBuilder("study,hr,ci_lower,ci_upper,level\n");
        StringBuilder se = new StringBuilder("study,loghr,se\n");
        StringBuilder oe = new StringBuilder("study,o_minus_e,v\n");
        for (int i = 0; i < ref.get("yi").size(); i++) {
            double y = ref.get("yi").get(i).asDouble();
            double v = ref.get("vi").get(i).asDouble();
            double s = Math.sqrt(v);
            ci.append(String.format(Locale.ROOT, "s%d,%.17g,%.17g,%.17g,95%n", i, Math.exp(y), Math.exp(y - z * s), Math.exp(y + z * s)));
            se.append(String.format(Locale.ROOT, "s%d,%.17g,%.17g%n", i, y, s));
            oe.append(String.format(Locale.ROOT, "s%d,%.17g,%.17g%n", i, y / v, 1 / v));
        }
        for (String text : List.of(ci.toString(), se.toString(), oe.toString())) {
            Path p = write("hr" + text.length() + ".csv", text);
            JsonNode j = json(Run.run("pool", "--input", p.toString(), "--measure", "HR", "--format", "json"));
            close(j, f, "estimate", "se", "ci_lower", "ci_upper", "tau2", "q");
            assertThat(j.get("transformed").get("estimate").asDouble())
                    .isCloseTo(Math.exp(f.get("estimate").asDouble()), within(1e-9));
        }
        Path bad = write("hrbad.csv", "study,hr,ci_lower,ci_upper\nA,0.5,0.6,0.9\n");
        Run r = Run.run("pool", "--input", bad.toString(), "--measure", "HR");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip()).isEqualTo("trialmeta: " + bad + ": line 2, column ci_lower: '0.6' (must be greater than 0 and at most hr)");
        Path none = write("hrnone.csv", "study,estimate\nA,0.5\n");
        r = Run.run("pool", "--input", none.toString(), "--measure", "HR");
        assertThat(r.err().strip()).isEqualTo("trialmeta: " + none + ": missing columns for --measure HR: give "
                + "study,hr,ci_lower,ci_upper or study,loghr,se or study,o_minus_e,v (columns present: study, estimate)");
    }

    @Test
    void zeroCellOptionsMatchEscalcAndRma() throws IOException {
        JsonNode d = reference("nielweise2007_OR").get("data");
        StringBuilder sb = new StringBuilder("study,events_1,total_1,events_2,total_2\n");
        for (int i = 0; i < d.get("ai").size(); i++) {
            sb.append('"').append(d.get("study").get(i).asText()).append("\",").append(d.get("ai").get(i).asInt()).append(',')
                    .append(d.get("n1i").get(i).asInt()).append(',').append(d.get("ci").get(i).asInt()).append(',')
                    .append(d.get("n2i").get(i).asInt()).append('\n');
        }
        Path csv = write("niel.csv", sb.toString());
        Map<String, Map<String, Double>> ref = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/r/pool_options/values.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] c = line.split(",");
                if (!c[0].equals("case")) {
                    ref.computeIfAbsent(c[0], x -> new HashMap<>()).put(c[1], Double.parseDouble(c[2]));
                }
            }
        }
        check(csv, ref.get("or_add0.5_all_reml"), "--measure", "OR", "--method", "REML", "--add", "0.5", "--to", "all");
        check(csv, ref.get("rr_drop00_dl"), "--measure", "RR", "--method", "DL", "--drop00");
        check(csv, ref.get("or_add0.1_if0all_fe"), "--measure", "OR", "--method", "FE", "--add", "0.1", "--to", "if0all");
        Run r = Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--to", "sometimes");
        assertThat(r.err().strip()).isEqualTo("trialmeta: --to: 'sometimes' (allowed: only0, all, if0all, none)");
        r = Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--add", "-1");
        assertThat(r.err().strip()).isEqualTo("trialmeta: --add: -1 (must be a finite number >= 0)");
    }

    private void check(Path csv, Map<String, Double> expected, String... options) throws IOException {
        String[] args = new String[options.length + 5];
        args[0] = "pool";
        args[1] = "--input";
        args[2] = csv.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 2] = "--format";
        args[args.length - 1] = "json";
        JsonNode j = json(Run.run(args));
        for (String k : List.of("estimate", "se", "ci_lower", "ci_upper", "tau2")) {
            double e = expected.get(k);
            assertThat(j.get(k).asDouble()).as(String.join(" ", options) + " " + k)
                    .isCloseTo(e, within(Math.max(1e-12, Math.abs(e) * TOL)));
        }
        assertThat(j.get("k").asInt()).isEqualTo(expected.get("k").intValue());
        JsonNode studies = j.get("studies");
        int w = 1;
        for (JsonNode s : studies) {
            if (!s.get("weight").isNull()) {
                assertThat(s.get("weight").asDouble()).isCloseTo(expected.get("weight" + w++), within(1e-6));
            }
        }
        assertThat(w - 1).isEqualTo(expected.get("k").intValue());
    }

    @Test
    void byPoolsEachGroupAsItsOwnMetaAnalysis() throws IOException {
        JsonNode ref = reference("bcg_OR");
        JsonNode d = ref.get("data");
        StringBuilder sb = new StringBuilder("study,ai,n1i,ci,n2i,alloc\n");
        for (int i = 0; i < d.get("ai").size(); i++) {
            sb.append('"').append(d.get("study").get(i).asText()).append("\",").append(d.get("ai").get(i).asInt()).append(',')
                    .append(d.get("n1i").get(i).asInt()).append(',').append(d.get("ci").get(i).asInt()).append(',')
                    .append(d.get("n2i").get(i).asInt()).append(',').append(ref.get("groups").get(i).asText()).append('\n');
        }
        // one more group whose only row has an impossible count: reported for that group, the others go on
        sb.append("Broken,1,1,0,0,broken\n");
        Path csv = write("bcg-by.csv", sb.toString());
        Run bad = Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--by", "alloc", "--format", "json");
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT); // a group of 0 participants is invalid input for the file
        Files.writeString(csv, sb.toString().replace("Broken,1,1,0,0,broken", "Broken,0,10,0,10,broken"));
        JsonNode j = json(Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--by", "alloc", "--method", "REML",
                "--to", "none", "--format", "json"));
        JsonNode analyses = j.get("analyses");
        assertThat(analyses).hasSize(4);
        JsonNode subgroups = fit(ref, "REML", "z").get("subgroups");
        for (JsonNode a : analyses) {
            String by = a.get("by").asText();
            if (by.equals("broken")) {
                assertThat(a.get("error").asText()).contains("not estimable");
                assertThat(a.has("estimate")).isFalse();
                continue;
            }
            assertThat(a.has("error")).isFalse();
            for (JsonNode s : subgroups) {
                if (s.get("name").asText().equals(by)) {
                    close(a, s, "estimate", "se", "ci_lower", "ci_upper", "tau2");
                }
            }
        }
        assertThat(analyses.get(0).get("by").asText()).isEqualTo(d.size() > 0 ? ref.get("groups").get(0).asText() : "");
        Run csvOut = Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--by", "alloc", "--to", "none",
                "--format", "csv");
        String[] lines = csvOut.out().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("by,k,measure,method,test,level,estimate,se,");
        assertThat(lines[4]).startsWith("broken,,").contains("not estimable");
        Run table = Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--by", "alloc", "--to", "none");
        assertThat(table.out()).contains("REML meta-analysis of each group, log odds ratio, 4 groups").contains("broken");
    }

    @Test
    void eachStudysOwnCiOnTheNaturalScaleMatchesSummaryEscalc() throws IOException {
        Map<String, List<double[]>> ref = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/r/pool_options/study_transformed.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] c = line.split(",");
                if (!c[0].equals("case")) {
                    ref.computeIfAbsent(c[0], x -> new java.util.ArrayList<>()).add(new double[] {
                        Double.parseDouble(c[2]), Double.parseDouble(c[3]), Double.parseDouble(c[4])});
                }
            }
        }
        JsonNode or = json(Run.run("pool", "--input", "examples/bcg-vaccine.csv", "--measure", "OR", "--format", "json"));
        JsonNode pft = json(Run.run("pool", "--input", "examples/single-arm-proportions.csv", "--measure", "PFT",
                "--format", "json"));
        JsonNode mh = json(Run.run("pool", "--input", "examples/bcg-vaccine.csv", "--measure", "OR", "--method", "MH",
                "--format", "json"));
        for (Object[] c : new Object[][] {{or, "bcg_or"}, {pft, "pritz_pft"}, {mh, "bcg_or"}}) {
            JsonNode studies = ((JsonNode) c[0]).get("studies");
            List<double[]> expected = ref.get((String) c[1]);
            assertThat(studies).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode t = studies.get(i).get("transformed");
                String[] keys = {"estimate", "ci_lower", "ci_upper"};
                for (int k = 0; k < 3; k++) {
                    assertThat(t.get(keys[k]).asDouble()).as(c[1] + " study " + i + " " + keys[k])
                            .isCloseTo(expected.get(i)[k], within(Math.abs(expected.get(i)[k]) * 1e-9));
                }
            }
        }
    }
}

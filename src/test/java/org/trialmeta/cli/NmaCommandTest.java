package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.repository.CsvTable;

/** {@code trialmeta nma}: JSON against src/test/r/nma.R through the whole command, text, figures, league table. */
class NmaCommandTest {

    private static final Path R = Path.of("src/test/resources/r/nma");
    private static final double REL = 1e-6;

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        Run r = Run.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static Map<String, Double> values(String c) {
        CsvTable t = CsvTable.read(R.resolve("values.csv"));
        Map<String, Double> m = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.string("case", r).equals(c) && !t.string("value", r).equals("NA")) {
                m.put(t.string("key", r), Double.parseDouble(t.string("value", r)));
            }
        }
        return m;
    }

    private static void close(JsonNode n, double expected, String what) {
        assertThat(n.asDouble()).as(what).isCloseTo(expected, within(REL * Math.max(1e-8, Math.abs(expected))));
    }

    @Test
    void hasselbladRandomEffectsJsonMatchesRmaMv() throws Exception {
        assertThat(run("nma", "--input", R.resolve("hasselblad1998_arms.csv").toString(), "--measure", "OR",
                "--reference", "no_contact", "--small-values", "bad", "--format", "json")).as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        Map<String, Double> r = values("hasselblad1998/random");
        assertThat(j.get("model").asText()).isEqualTo("random");
        assertThat(j.get("reference").asText()).isEqualTo("no_contact");
        close(j.get("tau2"), r.get("tau2"), "tau2");
        assertThat(j.get("relative_effects")).hasSize(4 * 3);
        for (JsonNode e : j.get("relative_effects")) {
            String key = e.get("treatment").asText() + "|" + e.get("vs").asText();
            close(e.get("estimate"), r.get("est|" + key), "estimate " + key);
            close(e.get("se"), r.get("se|" + key), "se " + key);
            assertThat(e.get("transformed").get("estimate").asDouble())
                    .isCloseTo(Math.exp(e.get("estimate").asDouble()), within(1e-12));
            assertThat(e.get("pi_lower").isNumber()).isTrue();
        }
        for (JsonNode p : j.get("p_scores")) {
            close(p.get("p_score"), r.get("pscore|" + p.get("treatment").asText()), "P-score");
        }
        Map<String, Double> f = values("hasselblad1998/fixed");
        close(j.get("q").get("total"), f.get("q_total"), "Q total");
        close(j.get("q").get("heterogeneity"), f.get("q_heterogeneity"), "Q within designs");
        assertThat(j.get("q").get("df_inconsistency").asInt()).isEqualTo(f.get("df_inconsistency").intValue());
        for (JsonNode s : j.get("direct_vs_indirect")) {
            String key = s.get("treatment").asText() + "|" + s.get("vs").asText();
            close(s.get("direct"), r.get("direct|" + key), "direct " + key);
            if (!s.get("indirect").isNull()) {
                close(s.get("indirect"), r.get("indirect|" + key), "indirect " + key);
                close(s.get("pval"), r.get("diff_p|" + key), "p " + key);
            }
        }
        assertThat(j.get("league_table")).hasSize(4);
        assertThat(j.get("league_table").get(0).get(0).asText()).isEqualTo(j.get("p_scores").get(0).get("treatment").asText());
        assertThat(j.has("components")).isFalse();
    }

    @Test
    void sennFixedTextShowsTheDecomposition() {
        assertThat(run("nma", "--input", R.resolve("senn2013_arms.csv").toString(), "--measure", "MD", "--model", "fixed",
                "--reference", "placebo")).as(err).isZero();
        Map<String, Double> f = values("senn2013/fixed");
        assertThat(out).startsWith("Common-effect network meta-analysis, mean difference, arm-level means\n")
                .containsPattern(String.format(java.util.Locale.ROOT, "Total +%.2f +%d ", f.get("q_total"),
                        f.get("df_total").intValue()))
                .contains("P-scores (small values are good)").contains("League table").doesNotContain("NaN");
    }

    @Test
    void aMissingTreatmentIsRefusedNotMadeATreatment() throws Exception {
        Path arms = Files.writeString(dir.resolve("na.csv"), "study,treatment,events,n\nS1,A,10,100\nS1,NA,15,100\n"
                + "S2,A,12,90\nS2,B,20,95\n");
        assertThat(run("nma", "--input", arms.toString(), "--measure", "OR")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.strip()).isEqualTo("trialmeta: " + arms + ": line 3, column treatment: 'NA' (a missing value: rows"
                + " with a missing value are refused)");
        Path contrasts = Files.writeString(dir.resolve("nac.csv"), "study,treatment_1,treatment_2,yi,vi\n"
                + "S1,A,B,0.1,0.04\nS2,B,NA,0.2,0.05\n");
        assertThat(run("nma", "--input", contrasts.toString(), "--measure", "GEN")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.strip()).endsWith("line 3, column treatment_2: 'NA' (a missing value: rows with a missing value"
                + " are refused)");
    }

    @Test
    void aMeasureNmaDoesNotTakeIsRefusedWithTheMeasuresItTakes() throws Exception {
        // picocli's own message listed every measure of pool (PLO, PFT, PAS, ...), which nma then refused
        Path arms = Files.writeString(dir.resolve("m.csv"), "study,treatment,events,n\nS1,A,10,100\nS1,B,15,100\n");
        for (String m : new String[] {"XYZ", "PLO", "rom"}) {
            assertThat(run("nma", "--input", arms.toString(), "--measure", m)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(err.strip()).isEqualTo("trialmeta: --measure: '" + m + "' (allowed: OR, RR, RD, MD, SMD, HR, GEN)");
        }
        assertThat(run("nma", "--input", arms.toString(), "--measure", "or")).isZero();
    }

    @Test
    void disconnectedNetworkIsAnalysedPartByPart() throws Exception {
        Path in = Files.writeString(dir.resolve("d.csv"), "study,treatment,events,n\nS1,A,10,100\nS1,B,15,100\n"
                + "S2,A,12,90\nS2,B,20,95\nS3,C,9,80\nS3,D,14,85\nS4,C,7,60\nS4,D,11,62\n");
        assertThat(run("nma", "--input", in.toString(), "--measure", "OR", "--format", "json")).as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        assertThat(j.get("connected").asBoolean()).isFalse();
        assertThat(j.get("relative_effects").isNull()).isTrue();
        assertThat(j.get("components")).hasSize(2);
        assertThat(j.get("components").get(0).get("treatments").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(j.get("components").get(1).get("reference").asText()).isEqualTo("C");
        assertThat(run("nma", "--input", in.toString(), "--measure", "OR")).isZero();
        assertThat(out).contains("The network is disconnected: 2 connected parts").contains("== Part 2 of 2: C, D ==");
    }

    @Test
    void additiveComponentModelOnDogliotti() throws Exception {
        assertThat(run("nma", "--input", R.resolve("dogliotti2014_arms.csv").toString(), "--measure", "OR", "--model",
                "fixed", "--reference", "Placebo/Control", "--inactive", "Placebo/Control", "--format", "json"))
                .as(err).isZero();
        JsonNode a = new ObjectMapper().readTree(out).get("additive");
        // Aspirin+Clopidogtrel splits into Aspirin and Clopidogtrel; with Placebo/Control inactive there are 7
        // components for 8 treatments: as many parameters as the standard model, so the same fit
        assertThat(a.get("components")).hasSize(7);
        assertThat(a.get("df_diff").asInt()).isZero();
        assertThat(a.get("q_diff").asDouble()).isCloseTo(0, within(1e-8));
        assertThat(a.get("p_diff").isNull()).isTrue();
    }

    /** Published hazard ratios per contrast: a star network has no indirect evidence, so the NMA returns each HR. */
    @Test
    void hazardRatiosWithConfidenceIntervals() throws Exception {
        Path in = Files.writeString(dir.resolve("hr.csv"), "study,treatment_1,treatment_2,hr,ci_lower,ci_upper\n"
                + "T1,B,A,0.8,0.6,1.0667\nT2,C,A,1.25,0.9,1.736\n");
        assertThat(run("nma", "--input", in.toString(), "--measure", "HR", "--model", "fixed", "--reference", "A",
                "--format", "json")).as(err).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        for (JsonNode e : j.get("relative_effects")) {
            String pair = e.get("treatment").asText() + e.get("vs").asText();
            if (pair.equals("BA") || pair.equals("CA")) {
                assertThat(e.get("transformed").get("estimate").asDouble()).isCloseTo(pair.equals("BA") ? 0.8 : 1.25,
                        within(1e-12));
                assertThat(e.get("transformed").get("ci_lower").asDouble()).isCloseTo(pair.equals("BA") ? 0.6 : 0.9,
                        within(0.01));
            }
            if (pair.equals("CB")) {
                assertThat(e.get("estimate").asDouble()).isCloseTo(Math.log(1.25 / 0.8), within(1e-12));
            }
        }
        assertThat(j.get("input").asText()).isEqualTo("contrast-level hazard ratios");
    }

    @Test
    void figuresAreDeterministicAndLeagueTablesSafe() throws Exception {
        Path in = Files.writeString(dir.resolve("x.csv"), "study,treatment,events,n\nS1,=HYPERLINK(1),10,100\n"
                + "S1,<b>B</b>,15,100\nS2,=HYPERLINK(1),12,90\nS2,C,20,95\nS3,<b>B</b>,9,80\nS3,C,14,85\n");
        for (String ext : new String[] {"png", "svg", "pdf"}) {
            Path a = dir.resolve("a." + ext);
            Path b = dir.resolve("b." + ext);
            assertThat(run("nma", "--input", in.toString(), "--measure", "OR", "--plot", a.toString(), "--forest",
                    dir.resolve("f." + ext).toString())).as(err).isZero();
            assertThat(run("nma", "--input", in.toString(), "--measure", "OR", "--plot", b.toString())).isZero();
            assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
            assertThat(Files.size(dir.resolve("f." + ext))).isPositive();
        }
        assertThat(run("nma", "--input", in.toString(), "--measure", "OR", "--league", dir.resolve("l.csv").toString()))
                .isZero();
        String csv = Files.readString(dir.resolve("l.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK(1)").doesNotContain(",=HYPERLINK");
        assertThat(run("nma", "--input", in.toString(), "--measure", "OR", "--league", dir.resolve("l.md").toString()))
                .isZero();
        String md = Files.readString(dir.resolve("l.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("&lt;b&gt;B&lt;/b&gt;").doesNotContain("<b>");
        assertThat(run("nma", "--input", in.toString(), "--measure", "OR", "--league", dir.resolve("l.txt").toString()))
                .isEqualTo(2);
        assertThat(err).contains("--league").contains(".csv or .md");
    }
}

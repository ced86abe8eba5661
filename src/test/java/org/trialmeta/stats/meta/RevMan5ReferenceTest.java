package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link RevMan5} against the hand-derived formulas of Deeks &amp; Higgins, <i>Statistical algorithms in Review
 * Manager 5</i> (2010), written in base R in {@code src/test/r/revman.R} (R 4.2.2; cross-checked there against
 * metafor 3.8.1 where the algorithms coincide). 51 cases: MH, IV and Peto for OR/RR/RD on three 2×2 data sets
 * (one sparse, with zero cells, a double-zero study, a full study and subgroups), MD and SMD on two, generic log
 * HR and O − E data, each fixed and random; every study, subgroup and total quantity.
 */
class RevMan5ReferenceTest {

    /** Relative tolerance of every quantity (absolute below 1e-12 in magnitude, e.g. p-values near 0). */
    static final double RELATIVE = 1e-9;

    static List<String[]> rows(String name) {
        try (InputStream in = RevMan5ReferenceTest.class.getResourceAsStream("/r/revman/" + name)) {
            List<String[]> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                out.add(splitCsv(lines[i]));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        cells.add(sb.toString());
        return cells.toArray(String[]::new);
    }

    /** dataset → row → column → value. */
    static Map<String, TreeMap<Integer, Map<String, Double>>> inputs() {
        Map<String, TreeMap<Integer, Map<String, Double>>> out = new LinkedHashMap<>();
        for (String[] r : rows("inputs.csv")) {
            out.computeIfAbsent(r[0], x -> new TreeMap<>()).computeIfAbsent(Integer.parseInt(r[1]), x -> new LinkedHashMap<>())
                    .put(r[3], Double.parseDouble(r[4]));
        }
        return out;
    }

    static RevMan5.Data data(String type, Map<String, Double> r) {
        return switch (type) {
            case "dichotomous" -> new RevMan5.Binary(r.get("e1").intValue(), r.get("n1").intValue(), r.get("e2").intValue(),
                    r.get("n2").intValue());
            case "continuous" -> new RevMan5.Continuous(r.get("m1"), r.get("s1"), r.get("n1").intValue(), r.get("m2"),
                    r.get("s2"), r.get("n2").intValue());
            case "generic" -> new RevMan5.Generic(r.get("y"), r.get("se"));
            default -> new RevMan5.ObservedExpected(r.get("oe"), r.get("v"));
        };
    }

    static void close(String what, double actual, String expected) {
        if (expected.equals("NA")) {
            assertThat(Double.isFinite(actual)).as(what + " = " + actual + ", expected not defined").isFalse();
            return;
        }
        double e = Double.parseDouble(expected);
        double tol = Math.max(1e-12, RELATIVE * Math.abs(e));
        assertThat(Math.abs(actual - e)).as(what + ": " + actual + " vs " + e).isLessThanOrEqualTo(tol);
    }

    static double pooled(RevMan5.Pooled p, String q) {
        return switch (q) {
            case "k" -> p.k();
            case "estimate" -> p.estimate();
            case "se" -> p.se();
            case "ci_lower" -> p.lower();
            case "ci_upper" -> p.upper();
            case "z" -> p.z();
            case "p_z" -> p.pZ();
            case "tau2" -> p.tau2();
            case "chi2" -> p.chi2();
            case "df" -> p.df();
            case "p_chi2" -> p.pChi2();
            case "i2" -> p.i2();
            case "weight" -> p.weight();
            default -> throw new IllegalArgumentException(q);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesTheHandDerivedFormulas() {
        var inputs = inputs();
        Map<String, List<String[]>> expected = new LinkedHashMap<>();
        for (String[] r : rows("expected.csv")) {
            expected.computeIfAbsent(r[0], x -> new ArrayList<>()).add(r);
        }
        return rows("cases.csv").stream().map(c -> DynamicTest.dynamicTest(c[0], () -> {
            var rowsOf = inputs.get(c[1]);
            List<RevMan5.Data> data = new ArrayList<>();
            int[] groups = new int[rowsOf.size()];
            int maxGroup = 0;
            for (var e : rowsOf.entrySet()) {
                data.add(data(c[2], e.getValue()));
                groups[e.getKey()] = e.getValue().get("grp").intValue() - 1;
                maxGroup = Math.max(maxGroup, groups[e.getKey()]);
            }
            boolean sub = Boolean.parseBoolean(c[6]);
            var s = new RevMan5.Settings(RevMan5.Measure.valueOf(c[3]), RevMan5.Method.valueOf(c[4]),
                    Boolean.parseBoolean(c[5]), 0.95, 0.95);
            var res = RevMan5.analyse(data, sub ? groups : null, sub ? maxGroup + 1 : 0, s, false);
            int checked = 0;
            for (String[] r : expected.get(c[0])) {
                String part = r[1];
                String q = r[2];
                double actual;
                if (part.equals("total")) {
                    actual = pooled(res.total(), q);
                } else if (part.startsWith("subgroup:")) {
                    actual = pooled(res.subgroups().get(Integer.parseInt(part.substring(9))), q);
                } else if (part.startsWith("study:")) {
                    int i = Integer.parseInt(part.substring(6));
                    var e = res.studies().get(i);
                    actual = switch (q) {
                        case "estimate" -> e.estimate();
                        case "ci_lower" -> e.lower();
                        case "ci_upper" -> e.upper();
                        default -> res.weightPercent()[i];
                    };
                    if (q.equals("weight") && !e.estimable()) {
                        assertThat(actual).isZero();
                        checked++;
                        continue;
                    }
                } else {
                    var t = res.subgroupTest();
                    actual = switch (q) {
                        case "chi2" -> t.chi2();
                        case "df" -> t.df();
                        case "p" -> t.p();
                        default -> t.i2();
                    };
                }
                close(c[0] + " " + part + " " + q, actual, r[3]);
                checked++;
            }
            assertThat(checked).isGreaterThan(10);
        }));
    }

    @Test
    void mhRandomTau2UsesTheMantelHaenszelEstimate() {
        // BCG RR (metadat dat.bcg): RevMan's "M-H, Random" tau2 0.309497 vs metafor's DL 0.308760 (revman.R prints both)
        var bcg = inputs().get("bcg");
        List<RevMan5.Data> data = new ArrayList<>();
        bcg.values().forEach(r -> data.add(data("dichotomous", r)));
        var mh = RevMan5.analyse(data, null, 0, new RevMan5.Settings(RevMan5.Measure.RR, RevMan5.Method.MH, true, 0.95, 0.95), false);
        var iv = RevMan5.analyse(data, null, 0, new RevMan5.Settings(RevMan5.Measure.RR, RevMan5.Method.IV, true, 0.95, 0.95), false);
        assertThat(mh.total().tau2()).isCloseTo(0.309497, org.assertj.core.api.Assertions.within(5e-7));
        assertThat(iv.total().tau2()).isCloseTo(0.308760, org.assertj.core.api.Assertions.within(5e-7));
    }

    @Test
    void aStudyWithSdZeroInOneGroupIsNotEstimable() {
        // docs/revman.md and RevManVerify's anomaly ("SD 0.0 (study not estimable)") say so, as R meta's metacont
        // (non-positive SDs get no weight); before, an MD with SD 0 in one group entered with the other group's
        // variance alone (and the largest weight). The analysis equals the one without that study.
        var zero = new RevMan5.Continuous(5, 0, 20, 4, 2, 20);
        var other = new RevMan5.Continuous(5, 1, 20, 4, 2, 20);
        for (RevMan5.Measure m : List.of(RevMan5.Measure.MD, RevMan5.Measure.SMD)) {
            var s = new RevMan5.Settings(m, RevMan5.Method.IV, false, 0.95, 0.95);
            assertThat(RevMan5.effect(zero, s).estimable()).as(m.name()).isFalse();
            assertThat(RevMan5.effect(new RevMan5.Continuous(5, 1, 20, 4, 0, 20), s).estimable()).as(m.name()).isFalse();
            var both = RevMan5.analyse(List.of(zero, other), null, 0, s, false);
            var alone = RevMan5.analyse(List.of(other), null, 0, s, false);
            assertThat(both.total().k()).isEqualTo(1);
            assertThat(both.total().estimate()).isEqualTo(alone.total().estimate());
            assertThat(both.total().se()).isEqualTo(alone.total().se());
            assertThat(both.weightPercent()[0]).isZero();
        }
    }
}

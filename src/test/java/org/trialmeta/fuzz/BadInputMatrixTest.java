package org.trialmeta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated bad-input matrix of issue 9: every file-reading command × every kind of bad (or merely
 * unusual) input. Each case expects either exit 0 with the same result as the clean file (BOM, CRLF,
 * extra columns, ...) or exit 2 with exactly one stderr line naming the file, the row/field, the value
 * and the rule; never exit 1, a stack trace, NaN/Infinity in JSON, or a stray/partial output file
 * ({@link CliRun#assertContract}).
 */
class BadInputMatrixTest {

    /** Pooled estimate of 10^6 symmetric studies: exactly 0 in exact arithmetic. */
    private static final double MILLION_ESTIMATE_TOLERANCE = 1e-9;
    /** Q = 4k up to rounding of a sum of 10^6 terms (relative). */
    private static final double MILLION_Q_TOLERANCE = 1e-9;

    @TempDir
    static Path tmp;

    // ------------------------------------------------------------------ CSV commands

    /** Expected outcome of a case. */
    enum Expect { SAME, OK, INVALID }

    /**
     * A CSV-reading command: its clean table, the columns that cases mutate, and its argument list for an input.
     *
     * @param number a numeric column (non-numeric, NaN, Inf, 1e999 cases)
     * @param count  a count column (negative, fractional), or the time column for survival data
     * @param label  a text column for quoted commas, or null (then an extra quoted column is used)
     */
    record Command(String name, List<String> header, List<List<String>> rows, String number, String count,
            String label, Function<Path, List<String>> args) {

        String csv(List<String> h, List<List<String>> rs, String nl) {
            StringBuilder sb = new StringBuilder(String.join(",", h)).append(nl);
            for (List<String> r : rs) {
                sb.append(String.join(",", r)).append(nl);
            }
            return sb.toString();
        }

        String clean() {
            return csv(header, rows, "\n");
        }

        /** The clean table with cell (row, column) replaced. */
        String withCell(int row, String column, String value) {
            int c = header.indexOf(column);
            List<List<String>> rs = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                List<String> r = new ArrayList<>(rows.get(i));
                if (i == row) {
                    r.set(c, value);
                }
                rs.add(r);
            }
            return csv(header, rs, "\n");
        }

        String withColumns(UnaryOperator<List<String>> f) {
            List<List<String>> rs = new ArrayList<>();
            for (List<String> r : rows) {
                rs.add(f.apply(new ArrayList<>(r)));
            }
            return csv(f.apply(new ArrayList<>(header)), rs, "\n");
        }
    }

    /** One case: the file bytes made from a command, what is expected, and words the error line must contain. */
    record Case(String name, Function<Command, byte[]> file, Function<Command, Expect> expect,
            Function<Command, List<String>> mentions) {}

    private static final Path RISK = write(Path.of(System.getProperty("java.io.tmpdir")), "matrix-risk-",
            "time,n_risk\n0,20\n5,10\n10,4\n");
    private static final Path CURVE = write(Path.of(System.getProperty("java.io.tmpdir")), "matrix-curve-",
            "time,survival\n0,1\n1,0.9\n2,0.8\n4,0.6\n6,0.5\n8,0.4\n10,0.3\n");

    private static Path write(Path dir, String prefix, String text) {
        try {
            Path p = Files.createTempFile(dir, prefix, ".csv");
            p.toFile().deleteOnExit();
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Command> commands() {
        List<Command> out = new ArrayList<>();
        out.add(new Command("pool OR", List.of("study", "ai", "n1i", "ci", "n2i"),
                List.of(List.of("A", "4", "123", "11", "139"), List.of("B", "6", "306", "29", "303"),
                        List.of("C", "3", "231", "11", "220"), List.of("D", "62", "13598", "248", "12867")),
                "ai", "ai", "study", f -> List.of("pool", "--input", f.toString(), "--measure", "OR", "--format", "json")));
        out.add(new Command("pool PLO", List.of("study", "xi", "ni"),
                List.of(List.of("A", "5", "20"), List.of("B", "0", "15"), List.of("C", "12", "30")),
                "xi", "xi", "study", f -> List.of("pool", "--input", f.toString(), "--measure", "PLO", "--method", "DL",
                        "--format", "json")));
        out.add(new Command("pool GEN", List.of("study", "yi", "vi"),
                List.of(List.of("A", "-0.9", "0.3"), List.of("B", "-1.6", "0.2"), List.of("C", "0.01", "0.4")),
                "yi", "vi", "study", f -> List.of("pool", "--input", f.toString(), "--measure", "GEN", "--method", "PM",
                        "--test", "knha", "--format", "json")));
        out.add(new Command("bias RR", List.of("study", "ai", "n1i", "ci", "n2i"),
                List.of(List.of("A", "4", "123", "11", "139"), List.of("B", "6", "306", "29", "303"),
                        List.of("C", "3", "231", "11", "220"), List.of("D", "62", "13598", "248", "12867")),
                "ai", "ai", "study", f -> List.of("bias", "--input", f.toString(), "--measure", "RR", "--format", "json")));
        out.add(new Command("regress GEN", List.of("study", "yi", "vi", "x", "g"),
                List.of(List.of("A", "-0.9", "0.3", "1", "a"), List.of("B", "-1.6", "0.2", "2", "b"),
                        List.of("C", "0.01", "0.4", "3", "a"), List.of("D", "-0.5", "0.25", "5", "b"),
                        List.of("E", "0.2", "0.1", "4", "a")),
                "x", "vi", "study", f -> List.of("regress", "--input", f.toString(), "--measure", "GEN", "--mods", "x,g",
                        "--format", "json")));
        out.add(new Command("sensitivity PLO", List.of("study", "xi", "ni"),
                List.of(List.of("A", "5", "20"), List.of("B", "0", "15"), List.of("C", "12", "30")),
                "xi", "xi", "study", f -> List.of("sensitivity", "--input", f.toString(), "--measure", "PLO",
                        "--influence", "--format", "json")));
        out.add(new Command("km", List.of("time", "event", "group"),
                List.of(List.of("1", "1", "a"), List.of("2", "0", "a"), List.of("3", "1", "b"), List.of("4", "1", "b"),
                        List.of("5", "0", "a"), List.of("6", "1", "b"), List.of("7", "1", "a")),
                "time", "event", "group", f -> List.of("km", "--input", f.toString(), "--time", "time", "--event", "event",
                        "--group", "group", "--format", "json")));
        out.add(new Command("cox", List.of("time", "event", "x"),
                List.of(List.of("1", "1", "0.5"), List.of("2", "0", "1.5"), List.of("3", "1", "-0.2"),
                        List.of("4", "1", "2.0"), List.of("5", "0", "0.1"), List.of("6", "1", "1.1"),
                        List.of("7", "1", "0.3")),
                "x", "event", null, f -> List.of("cox", "--input", f.toString(), "--time", "time", "--event", "event",
                        "--covariate", "x", "--format", "json")));
        out.add(new Command("reconstruct curve", List.of("time", "survival"),
                List.of(List.of("0", "1"), List.of("1", "0.9"), List.of("2", "0.8"), List.of("4", "0.6"),
                        List.of("6", "0.5"), List.of("8", "0.4"), List.of("10", "0.3")),
                "survival", "time", null, f -> List.of("reconstruct", "--curve", f.toString(), "--at-risk", RISK.toString(),
                        "--out", f.resolveSibling(f.getFileName() + ".out/ipd.csv").toString(), "--format", "json")));
        out.add(new Command("reconstruct at-risk", List.of("time", "n_risk"),
                List.of(List.of("0", "20"), List.of("5", "10"), List.of("10", "4")),
                "n_risk", "n_risk", null, f -> List.of("reconstruct", "--curve", CURVE.toString(), "--at-risk",
                        f.toString(), "--out", f.resolveSibling(f.getFileName() + ".out/ipd.csv").toString(), "--format",
                        "json")));
        // last, so that the indices above stay as the other tests use them
        out.add(new Command("pool PLO GLMM", List.of("study", "xi", "ni"),
                List.of(List.of("A", "5", "20"), List.of("B", "0", "15"), List.of("C", "12", "30")),
                "xi", "xi", "study", f -> List.of("pool", "--input", f.toString(), "--measure", "PLO", "--method", "GLMM",
                        "--format", "json")));
        out.add(new Command("pool OR GLMM", List.of("study", "ai", "n1i", "ci", "n2i"),
                List.of(List.of("A", "4", "123", "11", "139"), List.of("B", "6", "306", "29", "303"),
                        List.of("C", "3", "231", "11", "220"), List.of("D", "62", "13598", "248", "12867")),
                "ai", "ai", "study", f -> List.of("pool", "--input", f.toString(), "--measure", "OR", "--method", "GLMM",
                        "--format", "json")));
        return out;
    }

    /** The matrix command named {@code name}. */
    static Command command(String name) {
        return commands().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean survival(Command c) {
        return c.name().startsWith("km") || c.name().startsWith("cox");
    }

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        cs.add(new Case("empty file", c -> new byte[0], c -> Expect.INVALID, c -> List.of("empty")));
        cs.add(new Case("header only", c -> utf8(c.csv(c.header(), List.of(), "\n")), c -> Expect.INVALID,
                c -> List.of("0 data rows")));
        cs.add(new Case("BOM", c -> utf8("\uFEFF" + c.clean()), c -> Expect.SAME, c -> List.of()));
        cs.add(new Case("CRLF", c -> utf8(c.csv(c.header(), c.rows(), "\r\n")), c -> Expect.SAME, c -> List.of()));
        cs.add(new Case("quoted commas", c -> utf8(c.label() != null
                ? c.withCell(0, c.label(), "\"Smith, 2001\"")
                : c.withColumns(r -> {
                    r.add(r.get(0).equals(c.header().get(0)) ? "note" : "\"a, b\"");
                    return r;
                })), c -> c.label() != null ? Expect.OK : Expect.SAME, c -> List.of()));
        cs.add(new Case("missing column", c -> utf8(c.withColumns(r -> {
            r.remove(c.header().indexOf(c.number()));
            return r;
        })), c -> Expect.INVALID, c -> List.of("missing column", c.number())));
        cs.add(new Case("duplicate column", c -> utf8(c.withColumns(r -> {
            r.add(r.get(c.header().indexOf(c.number())));
            return r;
        })), c -> Expect.INVALID, c -> List.of("appears twice", c.number())));
        cs.add(new Case("extra column", c -> utf8(c.withColumns(r -> {
            r.add(r.get(0).equals(c.header().get(0)) ? "extra" : "42");
            return r;
        })), c -> Expect.SAME, c -> List.of()));
        cs.add(new Case("ragged row", c -> utf8(c.clean() + String.join(",", c.rows().get(0).subList(0, 1)) + "\n"),
                c -> Expect.INVALID, c -> List.of()));
        for (String[] bad : new String[][] {{"non-numeric", "abc"}, {"NaN", "NaN"}, {"Inf", "Inf"}, {"1e999", "1e999"},
                {"blank cell", ""}}) {
            cs.add(new Case(bad[0], c -> utf8(c.withCell(1, c.number(), bad[1])), c -> Expect.INVALID,
                    c -> List.of("line 3", "column " + c.number(), "'" + bad[1] + "'")));
        }
        cs.add(new Case("negative count/time", c -> utf8(c.withCell(1, c.count(), "-3")), c -> Expect.INVALID,
                c -> List.of("line 3", "column " + c.count(), "'-3'")));
        cs.add(new Case("fractional count", c -> utf8(c.withCell(1, c.count(), "0.5")),
                c -> c.count().equals("time") || c.count().equals("vi") ? Expect.OK : Expect.INVALID,
                c -> List.of("line 3", "column " + c.count(), "'0.5'")));
        cs.add(new Case("events > n", c -> utf8(c.header().contains("ai") ? c.withCell(0, "ai", "124")
                : c.header().contains("xi") ? c.withCell(0, "xi", "21")
                : survival(c) ? c.withCell(0, "event", "2")
                : c.name().equals("reconstruct at-risk") ? c.withCell(1, "n_risk", "21")
                : c.name().equals("reconstruct curve") ? c.withCell(1, "survival", "1.5")
                : c.clean()),
                c -> c.header().contains("yi") ? Expect.OK : Expect.INVALID, c -> List.of("line ")));
        cs.add(new Case("n = 0", c -> utf8(c.header().contains("n1i") ? c.withCell(0, "n1i", "0")
                : c.header().contains("ni") ? c.withCell(0, "ni", "0")
                : c.name().equals("reconstruct at-risk") ? c.withCell(0, "n_risk", "0")
                : c.header().contains("vi") ? c.withCell(0, "vi", "0")
                : c.csv(c.header(), List.of(), "\n")),
                c -> Expect.INVALID, c -> List.of()));
        // cox needs events in two rows; bias needs 3 studies, regress p + 1, influence 2 (exit 2 naming the file)
        cs.add(new Case("single study/row", c -> utf8(c.csv(c.header(), c.rows().subList(0, 1), "\n")),
                c -> c.name().equals("cox") || c.name().startsWith("bias") || c.name().startsWith("regress")
                        || c.name().startsWith("sensitivity") || c.name().endsWith(" GLMM") ? Expect.INVALID : Expect.OK,
                c -> c.name().endsWith(" GLMM") ? List.of("GLMM not estimable", "k = 1") : List.of()));
        cs.add(new Case("duplicated study id/row", c -> {
            List<List<String>> rs = new ArrayList<>(c.rows());
            rs.add(c.rows().get(1));
            return utf8(c.csv(c.header(), rs, "\n"));
        }, c -> c.name().equals("reconstruct at-risk") ? Expect.INVALID : Expect.OK, c -> List.of()));
        cs.add(new Case("non-UTF-8 bytes", c -> {
            byte[] b = utf8(c.clean());
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, b.length);
            out[b.length] = (byte) 0xff;
            return out;
        }, c -> Expect.INVALID, c -> List.of("UTF-8")));
        cs.add(new Case("quoted line break in a cell", c -> utf8(c.withCell(1, c.number(), "\"1\n2\"")),
                c -> Expect.INVALID, c -> List.of("line 3", "'1\\n2'")));
        // issue 15
        cs.add(new Case("line over 1 MiB", c -> utf8(c.withCell(1, c.number(), "9".repeat(1_100_000))),
                c -> Expect.INVALID, c -> List.of("line 3", "longer than the limit")));
        cs.add(new Case("bidi override in a cell", c -> utf8(c.withCell(1, c.number(), "1\u202E2")),
                c -> Expect.INVALID, c -> List.of("line 3", "'1\\u202E2'")));
        return cs;
    }

    @TestFactory
    Stream<DynamicTest> everyCsvCommandOnEveryBadInput() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (Command cmd : commands()) {
            Path cleanDir = dir("clean-" + n[0]++);
            Path clean = file(cleanDir, "input.csv", utf8(cmd.clean()));
            String[] baseline = new String[1];
            tests.add(DynamicTest.dynamicTest(cmd.name() + " × clean file", () -> {
                CliRun r = CliRun.of(cmd.args().apply(clean).toArray(String[]::new)).assertContract(clean.toString());
                baseline[0] = r.json().toString().replace(clean.toString(), "IN");
            }));
            for (Case k : cases()) {
                tests.add(DynamicTest.dynamicTest(cmd.name() + " × " + k.name(), () -> named(cmd.name() + " × " + k.name(), () -> {
                    Path d = dir("case-" + n[0]++);
                    Path in = file(d, "input.csv", k.file().apply(cmd));
                    CliRun r = CliRun.of(cmd.args().apply(in).toArray(String[]::new)).assertContract(in.toString());
                    Expect e = k.expect().apply(cmd);
                    if (e == Expect.INVALID) {
                        assertThat(r.code()).as(r.describe()).isEqualTo(2);
                        assertThat(r.errorLines().get(0)).as(r.describe()).contains(in.toString());
                        for (String m : k.mentions().apply(cmd)) {
                            assertThat(r.errorLines().get(0)).as(r.describe()).contains(m);
                        }
                        assertThat(CliRun.files(d)).as("no output file").containsExactly("input.csv");
                    } else {
                        JsonNode j = r.json();
                        if (e == Expect.SAME) {
                            assertThat(j.toString().replace(in.toString(), "IN")).isEqualTo(baseline[0]);
                        }
                    }
                })));
            }
            tests.add(DynamicTest.dynamicTest(cmd.name() + " × file missing", () -> {
                Path missing = dir("missing-" + n[0]++).resolve("nope.csv");
                CliRun r = CliRun.of(cmd.args().apply(missing).toArray(String[]::new)).assertContract(missing.toString());
                assertThat(r.code()).isEqualTo(2);
                assertThat(r.err()).contains("file not found");
            }));
            for (String device : List.of("/dev/zero", "/dev/urandom")) {
                tests.add(DynamicTest.dynamicTest(cmd.name() + " × " + device, () -> {
                    // issue 15: read until an OutOfMemoryError before; now the bounded read stops at once
                    Path dev = Path.of(device);
                    if (!Files.exists(dev)) {
                        return;
                    }
                    CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(DIR_CASE_LIMIT,
                            () -> CliRun.of(cmd.args().apply(dev).toArray(String[]::new))).assertContract(device);
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                }));
            }
            tests.add(DynamicTest.dynamicTest(cmd.name() + " × a directory", () -> {
                Path d = dir("isdir-" + n[0]++);
                CliRun r = CliRun.of(cmd.args().apply(d).toArray(String[]::new)).assertContract(d.toString());
                assertThat(r.code()).isEqualTo(2);
                assertThat(r.err()).contains("is a directory");
            }));
        }
        return tests.stream();
    }

    // ------------------------------------------------------------------ nma (issue 21)

    private static final String NMA_ARMS = "study,treatment,events,n\nS1,A,10,100\nS1,B,15,100\nS2,A,12,90\nS2,C,20,95\n"
            + "S3,B,9,80\nS3,C,14,85\nS4,A,7,60\nS4,B,11,62\nS4,C,13,61\n";
    private static final String NMA_CONTRASTS = "study,treatment_1,treatment_2,yi,vi\nS1,B,A,0.4,0.2\nS2,C,A,0.6,0.25\n"
            + "S3,C,B,0.3,0.3\nS4,B,A,0.5,0.3\nS4,C,A,0.7,0.3\nS4,C,B,0.2,0.32\n";

    /**
     * nma's own rules on bad input (issue 21): a treatment spelled two ways, a study with one arm, duplicate arms and
     * contrasts, multi-arm contrasts that contradict each other or whose variances do not fit together, a multi-arm
     * study without all its pairs, events above n, a contrast of a treatment with itself. Each: exit 2, one line with
     * the file, the row (line), the value and the rule; no output file.
     */
    @TestFactory
    Stream<DynamicTest> nmaRulesOnBadInput() {
        Object[][] cases = {
            {"treatment spelled two ways", NMA_ARMS.replace("S4,A,7,60", "S4,a ,7,60"), "OR",
                List.of("line 8", "'a'", "only in case or spaces")},
            {"study with one arm", NMA_ARMS + "S5,A,3,40\n", "OR", List.of("line 11", "'S5'", "at least 2 arms")},
            {"duplicate arm", NMA_ARMS + "S4,B,12,60\n", "OR", List.of("line 11", "'B'", "duplicate arm", "line 9")},
            {"events above n", NMA_ARMS.replace("S2,C,20,95", "S2,C,96,95"), "OR", List.of("line 5", "'96'", "exceed")},
            {"contradicting contrasts", NMA_CONTRASTS.replace("S4,C,B,0.2,0.32", "S4,C,B,0.9,0.32"), "GEN",
                List.of("line 7", "'0.9'", "contradicts", "should be 0.2")},
            {"variances that do not fit", NMA_CONTRASTS.replace("S4,C,B,0.2,0.32", "S4,C,B,0.2,5"), "GEN",
                List.of("line 5", "'S4'", "positive definite")},
            {"multi-arm study missing a pair", NMA_CONTRASTS.replace("S4,C,B,0.2,0.32\n", ""), "GEN",
                List.of("line 5", "'S4'", "all 3 pairs")},
            {"duplicate contrast", NMA_CONTRASTS + "S1,A,B,-0.4,0.2\n", "GEN", List.of("line 8", "duplicate contrast", "line 2")},
            {"contrast of a treatment with itself", NMA_CONTRASTS.replace("S1,B,A", "S1,A,A"), "GEN",
                List.of("line 2", "'A'", "two different treatments")},
            {"one data row", "study,treatment,events,n\nS1,A,1,10\n", "OR", List.of("1 data row")},
            {"arm columns with a contrast measure", NMA_ARMS, "HR", List.of("needs columns")},
            {"non-numeric yi", NMA_CONTRASTS.replace("0.6", "x"), "GEN", List.of("line 3", "column yi", "'x'")},
        };
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (Object[] c : cases) {
            tests.add(DynamicTest.dynamicTest("nma × " + c[0], () -> named("nma × " + c[0], () -> {
                Path d = dir("nma-" + n[0]++);
                Path in = file(d, "input.csv", utf8((String) c[1]));
                CliRun r = CliRun.of("nma", "--input", in.toString(), "--measure", (String) c[2], "--format", "json",
                        "--plot", d.resolve("net.svg").toString()).assertContract(in.toString());
                assertThat(r.code()).as(r.describe()).isEqualTo(2);
                for (Object m : (List<?>) c[3]) {
                    assertThat(r.errorLines().get(0)).as(r.describe()).contains((String) m);
                }
                assertThat(CliRun.files(d)).as("no output file").containsExactly("input.csv");
            })));
        }
        for (String[] ok : new String[][] {{"clean arms", NMA_ARMS, "OR"}, {"clean contrasts", NMA_CONTRASTS, "GEN"},
            {"BOM and CRLF", "\uFEFF" + NMA_ARMS.replace("\n", "\r\n"), "OR"},
            {"disconnected network", NMA_ARMS + "S6,D,5,50\nS6,E,9,50\n", "OR"},
            {"zero events in an arm", NMA_ARMS.replace("S3,B,9,80", "S3,B,0,80"), "OR"}}) {
            tests.add(DynamicTest.dynamicTest("nma × " + ok[0], () -> {
                Path d = dir("nma-ok-" + n[0]++);
                Path in = file(d, "input.csv", utf8(ok[1]));
                CliRun r = CliRun.of("nma", "--input", in.toString(), "--measure", ok[2], "--format", "json")
                        .assertContract(in.toString());
                assertThat(r.code()).as(r.describe()).isZero();
                assertThat(r.json().get("treatments").size()).isPositive();
            }));
        }
        return tests.stream();
    }

    /** Unknown method names and option values: one line, exit 2, naming the option. */
    @TestFactory
    Stream<DynamicTest> unknownMethodNames() {
        Path d = dir("methods");
        Path pool = file(d, "pool.csv", utf8(commands().get(0).clean()));
        Path km = file(d, "km.csv", utf8(command("km").clean()));
        List<List<String>> runs = List.of(
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--method", "BOGUS"),
                List.of("pool", "--input", pool.toString(), "--measure", "XX"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--test", "t"),
                List.of("pool", "--input", pool.toString(), "--measure", "GEN", "--method", "PETO"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--format", "xml"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--level", "NaN"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--rows", "-1"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--rows", "some"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--rows", "99999999999"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--by", "study", "--rows", "1.5"),
                List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--rows", ""),
                List.of("pool", "--input", pool.toString(), "--measure", "RR", "--method", "GLMM"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--method", "GLMM", "--test", "knha"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--method", "GLMM", "--drop00"),
                List.of("pool", "--input", pool.toString(), "--measure", "GEN", "--method", "GLMM"),
                List.of("pool", "--input", pool.toString(), "--measure", "PLO", "--method", "GLMM", "--test", "knha"),
                List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--conf-type", "logit2"),
                List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--format", "yaml"),
                List.of("cox", "--input", km.toString(), "--time", "time", "--event", "event", "--covariate", "event",
                        "--ties", "exact"),
                List.of("km", "--input", km.toString(), "--time", "nope", "--event", "event"),
                List.of("report", "--trials", "trials", "--formats", "gif", "--out", d.resolve("r").toString()),
                List.of("compare", "--trials", "trials", "--trial", "x", "--statuses", "maybe"),
                List.of("check", "--trials", "trials", "--min-severity", "fatal"),
                List.of("bias", "--input", pool.toString(), "--measure", "OR", "--method", "BOGUS"),
                List.of("bias", "--input", pool.toString(), "--measure", "OR", "--method", "MH"),
                List.of("bias", "--input", pool.toString(), "--measure", "OR", "--format", "xml"),
                List.of("bias", "--input", pool.toString(), "--measure", "OR", "--plot", d.resolve("r/f.gif").toString()),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", ""),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai,ai"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "intrcpt"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "nope"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai", "--test", "t"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai", "--method", "PETO"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai", "--level", "100"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai", "--permutations", "9"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai", "--seed", "9"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai", "--permutations", "1",
                        "--seed", "9"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai", "--permutations",
                        "2000000", "--seed", "9"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR", "--mods", "ai", "--permutations", "x",
                        "--seed", "9"),
                List.of("regress", "--input", pool.toString(), "--measure", "OR"),
                List.of("sensitivity", "--input", pool.toString(), "--measure", "OR"),
                List.of("sensitivity", "--input", pool.toString(), "--measure", "OR", "--influence", "--cumulative"),
                List.of("sensitivity", "--input", pool.toString(), "--measure", "OR", "--influence", "--method", "PETO"),
                List.of("sensitivity", "--input", pool.toString(), "--measure", "OR", "--influence", "--test", "t"),
                List.of("sensitivity", "--input", pool.toString(), "--measure", "OR", "--cumulative", "--level", "0"),
                List.of("nma", "--input", pool.toString(), "--measure", "OR", "--model", "bayesian"),
                List.of("nma", "--input", pool.toString(), "--measure", "PLO"),
                List.of("nma", "--input", pool.toString(), "--measure", "OR", "--small-values", "maybe"),
                List.of("nma", "--input", pool.toString(), "--measure", "OR", "--rows", "x"),
                List.of("nosuchcommand"));
        return runs.stream().map(a -> DynamicTest.dynamicTest(String.join(" ", a), () -> {
            CliRun r = CliRun.of(a.toArray(String[]::new));
            r.assertNoStackTrace();
            assertThat(r.code()).as(r.describe()).isEqualTo(2);
            assertThat(r.errorLines()).as(r.describe()).hasSize(1);
            assertThat(r.errorLines().get(0)).as(r.describe()).startsWith("trialmeta: ");
            assertThat(CliRun.files(d.resolve("r"))).isEmpty();
        }));
    }

    /**
     * Figure options (issue 16): an unknown display unit or palette, a display unit without a convertible input
     * unit, a --labels count that is not the number of groups, an over-long title, a PNG resolution or height out of
     * range, an unknown extension: exit 2, one line naming the option, and no figure file left behind.
     */
    @TestFactory
    Stream<DynamicTest> figureOptions() {
        Path d = dir("figure-options");
        Path km = file(d, "km.csv", utf8(command("km").clean()));
        Path pool = file(d, "pool.csv", utf8(commands().get(0).clean()));
        String plot = d.resolve("r/km.svg").toString();
        List<String> kmBase = List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--group",
                "group", "--plot", plot);
        Object[][] cases = {
            {List.of("--time-unit", "days", "--display-unit", "fortnights"), "--display-unit: 'fortnights'"},
            {List.of("--display-unit", "months"), "--display-unit needs --time-unit"},
            {List.of("--time-unit", "cycles", "--display-unit", "months"), "not 'cycles'"},
            {List.of("--labels", "Control"), "--labels: 1 label for 2 groups (a, b)"},
            {List.of("--labels", "A,B,C"), "--labels: 3 labels for 2 groups"},
            {List.of("--labels", "A,"), "--labels: 'A,'"},
            {List.of("--title", "x".repeat(250)), "--title: 250 characters (at most 200)"},
            {List.of("--palette", "rainbow"), "--palette: 'rainbow' (allowed: colour, grey)"},
            {List.of("--style", "nature"), "--style: 'nature'"},
            {List.of("--dpi", "10"), "--dpi: 10 (must be between 36 and 2400)"},
            {List.of("--height-cm", "2"), "--height-cm"},
            {List.of("--width-cm", "-3"), "--width-cm"},
            {List.of("--plot", d.resolve("r/km.gif").toString()), "--plot: '"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            List<String> args = new ArrayList<>(kmBase);
            args.addAll((List<String>) c[0]);
            tests.add(figureCase(d, args, (String) c[1]));
        }
        String out = d.resolve("r/forest.png").toString();
        tests.add(figureCase(d, List.of("forest", "--input", pool.toString(), "--measure", "OR", "--palette", "rainbow",
                "--out", out), "--palette: 'rainbow'"));
        tests.add(figureCase(d, List.of("forest", "--input", pool.toString(), "--measure", "OR", "--height-cm", "4",
                "--out", out), "--height-cm: height 4.0 cm is too small"));
        tests.add(figureCase(d, List.of("forest", "--input", pool.toString(), "--measure", "OR", "--dpi", "5000",
                "--out", out), "--dpi: 5000"));
        tests.add(figureCase(d, List.of("bias", "--input", pool.toString(), "--measure", "OR", "--palette", "sepia",
                "--plot", d.resolve("r/funnel.png").toString()), "--palette: 'sepia'"));
        tests.add(figureCase(d, List.of("nma", "--input", pool.toString(), "--measure", "OR", "--palette", "sepia",
                "--plot", d.resolve("r/net.png").toString()), "--palette: 'sepia'"));
        return tests.stream();
    }

    /**
     * A figure too large for its format (its size follows the content: a forest plot grows with its studies; or the
     * options ask for it): exit 2 at once, one line with the figure's size and what can be written instead, and no
     * file of the command's written. Before, a forest plot of 4,000 studies as PNG (2,034 × 213,970 pixels) took 2.3
     * GB and one of 16,000 ran out of a 6 GB heap; 40 × 40 cm at 2,400 dpi took 6 GB and 15 s, 100 × 100 cm ended
     * with "failed unexpectedly"; PPTX slides and PDF pages were written larger than PowerPoint and Adobe's readers
     * open (a 16,000-study PPTX had a slide 2,147,483,647 EMU high).
     */
    @TestFactory
    Stream<DynamicTest> figuresTooLargeForTheirFormat() throws IOException {
        Path d = dir("figure-too-large");
        Path pool = file(d, "pool.csv", utf8(commands().get(0).clean()));
        java.util.Random random = new java.util.Random(16);
        StringBuilder many = new StringBuilder("study,ai,n1i,ci,n2i\n");
        for (int i = 0; i < 4_000; i++) {
            int n1 = 50 + random.nextInt(400);
            int n2 = 50 + random.nextInt(400);
            many.append("s").append(i).append(',').append(random.nextInt(n1 / 2)).append(',').append(n1).append(',')
                    .append(random.nextInt(n2 / 2)).append(',').append(n2).append('\n');
        }
        Path big = file(d, "many.csv", utf8(many.toString()));
        List<String> forest = List.of("forest", "--input", big.toString(), "--measure", "OR");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(figureCase(d, concat(forest, "--out", d.resolve("r/f.png").toString()),
                "megapixels at 300 dpi, above the 268 megapixels of a PNG; write it at "));
        tests.add(figureCase(d, concat(forest, "--out", d.resolve("r/f.pdf").toString()),
                "above the 508.0 cm a side of a PDF page that Adobe's readers open; write it as .svg"));
        tests.add(figureCase(d, concat(forest, "--out", d.resolve("r/f.svg").toString(), "--out",
                d.resolve("r/f.pptx").toString()), "cannot write " + d.resolve("r/f.pptx")));
        tests.add(figureCase(d, List.of("forest", "--input", pool.toString(), "--measure", "OR", "--width-cm", "40",
                "--height-cm", "40", "--dpi", "2400", "--out", d.resolve("r/f.png").toString()),
                "megapixels at 2400 dpi, above the 268 megapixels of a PNG; write it at "));
        tests.add(figureCase(d, List.of("forest", "--input", pool.toString(), "--measure", "OR", "--width-cm", "100",
                "--height-cm", "100", "--dpi", "2400", "--out", d.resolve("r/f.png").toString()),
                "or as .svg or .pdf"));
        return tests.stream();
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    private static DynamicTest figureCase(Path d, List<String> args, String mention) {
        return DynamicTest.dynamicTest(String.join(" ", args).replaceAll("x{20,}", "x..."), () -> {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            r.assertNoStackTrace();
            assertThat(r.code()).as(r.describe()).isEqualTo(2);
            assertThat(r.errorLines()).as(r.describe()).hasSize(1);
            assertThat(r.errorLines().get(0)).as(r.describe()).startsWith("trialmeta: ").contains(mention);
            assertThat(CliRun.files(d.resolve("r"))).isEmpty();
        });
    }

    /**
     * Proportion data the GLMM cannot fit (one study, no events, every participant an event, only studies with 0
     * or all events: no finite tau² maximum, where R's lme4 returns tau² = 29616) give exit 2 and one line naming
     * the file and the reason; extreme but fittable data (rare events, 10^7 participants, a study at n events, a
     * study of 1) give finite JSON.
     */
    @TestFactory
    Stream<DynamicTest> glmmDataWithAndWithoutAnEstimate() {
        Path d = dir("glmm");
        String[][] cases = {
            {"one study", "A,3,20\n", "k = 1"},
            {"no events", "A,0,20\nB,0,5\nC,0,1\n", "no study has an event"},
            {"all events", "A,20,20\nB,5,5\n", "every participant of every study had the event"},
            {"only 0 or all events", "A,0,10\nB,10,10\nC,0,3\n", "no maximum at a finite tau^2"},
            {"rare events", "A,1,100000\nB,0,250000\nC,3,120000\nD,2,90000\n", null},
            {"ten million", "A,5000000,10000000\nB,4990000,10000000\nC,5012000,10000000\n", null},
            {"a study at n events", "A,10,10\nB,7,12\nC,15,30\n", null},
            {"a study of one", "A,1,1\nB,0,1\nC,4,9\nD,2,7\n", null},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : cases) {
            tests.add(DynamicTest.dynamicTest(c[0], () -> {
                Path in = file(d, "glmm.csv", utf8("study,xi,ni\n" + c[1]));
                CliRun r = CliRun.of("pool", "--input", in.toString(), "--measure", "PLO", "--method", "GLMM", "--format",
                        "json").assertContract(in.toString());
                if (c[2] != null) {
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                    assertThat(r.errorLines().get(0)).as(r.describe()).contains(in.toString(), "GLMM not estimable", c[2]);
                    assertThat(r.out()).isEmpty();
                } else {
                    JsonNode j = r.json();
                    assertThat(j.get("method").asText()).isEqualTo("GLMM");
                    assertThat(j.get("se").asDouble()).isPositive();
                    assertThat(j.get("tau2").asDouble()).isGreaterThanOrEqualTo(0);
                }
            }));
        }
        return tests.stream();
    }

    /**
     * 2×2 tables the odds-ratio GLMM (model "UM.FS") cannot fit give exit 2 and one line naming the file and the
     * reason: one study, every study without events in both groups (all dropped, as rma.glmm's drop00), one study
     * left after dropping them, no events in any first group (pooled log OR −∞, where lme4 stops at some huge
     * negative value); extreme but fittable tables (rare events, a zero cell in every study but in both directions,
     * 10^7 per arm) give finite JSON.
     */
    @TestFactory
    Stream<DynamicTest> oddsRatioGlmmDataWithAndWithoutAnEstimate() {
        Path d = dir("glmm-or");
        String[][] cases = {
            {"one study", "A,3,20,5,21\n", "k = 1"},
            {"no events at all", "A,0,20,0,21\nB,0,5,0,6\nC,0,10,0,9\n", "k = 0"},
            {"one study left after drop00", "A,0,20,0,21\nB,3,15,6,14\n", "k = 1"},
            {"no events in group 1", "A,0,20,3,21\nB,0,15,6,14\nC,0,30,2,28\n", "-infinite"},
            {"only events in group 1", "A,20,20,3,21\nB,15,15,6,14\n", "+infinite"},
            {"rare events", "A,1,100000,3,100000\nB,0,250000,2,250000\nC,3,120000,4,120000\nD,2,90000,0,90000\n", null},
            {"zero cells both ways", "A,0,20,4,21\nB,5,15,0,14\nC,0,30,2,28\n", null},
            {"ten million", "A,5000000,10000000,4990000,10000000\nB,4990000,10000000,5003000,10000000\n"
                    + "C,5012000,10000000,5000000,10000000\n", null},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : cases) {
            tests.add(DynamicTest.dynamicTest(c[0], () -> {
                Path in = file(d, "glmm-or.csv", utf8("study,ai,n1i,ci,n2i\n" + c[1]));
                CliRun r = CliRun.of("pool", "--input", in.toString(), "--measure", "OR", "--method", "GLMM", "--format",
                        "json").assertContract(in.toString());
                if (c[2] != null) {
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                    assertThat(r.errorLines().get(0)).as(r.describe()).contains(in.toString(), "GLMM not estimable", c[2]);
                    assertThat(r.out()).isEmpty();
                } else {
                    JsonNode j = r.json();
                    assertThat(j.get("method").asText()).isEqualTo("GLMM");
                    assertThat(j.get("measure").asText()).isEqualTo("OR");
                    assertThat(j.get("se").asDouble()).as(r.describe()).isPositive();
                    assertThat(j.get("tau2").asDouble()).isGreaterThanOrEqualTo(0);
                    assertThat(j.get("transformed").get("estimate").asDouble()).isPositive();
                }
            }));
        }
        return tests.stream();
    }

    /**
     * 10^6 generic studies ±2 with vi = 1 through the whole command (CSV parse, fit, 115 MB of JSON): the
     * fixed-effect estimate is 0 and Q = Σ yi²/vi = 4k exactly. FE keeps the test to seconds; REML at this
     * size is timed by the benchmarks (issue 9, speed).
     */
    @Test
    void poolOfAMillionStudiesIsCorrectAndFast() {
        int k = 1_000_000;
        StringBuilder sb = new StringBuilder(k * 12).append("study,yi,vi\n");
        for (int i = 0; i < k; i++) {
            sb.append('s').append(i).append(i % 2 == 0 ? ",2,1\n" : ",-2,1\n");
        }
        Path in = file(dir("million"), "million.csv", utf8(sb.toString()));
        sb = null;
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("pool", "--input", in.toString(), "--measure", "GEN", "--method", "FE", "--format", "json");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "BadInputMatrixTest: pool of %d studies in %.2f s%n", k, seconds);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain("NaN", "Infinity"); // null is FE's explicit "no tau²/PI"
        String head = r.out().substring(0, r.out().indexOf("\"studies\""));
        assertThat(number(head, "k")).isEqualTo(k);
        assertThat(number(head, "estimate")).isCloseTo(0, within(MILLION_ESTIMATE_TOLERANCE));
        assertThat(number(head, "q")).isCloseTo(4.0 * k, within(MILLION_Q_TOLERANCE * k));
        assertThat(number(head, "q_df")).isEqualTo(k - 1);
        assertThat(seconds).as("no hang").isLessThan(60);
    }

    /**
     * Files of 8 MB or more are read block by block (CsvTable): a bad cell, a ragged row, a NUL byte or an unclosed
     * quote in the last line of such a file gives the one line that the same fault gives in a small file.
     */
    @TestFactory
    Stream<DynamicTest> largeFilesFailingInTheirLastLine() {
        StringBuilder sb = new StringBuilder("time,status,group\n");
        for (int i = 0; sb.length() < 9_000_000; i++) {
            sb.append(i % 97).append('.').append(i % 10).append(',').append(i % 3 == 0 ? 0 : 1).append(',')
                    .append(i % 2 == 0 ? "A" : "B").append('\n');
        }
        String good = sb.toString();
        int lastLine = (int) good.chars().filter(ch -> ch == '\n').count() + 1;
        String[][] faults = {
            {"1.5,yes,A\n", "line " + lastLine + ", column status: 'yes' (not a number)"},
            {"1.5,1\n", "line " + lastLine + ": 2 fields where the header has 3"},
            {"1.5,1,A\u0000\n", "contains NUL bytes"},
            {"1.5,1,\"A\n", "a quoted field that starts on line " + lastLine + " has no closing quote"},
            {"-1,1,A\n", "line " + lastLine + ", column time: '-1' (a time must not be negative)"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] f : faults) {
            tests.add(DynamicTest.dynamicTest("km × 9 MB file, last line " + f[0].strip(), () -> {
                Path d = dir("large-" + tests.size() + "-" + System.nanoTime());
                Path in = file(d, "input.csv", utf8(good + f[0]));
                CliRun r = CliRun.of("km", "--input", in.toString(), "--time", "time", "--event", "status", "--group",
                        "group", "--format", "json").assertContract(in.toString());
                assertThat(r.code()).as(r.describe()).isEqualTo(2);
                assertThat(r.errorLines()).as(r.describe()).hasSize(1);
                assertThat(r.errorLines().get(0)).as(r.describe()).contains(in.toString()).contains(f[1]);
            }));
        }
        return tests.stream();
    }

    /**
     * A group column with more distinct values than the log-rank test compares (e.g. a patient id given as
     * {@code --group}): one line naming the file, the column and the count, exit 2, at once. Before the limit a
     * 300 KB file of 20,000 rows in 10,000 groups ran for more than 100 s (k² work per event time and a k × k
     * matrix); 100 groups still run.
     */
    /**
     * A network of more treatments than {@code nma} fits (its time grows with their cube: a 109 KB chain of 3,000
     * treatments ran past 120 s with 770 MB) is refused before anything is fitted, with one line naming the file, the
     * column and the count; arm and contrast forms alike.
     */
    @Test
    void nmaWithMoreTreatmentsThanItFitsIsRefusedAtOnce() throws IOException {
        StringBuilder arms = new StringBuilder("study,treatment,events,n\n");
        for (int j = 1; j < 3_000; j++) {
            arms.append('s').append(j).append(",t").append(j - 1).append(",12,100\n");
            arms.append('s').append(j).append(",t").append(j).append(",15,100\n");
        }
        StringBuilder contrasts = new StringBuilder("study,treatment_1,treatment_2,yi,vi\n");
        for (int j = 1; j <= 500; j++) {
            contrasts.append('s').append(j).append(",t").append(j - 1).append(",t").append(j).append(",0.1,0.04\n");
        }
        Path d = dir("nma-treatments");
        Path chain = file(d, "chain.csv", utf8(arms.toString()));
        CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> CliRun.of("nma", "--input", chain.toString(), "--measure", "OR")).assertContract(chain.toString());
        assertThat(r.code()).as(r.describe()).isEqualTo(2);
        assertThat(r.errorLines()).as(r.describe()).containsExactly("trialmeta: " + chain + ": column 'treatment' names"
                + " 3000 treatments (a network meta-analysis compares at most 500; are they the treatments?)");
        Path pairs = file(d, "pairs.csv", utf8(contrasts.toString()));
        CliRun c = CliRun.of("nma", "--input", pairs.toString(), "--measure", "GEN").assertContract(pairs.toString());
        assertThat(c.code()).as(c.describe()).isEqualTo(2);
        assertThat(c.errorLines()).as(c.describe()).containsExactly("trialmeta: " + pairs + ": columns 'treatment_1'"
                + " and 'treatment_2' name 501 treatments (a network meta-analysis compares at most 500; are they the"
                + " treatments?)");
    }

    @Test
    void kmWithMoreGroupsThanTheTestComparesIsRefusedAtOnce() throws IOException {
        StringBuilder many = new StringBuilder("time,status,patient\n");
        StringBuilder hundred = new StringBuilder("time,status,patient\n");
        for (int i = 0; i < 20_000; i++) {
            many.append(i % 977).append(',').append(i % 3 == 0 ? 0 : 1).append(",p").append(i / 2).append('\n');
            hundred.append(i % 977).append(',').append(i % 3 == 0 ? 0 : 1).append(",p").append(i % 100).append('\n');
        }
        Path d = dir("km-groups");
        Path in = file(d, "many.csv", utf8(many.toString()));
        CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> CliRun.of("km", "--input", in.toString(), "--time", "time", "--event", "status", "--group",
                        "patient")).assertContract(in.toString());
        assertThat(r.code()).as(r.describe()).isEqualTo(2);
        assertThat(r.errorLines()).as(r.describe()).containsExactly("trialmeta: " + in + ": column 'patient' has 10000"
                + " distinct values (the log-rank test compares at most 100 groups; is it the column of the groups?)");
        Path ok = file(d, "hundred.csv", utf8(hundred.toString()));
        CliRun fine = CliRun.of("km", "--input", ok.toString(), "--time", "time", "--event", "status", "--group",
                "patient", "--format", "json").assertContract(ok.toString());
        assertThat(fine.code()).as(fine.describe()).isZero();
        assertThat(fine.out()).contains("\"df\" : 99");
    }

    private static double number(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\" : ([-+0-9.eE]+)").matcher(json);
        assertThat(m.find()).as(field + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    // ------------------------------------------------------------------ RevMan 5 files (issue 18)

    private static final Path FLEISS = Path.of("src/test/resources/revman/Fleiss1993.rm5");

    /** An .rm5 case: the file's bytes, whether it is refused, and words the one error line must contain. */
    record RevManCase(String name, byte[] bytes, Expect expect, List<String> mentions) {}

    private static byte[] fleiss() {
        return fixture(FLEISS);
    }

    private static byte[] fixture(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fleissText() {
        return new String(fleiss(), StandardCharsets.ISO_8859_1);
    }

    static List<RevManCase> revManCases() {
        String f = fleissText();
        List<RevManCase> cs = new ArrayList<>();
        cs.add(new RevManCase("clean", fleiss(), Expect.OK, List.of()));
        cs.add(new RevManCase("empty file", new byte[0], Expect.INVALID, List.of("malformed XML")));
        cs.add(new RevManCase("truncated (malformed XML)", f.substring(0, f.length() / 2).getBytes(StandardCharsets.ISO_8859_1),
                Expect.INVALID, List.of("malformed XML", "element")));
        cs.add(new RevManCase("mismatched end tag", f.replace("</DICH_OUTCOME>", "</CONT_OUTCOME>")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.INVALID, List.of("malformed XML", "element")));
        cs.add(new RevManCase("not XML", utf8("study,ai,n1i\nA,1,2\n"), Expect.INVALID, List.of("malformed XML")));
        // the JDK's limit of 10,000 attributes: its rule in words, not its message code (JAXP00010002) or "the JDK"
        cs.add(new RevManCase("an element with 10,001 attributes", utf8("<?xml version=\"1.0\"?>\n<COCHRANE_REVIEW><A "
                + java.util.stream.IntStream.range(0, 10_001).mapToObj(i -> "a" + i + "=\"1\"")
                        .collect(java.util.stream.Collectors.joining(" ")) + "/></COCHRANE_REVIEW>\n"),
                Expect.INVALID, List.of("an element with more than 10,000 attributes (limit)")));
        cs.add(new RevManCase("non-RevMan XML", utf8("<?xml version=\"1.0\"?>\n<svg><g/></svg>\n"), Expect.INVALID,
                List.of("element svg", "not a RevMan 5 review")));
        cs.add(new RevManCase("billion laughs", utf8(billionLaughs()), Expect.INVALID,
                List.of("DOCTYPE", "not allowed")));
        cs.add(new RevManCase("XXE (external entity)", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]>\n<COCHRANE_REVIEW><COVER_SHEET><TITLE>&xxe;</TITLE></COVER_SHEET>"
                + "</COCHRANE_REVIEW>\n"), Expect.INVALID, List.of("DOCTYPE", "not allowed")));
        cs.add(new RevManCase("external DTD", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE COCHRANE_REVIEW SYSTEM "
                + "\"http://127.0.0.1:9/x.dtd\">\n<COCHRANE_REVIEW/>\n"), Expect.INVALID, List.of("DOCTYPE")));
        cs.add(new RevManCase("undeclared entity", utf8("<?xml version=\"1.0\"?>\n<COCHRANE_REVIEW><COVER_SHEET><TITLE>"
                + "&lol;</TITLE></COVER_SHEET></COCHRANE_REVIEW>\n"), Expect.INVALID, List.of("element TITLE", "&lol;")));
        cs.add(new RevManCase("deeply nested", utf8("<?xml version=\"1.0\"?>\n<COCHRANE_REVIEW>" + "<P>".repeat(300)
                + "</P>".repeat(300) + "</COCHRANE_REVIEW>\n"), Expect.INVALID, List.of("element P", "nested more than")));
        cs.add(new RevManCase("non-numeric count", f.replace("EVENTS_1=\"49\"", "EVENTS_1=\"4x9\"")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.INVALID, List.of("element DICH_DATA", "EVENTS_1", "'4x9'")));
        cs.add(new RevManCase("NaN attribute", f.replace("EVENTS_1=\"49\"", "EVENTS_1=\"NaN\"")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.INVALID, List.of("element DICH_DATA", "EVENTS_1", "'NaN'")));
        cs.add(new RevManCase("data without STUDY_ID", f.replace("STUDY_ID=\"STD-CDP\"", "")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.INVALID, List.of("element DICH_DATA", "STUDY_ID")));
        cs.add(new RevManCase("unknown effect measure", f.replace("EFFECT_MEASURE=\"OR\"", "EFFECT_MEASURE=\"XYZ\"")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.INVALID, List.of("DICH_OUTCOME", "CMP-001.01", "XYZ")));
        cs.add(new RevManCase("bad CI level", f.replace("CI_TOTAL=\"95\"", "CI_TOTAL=\"950\"")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.INVALID, List.of("CI_TOTAL", "'950'")));
        cs.add(new RevManCase("events > total (anomaly, not an error)", f.replace("EVENTS_1=\"49\"", "EVENTS_1=\"700\"")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.OK, List.of()));
        cs.add(new RevManCase("UTF-8 declared", f.replace("encoding=\"ISO-8859-1\"", "encoding=\"UTF-8\"")
                .getBytes(StandardCharsets.UTF_8), Expect.OK, List.of()));
        cs.add(new RevManCase("non-UTF-8 byte in a UTF-8 file", f.replace("encoding=\"ISO-8859-1\"", "encoding=\"UTF-8\"")
                .replace("Examples from Fleiss 1993", "Examples from Fleiss 1993 \u00ff").getBytes(StandardCharsets.ISO_8859_1),
                Expect.INVALID, List.of("not valid UTF-8 text, as its XML declaration says")));
        return cs;
    }

    private static final Path FLEISS_CSV = Path.of("src/test/resources/revman/Fleiss1993_CR.csv");

    /**
     * RevMan's CSV export refused in its own terms: the line and column of the CSV, as every CSV message (the outcome's
     * settings were named as the .rm5's XML element and attribute, "element DICH_OUTCOME CMP-001.01: EFFECT_MEASURE").
     */
    static List<RevManCase> revManCsvCases() {
        String f = new String(fixture(FLEISS_CSV), StandardCharsets.UTF_8);
        List<RevManCase> cs = new ArrayList<>();
        cs.add(new RevManCase("clean", utf8(f), Expect.OK, List.of()));
        cs.add(new RevManCase("unknown effect measure", utf8(f.replace(",DIC,MH,OR,Fixed,", ",DIC,MH,XYZ,Fixed,")),
                Expect.INVALID, List.of("line 3, column Effect Measure: 'XYZ' (not one of OR, RR, RD, PETO_OR")));
        cs.add(new RevManCase("unknown method", utf8(f.replace(",DIC,MH,OR,Fixed,", ",DIC,ZZ,OR,Fixed,")),
                Expect.INVALID, List.of("line 3, column Statistical Method: 'ZZ' (not one of MH, IV, PETO)")));
        // a subgroup row (subgroup 1) after the outcome's first study: that study is in no subgroup
        cs.add(new RevManCase("study outside the subgroups", utf8(f.replaceFirst("(?m)^1,1,0,CDP,",
                "1,1,1,A subgroup,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n1,1,1,CDP,")), Expect.INVALID,
                List.of("line 4, column Subgroup Number: '0' (study", "outside every subgroup")));
        return cs;
    }

    private static String billionLaughs() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            sb.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return sb.append("]>\n<COCHRANE_REVIEW><COVER_SHEET><TITLE>&lol9;</TITLE></COVER_SHEET></COCHRANE_REVIEW>\n")
                .toString();
    }

    @TestFactory
    Stream<DynamicTest> revmanOnEveryBadFile() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        // the .rm5 cases, and RevMan's CSV export, whose refusals name no XML element or attribute
        for (String name : List.of("review.rm5", "export.csv")) {
            boolean csv = name.endsWith(".csv");
            for (RevManCase k : csv ? revManCsvCases() : revManCases()) {
                for (String format : List.of("json", "table")) {
                    tests.add(DynamicTest.dynamicTest("revman " + name + " --format " + format + " × " + k.name(), () -> {
                        Path d = dir("revman-" + n[0]++);
                        Path in = file(d, name, k.bytes());
                        Path plots = d.resolve("plots");
                        CliRun r = CliRun.of("revman", in.toString(), "--format", format, "--plots", plots.toString(),
                                "--formats", "svg").assertContract(in.toString());
                        if (k.expect() == Expect.INVALID) {
                            assertThat(r.code()).as(r.describe()).isEqualTo(2);
                            for (String m : k.mentions()) {
                                assertThat(r.errorLines().get(0)).as(r.describe()).contains(m);
                            }
                            if (csv) {
                                assertThat(r.errorLines().get(0)).as(r.describe())
                                        .doesNotContain("element", "_OUTCOME", "_DATA");
                            }
                            assertThat(CliRun.files(d)).as("no output file").containsExactly(name);
                        } else {
                            assertThat(r.code()).as(r.describe()).isZero();
                            if (format.equals("json")) {
                                r.json();
                            }
                            assertThat(CliRun.files(plots)).isNotEmpty();
                        }
                    }));
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("revman × file missing", () -> {
            Path missing = dir("revman-missing").resolve("nope.rm5");
            CliRun r = CliRun.of("revman", missing.toString()).assertContract(missing.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("no such file");
        }));
        tests.add(DynamicTest.dynamicTest("revman × a directory", () -> {
            Path d = dir("revman-isdir");
            CliRun r = CliRun.of("revman", d.toString()).assertContract(d.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("is a directory");
        }));
        tests.add(DynamicTest.dynamicTest("revman --formats gif", () -> {
            CliRun r = CliRun.of("revman", FLEISS.toString(), "--plots", dir("revman-gif").toString(), "--formats", "gif");
            r.assertNoStackTrace();
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.errorLines()).singleElement().asString().contains("--formats");
        }));
        return tests.stream();
    }

    // ------------------------------------------------------------------ digitised curves and figure images (issue 20)

    /** A reconstruct case: the curve and at-risk files, extra options, and what is expected. */
    record CurveCase(String name, String curve, String risk, List<String> options, Expect expect, String mentions) {}

    /** Both corners of each drop clicked, the foot of the drop at 4 missed (the click after it is at 5, lower). */
    static final String CORNERS_MISSING_FOOT = "time,survival\n0,1\n1,1\n1,0.9\n2,0.9\n2,0.8\n3,0.8\n3,0.7\n4,0.7\n"
            + "5,0.6\n5,0.5\n6,0.5\n6,0.4\n10,0.4\n";

    static List<CurveCase> curveCases() {
        String risk = "time,n_risk\n0,20\n5,10\n10,4\n";
        String clean = "time,survival\n0,1\n1,0.9\n2,0.8\n4,0.6\n6,0.5\n8,0.4\n10,0.3\n";
        List<CurveCase> cs = new ArrayList<>();
        cs.add(new CurveCase("WebPlotDigitizer x,y without header", "0,1\n1,0.9\n2,0.8\n4,0.6\n6,0.5\n8,0.4\n10,0.3\n",
                risk, List.of(), Expect.SAME, null));
        cs.add(new CurveCase("semicolons and decimal commas, 0-100", "0;100\n1;90\n2;80\n4;60\n6;50\n8;40\n10;30\n",
                risk, List.of(), Expect.OK, null));
        cs.add(new CurveCase("decimal commas with comma separators", "0,1\n1,0,9\n", risk, List.of(), Expect.INVALID,
                "decimal commas need ';'"));
        cs.add(new CurveCase("three values without header", "0;1;2\n1;0,9;3\n", risk, List.of(), Expect.INVALID,
                "line 1: 3 values, expected 2"));
        cs.add(new CurveCase("survival 1.01 (digitising error)", clean.replace("0,1\n", "0,1.01\n"), risk, List.of(),
                Expect.OK, null));
        cs.add(new CurveCase("survival 1.5 (not digitising error)", clean.replace("1,0.9", "1,1.5"), risk, List.of(),
                Expect.INVALID, "above 1 by more than the digitising tolerance"));
        cs.add(new CurveCase("a few percentages among fractions", clean.replace("1,0.9", "1,90"), risk, List.of(),
                Expect.INVALID, "scale cannot be told"));
        cs.add(new CurveCase("survival rising by 0.1", clean.replace("4,0.6", "4,0.9"), risk, List.of(),
                Expect.INVALID, "line 5, column survival: '0.9'"));
        cs.add(new CurveCase("survival rising by 0.01 (isotonic fit)", clean.replace("4,0.6", "4,0.81"), risk,
                List.of(), Expect.OK, null));
        cs.add(new CurveCase("out of order and duplicated points", clean + "2,0.8\n1,0.9\n", risk, List.of(),
                Expect.OK, null));
        cs.add(new CurveCase("at-risk interval without a point", "time,survival\n0,1\n1,0.9\n12,0.3\n", risk,
                List.of(), Expect.OK, null));
        cs.add(new CurveCase("at-risk rows beyond the curve and trailing zeros", clean, risk + "15,2\n20,0\n25,0\n",
                List.of(), Expect.OK, null));
        cs.add(new CurveCase("at-risk counts that rise", clean, "time,n_risk\n0,20\n5,10\n10,12\n", List.of(),
                Expect.INVALID, "numbers at risk never rise"));
        cs.add(new CurveCase("only the number at risk at time 0", clean, "time,n_risk\n0,20\n", List.of(
                "--total-events", "12"), Expect.OK, null));
        cs.add(new CurveCase("--strict on input that needs a repair", clean.replace("0,1\n", "0,1.01\n"), risk,
                List.of("--strict"), Expect.INVALID, "--strict: would need repair above_one"));
        cs.add(new CurveCase("--scale percent on fractions", clean, risk, List.of("--scale", "percent"), Expect.OK,
                null));
        cs.add(new CurveCase("--scale permille", clean, risk, List.of("--scale", "permille"), Expect.INVALID,
                "--scale"));
        cs.add(new CurveCase("--clicks sideways", clean, risk, List.of("--clicks", "sideways"), Expect.INVALID,
                "--clicks: 'sideways' (allowed: auto, corners, feet)"));
        cs.add(new CurveCase("--clicks corners --strict on a drop without its foot", CORNERS_MISSING_FOOT, risk,
                List.of("--clicks", "corners", "--strict"), Expect.INVALID, "--strict: would need repair missing_foot"));
        cs.add(new CurveCase("--tolerance 2,0", clean, risk, List.of("--tolerance", "2,0"), Expect.INVALID,
                "--tolerance"));
        return cs;
    }

    /**
     * reconstruct on the digitiser's usual departures: each is read (SAME as the clean CSV, or OK with its repair
     * listed) or refused in one line naming the file or option, with no output file.
     */
    @TestFactory
    Stream<DynamicTest> reconstructOnDigitisedCurves() {
        String risk = "time,n_risk\n0,20\n5,10\n10,4\n";
        Path base = dir("curves-clean");
        Path cleanCurve = file(base, "curve.csv", utf8(commands().stream().filter(c -> c.name().equals("reconstruct curve"))
                .findFirst().orElseThrow().clean()));
        Path cleanRisk = file(base, "risk.csv", utf8(risk));
        CliRun clean = CliRun.of("reconstruct", "--curve", cleanCurve.toString(), "--at-risk", cleanRisk.toString(),
                "--out", base.resolve("ipd.csv").toString(), "--format", "json");
        int[] n = {0};
        return curveCases().stream().map(k -> DynamicTest.dynamicTest("reconstruct × " + k.name(), () -> {
            Path d = dir("curves-" + n[0]++);
            Path c = file(d, "curve.csv", utf8(k.curve()));
            Path r = file(d, "risk.csv", utf8(k.risk()));
            List<String> args = new ArrayList<>(List.of("reconstruct", "--curve", c.toString(), "--at-risk",
                    r.toString(), "--out", d.resolve("out/ipd.csv").toString(), "--format", "json"));
            args.addAll(k.options());
            CliRun run = CliRun.of(args.toArray(String[]::new)).assertContract(c.toString(), r.toString(), "--");
            if (k.expect() == Expect.INVALID) {
                assertThat(run.code()).as(run.describe()).isEqualTo(2);
                assertThat(run.errorLines().get(0)).as(run.describe()).contains(k.mentions());
                assertThat(d.resolve("out")).as("no output").doesNotExist();
            } else {
                JsonNode j = run.json();
                assertThat(j.at("/arms/0/n").asInt()).isEqualTo(20);
                if (k.expect() == Expect.SAME) {
                    assertThat(j.at("/arms/0/numbers_at_risk")).isEqualTo(clean.json().at("/arms/0/numbers_at_risk"));
                    assertThat(j.at("/arms/0/median")).isEqualTo(clean.json().at("/arms/0/median"));
                } else if (!k.options().contains("--total-events") && !k.options().contains("--scale")) {
                    assertThat(j.at("/arms/0/repairs").size()).as("the repair is listed").isPositive();
                }
            }
        }));
    }

    /** A PNG file's bytes with only a header declaring {@code width} x {@code height} pixels (no pixel data). */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return b.array();
    }

    /** A PNG drawn here: white, optionally with black axis lines along the left and bottom. */
    private static byte[] png(boolean axes) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(300, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        if (axes) {
            g.setColor(java.awt.Color.BLACK);
            g.fillRect(30, 10, 2, 160);
            g.fillRect(30, 168, 260, 2);
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** digitise on inputs it cannot read: exit 2, one line naming the file or option, nothing written. */
    @TestFactory
    Stream<DynamicTest> digitiseOnBadImagesAndOptions() {
        Path d = dir("images");
        Path fig = Path.of("src/test/resources/digitise/base-small.png");
        byte[] good = png(true);
        Object[][] cases = {
            {"a CSV file", file(d, "curve.png", utf8("time,survival\n0,1\n")), List.of(), "not an image"},
            {"a header declaring 400 megapixels", file(d, "bomb.png", pngHeader(20_000, 20_000)), List.of(),
                "more than the limit of 50 megapixels"},
            {"a truncated PNG", file(d, "cut.png", java.util.Arrays.copyOf(good, good.length / 2)), List.of(),
                "cannot decode"},
            {"a white image", file(d, "white.png", png(false)), List.of(), "no axis lines found"},
            {"axes without a curve", file(d, "axes.png", good), List.of(), "no curve found"},
            {"a colour not in the figure", fig, List.of("--colours", "#00ff00"), "no curve of colour #00ff00"},
            {"a colour that is not one", fig, List.of("--colours", "#zzz"), "--colours"},
            {"an x-range with one number", fig, List.of("--x-range", "1000"), "--x-range"},
            {"an x-range that is not numbers", fig, List.of("--x-range", "a,b"), "--x-range"},
            {"an x-range decreasing", fig, List.of("--x-range", "5,1"), "--x-range"},
            {"a directory", d, List.of(), "is a directory"},
            {"a missing file", d.resolve("nope.png"), List.of(), "file not found"}};
        int[] n = {0};
        return java.util.Arrays.stream(cases).map(k -> DynamicTest.dynamicTest("digitise × " + k[0], () -> {
            Path out = dir("images-out-" + n[0]++).resolve("curves");
            List<String> args = new ArrayList<>(List.of("digitise", "--image", k[1].toString(), "--out-dir",
                    out.toString()));
            List<String> extra = cast(k[2]);
            args.addAll(extra);
            if (!extra.contains("--x-range")) {
                args.addAll(List.of("--x-range", "0,1000"));
            }
            CliRun r = CliRun.of(args.toArray(String[]::new)).assertContract(k[1].toString(), "--");
            assertThat(r.code()).as(r.describe()).isEqualTo(2);
            assertThat(r.errorLines().get(0)).as(r.describe()).contains((String) k[3]);
            assertThat(out).as("nothing written").doesNotExist();
        }));
    }

    // ------------------------------------------------------------------ trials directories

    private static final Path MINIMAL = Path.of("src/test/resources/fixtures/valid/minimal");

    /** Longest a command may take on one bad directory (minutes before the check's searches were bounded). */
    private static final java.time.Duration DIR_CASE_LIMIT = java.time.Duration.ofSeconds(120);

    /** A trials-directory case: files to write over a copy of the minimal valid directory. */
    record DirCase(String name, Expect expect, Function<String, List<Object[]>> files, String mentions) {}

    private static List<Object[]> one(String name, Object content) {
        List<Object[]> l = new ArrayList<>();
        l.add(new Object[] {name, content});
        return l;
    }

    static List<DirCase> dirCases() {
        List<DirCase> cs = new ArrayList<>();
        cs.add(new DirCase("clean", Expect.OK, y -> List.of(), null));
        cs.add(new DirCase("empty trial file", Expect.INVALID, y -> one("example.yaml", ""), "empty"));
        cs.add(new DirCase("BOM", Expect.SAME, y -> one("example.yaml", "\uFEFF" + y), null));
        cs.add(new DirCase("CRLF", Expect.SAME, y -> one("example.yaml", y.replace("\n", "\r\n")), null));
        cs.add(new DirCase("non-UTF-8 bytes", Expect.INVALID, y -> one("example.yaml",
                y.replace("Example trial", "Example \u00ff trial").getBytes(StandardCharsets.ISO_8859_1)), "UTF-8"));
        cs.add(new DirCase("deeply nested", Expect.INVALID,
                y -> one("example.yaml", "id: x\nname: " + "[".repeat(200) + "]".repeat(200) + "\n"), "nest"));
        cs.add(new DirCase("huge file", Expect.INVALID,
                y -> one("example.yaml", y + "note: \"" + "x".repeat(11 * 1024 * 1024) + "\"\n"), "limit"));
        cs.add(new DirCase("alias bomb", Expect.INVALID, y -> one("example.yaml", aliasBomb()), "alias"));
        cs.add(new DirCase("duplicated trial ids", Expect.INVALID, y -> one("copy.yaml", y), "already used"));
        cs.add(new DirCase("negative count", Expect.INVALID,
                y -> one("example.yaml", y.replace("responders: 11", "responders: -1")), "responders"));
        cs.add(new DirCase("fractional count", Expect.INVALID,
                y -> one("example.yaml", y.replace("responders: 11", "responders: 10.5")), "responders"));
        cs.add(new DirCase("events > n", Expect.INVALID,
                y -> one("example.yaml", y.replace("responders: 11", "responders: 27")), "responders"));
        cs.add(new DirCase("n = 0", Expect.INVALID,
                y -> one("example.yaml", y.replace("evaluable: 26", "evaluable: 0")), "evaluable"));
        cs.add(new DirCase("NaN", Expect.INVALID, y -> one("example.yaml", y.replace("median: 20.1", "median: .nan")),
                "median"));
        cs.add(new DirCase("Inf", Expect.INVALID, y -> one("example.yaml", y.replace("median: 20.1", "median: .inf")),
                "median"));
        cs.add(new DirCase("1e999", Expect.INVALID, y -> one("example.yaml", y.replace("median: 20.1", "median: 1e999")),
                "median"));
        cs.add(new DirCase("non-numeric", Expect.INVALID,
                y -> one("example.yaml", y.replace("evaluable: 26", "evaluable: many")), "evaluable"));
        cs.add(new DirCase("unknown key", Expect.INVALID,
                y -> one("example.yaml", y.replace("phase: phase_2", "phase: phase_2\nphaze: 3")), "phaze"));
        cs.add(new DirCase("unknown status", Expect.INVALID,
                y -> one("example.yaml", y.replace("status: confirmed}", "status: maybe}")), "maybe"));
        cs.add(new DirCase("sources.yaml missing", Expect.INVALID, y -> one("sources.yaml", null), "sources.yaml"));
        cs.add(new DirCase("single study", Expect.OK, y -> List.of(), null));
        // issue 15: the check's searches are bounded whatever the counts (these never finished before)
        cs.add(new DirCase("9 MB scalar on one line", Expect.INVALID, y -> one("example.yaml",
                y.replace("name: Example trial", "name: Example trial\nnote: " + "x".repeat(9_000_000))), "limit"));
        cs.add(new DirCase("9 MB key", Expect.INVALID, y -> one("example.yaml", y + "x".repeat(9_000_000) + ": 1\n"),
                "limit"));
        cs.add(new DirCase("scalar over 64 KiB on many lines", Expect.INVALID, y -> one("example.yaml",
                y.replace("name: Example trial", "name: Example trial\nnote: >\n" + ("  " + "y".repeat(78) + "\n").repeat(1000))),
                "limit"));
        cs.add(new DirCase("formula-like and HTML names", Expect.OK, y -> one("example.yaml",
                y.replace("name: Example trial", "name: \"=HYPERLINK(\\\"http://x\\\")\"")
                        .replace("    name: Drug\n", "    name: \"@SUM(1+1)<img src=x>\"\n")), null));
        cs.add(new DirCase("bidi override and line break in a value", Expect.INVALID, y -> one("example.yaml",
                y.replace("responders: 11", "responders: \"1\\u202E1\\n2\"")), "'1\\u202E1\\n2'"));
        cs.add(new DirCase("publication date that does not exist", Expect.INVALID, y -> one("sources.yaml",
                "sources:\n  - id: src-a\n    citation: \"Example A et al. J Example 2025, accessed 2026\"\n"
                        + "    kind: peer_reviewed\n    published: 2025-02-30\n"
                        + "  - id: src-b\n    citation: \"Example conference report\"\n    kind: conference_report\n"),
                "publication date"));
        cs.add(new DirCase("GRIM without n under an overall of 2e9", Expect.OK, y -> one("example.yaml", y
                .replace(MINIMAL_COUNTS, "        responders: 846000000\n        evaluable: 2000000000\n        reported:\n"
                        + "          percent: 42.3\n")
                .replace("    n: 30\n", "    n: 2000000000\n")
                .replace("      - kind: time_to_event", percentOnly("kras_mutant", "{percent: 44}") + "      - kind: time_to_event")),
                null));
        cs.add(new DirCase("subgroup sums at n = 1e7", Expect.OK, y -> one("example.yaml", y
                .replace(MINIMAL_COUNTS, "        reported:\n          percent: 31\n          n: 10000000\n")
                .replace("    n: 30\n", "    n: 10000000\n")
                .replace("cuts:", "  - id: kras_wild_type\n    name: KRAS wild-type\n"
                        + "    biomarker: {name: KRAS, status: wild_type}\ncuts:")
                .replace("      - kind: time_to_event", percentOnly("kras_mutant", "{percent: 44, n: 5000000}")
                        + percentOnly("kras_wild_type", "{percent: 17, n: 5000000}") + "      - kind: time_to_event")),
                null));
        // digitised curves (issue 20): the points file stays in the directory and reads as reconstruct reads it
        cs.add(new DirCase("curve: valid", Expect.OK, y -> curve(y, "drug", "pfs.csv", CURVE_CSV), null));
        cs.add(new DirCase("curve: clicks corners", Expect.OK, y -> curve(y, "drug", "pfs.csv", CURVE_CSV,
                "    clicks: corners\n"), null));
        cs.add(new DirCase("curve: clicks sideways", Expect.INVALID, y -> curve(y, "drug", "pfs.csv", CURVE_CSV,
                "    clicks: sideways\n"), "curves[0].clicks"));
        cs.add(new DirCase("curve: unknown arm", Expect.INVALID, y -> curve(y, "placebo", "pfs.csv", CURVE_CSV),
                "curves[0].arm"));
        cs.add(new DirCase("curve: path with ..", Expect.INVALID, y -> curve(y, "drug", "../pfs.csv", CURVE_CSV),
                "stays in it"));
        cs.add(new DirCase("curve: absolute path", Expect.INVALID, y -> curve(y, "drug", "/etc/passwd", CURVE_CSV),
                "stays in it"));
        cs.add(new DirCase("curve: missing file", Expect.INVALID, y -> curve(y, "drug", "gone.csv", CURVE_CSV),
                "file not found"));
        cs.add(new DirCase("curve: bad CSV", Expect.INVALID, y -> curve(y, "drug", "pfs.csv",
                "time,survival\n0,1\n5,abc\n"), "line 3"));
        cs.add(new DirCase("curve: no survival column", Expect.INVALID, y -> curve(y, "drug", "pfs.csv",
                "time,value\n0,1\n5,0.8\n"), "missing column survival"));
        cs.add(new DirCase("curve: file over the size limit", Expect.INVALID, y -> curve(y, "drug", "pfs.csv",
                "time,survival\n" + "1,0.5\n".repeat(300_000)), "limit"));
        return cs;
    }

    /** A digitised PFS curve of the minimal trial's arm. */
    private static final String CURVE_CSV = "time,survival\n0,1\n5,0.8\n10,0.6\n20,0.45\n30,0.3\n";

    /** The minimal trial with a {@code curves:} entry for {@code arm} reading {@code file}, written as pfs.csv. */
    private static List<Object[]> curve(String yaml, String arm, String file, String csv) {
        return curve(yaml, arm, file, csv, "");
    }

    /** As {@link #curve(String, String, String, String)}, with {@code extra} lines in the entry (e.g. clicks). */
    private static List<Object[]> curve(String yaml, String arm, String file, String csv, String extra) {
        List<Object[]> l = one("example.yaml", yaml + "curves:\n  - arm: " + arm + "\n    endpoint: PFS\n"
                + "    subgroup: overall\n    cut: final\n    unit: months\n" + extra + "    file: " + file
                + "\n    n: 26\n"
                + "    events: 15\n    provenance: {source: src-a, locator: Figure 1, status: confirmed}\n"
                + "    digitisation: {by: tester, tool: WebPlotDigitizer 4.6, date: 2026-12-01}\n");
        l.add(new Object[] {"pfs.csv", csv});
        return l;
    }

    /** The counts and reported percentage of the minimal trial's overall ORR. */
    private static final String MINIMAL_COUNTS = "        responders: 11\n        evaluable: 26\n        reported:\n"
            + "          percent: 42.3\n          ci: {lower: 23.4, upper: 63.1, level: 95}\n";

    /** A binary outcome with a reported percentage only (no responders). */
    private static String percentOnly(String subgroup, String reported) {
        return "      - kind: binary\n        endpoint: ORR\n        subgroup: " + subgroup + "\n        cut: final\n"
                + "        reported: " + reported + "\n"
                + "        provenance: {source: src-a, locator: Table 2, status: confirmed}\n";
    }

    private static String aliasBomb() {
        StringBuilder sb = new StringBuilder("id: example\n");
        sb.append("l0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("l").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.append("name: *a9\n").toString();
    }

    /** The trials commands on a directory (report only for a few cases: it renders every figure). */
    static List<List<String>> trialCommands(Path dir, boolean withReport, Path out) {
        List<List<String>> l = new ArrayList<>(List.of(
                List.of("validate", "--trials", dir.toString()),
                List.of("list", "--trials", dir.toString(), "--format", "json"),
                List.of("show", "example", "--trials", dir.toString(), "--format", "json"),
                List.of("check", "--trials", dir.toString(), "--format", "json"),
                List.of("compare", "--trials", dir.toString(), "--trial", "example", "--by", "KRAS", "--format", "json")));
        if (withReport) {
            l.add(List.of("report", "--trials", dir.toString(), "--out", out.toString(), "--formats", "svg"));
        }
        return l;
    }

    @TestFactory
    Stream<DynamicTest> everyTrialsCommandOnEveryBadDirectory() throws IOException {
        String yaml = Files.readString(MINIMAL.resolve("example.yaml"));
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (DirCase k : dirCases()) {
            boolean report = k.name().equals("negative count"); // a full report is ReportTest's; here: no file written
            Path d = dir("trials-" + n[0]++);
            copyMinimal(d);
            for (Object[] f : k.files().apply(yaml)) {
                Path p = d.resolve((String) f[0]);
                if (f[1] == null) {
                    Files.delete(p);
                } else {
                    Files.write(p, f[1] instanceof byte[] b ? b : utf8((String) f[1]));
                }
            }
            Path out = dir("out-" + n[0]++);
            for (List<String> args : trialCommands(d, report, out)) {
                tests.add(DynamicTest.dynamicTest(args.get(0) + " × " + k.name(), () -> named(args.get(0) + " × " + k.name(), () -> {
                    // no case may hang (issue 15: the check on huge counts never finished)
                    CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(DIR_CASE_LIMIT,
                            () -> CliRun.of(args.toArray(String[]::new))).assertTrialsContract(d.toString());
                    if (k.expect() == Expect.INVALID) {
                        assertThat(r.code()).as(r.describe()).isEqualTo(2);
                        assertThat(r.errorLines()).as(r.describe())
                                .anyMatch(l -> l.toLowerCase(Locale.ROOT).contains(k.mentions().toLowerCase(Locale.ROOT)));
                        if (r.errorLines().size() == 1) {
                            assertThat(r.errorLines().get(0)).as(r.describe()).contains(d.toString());
                        }
                        assertThat(CliRun.files(out)).as("nothing written").isEmpty();
                    } else {
                        if (!args.get(0).equals("validate") && !args.get(0).equals("report")) {
                            r.json();
                        }
                        if (k.expect() == Expect.SAME) {
                            Path clean = dir("trials-clean-" + n[0]++);
                            copyMinimal(clean);
                            List<String> a2 = new ArrayList<>(args);
                            a2.set(a2.indexOf(d.toString()), clean.toString());
                            CliRun base = CliRun.of(a2.toArray(String[]::new));
                            assertThat(r.out().replace(d.toString(), "DIR"))
                                    .isEqualTo(base.out().replace(clean.toString(), "DIR"));
                        }
                    }
                })));
            }
        }
        for (String what : new String[] {"missing", "empty", "a file"}) {
            Path d = dir("special-" + n[0]++);
            Path target = what.equals("missing") ? d.resolve("nope") : what.equals("empty") ? dir("empty-" + n[0]++)
                    : file(d, "file.yaml", utf8("id: x\n"));
            for (List<String> args : trialCommands(target, true, d.resolve("out"))) {
                tests.add(DynamicTest.dynamicTest(args.get(0) + " × directory " + what, () -> {
                    CliRun r = CliRun.of(args.toArray(String[]::new)).assertTrialsContract(target.toString());
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                    assertThat(r.errorLines()).as(r.describe()).hasSize(1);
                    assertThat(r.errorLines().get(0)).as(r.describe()).contains(target.toString());
                    assertThat(CliRun.files(d.resolve("out"))).isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    // ------------------------------------------------------------------ output failures

    /**
     * Output that cannot be written (the parent of the output is a file; the target is a directory, so the
     * move fails after the content was written): exit 2 naming the path, no temporary file left, and files
     * written before are whole.
     */
    @TestFactory
    Stream<DynamicTest> outputThatCannotBeWrittenLeavesNoPartialFile() throws IOException {
        Path d = dir("outfail");
        Path km = file(d, "km.csv", utf8(command("km").clean()));
        Path blocker = file(d, "blocker", utf8("a file, not a directory\n"));
        Path plotDir = dir("outfail-plot");
        Files.createDirectories(plotDir.resolve("km.svg").resolve("occupied"));
        Path reportOut = dir("outfail-report");
        Files.createDirectories(reportOut.resolve("index.html").resolve("occupied"));
        Path trials = dir("outfail-trials");
        copyMinimal(trials);
        Path bias = file(d, "bias.csv", utf8(commands().get(0).clean()));
        Path funnelDir = dir("outfail-funnel");
        Files.createDirectories(funnelDir.resolve("funnel.pdf").resolve("occupied"));
        List<Object[]> runs = List.of(
                new Object[] {List.of("bias", "--input", bias.toString(), "--measure", "OR", "--plot",
                        blocker.resolve("funnel.png").toString()), d},
                new Object[] {List.of("bias", "--input", bias.toString(), "--measure", "OR", "--plot",
                        funnelDir.resolve("funnel.pdf").toString(), "--format", "json"), funnelDir},
                new Object[] {List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--plot",
                        blocker.resolve("km.svg").toString()), d},
                new Object[] {List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--plot",
                        plotDir.resolve("km.svg").toString(), "--format", "json"), plotDir},
                new Object[] {List.of("reconstruct", "--curve", CURVE.toString(), "--at-risk", RISK.toString(), "--out",
                        blocker.resolve("ipd.csv").toString()), d},
                new Object[] {List.of("report", "--trials", trials.toString(), "--out", blocker.resolve("r").toString(),
                        "--formats", "svg"), d},
                new Object[] {List.of("revman", FLEISS.toString(), "--plots", blocker.toString()), d},
                new Object[] {List.of("revman", FLEISS.toString(), "--plots", blocker.resolve("plots").toString()), d},
                new Object[] {List.of("report", "--trials", trials.toString(), "--out", reportOut.toString(),
                        "--formats", "svg"), reportOut});
        return runs.stream().map(run -> DynamicTest.dynamicTest(String.join(" ", cast(run[0])).replace(tmp.toString(), ""),
                () -> {
                    List<String> args = cast(run[0]);
                    Path watched = (Path) run[1];
                    List<String> before = CliRun.files(watched);
                    CliRun r = CliRun.of(args.toArray(String[]::new));
                    r.assertNoStackTrace();
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                    assertThat(r.errorLines()).as(r.describe()).hasSize(1);
                    assertThat(r.errorLines().get(0)).as(r.describe()).startsWith("trialmeta: cannot write ");
                    List<String> after = CliRun.files(watched);
                    assertThat(after).as("no temporary file left").noneMatch(f -> f.endsWith(".tmp"));
                    if (!watched.equals(reportOut)) {
                        assertThat(after).as("nothing new written").isEqualTo(before);
                    } else {
                        // the report failed part-way: files written before the failure are complete (atomic moves)
                        for (String f : after) {
                            assertThat(Files.size(watched.resolve(f))).as(f).isPositive();
                        }
                    }
                }));
    }

    /**
     * A write the system refuses for a reason that is not the path's shape ({@code /proc} takes no new file; sysfs
     * refuses permission): one line naming the output and the system's reason, never the temporary file's name (was
     * {@code cannot write /proc/x.svg: /proc/.x.svg.5610946399803485175.tmp}, exit 1, no reason).
     */
    @Test
    void aWriteTheSystemRefusesNamesTheOutputAndTheReason() throws IOException {
        Path pool = file(dir("refused"), "pool.csv", utf8(commands().get(0).clean()));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        CliRun r = CliRun.of("forest", "--input", pool.toString(), "--measure", "OR", "--out", "/proc/trialmeta-x.svg");
        r.assertNoStackTrace();
        assertThat(r.code()).as(r.describe()).isEqualTo(1);
        assertThat(r.errorLines()).as(r.describe())
                .containsExactly("trialmeta: cannot write /proc/trialmeta-x.svg: no such file or directory");
        if (Files.isDirectory(Path.of("/sys/kernel"))) {
            CliRun s = CliRun.of("forest", "--input", pool.toString(), "--measure", "OR", "--out",
                    "/sys/kernel/trialmeta-x.svg");
            s.assertNoStackTrace();
            assertThat(s.code()).as(s.describe()).isNotZero();
            assertThat(s.errorLines()).as(s.describe()).hasSize(1);
            // as root "permission denied on /sys/kernel" (exit 2); a read-only mount gives the system's words (exit 1)
            assertThat(s.errorLines().get(0)).as(s.describe())
                    .startsWith("trialmeta: cannot write /sys/kernel/trialmeta-x.svg: ").doesNotContain(".tmp");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> cast(Object o) {
        return (List<String>) o;
    }

    // ------------------------------------------------------------------ issue 15: entries and output paths

    /**
     * Entries of a trials directory that look like trial files but may not be read: every trials command
     * refuses each with the same one line (exit 2); before, validate skipped them (exit 0) and report failed to
     * read them (exit 1), and a link to a file outside was read and its content echoed.
     */
    @TestFactory
    Stream<DynamicTest> specialEntriesInTheTrialsDirectory() throws IOException, InterruptedException {
        Path secret = file(dir("entries-outside"), "secret.txt", utf8("root:x:0:0:root:/root:/bin/bash\n"));
        List<Object[]> kinds = new ArrayList<>();
        kinds.add(new Object[] {"link outside", secret, "outside the trials directory"});
        kinds.add(new Object[] {"dangling link", tmp.resolve("nothing-here.yaml"), "does not exist"});
        kinds.add(new Object[] {"link to /dev/zero", Path.of("/dev/zero"), "outside the trials directory"});
        kinds.add(new Object[] {"directory named x.yaml", null, "a directory"});
        kinds.add(new Object[] {"fifo", null, "not a regular file"});
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (Object[] k : kinds) {
            Path d = dir("entries-" + n[0]++);
            copyMinimal(d);
            Path x = d.resolve("x.yaml");
            if (k[0].equals("directory named x.yaml")) {
                Files.createDirectory(x);
            } else if (k[0].equals("fifo")) {
                new ProcessBuilder("mkfifo", x.toString()).start().waitFor();
            } else {
                Files.createSymbolicLink(x, (Path) k[1]);
            }
            if (!Files.exists(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue; // no mkfifo here
            }
            Path out = dir("entries-out-" + n[0]++);
            for (List<String> args : trialCommands(d, true, out)) {
                tests.add(DynamicTest.dynamicTest(args.get(0) + " × " + k[0], () -> named(args.get(0) + " × " + k[0], () -> {
                    CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(DIR_CASE_LIMIT,
                            () -> CliRun.of(args.toArray(String[]::new))).assertTrialsContract(d.toString());
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                    assertThat(r.errorLines()).as(r.describe()).hasSize(1);
                    assertThat(r.errorLines().get(0)).as(r.describe()).contains(x.toString(), (String) k[2])
                            .doesNotContain("root:x");
                    assertThat(CliRun.files(out)).as("nothing written").isEmpty();
                })));
            }
        }
        return tests.stream();
    }

    /**
     * Output paths that would overwrite an input or the current directory, or two outputs of one run sent to one file
     * (one silently replaced the other): one line, exit 2, nothing written or overwritten. Before, {@code reconstruct
     * --repairs}, {@code nma --league/--plot/--forest}, {@code bias --plot}, {@code digitise --out-dir} and
     * {@code revman --plots} overwrote the input with exit 0.
     */
    @TestFactory
    Stream<DynamicTest> outputPathsThatWouldOverwriteInputs() throws IOException {
        Path d = dir("outpaths");
        Path trials = dir("outpaths/trials");
        copyMinimal(trials);
        Path linked = dir("outpaths/linked");
        Path elsewhere = dir("outpaths/elsewhere");
        Files.createSymbolicLink(linked.resolve("figures"), elsewhere);
        Path curve = file(d, "curve.csv", utf8("time,survival\n0,1\n1,0.9\n2,0.8\n4,0.6\n6,0.5\n"));
        Path risk = file(d, "risk.csv", utf8("time,n_risk\n0,20\n5,10\n"));
        Path km = file(d, "km.csv", utf8(commands().get(3).clean()));
        Path pool = file(d, "pool.csv", utf8(commands().get(0).clean()));
        Path net = file(d, "net.csv", utf8(NMA_ARMS));
        Path graph = Files.createSymbolicLink(d.resolve("graph.svg"), net.getFileName());   // a link to the input
        Path gen = file(d, "gen.pdf", utf8(command("pool GEN").clean()));                   // a CSV named .pdf
        Path images = dir("outpaths/images");
        Path overlay = Files.copy(Path.of("src/test/resources/digitise/base-small.png"), images.resolve("overlay.png"));
        Path curveImage = Files.copy(overlay, images.resolve("curve-1.csv"));
        Path review = Files.copy(FLEISS, d.resolve("forest-CMP-001.01.svg"));               // an .rm5 named as a plot
        Path paper = file(d, "paper.txt", utf8("HR 0.72 (95% CI 0.62-0.83)"));
        Path paperLink = Files.createSymbolicLink(d.resolve("annotated.html"), paper);
        String ipd = d.resolve("out/ipd.csv").toString();
        List<Object[]> runs = List.of(
                new Object[] {List.of("report", "--trials", trials.toString(), "--out", "", "--formats", "svg"), "empty path"},
                new Object[] {List.of("report", "--trials", trials.toString(), "--out", trials.toString()), "is the trials"},
                new Object[] {List.of("report", "--trials", trials.toString(), "--out", trials.resolve("r").toString()),
                    "inside the trials"},
                new Object[] {List.of("report", "--trials", trials.toString(), "--out", d.toString()), "contains the trials"},
                new Object[] {List.of("report", "--trials", trials.toString(), "--out", linked.toString(), "--formats", "svg"),
                    "symbolic link"},
                new Object[] {List.of("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                        curve.toString()), "--curve"},
                new Object[] {List.of("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                        risk.toString()), "--at-risk"},
                new Object[] {List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--plot",
                        km.toString()), "--input"},
                new Object[] {List.of("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                        ipd, "--repairs", curve.toString()), "--repairs " + curve + ": is the input --curve"},
                new Object[] {List.of("reconstruct", "--arm", "A=" + curve + "," + risk, "--out", ipd, "--plot",
                        risk.toString()), "--plot " + risk + ": is the input --arm A"},
                new Object[] {List.of("reconstruct", "--curve", curve.toString(), "--at-risk", risk.toString(), "--out",
                        ipd, "--repairs", d.resolve("out/../out/ipd.csv").toString()), "is the same file as --out " + ipd},
                new Object[] {List.of("nma", "--input", net.toString(), "--measure", "OR", "--league", net.toString()),
                    "--league " + net + ": is the input --input"},
                new Object[] {List.of("nma", "--input", net.toString(), "--measure", "OR", "--plot", graph.toString()),
                    "--plot " + graph + ": is the input --input"},
                new Object[] {List.of("nma", "--input", net.toString(), "--measure", "OR", "--forest", graph.toString()),
                    "--forest " + graph + ": is the input --input"},
                new Object[] {List.of("nma", "--input", net.toString(), "--measure", "OR", "--plot",
                        d.resolve("same.svg").toString(), "--forest", d.resolve("same.svg").toString()),
                    "--forest " + d.resolve("same.svg") + ": is the same file as --plot"},
                new Object[] {List.of("bias", "--input", gen.toString(), "--measure", "GEN", "--plot", gen.toString()),
                    "--plot " + gen + ": is the input --input"},
                new Object[] {List.of("forest", "--input", pool.toString(), "--measure", "OR", "--out",
                        d.resolve("f.svg").toString(), "--out", d.resolve("f.svg").toString()),
                    "is the same file as --out " + d.resolve("f.svg")},
                new Object[] {List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--plot",
                        d.resolve("k.png").toString(), "--plot", d.resolve("./k.png").toString()),
                    "is the same file as --plot " + d.resolve("k.png")},
                new Object[] {List.of("digitise", "--image", overlay.toString(), "--x-range", "0,1000", "--out-dir",
                        images.toString()), "--out-dir " + overlay + ": is the input --image"},
                new Object[] {List.of("digitise", "--image", curveImage.toString(), "--x-range", "0,1000", "--out-dir",
                        images.toString()), "--out-dir " + curveImage + ": is the input --image"},
                new Object[] {List.of("revman", review.toString(), "--plots", d.toString(), "--formats", "svg"),
                    "--plots " + review + ": is the input FILE.rm5"},
                new Object[] {List.of("scan", paper.toString(), "--out", paperLink.toString()),
                    "--out " + paperLink + ": is the input FILE"});
        Map<String, String> before = contents(d);
        return runs.stream().map(run -> DynamicTest.dynamicTest(String.join(" ", cast(run[0])).replace(tmp.toString(), ""),
                () -> {
                    CliRun r = CliRun.of(cast(run[0]).toArray(String[]::new));
                    r.assertNoStackTrace();
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                    assertThat(r.errorLines()).as(r.describe()).hasSize(1);
                    assertThat(r.errorLines().get(0)).as(r.describe()).contains((String) run[1]);
                    assertThat(contents(d)).as("nothing written or overwritten").isEqualTo(before);
                    assertThat(Path.of("index.html")).doesNotExist();
                }));
    }

    /** Each regular file under {@code dir} (links followed) with its bytes as ISO-8859-1 text, to see overwrites. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String f : CliRun.files(dir)) {
            out.put(f, new String(Files.readAllBytes(dir.resolve(f)), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    // ------------------------------------------------------------------ scan: documents

    /** A document case: the file name, its bytes, whether it must be refused, and words the error line names. */
    record DocCase(String name, String file, java.util.function.Supplier<byte[]> bytes, boolean invalid,
            List<String> mentions) {}

    static List<DocCase> documentCases() {
        List<DocCase> cs = new ArrayList<>();
        cs.add(new DocCase("empty text", "empty.txt", () -> new byte[0], false, List.of()));
        cs.add(new DocCase("non-UTF-8 text", "latin1.txt", () -> new byte[] {'H', 'R', ' ', (byte) 0xe9}, true,
                List.of("UTF-8")));
        cs.add(new DocCase("NUL bytes in text", "nul.md", () -> new byte[] {'a', 0, 'b'}, true, List.of("NUL")));
        cs.add(new DocCase("text over the size limit", "huge.txt", () -> {
            byte[] b = new byte[(int) (org.trialmeta.document.DocumentLimits.DEFAULTS.maxTextFileBytes() + 1)];
            java.util.Arrays.fill(b, (byte) 'x');
            return b;
        }, true, List.of("limit")));
        cs.add(new DocCase("deeply nested HTML", "nested.html", () -> utf8("<div>".repeat(500_000) + "HR 0.7 (0.6-0.8)"),
                false, List.of()));
        cs.add(new DocCase("not a PDF", "fake.pdf", () -> utf8("hello, world"), true, List.of("not a PDF")));
        cs.add(new DocCase("truncated PDF", "truncated.pdf", () -> utf8("%PDF-1.7\n1 0 obj << /Type"), true,
                List.of("not a readable PDF")));
        cs.add(new DocCase("PDF claiming 10^6 pages", "million.pdf", HostileDocuments::pdfClaimingAMillionPages, true,
                List.of("1000000 pages", "limit 2000")));
        cs.add(new DocCase("PDF decompression bomb", "bomb.pdf", () -> HostileDocuments.pdfDecompressionBomb(300), true,
                List.of("decodes to more than")));
        cs.add(new DocCase("PDF encrypted with a user password", "locked.pdf",
                () -> HostileDocuments.encryptedPdf("user-secret"), true, List.of("encrypted")));
        cs.add(new DocCase("PDF encrypted with an owner password only", "owner.pdf",
                () -> HostileDocuments.encryptedPdf(""), true, List.of("encrypted")));
        cs.add(new DocCase("minimal DOCX", "ok.docx", () -> HostileDocuments.docxWithText("ORR 44% (n = 25/57)"), false,
                List.of()));
        cs.add(new DocCase("not a DOCX", "fake.docx", () -> utf8("hello"), true, List.of("not a DOCX")));
        cs.add(new DocCase("zip that is not a DOCX", "plain.docx", HostileDocuments::zipNotDocx, true,
                List.of("not a readable DOCX")));
        cs.add(new DocCase("DOCX zip bomb", "bomb.docx", () -> HostileDocuments.docxZipBomb(80), true,
                List.of("zip bomb guard")));
        cs.add(new DocCase("DOCX with an external entity (XXE)", "xxe.docx",
                () -> HostileDocuments.docxExternalEntity("/etc/passwd"), true, List.of("not a readable DOCX")));
        cs.add(new DocCase("DOCX billion laughs", "laughs.docx", HostileDocuments::docxBillionLaughs, true,
                List.of("not a readable DOCX")));
        cs.add(new DocCase("DOCX table of 100,000 rows", "long-table.docx",
                () -> HostileDocuments.docxLongTable(100_000), false, List.of()));
        cs.add(new DocCase("DOCX footnote that refers to itself", "self-note.docx",
                HostileDocuments::docxSelfReferringFootnote, false, List.of()));
        cs.add(new DocCase("DOCX footnote referred to 20,000 times", "many-refs.docx",
                () -> HostileDocuments.docxRepeatedFootnote(20_000, 1_000), true, List.of("characters of text (limit)")));
        return cs;
    }

    /**
     * {@code scan} on hostile documents (issue 19): exit 0, or exit 2 with one line naming the file; never a hang (60 s
     * per case), an OutOfMemoryError, exit 1, or the content of a file an entity points at.
     */
    @TestFactory
    Stream<DynamicTest> scanOnHostileDocuments() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (DocCase k : documentCases()) {
            tests.add(DynamicTest.dynamicTest("scan × " + k.name(), () -> named("scan × " + k.name(), () -> {
                Path d = dir("scan-" + n[0]++);
                Path in = file(d, k.file(), k.bytes().get());
                CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                        () -> CliRun.of("scan", in.toString(), "--format", "json"));
                r.assertContract(in.toString());
                assertThat(r.out() + r.err()).as(r.describe()).doesNotContain("root:x:0:0");
                if (k.invalid()) {
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                    for (String m : k.mentions()) {
                        assertThat(r.errorLines().get(0)).as(r.describe()).contains(m);
                    }
                } else {
                    r.json();
                }
            })));
        }
        tests.add(DynamicTest.dynamicTest("scan --out onto the input", () -> {
            Path d = dir("scan-out-" + n[0]++);
            Path in = file(d, "paper.txt", utf8("HR 0.72 (95% CI 0.62-0.83)"));
            CliRun r = CliRun.of("scan", in.toString(), "--out", in.toString()).assertContract("--out");
            assertThat(r.code()).isEqualTo(2);
            assertThat(Files.readString(in)).isEqualTo("HR 0.72 (95% CI 0.62-0.83)");
            assertThat(CliRun.files(d)).containsExactly("paper.txt");
        }));
        tests.add(DynamicTest.dynamicTest("scan --out under a file", () -> {
            Path d = dir("scan-out-" + n[0]++);
            Path in = file(d, "paper.txt", utf8("HR 0.72 (95% CI 0.62-0.83)"));
            CliRun r = CliRun.of("scan", in.toString(), "--out", in.resolve("x.html").toString())
                    .assertContract("cannot write");
            assertThat(r.code()).isEqualTo(2);
            assertThat(CliRun.files(d)).containsExactly("paper.txt");
        }));
        return tests.stream();
    }

    // ------------------------------------------------------------------ registry records

    /** {@code registry} and {@code check --registry} on malformed ClinicalTrials.gov records: exit 2, one line. */
    @TestFactory
    Stream<DynamicTest> registryOnBadRecords() throws IOException {
        String good = Files.readString(Path.of("src/test/resources/registry/nct00844649-constructed.json"));
        List<Object[]> cases = List.of(
                new Object[] {"empty file", "", "empty file"},
                new Object[] {"not JSON", "<html>", "not valid JSON"},
                new Object[] {"a JSON list", "[]", "a JSON object is expected"},
                new Object[] {"deep nesting", "[".repeat(5000) + "]".repeat(5000), "nested deeper than 64 levels (limit)"},
                new Object[] {"a string over 10^6 characters", "{\"x\": \"" + "a".repeat(1_000_001) + "\"}",
                        "a string longer than 1,000,000 characters (limit)"},
                new Object[] {"a comment", "// exported\n" + good, "a comment (comments are not JSON)"},
                new Object[] {"NaN", "{\"x\": NaN}", "'NaN' (not a JSON number)"},
                new Object[] {"trailing garbage", good + " garbage", "content after the end of the JSON record"},
                new Object[] {"a second record", good + good, "content after the end of the JSON record"},
                new Object[] {"no nctId", "{\"protocolSection\": {}}", "nctId: missing"},
                new Object[] {"bad nctId", good.replace("\"NCT00844649\"", "\"12345\""), "NCT followed by 8 digits"},
                new Object[] {"duplicate key", good.replace("\"hasResults\": true", "\"hasResults\": true, \"hasResults\": false"),
                        "Duplicate field"},
                new Object[] {"non-numeric count", good.replace("\"value\": \"99\"", "\"value\": \"n/a\""), "a whole number"},
                new Object[] {"negative median", good.replace("\"value\": \"8.5\"", "\"value\": \"-8.5\""), "must be positive"},
                new Object[] {"unknown time unit", good.replaceFirst("\"unitOfMeasure\": \"months\"", "\"unitOfMeasure\": \"fortnights\""),
                        "months, weeks or days"});
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (Object[] k : cases) {
            for (String cmd : new String[] {"registry", "check"}) {
                tests.add(DynamicTest.dynamicTest(cmd + " × " + k[0], () -> named(cmd + " × " + k[0], () -> {
                    Path d = dir("registry-" + n[0]++);
                    Path in = file(d, "record.json", utf8((String) k[1]));
                    CliRun r = cmd.equals("registry") ? CliRun.of("registry", in.toString())
                            : CliRun.of("check", "--trials", "src/test/resources/fixtures/check/mpact", "--registry",
                                    in.toString());
                    r.assertContract(in.toString());
                    assertThat(r.code()).as(r.describe()).isEqualTo(2);
                    assertThat(r.errorLines().get(0)).as(r.describe()).contains((String) k[2]);
                })));
            }
        }
        tests.add(DynamicTest.dynamicTest("registry × over 20 MB", () -> {
            Path d = dir("registry-" + n[0]++);
            Path in = file(d, "big.json", new byte[org.trialmeta.repository.ClinicalTrialsGov.MAX_BYTES + 1]);
            CliRun r = CliRun.of("registry", in.toString()).assertContract(in.toString());
            assertThat(r.code()).isEqualTo(2);
        }));
        return tests.stream();
    }

    // ------------------------------------------------------------------ helpers

    /** Runs {@code body}; a failure names the matrix cell (Surefire shows dynamic tests by index only). */
    private static void named(String name, org.junit.jupiter.api.function.Executable body) throws Throwable {
        try {
            body.execute();
        } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    private static Path dir(String name) {
        try {
            return Files.createDirectories(tmp.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyMinimal(Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : new String[] {"example.yaml", "sources.yaml"}) {
            Files.copy(MINIMAL.resolve(f), to.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

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
        return out;
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
        cs.add(new Case("events > n", c -> utf8(c.name().startsWith("pool OR") ? c.withCell(0, "ai", "124")
                : c.name().startsWith("pool PLO") ? c.withCell(0, "xi", "21")
                : survival(c) ? c.withCell(0, "event", "2")
                : c.name().equals("reconstruct at-risk") ? c.withCell(1, "n_risk", "21")
                : c.name().equals("reconstruct curve") ? c.withCell(1, "survival", "1.5")
                : c.clean()),
                c -> c.name().equals("pool GEN") ? Expect.OK : Expect.INVALID, c -> List.of("line ")));
        cs.add(new Case("n = 0", c -> utf8(c.name().startsWith("pool OR") ? c.withCell(0, "n1i", "0")
                : c.name().startsWith("pool PLO") ? c.withCell(0, "ni", "0")
                : c.name().equals("reconstruct at-risk") ? c.withCell(0, "n_risk", "0")
                : c.name().equals("pool GEN") ? c.withCell(0, "vi", "0")
                : c.csv(c.header(), List.of(), "\n")),
                c -> Expect.INVALID, c -> List.of()));
        cs.add(new Case("single study/row", c -> utf8(c.csv(c.header(), c.rows().subList(0, 1), "\n")),
                c -> c.name().equals("cox") ? Expect.INVALID : Expect.OK,
                c -> List.of()));
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
            tests.add(DynamicTest.dynamicTest(cmd.name() + " × a directory", () -> {
                Path d = dir("isdir-" + n[0]++);
                CliRun r = CliRun.of(cmd.args().apply(d).toArray(String[]::new)).assertContract(d.toString());
                assertThat(r.code()).isEqualTo(2);
                assertThat(r.err()).contains("is a directory");
            }));
        }
        return tests.stream();
    }

    /** Unknown method names and option values: one line, exit 2, naming the option. */
    @TestFactory
    Stream<DynamicTest> unknownMethodNames() {
        Path d = dir("methods");
        Path pool = file(d, "pool.csv", utf8(commands().get(0).clean()));
        Path km = file(d, "km.csv", utf8(commands().get(3).clean()));
        List<List<String>> runs = List.of(
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--method", "BOGUS"),
                List.of("pool", "--input", pool.toString(), "--measure", "XX"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--test", "t"),
                List.of("pool", "--input", pool.toString(), "--measure", "GEN", "--method", "PETO"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--format", "xml"),
                List.of("pool", "--input", pool.toString(), "--measure", "OR", "--level", "NaN"),
                List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--conf-type", "logit2"),
                List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--format", "yaml"),
                List.of("cox", "--input", km.toString(), "--time", "time", "--event", "event", "--covariate", "event",
                        "--ties", "exact"),
                List.of("km", "--input", km.toString(), "--time", "nope", "--event", "event"),
                List.of("report", "--trials", "trials", "--formats", "gif", "--out", d.resolve("r").toString()),
                List.of("compare", "--trials", "trials", "--trial", "x", "--statuses", "maybe"),
                List.of("check", "--trials", "trials", "--min-severity", "fatal"),
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

    private static double number(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\" : ([-+0-9.eE]+)").matcher(json);
        assertThat(m.find()).as(field + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    // ------------------------------------------------------------------ trials directories

    private static final Path MINIMAL = Path.of("src/test/resources/fixtures/valid/minimal");

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
        return cs;
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
                    CliRun r = CliRun.of(args.toArray(String[]::new)).assertTrialsContract(d.toString());
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
        Path km = file(d, "km.csv", utf8(commands().get(3).clean()));
        Path blocker = file(d, "blocker", utf8("a file, not a directory\n"));
        Path plotDir = dir("outfail-plot");
        Files.createDirectories(plotDir.resolve("km.svg").resolve("occupied"));
        Path reportOut = dir("outfail-report");
        Files.createDirectories(reportOut.resolve("index.html").resolve("occupied"));
        Path trials = dir("outfail-trials");
        copyMinimal(trials);
        List<Object[]> runs = List.of(
                new Object[] {List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--plot",
                        blocker.resolve("km.svg").toString()), d},
                new Object[] {List.of("km", "--input", km.toString(), "--time", "time", "--event", "event", "--plot",
                        plotDir.resolve("km.svg").toString(), "--format", "json"), plotDir},
                new Object[] {List.of("reconstruct", "--curve", CURVE.toString(), "--at-risk", RISK.toString(), "--out",
                        blocker.resolve("ipd.csv").toString()), d},
                new Object[] {List.of("report", "--trials", trials.toString(), "--out", blocker.resolve("r").toString(),
                        "--formats", "svg"), d},
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

    @SuppressWarnings("unchecked")
    private static List<String> cast(Object o) {
        return (List<String>) o;
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
                new Object[] {"deep nesting", "[".repeat(5000) + "]".repeat(5000), "not valid JSON"},
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

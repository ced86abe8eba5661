package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rows all|none|N} (issue 22): the per-row tables of pool, pool --by and km are cut after 50 rows by
 * default with a line saying how many were left out (the pooled result first), printed in full with {@code all},
 * and JSON stays complete. Tables of up to 50 rows print as before.
 */
class RowsOptionTest {

    @TempDir
    Path dir;

    /** {@code k} generic studies s1…sk with distinct estimates. */
    private Path pool(int k) throws IOException {
        StringBuilder sb = new StringBuilder("study,yi,vi,grp\n");
        for (int i = 1; i <= k; i++) {
            sb.append('s').append(i).append(',').append(String.format(Locale.ROOT, "%.3f", Math.sin(i) / 2))
                    .append(',').append(String.format(Locale.ROOT, "%.3f", 0.05 + (i % 7) / 20.0)).append(",g")
                    .append(i % 60).append('\n');
        }
        Path f = dir.resolve("k" + k + ".csv");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        return f;
    }

    private static long lines(String s, String prefix) {
        return s.lines().filter(l -> l.startsWith(prefix) && l.length() > 1 && Character.isDigit(l.charAt(1))).count();
    }

    @Test
    void smallTablesPrintInFullByDefault() throws IOException {
        Path f = pool(50);
        Run auto = Run.run("pool", "--input", f.toString(), "--measure", "GEN");
        Run all = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--rows", "all");
        assertThat(auto.code()).as(auto.err()).isZero();
        assertThat(auto.out()).isEqualTo(all.out());
        assertThat(lines(auto.out(), "s")).isEqualTo(50);
        assertThat(auto.out()).doesNotContain("more row");
        // metafor's layout: the studies, then the pooled result
        assertThat(auto.out().indexOf("s50 ")).isLessThan(auto.out().indexOf("Pooled "));
    }

    @Test
    void largeTablesAreCutAfterFiftyRowsWithTheSummaryFirst() throws IOException {
        Path f = pool(120);
        Run auto = Run.run("pool", "--input", f.toString(), "--measure", "GEN");
        Run all = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--rows", "all");
        Run three = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--rows", "3");
        Run none = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--rows", "none");
        assertThat(auto.code()).as(auto.err()).isZero();
        assertThat(lines(auto.out(), "s")).isEqualTo(50);
        assertThat(auto.out()).contains("\u2026 70 more rows; --rows all to print them\n");
        assertThat(auto.out().indexOf("Pooled ")).isLessThan(auto.out().indexOf("s1 "));
        assertThat(lines(all.out(), "s")).isEqualTo(120);
        assertThat(all.out()).doesNotContain("more row");
        assertThat(lines(three.out(), "s")).isEqualTo(3);
        assertThat(three.out()).contains("\u2026 117 more rows");
        assertThat(lines(none.out(), "s")).isZero();
        assertThat(none.out()).contains("120 rows not printed; --rows all to print them");
        // the pooled lines are the same whatever is printed of the table
        String pooled = all.out().substring(all.out().indexOf("Pooled "));
        for (Run r : List.of(auto, three, none)) {
            assertThat(r.out()).contains("k = 120\n\n" + pooled + "\n");
        }
        // JSON is complete whatever --rows says
        Run json = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--rows", "2", "--format", "json");
        assertThat(json.out().split("\"study\" : ", -1)).hasSize(121);
    }

    @Test
    void byTablesAndKmTablesAreCutToo() throws IOException {
        Path f = pool(600);
        Run by = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--by", "grp");
        assertThat(by.code()).as(by.err()).isZero();
        assertThat(by.out()).startsWith("REML meta-analysis of each group, generic estimate, 60 groups, all fitted\n");
        assertThat(lines(by.out(), "g")).isEqualTo(50);
        assertThat(by.out()).endsWith("\u2026 10 more rows; --rows all to print them\n");
        Run byAll = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--by", "grp", "--rows", "all");
        assertThat(lines(byAll.out(), "g")).isEqualTo(60);
        assertThat(byAll.out()).startsWith("REML meta-analysis of each group, generic estimate, 60 groups\n");
        Run csv = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--by", "grp", "--format", "csv",
                "--rows", "1");
        assertThat(csv.out().lines().count()).isEqualTo(61);

        StringBuilder sb = new StringBuilder("time,event,arm\n");
        for (int i = 1; i <= 200; i++) {
            sb.append(i).append(',').append(i % 3 == 0 ? 0 : 1).append(',').append(i % 2 == 0 ? "A" : "B").append('\n');
        }
        Path km = dir.resolve("km.csv");
        Files.writeString(km, sb, StandardCharsets.UTF_8);
        Run k = Run.run("km", "--input", km.toString(), "--time", "time", "--event", "event", "--group", "arm");
        Run kAll = Run.run("km", "--input", km.toString(), "--time", "time", "--event", "event", "--group", "arm",
                "--rows", "all");
        assertThat(k.code()).as(k.err()).isZero();
        // each group's table has 100 rows (every time distinct): cut to 50 with a line each
        assertThat(k.out().split("\u2026 50 more rows; --rows all to print them\n", -1)).hasSize(3);
        assertThat(kAll.out()).doesNotContain("more row");
        // the summary and the test are the same
        assertThat(k.out().substring(0, k.out().indexOf("\ngroup "))).isEqualTo(kAll.out().substring(0,
                kAll.out().indexOf("\ngroup ")));
        assertThat(k.out().substring(k.out().indexOf("Log-rank"))).isEqualTo(kAll.out().substring(
                kAll.out().indexOf("Log-rank")));
    }

    @Test
    void badValuesAreOneLineExitTwo() throws IOException {
        Path f = pool(5);
        for (String bad : List.of("-1", "many", "", "1e3", "9999999999")) {
            Run r = Run.run("pool", "--input", f.toString(), "--measure", "GEN", "--rows", bad);
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).startsWith("trialmeta: --rows: '" + bad + "' (allowed: all, none or a whole number");
            assertThat(r.err().lines().count()).isEqualTo(1);
        }
    }
}

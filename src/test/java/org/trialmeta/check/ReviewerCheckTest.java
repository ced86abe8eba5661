package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.cli.TrialMetaCommand;
import org.trialmeta.repository.TrialLoader;
import picocli.CommandLine;

class ReviewerCheckTest {

    private static final Path TRIALS = Path.of("trials");

    private static List<Finding> find(CheckReport r, String rule, String trial, String fieldPart) {
        return r.findings().stream().filter(f -> f.rule().equals(rule) && f.trial().equals(trial)
                && f.field().contains(fieldPart)).toList();
    }

    @Test
    void curatedRepositoryReproducesTheKnownFactsWithoutErrors() {
        CheckReport r = ReviewerCheck.run(TrialLoader.loadDirectory(TRIALS));
        assertThat(r.count(Severity.ERROR)).isZero();
        // RAMP-201 KRAS-mutant 25/57 = 43.9% vs 44%; exact CI 30.7-57.6 rounds to the reported 31-58
        Finding pct = find(r, "percent-from-counts", "ramp-201", "kras_mutant").get(0);
        assertThat(pct.severity()).isEqualTo(Severity.INFO);
        assertThat(pct.recomputed()).isEqualTo("25/57 = 43.9%");
        Finding ci = find(r, "ci-method", "ramp-201", "kras_mutant").get(0);
        assertThat(ci.recomputed()).contains("clopper-pearson 30.7-57.6");
        assertThat(ci.message()).contains("clopper-pearson");
        // wild-type 9/52 = 17.3% vs 17%; 25/57 + 9/52 = 34/109 = 31.2% vs the reported 31%
        assertThat(find(r, "percent-from-counts", "ramp-201", "kras_wild_type").get(0).recomputed()).isEqualTo("9/52 = 17.3%");
        assertThat(find(r, "subgroup-sum", "ramp-201", "primary")).extracting(Finding::recomputed)
                .containsExactlyInAnyOrder("25/57 + 9/52 = 34/109", "25/57 + 9/52 = 34/109 = 31.2%");
        // FRAME 11/26 = 42.3% with 23.4-63.1 reproduced by Clopper-Pearson only
        Finding frame = find(r, "ci-method", "frame", "/ final /").get(0);
        assertThat(frame.message()).isEqualTo("Reproduced at the reported rounding by: clopper-pearson.");
        // FRAME interim 2021-05: KRAS subgroups cover 19 of the 21 evaluable patients
        Finding interim = find(r, "subgroup-sum", "frame", "interim-2021-05").get(0);
        assertThat(interim.severity()).isEqualTo(Severity.WARNING);
        assertThat(interim.message()).contains("cover 19 of 21 evaluable patients and 11 of 11 responders");
    }

    private static Path copyWith(Path dir, String file, String from, String to) throws IOException {
        try (Stream<Path> files = Files.list(TRIALS)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertThat(text).as("fixture edit must apply").contains(from);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return dir;
    }

    @Test
    void wrongPercentageIsAnError(@TempDir Path dir) throws IOException {
        CheckReport r = ReviewerCheck.run(TrialLoader.loadDirectory(copyWith(dir, "ramp-201.yaml",
                "percent: 44", "percent: 48")));
        Finding f = find(r, "percent-from-counts", "ramp-201", "kras_mutant").get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("(43.9% does not round to 48%)");
    }

    @Test
    void wrongCiIsAWarningNamingNoMethod(@TempDir Path dir) throws IOException {
        CheckReport r = ReviewerCheck.run(TrialLoader.loadDirectory(copyWith(dir, "ramp-201.yaml",
                "ci: {lower: 31, upper: 58, level: 95}", "ci: {lower: 35, upper: 58, level: 95}")));
        Finding f = find(r, "ci-method", "ramp-201", "kras_mutant").get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).startsWith("No common binomial method reproduces the reported CI from 25/57");
    }

    @Test
    void subgroupSumMismatchIsAnError(@TempDir Path dir) throws IOException {
        CheckReport r = ReviewerCheck.run(TrialLoader.loadDirectory(copyWith(dir, "ramp-201.yaml",
                "responders: 25", "responders: 20")));
        assertThat(find(r, "subgroup-sum", "ramp-201", "primary")).extracting(Finding::severity)
                .containsOnly(Severity.ERROR);
    }

    @Test
    void grimCatchesAnImpossiblePercentageAndListsCandidates() {
        assertThat(ReviewerCheck.roundsTo(100.0 * 3 / 7, 43, 0)).isTrue();
        // 45% of 7: 3/7 = 42.9%, 4/7 = 57.1%: no whole count rounds to 45
        boolean any = false;
        for (int k = 0; k <= 7; k++) {
            any |= ReviewerCheck.roundsTo(100.0 * k / 7, 45, 0);
        }
        assertThat(any).isFalse();
        assertThat(ReviewerCheck.decimals(44)).isZero();
        assertThat(ReviewerCheck.decimals(42.3)).isEqualTo(1);
    }

    @Test
    void grimRuleFiresOnAPercentageWithoutCountsOverAKnownN(@TempDir Path dir) throws IOException {
        CheckReport r = ReviewerCheck.run(TrialLoader.loadDirectory(copyWith(dir, "ramp-201.yaml",
                "reported: {percent: 45}", "reported: {percent: 45, n: 7}")));
        Finding f = find(r, "grim", "ramp-201", "part-a").get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("No whole number of responders out of 7 rounds to 45% (GRIM test).");
    }

    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = TrialMetaCommand.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void checkCommandExitCodesAndFormats(@TempDir Path dir) throws IOException {
        Run ok = cli("check", "--format", "json");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("\"errors\" : 0").contains("\"rule\" : \"ci-method\"");
        Run md = cli("check", "--format", "md", "--min-severity", "warning");
        assertThat(md.out()).startsWith("# Reviewer check\n").contains("| WARNING | subgroup-sum | frame |")
                .doesNotContain("| INFO |");
        Run bad = cli("check", "--trials", copyWith(dir, "ramp-201.yaml", "percent: 44", "percent: 48").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("ERROR").contains("percent-from-counts");
        Run usage = cli("check", "--format", "xml");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).isEqualTo("trialmeta: --format: 'xml' (allowed: table, json, md)\n");
    }
}

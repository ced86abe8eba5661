package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule has a fixture directory under {@code fixtures/invalid/<rule>/} with the trial
 * files and {@code expected.txt}: the exact problem lines (file names relative to the fixture
 * directory, {@code {dir}} standing for it inside messages), in the order the loader reports them.
 */
class InvalidFixturesTest {

    private static final Path INVALID = Path.of("src/test/resources/fixtures/invalid");

    static Stream<String> rules() throws IOException {
        try (Stream<Path> dirs = Files.list(INVALID)) {
            return dirs.filter(d -> Files.exists(d.resolve("expected.txt")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void fixtureFailsWithExactlyTheExpectedProblems(String rule) throws IOException {
        Path dir = INVALID.resolve(rule);
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> l.replace("{dir}", dir.toString())).toList();
        assertThat(problems(dir)).containsExactlyElementsOf(expected);
    }

    @Test
    void everyRuleHasAFixture() throws IOException {
        assertThat(rules().toList()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void aliasBombIsRefusedQuicklyAndCleanly() {
        Path dir = INVALID.resolve("alias-bomb");
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> problems(dir));
        assertThat(problems).contains("trial.yaml: name: *a9 (YAML aliases are not supported; write the value out)");
        assertThat(problems).allMatch(p -> p.startsWith("trial.yaml: "));
    }

    @Test
    void fileOverTheSizeLimitIsRefusedWithoutParsing(@TempDir Path dir) throws IOException {
        Files.copy(INVALID.resolve("negative-count/sources.yaml"), dir.resolve("sources.yaml"));
        byte[] big = new byte[TrialLoader.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        Files.write(dir.resolve("big.yaml"), big);
        assertThat(problems(dir)).containsExactly(
                "big.yaml: file is 10485761 bytes (limit 10485760 bytes)");
    }

    @Test
    void deepNestingIsRefused(@TempDir Path dir) throws IOException {
        Files.copy(INVALID.resolve("negative-count/sources.yaml"), dir.resolve("sources.yaml"));
        Files.writeString(dir.resolve("deep.yaml"), "id: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertThat(problems(dir)).containsExactly(
                "deep.yaml: id: nested deeper than 50 levels (limit)");
    }

    @Test
    void nonUtf8FileIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Files.copy(INVALID.resolve("negative-count/sources.yaml"), dir.resolve("sources.yaml"));
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'i', 'd', ':', ' ', 'c', 'a', 'f', (byte) 0xe9, '\n'});
        assertThat(problems(dir)).containsExactly(
                "latin1.yaml: not valid UTF-8 text (save the file as UTF-8)");
    }

    @Test
    void byteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
        Path valid = Path.of("src/test/resources/fixtures/valid/minimal");
        Files.copy(valid.resolve("sources.yaml"), dir.resolve("sources.yaml"));
        byte[] text = Files.readAllBytes(valid.resolve("example.yaml"));
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(dir.resolve("example.yaml"), withBom);
        assertThat(TrialLoader.loadDirectory(dir).trials()).hasSize(1);
    }

    @Test
    void missingDirectoryIsOneClearInputError(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        var e = catchThrowableOfType(org.trialmeta.model.InputException.class, () -> TrialLoader.loadDirectory(missing));
        assertThat(e).hasMessage(missing + ": trials directory not found");
    }

    /** The problems of loading {@code dir}, with file names relative to it. */
    static List<String> problems(Path dir) {
        TrialLoadException e = catchThrowableOfType(TrialLoadException.class, () -> TrialLoader.loadDirectory(dir));
        assertThat(e).as("loading %s should fail", dir).isNotNull();
        String prefix = dir + java.io.File.separator;
        assertThat(e.getMessage().lines().toList()).hasSameSizeAs(e.problems());
        return e.problems().stream().map(p -> {
            assertThat(p.file()).startsWith(prefix);
            return p.toString().substring(prefix.length());
        }).toList();
    }
}

package org.trialmeta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.model.InputException;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.Problem;
import org.trialmeta.repository.TrialLoadException;
import org.trialmeta.repository.TrialLoader;

/**
 * Fuzzes the YAML trial loader (and the reviewer check on what loads). Property: a directory either loads
 * (and the check finishes), or fails with a
 * {@link TrialLoadException} whose every problem is one line naming a file of the directory, or an
 * {@link InputException} of one line naming the directory. Any other exception (or an error such as
 * OutOfMemoryError or StackOverflowError) is a bug.
 *
 * <p>Regression inputs: {@code src/test/resources/org/trialmeta/fuzz/TrialLoaderFuzzTestInputs/<method>/}.
 * Fuzzing: see docs/reliability.md.
 */
class TrialLoaderFuzzTest {

    private static final byte[] SOURCES = ("sources:\n"
            + "  - {id: src-a, citation: \"Example A et al. J Example 2025\", kind: peer_reviewed}\n"
            + "  - {id: src-b, citation: \"Example conference report\", kind: conference_report}\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The fuzz bytes are one trial file next to a valid sources.yaml. */
    @FuzzTest(maxDuration = "3m")
    void trialFile(byte[] data) {
        Path dir = FuzzFiles.freshDir("loader-file");
        FuzzFiles.write(dir.resolve("sources.yaml"), SOURCES);
        FuzzFiles.write(dir.resolve("trial.yaml"), data);
        check(dir, 1);
    }

    /**
     * The fuzz bytes are a whole directory: parts separated by a line {@code ####}; the first part is
     * sources.yaml, the others (at most 4) trial files t1.yaml, t2.yaml, ... (ids, sources and cross-file rules).
     */
    @FuzzTest(maxDuration = "3m")
    void trialsDirectory(byte[] data) {
        Path dir = FuzzFiles.freshDir("loader-dir");
        List<byte[]> parts = FuzzFiles.split(data, 5);
        FuzzFiles.write(dir.resolve("sources.yaml"), parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            FuzzFiles.write(dir.resolve("t" + i + ".yaml"), parts.get(i));
        }
        check(dir, parts.size() - 1);
    }

    static void check(Path dir, int trialFiles) {
        try {
            TrialRepository repo = TrialLoader.loadDirectory(dir);
            assertThat(repo.trials()).hasSize(trialFiles);
            // whatever loads, the reviewer check finishes (issue 15: huge counts made it run for ever)
            assertThat(ReviewerCheck.run(repo).findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
        } catch (TrialLoadException e) {
            assertThat(e.problems()).isNotEmpty();
            for (Problem p : e.problems()) {
                assertThat(p.file()).as(p.toString()).startsWith(dir.toString());
                assertThat(p.toString()).as(p.toString()).doesNotContain("\n", "\r");
                assertThat(p.message()).as(p.toString()).isNotBlank();
            }
        } catch (InputException e) {
            assertThat(e.getMessage()).doesNotContain("\n", "\r").contains(dir.toString());
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.CheckText;
import org.trialmeta.repository.TrialLoader;

/** Copies of the curated trials, optionally with one deliberate defect. */
final class CheckFixtures {

    static final Path CURATED = Path.of("trials");

    private CheckFixtures() {}

    static TrialRepository curated() {
        return TrialLoader.loadDirectory(CURATED);
    }

    /** Copies every file of the curated directory into {@code dir}. */
    static Path copy(Path dir) {
        try (Stream<Path> files = Files.list(CURATED)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} (which must occur exactly {@code times} times) by {@code to} in {@code file}. */
    static void edit(Path dir, String file, String from, String to, int times) {
        try {
            Path p = dir.resolve(file);
            String s = Files.readString(p, StandardCharsets.UTF_8);
            int count = s.split(java.util.regex.Pattern.quote(from), -1).length - 1;
            assertThat(count).as("occurrences of '%s' in %s", from, file).isEqualTo(times);
            Files.writeString(p, s.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void edit(Path dir, String file, String from, String to) {
        edit(dir, file, from, to, 1);
    }

    static List<Finding> find(CheckReport r, Severity s, String rule, String trial, String fieldPart) {
        return r.findings().stream()
                .filter(f -> f.severity() == s && f.rule().equals(rule) && f.trial().equals(trial)
                        && f.field().contains(fieldPart))
                .toList();
    }

    static Finding one(CheckReport r, Severity s, String rule, String trial, String fieldPart) {
        List<Finding> found = find(r, s, rule, trial, fieldPart);
        assertThat(found).as("%s %s %s %s in%n%s", s, rule, trial, fieldPart, CheckText.markdown(r, Severity.INFO)).hasSize(1);
        return found.get(0);
    }
}

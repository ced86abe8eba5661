package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialmeta.model.TrialRepository;

/**
 * {@code new TrialLoader(true)} (FastYaml first) and {@code new TrialLoader(false)} (SnakeYAML only) give the same
 * result on every fixture directory (valid and invalid), the curated trials/ directory, generated trial files and a
 * few hundred seeded mutants of them: equal trials and sources, or the same exception class with the same message
 * and the same problems in the same order.
 */
class FastPathEquivalenceTest {

    private static final long SEED = 20261126L;
    private static final int MUTATED_DIRS = 320;
    /** Mutated directories whose mutated file FastYaml still translates: at least this many. */
    private static final int MIN_FAST_MUTANTS = 80;

    private static final TrialLoader FAST = new TrialLoader(true);
    private static final TrialLoader SLOW = new TrialLoader(false);

    static Stream<Path> directories() throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String kind : List.of("valid", "invalid")) {
            try (Stream<Path> list = Files.list(Path.of("src/test/resources/fixtures", kind))) {
                list.filter(Files::isDirectory).sorted().forEach(dirs::add);
            }
        }
        dirs.add(Path.of("trials"));
        return dirs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directories")
    void fastAndYamlOnlyLoadersAgreeOnFixtureAndCuratedDirectory(Path dir) {
        assertSameResult(dir);
    }

    @Test
    void fastAndYamlOnlyLoadersAgreeOnGeneratedTrials(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("sources.yaml"), GeneratedTrials.SOURCES, StandardCharsets.UTF_8);
        List<String> files = GeneratedTrials.files(40, SEED);
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(tmp.resolve(String.format(Locale.ROOT, "t%02d.yaml", i)), files.get(i), StandardCharsets.UTF_8);
        }
        String result = assertSameResult(tmp);
        assertThat(result).isEqualTo("loaded 40 trials");
    }

    @Test
    void fastAndYamlOnlyLoadersAgreeOnSeededMutantsOfEveryDirectory(@TempDir Path tmp) throws IOException {
        List<Path> bases = new ArrayList<>(directories().toList());
        Path generated = tmp.resolve("generated");
        Files.createDirectories(generated);
        Files.writeString(generated.resolve("sources.yaml"), GeneratedTrials.SOURCES, StandardCharsets.UTF_8);
        List<String> files = GeneratedTrials.files(3, SEED + 1000);
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(generated.resolve("g" + i + ".yaml"), files.get(i), StandardCharsets.UTF_8);
        }
        // Half of the mutants come from the directories that load (most fixtures are invalid on purpose).
        List<Path> loadable = List.of(Path.of("src/test/resources/fixtures/valid/minimal"), Path.of("trials"), generated,
                generated);

        SplittableRandom rnd = new SplittableRandom(SEED);
        int fast = 0;
        int loaded = 0;
        for (int i = 0; i < MUTATED_DIRS; i++) {
            Path base = rnd.nextBoolean() ? loadable.get(rnd.nextInt(loadable.size())) : bases.get(rnd.nextInt(bases.size()));
            Path dir = tmp.resolve(String.format(Locale.ROOT, "m%03d", i));
            List<Path> yaml = copy(base, dir);
            if (yaml.isEmpty()) {
                continue;
            }
            Path target = yaml.get(rnd.nextInt(yaml.size()));
            byte[] mutant = YamlMutator.mutate(Files.readString(target, StandardCharsets.UTF_8), rnd);
            if (rnd.nextInt(3) == 0) {
                mutant = YamlMutator.mutate(new String(mutant, StandardCharsets.UTF_8), rnd);
            }
            Files.write(target, mutant);
            if (FastYaml.toJson(mutant) != null) {
                fast++;
            }
            if (assertSameResult(dir).startsWith("loaded")) {
                loaded++;
            }
        }
        System.out.printf(Locale.ROOT, "FastPathEquivalence mutants: %d directories, mutated file translated by FastYaml in %d,"
                + " loaded in %d%n", MUTATED_DIRS, fast, loaded);
        assertThat(fast).isGreaterThanOrEqualTo(MIN_FAST_MUTANTS);
        assertThat(loaded).isGreaterThanOrEqualTo(25);
    }

    /** Loads {@code dir} with both loaders, asserts the same outcome, and returns it in words. */
    private static String assertSameResult(Path dir) {
        Object fast = load(FAST, dir);
        Object slow = load(SLOW, dir);
        if (fast instanceof TrialRepository f && slow instanceof TrialRepository s) {
            assertThat(f.trials()).as("trials of %s", dir).isEqualTo(s.trials());
            assertThat(f.sources()).as("sources of %s", dir).isEqualTo(s.sources());
            return "loaded " + f.trials().size() + " trials";
        }
        assertThat(describe(fast)).as("result of %s", dir).isEqualTo(describe(slow));
        return describe(fast);
    }

    private static Object load(TrialLoader loader, Path dir) {
        try {
            return loader.load(dir);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String describe(Object result) {
        if (result instanceof TrialLoadException e) {
            return e.getClass().getName() + ": " + String.join("\n", e.problems().stream().map(Problem::toString).toList());
        }
        if (result instanceof RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
        return "loaded " + ((TrialRepository) result).trials().size() + " trials";
    }

    /** Copies the regular files of {@code from} into a new {@code to}; returns the YAML files copied. */
    private static List<Path> copy(Path from, Path to) {
        List<Path> yaml = new ArrayList<>();
        try (Stream<Path> list = Files.list(from)) {
            Files.createDirectories(to);
            for (Path p : list.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    Path q = to.resolve(p.getFileName().toString());
                    Files.copy(p, q);
                    String name = q.getFileName().toString();
                    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                        yaml.add(q);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return yaml;
    }
}

package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.TrialRepository;

/** The arm flag {@code control: true}: loaded, at most one per trial, absent means false. */
class ControlArmTest {

    private static Path copy(Path dir, String from, String to) throws IOException {
        Files.copy(Path.of("trials/sources.yaml"), dir.resolve("sources.yaml"));
        Files.writeString(dir.resolve("mc38.yaml"), Files.readString(Path.of("trials/mc38.yaml")).replace(from, to));
        return dir;
    }

    @Test
    void vehicleIsTheControlArmOfMc38() {
        TrialRepository repo = TrialLoader.loadDirectory(Path.of("trials"));
        assertThat(repo.requireTrial("mc38").controlArm().orElseThrow().id()).isEqualTo("vehicle");
        assertThat(repo.requireTrial("ramp-201").controlArm()).isEmpty();
    }

    @Test
    void twoControlArmsAreAProblemNamingTheField(@TempDir Path dir) throws IOException {
        copy(dir, "    name: Anti-PD-1\n", "    name: Anti-PD-1\n    control: true\n");
        TrialLoadException e = catchThrowableOfType(TrialLoadException.class, () -> TrialLoader.loadDirectory(dir));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.toString()).contains("arms[1].control")
                .contains("at most one control arm per trial"));
    }

    @Test
    void nonBooleanControlIsRejected(@TempDir Path dir) throws IOException {
        copy(dir, "    control: true\n", "    control: maybe\n");
        TrialLoadException e = catchThrowableOfType(TrialLoadException.class, () -> TrialLoader.loadDirectory(dir));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.toString()).contains("control"));
    }
}

package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.TrialRepository;

/**
 * Loads 10,000 generated trial files. The time is printed, not asserted (shared CI machines vary);
 * the point is that nothing on the path is quadratic in the number of files.
 */
class LoaderScaleTest {

    static final int FILES = 10_000;

    @Test
    void tenThousandTrialFilesLoad(@TempDir Path dir) throws IOException {
        Path fixture = Path.of("src/test/resources/fixtures/valid/minimal");
        Files.copy(fixture.resolve("sources.yaml"), dir.resolve("sources.yaml"));
        String template = Files.readString(fixture.resolve("example.yaml"));
        for (int i = 0; i < FILES; i++) {
            String id = String.format(Locale.ROOT, "trial-%05d", i);
            Files.writeString(dir.resolve(id + ".yaml"), template.replace("id: example", "id: " + id));
        }
        TrialLoader.shared(); // build mapper and validator outside the timing
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        TrialRepository repo = TrialLoader.loadDirectory(dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "LoaderScaleTest: loaded %d trial files (%d outcomes) in %.2f s wall, %.2f s CPU"
                + " (%d processors, load average %.1f)%n", repo.trials().size(), repo.outcomeCount(), seconds, cpuSeconds,
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
        assertThat(repo.trials()).hasSize(FILES);
        assertThat(repo.outcomeCount()).isEqualTo(3 * FILES);
    }
}

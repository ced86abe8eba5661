package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.InputException;
import org.trialmeta.model.TrialRepository;

/**
 * An unknown trial id is one short line however many trials the directory has: the first 20 known ids and how many
 * more (a directory of 2,000 generated trials made a line of 26 KB).
 */
class UnknownTrialMessageTest {

    @TempDir
    Path dir;

    @Test
    void theKnownIdsListedAreTheFirstTwentyAndACount() throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), GeneratedTrials.SOURCES, StandardCharsets.UTF_8);
        List<String> files = GeneratedTrials.files(30, 77);
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "t%02d.yaml", i)), files.get(i),
                    StandardCharsets.UTF_8);
        }
        TrialRepository repo = TrialLoader.loadDirectory(dir);
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            first.append(i == 0 ? "" : ", ").append(repo.trials().get(i).id());
        }
        assertThatThrownBy(() -> repo.requireTrial("nope")).isInstanceOf(InputException.class)
                .hasMessage("trial 'nope': not found (known trials: " + first + " and 10 more; 'trialmeta list' shows"
                        + " them)");
    }
}

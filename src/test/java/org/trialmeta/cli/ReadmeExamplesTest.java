package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your own data in five minutes" commands, run as written (in-process, with {@code out/} moved to a
 * temporary directory): each exits 0 and writes what it says.
 */
class ReadmeExamplesTest {

    @TempDir
    Path tmp;

    @Test
    void everyFiveMinuteCommandRuns() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Your own data in five minutes");
        assertThat(start).isPositive();
        int block = readme.indexOf("```bash", start);
        int end = readme.indexOf("```", block + 7);
        List<String> commands = new ArrayList<>();
        for (String line : readme.substring(block + 7, end).split("\n")) {
            if (line.startsWith("./trialmeta ")) {
                commands.add(line.substring("./trialmeta ".length()));
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
        for (String c : commands) {
            String[] args = c.replace("out/", tmp.toString() + "/").split(" ");
            Run r = Run.run(args);
            assertThat(r.code()).as(c + "\n" + r.err()).isEqualTo(ExitCodes.OK);
            for (String a : args) {
                if (a.startsWith(tmp.toString())) {
                    assertThat(Path.of(a)).as(c).exists();
                    assertThat(Files.size(Path.of(a))).as(c).isPositive();
                }
            }
        }
    }
}

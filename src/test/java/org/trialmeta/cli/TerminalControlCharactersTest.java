package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command prints to standard output reaches a terminal: a study or group name holding ESC [ or the 8-bit CSI
 * (U+009B) must not reach it raw, where it would recolour, move the cursor or retitle the window. Text is printed
 * with such characters replaced by U+FFFD (as every file output writes them); JSON escapes them ({@code \u001B},
 * {@code \u009B}) and so keeps the names as they were. Runs through the real standard output ({@link StdOut}).
 */
class TerminalControlCharactersTest {

    /** Raw C0 controls other than tab and line ends, DEL and C1, in the decoded output. */
    private static final String RAW_CONTROL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]";
    private static final String ESC_NAME = "A\u001b[31mRED";
    private static final String CSI_NAME = "B\u009b2J";

    @TempDir
    Path dir;

    private static String stdout(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StdOut out = StdOut.over(bytes);
        int code = Main.run(out, args);
        out.flush();
        assertThat(code).as(String.join(" ", args)).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Path csv() throws IOException {
        return Files.writeString(dir.resolve("esc.csv"), "study,yi,vi,g\n" + ESC_NAME + ",0.1,0.04,x\u001b]0;title\u0007\n"
                + CSI_NAME + ",0.3,0.05,y\nC,0.2,0.03,x\nD,0.25,0.06,y\n", StandardCharsets.UTF_8);
    }

    @Test
    void tablesPrintControlCharactersAsReplacementCharacters() throws IOException {
        String in = csv().toString();
        for (String[] args : new String[][] {{"pool", "--input", in, "--measure", "GEN"},
            {"pool", "--input", in, "--measure", "GEN", "--subgroup", "g"},
            {"sensitivity", "--input", in, "--measure", "GEN", "--leave-one-out"}}) {
            String text = stdout(args);
            assertThat(text).as(String.join(" ", args)).doesNotContainPattern(RAW_CONTROL).contains("A\uFFFD[31mRED");
        }
        // a group label holding an operating-system command (ESC ] ... BEL retitles the window)
        assertThat(stdout("pool", "--input", in, "--measure", "GEN", "--by", "g", "--format", "csv"))
                .doesNotContainPattern(RAW_CONTROL).contains("x\uFFFD]0;title\uFFFD");
        assertThat(stdout("pool", "--input", in, "--measure", "GEN")).contains("B\uFFFD2J");
    }

    @Test
    void jsonEscapesControlCharactersAndKeepsTheNames() throws IOException {
        String json = stdout("pool", "--input", csv().toString(), "--measure", "GEN", "--format", "json");
        assertThat(json).doesNotContainPattern(RAW_CONTROL).contains("A\\u001B[31mRED").contains("B\\u009B2J");
        JsonNode studies = new ObjectMapper().readTree(json).get("studies");
        assertThat(studies.get(0).get("study").asText()).isEqualTo(ESC_NAME);
        assertThat(studies.get(1).get("study").asText()).isEqualTo(CSI_NAME);
    }
}

package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void versionPrintsNameAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cl = TrialMetaCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("trialmeta ");
    }

    @Test
    void unknownOptionIsUsageErrorWithOneLineAndExitTwo() {
        StringWriter err = new StringWriter();
        CommandLine cl = TrialMetaCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--no-such-option")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).startsWith("trialmeta: Unknown option: '--no-such-option'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}

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

    @Test
    void commandLineWithOnlyTheInvokedSubcommandPrintsWhatTheFullOneDoes() {
        for (Class<?> c : TrialMetaCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}, {name, "--version"}}) {
                Run full = Run.run(TrialMetaCommand.commandLine(), args);
                Run single = Run.run(TrialMetaCommand.commandLineFor(args), args);
                assertThat(single).as(String.join(" ", args)).isEqualTo(full);
            }
        }
        assertThat(TrialMetaCommand.commandLineFor("validate").getSubcommands()).containsOnlyKeys("validate");
        assertThat(TrialMetaCommand.commandLineFor("compare-orr").getSubcommands()).containsKeys("orr-diff");
        for (String first : new String[] {"help", "valdate", "--help"}) {
            assertThat(new java.util.HashSet<>(TrialMetaCommand.commandLineFor(first).getSubcommands().values()))
                    .hasSize(TrialMetaCommand.SUBCOMMANDS.size());
        }
    }

    /**
     * Every command's help formats without picocli's warning (an unescaped '%' in a description made picocli print
     * "[picocli WARN] Could not format ..." on stderr before the help of {@code trialmeta --help}).
     */
    @Test
    void everyDescriptionFormatsWithoutPicocliWarnings() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            CommandLine root = TrialMetaCommand.commandLine();
            root.getUsageMessage();
            for (CommandLine sub : root.getSubcommands().values()) {
                sub.getUsageMessage();
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}

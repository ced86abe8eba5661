package org.trialmeta.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of the {@code trialmeta} command line, as the CLI tests see it: the exit code and what
 * was printed to standard output and standard error.
 *
 * @param code exit code ({@link ExitCodes})
 * @param out  standard output
 * @param err  standard error
 */
record Run(int code, String out, String err) {

    /** Runs {@code trialmeta ARGS...} through {@link TrialMetaCommand#commandLine()} with captured streams. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TrialMetaCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}

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

    /**
     * Runs {@code trialmeta ARGS...} as {@link Main#main} does, through {@link TrialMetaCommand#commandLineFor},
     * with captured streams.
     */
    static Run run(String... args) {
        return run(TrialMetaCommand.commandLineFor(args), args);
    }

    /** Runs {@code args} on the given command line with captured streams. */
    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}

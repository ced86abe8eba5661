package org.trialmeta.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;

/** Entry point of the {@code trialmeta} command. The only class that calls {@link System#exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        PrintWriter out = StdOut.open();
        int code;
        try {
            CommandLine cl = TrialMetaCommand.commandLineFor(args);
            cl.setOut(out);
            code = cl.execute(args);
        } finally {
            out.flush();
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 invalid input or usage). */
    public static int run(String... args) {
        return TrialMetaCommand.commandLineFor(args).execute(args);
    }
}

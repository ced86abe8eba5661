package org.trialmeta.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;

/** Entry point of the {@code trialmeta} command. The only class that calls {@link System#exit}. */
public final class Main {
    private Main() {}

    /** Bytes of standard output buffered between writes to the file descriptor. */
    private static final int STDOUT_BUFFER = 1 << 16;

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        // Standard output straight to its file descriptor through one 64 KB buffer, flushed by each command's ending
        // and here: System.out (a 128-byte buffer that flushes on every write) under picocli's auto-flushing writer
        // made a system call per line of a table and per 8 KB of JSON.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), STDOUT_BUFFER));
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

package org.trialmeta.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.trialmeta.repository.Messages;
import picocli.CommandLine;

/** Entry point of the {@code trialmeta} command. The only class that calls {@link System#exit}. */
public final class Main {
    private static final String PICOCLI_EXCLUDES = "picocli.converters.excludes";

    private Main() {}

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        // no option is a date, time or SQL type: picocli need not look up and register its converters for them by
        // reflection at every start (docs/benchmarks.md, round 8)
        if (System.getProperty(PICOCLI_EXCLUDES) == null) {
            System.setProperty(PICOCLI_EXCLUDES, "java\\.time\\..*|java\\.sql\\..*");
        }
        warmUp(args);
        PrintWriter out = StdOut.open();
        int code;
        try {
            code = run(out, args);
        } finally {
            out.flush();
        }
        System.exit(code);
    }

    /**
     * Initialises the output layer on a second thread while this one parses the command line, reads the input and
     * computes: with {@code --format json} (or {@code --format=json}) the JSON writer, whose first mapper costs about
     * 50 ms of class initialisation (its default date format loads the JDK's calendar data); otherwise the number
     * formatting of the text tables ({@code String.format} with {@link Locale#ROOT} loads the locale data, some 10 ms).
     * Both otherwise lie on the critical path at the end of every command (e.g. {@code pool} REML on 2,000 studies with
     * JSON: 0.40 s in all). Class initialisation is thread-safe: whichever thread needs a class first initialises it,
     * the other waits for it. A daemon thread, so it never delays the exit; it changes no output.
     */
    private static void warmUp(String[] args) {
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            json |= args[i].equals("--format=json")
                    || args[i].equals("--format") && i + 1 < args.length && args[i + 1].equals("json");
        }
        Runnable task = json ? org.trialmeta.repository.Json::mapper : () -> String.format(Locale.ROOT, "%.4f", 0.5);
        Thread t = new Thread(task, "output-warm-up");
        t.setDaemon(true);
        // a failure here (e.g. out of memory) is the main thread's to report when it needs the same classes
        t.setUncaughtExceptionHandler((thread, e) -> { });
        t.start();
    }

    /**
     * Runs the command line with {@code out} as standard output and returns the exit code (0 ok, 1 failure, 2 invalid
     * input or usage).
     */
    static int run(PrintWriter out, String... args) {
        CommandLine cl = TrialMetaCommand.commandLineFor(args);
        cl.setOut(out);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only exceptions to the execution handler; an error would end the JVM with a stack trace
            TrialMetaCommand.printError(cl.getErr(), outOfMemory(args, Runtime.getRuntime().maxMemory()));
            return ExitCodes.FAILURE;
        } catch (StackOverflowError e) {
            TrialMetaCommand.printError(cl.getErr(), TrialMetaCommand.internalError(
                    args.length == 0 ? "trialmeta" : args[0], new IllegalStateException("stack overflow")));
            return ExitCodes.FAILURE;
        }
    }

    /**
     * The line for a command that ran out of heap: what it had and how to give it more (twice as much, in whole GB),
     * e.g. {@code km ran out of memory (the Java heap may use 80 MB); give it more, e.g. TRIALMETA_JAVA_OPTS=-Xmx1g
     * ./trialmeta km ...}. The JVM's default heap is a quarter of the machine's memory.
     */
    static String outOfMemory(String[] args, long maxHeapBytes) {
        String command = args.length == 0 ? "trialmeta" : args[0];
        long mb = Math.max(1, Math.round(maxHeapBytes / (1024.0 * 1024.0)));
        long suggestGb = Math.max(1, (2 * mb + 1023) / 1024);
        String name = Messages.value(command);
        return name + " ran out of memory (the Java heap may use " + mb + " MB); give it more, e.g. "
                + "TRIALMETA_JAVA_OPTS=-Xmx" + suggestGb + "g ./trialmeta " + name + " ...";
    }
}

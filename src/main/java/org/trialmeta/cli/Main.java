package org.trialmeta.cli;

import java.util.Locale;
import java.util.Set;
import org.trialmeta.repository.TrialLoader;
import picocli.CommandLine;

/** Entry point of the {@code trialmeta} command. The only class that calls {@link System#exit}. */
public final class Main {
    private Main() {}

    /**
     * The subcommands that read a trials directory (those with the {@link TrialsOption} mixin; a test keeps this
     * list in step). For them {@link #main} builds the shared {@link TrialLoader} (YAML mapper and Hibernate
     * Validator, a few hundred milliseconds) on a second thread while picocli builds its command model.
     */
    static final Set<String> LOADS_TRIALS = Set.of("validate", "list", "show", "check", "compare", "report");

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        if (args.length > 0 && LOADS_TRIALS.contains(args[0])) {
            Thread warm = new Thread(TrialLoader::shared, "trialmeta-loader-bootstrap");
            warm.setDaemon(true);
            warm.start();
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 invalid input or usage). */
    public static int run(String... args) {
        return TrialMetaCommand.commandLine().execute(args);
    }
}

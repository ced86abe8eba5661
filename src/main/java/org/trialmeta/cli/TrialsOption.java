package org.trialmeta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.trialmeta.model.InputException;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.repository.Problem;
import org.trialmeta.repository.TrialLoadException;
import org.trialmeta.repository.TrialLoader;
import picocli.CommandLine.Option;

/** The {@code --trials DIR} option shared by every command that reads the curated trials. */
public final class TrialsOption {

    @Option(names = "--trials", paramLabel = "DIR", defaultValue = "trials",
            description = "Directory of trial YAML files and sources.yaml (default: ${DEFAULT-VALUE}).")
    Path dir;

    /**
     * Loads the trials. When files are invalid, prints every problem (one per line) to {@code err}
     * and throws an {@link InputException} whose one line summarises them (exit code 2); a single
     * problem is itself the one line.
     */
    TrialRepository load(PrintWriter err) {
        if (!Files.exists(dir)) {
            throw new InputException(dir + ": trials directory not found (give one with --trials DIR)");
        }
        try {
            return TrialLoader.loadDirectory(dir);
        } catch (TrialLoadException e) {
            if (e.problems().size() == 1) {
                // one problem: its own line (file: path: value (rule)) is the whole message
                throw new InputException(e.problems().get(0).toString());
            }
            for (Problem p : e.problems()) {
                TrialMetaCommand.printLine(err, p.toString());
            }
            long files = e.problems().stream().map(Problem::file).distinct().count();
            throw new InputException(String.format(Locale.ROOT, "%d problem%s in %d file%s under %s",
                    e.problems().size(), e.problems().size() == 1 ? "" : "s", files, files == 1 ? "" : "s", dir));
        }
    }
}

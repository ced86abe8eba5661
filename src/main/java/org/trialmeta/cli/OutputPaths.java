package org.trialmeta.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trialmeta.model.InputException;

/**
 * Checks of output paths against the command's inputs (issue 15), each failure one line naming the option:
 * an empty {@code --out} (it meant the current directory, where {@code ./index.html} was overwritten), an
 * output directory that is, contains or lies inside the trials directory, and an output file that is one of
 * the command's input files ({@code reconstruct --out} onto {@code --curve}, {@code km --plot} onto
 * {@code --input}). Paths are compared after resolving links and {@code ..}, also for outputs that do not
 * exist yet.
 */
final class OutputPaths {

    private OutputPaths() {}

    /** {@code report --out DIR} with {@code --trials TRIALS}. */
    static void reportDirectory(String option, Path out, Path trials) {
        if (out.toString().isBlank()) {
            throw new InputException(option + ": '" + out + "' (an empty path; give the output directory, e.g. "
                    + option + " reports)");
        }
        Path o = real(out);
        Path t = real(trials);
        String clash = o.equals(t) ? "is the trials directory"
                : o.startsWith(t) ? "lies inside the trials directory " + trials
                : t.startsWith(o) ? "contains the trials directory " + trials : null;
        if (clash != null) {
            throw new InputException(option + " " + out + ": " + clash + " (the report would overwrite or mix with the"
                    + " trial files; choose a directory apart from them)");
        }
        org.trialmeta.report.ReportOutput.check(out);
    }

    /** An output file ({@code option out}) that must not be the input file ({@code inputOption input}). */
    static void notAnInput(String option, Path out, String inputOption, Path input) {
        if (input == null || out == null) {
            return;
        }
        boolean same = real(out).equals(real(input));
        if (!same && Files.exists(out) && Files.exists(input)) {
            try {
                same = Files.isSameFile(out, input);
            } catch (IOException e) {
                // compared by path above
            }
        }
        if (same) {
            throw new InputException(option + " " + out + ": is the input " + inputOption + " (it would be overwritten;"
                    + " choose another output file)");
        }
    }

    /**
     * The absolute path with links and {@code ..} resolved as far as it exists (the real path of the longest
     * existing ancestor, then the rest of the names).
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}

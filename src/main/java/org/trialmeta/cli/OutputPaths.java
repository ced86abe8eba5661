package org.trialmeta.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialmeta.model.InputException;

/**
 * Checks of output paths against the command's inputs (issue 15), each failure one line naming the option:
 * an empty {@code --out} (it meant the current directory, where {@code ./index.html} was overwritten), an
 * output directory that is, contains or lies inside the trials directory, and an output file that is one of
 * the command's input files ({@code reconstruct --out} onto {@code --curve}, {@code km --plot} onto
 * {@code --input}), and two outputs of one run that are one file. Paths are compared after resolving links and
 * {@code ..}, also for outputs that do not exist yet.
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
        if (sameFile(out, input)) {
            throw new InputException(option + " " + out + ": is the input " + inputOption + " (it would be overwritten;"
                    + " choose another output file)");
        }
    }

    /** An output of a command: the option that names it and the file (null when the option is not given). */
    record Output(String option, Path file) {}

    /**
     * Outputs of one run that must be different files: exit 2 naming both options when two are the same file (one
     * would silently replace the other, e.g. {@code nma --plot a.svg --forest a.svg}), also the same option twice.
     */
    static void distinct(List<Output> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            for (int j = 0; j < i; j++) {
                Output a = outputs.get(j);
                Output b = outputs.get(i);
                if (a.file() != null && b.file() != null && sameFile(a.file(), b.file())) {
                    throw new InputException(b.option() + " " + b.file() + ": is the same file as " + a.option() + " "
                            + a.file() + " (each output needs its own file)");
                }
            }
        }
    }

    /** Whether {@code a} and {@code b} are one file: the same {@link #real} path, or (both existing) one file. */
    private static boolean sameFile(Path a, Path b) {
        if (real(a).equals(real(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // compared by path above
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

package org.trialmeta.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialmeta.model.CurveFile;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.TrialDtos.CurveDto;
import org.trialmeta.repository.TrialDtos.TrialDto;

/**
 * Reads the points files of a trial file's {@code curves:}, each named relative to the trials directory, and checks
 * that {@code reconstruct} can read them ({@link DigitiserCsv}: a {@code time,survival} CSV with a header, or a
 * digitiser's x,y export; at least one point; numbers only).
 *
 * <p>A path stays inside the trials directory: absolute paths and {@code ..} are refused, and so is a path whose
 * real location (symbolic links followed, also in its folders) lies outside the directory. Only regular files of
 * at most {@value #MAX_BYTES} bytes are read (a curve digitised at every pixel of a 10,000-pixel-wide figure is about
 * 200 KB).
 */
final class CurveFiles {

    /** Largest points file, in bytes. */
    static final int MAX_BYTES = 1024 * 1024;

    private CurveFiles() {}

    /**
     * The points file of every curve of {@code t} (null where a problem was found, and added to {@code problems}),
     * or an empty list when the trial has no curves.
     *
     * @param display   the trial file as shown in problems
     * @param trialFile the trial file (its folder is the trials directory)
     */
    static List<CurveFile> read(String display, Path trialFile, TrialDto t, List<Problem> problems) {
        if (t.curves == null || t.curves.isEmpty()) {
            return List.of();
        }
        Path dir = trialFile.getParent() == null ? Path.of("") : trialFile.getParent();
        List<CurveFile> out = new ArrayList<>();
        for (int i = 0; i < t.curves.size(); i++) {
            CurveDto c = t.curves.get(i);
            String at = "curves[" + i + "].file";
            if (c == null || c.file == null || c.file.isBlank()) {
                out.add(null);
                continue;
            }
            try {
                out.add(read(dir, c.file));
            } catch (InputException e) {
                problems.add(new Problem(display, at, e.getMessage()));
                out.add(null);
            }
        }
        return out;
    }

    /** One points file, read and checked; {@link InputException} with the value and the rule otherwise. */
    static CurveFile read(Path dir, String file) {
        String shown = Checked.quote(file);
        Path rel;
        try {
            rel = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InputException(shown + " (not a valid file name)");
        }
        boolean up = false;
        for (Path part : rel) {
            up |= part.toString().equals("..");
        }
        if (rel.isAbsolute() || rel.getRoot() != null || up || file.startsWith("~") || file.contains("\\")) {
            throw new InputException(shown + " (a points file is named relative to the trials directory and stays in"
                    + " it: no absolute path, no '..', no '\\')");
        }
        Path p = dir.resolve(rel);
        String display = p.toString();
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(shown + " (file not found: " + display + ")");
            }
            Path real;
            try {
                real = p.toRealPath();
            } catch (NoSuchFileException e) {
                throw new InputException(shown + " (a symbolic link to a file that does not exist)");
            }
            if (!real.startsWith(dir.toRealPath())) {
                throw new InputException(shown + " (resolves outside the trials directory through a symbolic link;"
                        + " copy the file into the directory instead)");
            }
            if (!Files.isRegularFile(real)) {
                throw new InputException(shown + " (not a regular file)");
            }
            long size = Files.size(real);
            if (size > MAX_BYTES) {
                throw new InputException(shown + " (file is " + size + " bytes; limit " + MAX_BYTES
                        + " bytes for a points file)");
            }
            byte[] bytes;
            try (var in = Files.newInputStream(real)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new InputException(shown + " (file is more than " + MAX_BYTES + " bytes)");
            }
            check(display, bytes);
            return new CurveFile(file, display, bytes);
        } catch (IOException e) {
            throw new InputException(shown + " (cannot read: " + Messages.withoutClassNames(e.getMessage()) + ")");
        }
    }

    /** What {@code reconstruct} reads first: the two columns, at least one point, finite numbers. */
    private static void check(String display, byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new InputException(display + ": file is empty (expected time,survival points)");
        }
        DigitiserCsv.Read r = DigitiserCsv.parse(display, bytes, DigitiserCsv.Kind.CURVE);
        CsvTable t = r.table().requireRows(1);
        t.doubles(r.timeColumn());
        t.doubles(r.valueColumn());
    }
}

package org.trialmeta.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.AtomicFiles;

/**
 * Writes a built report into its output directory all or nothing (issue 15). Every file is written into a
 * staging directory beside the output ({@code .NAME.report-XXXX}, same file system), then moved into place:
 * the whole staging directory when the output does not exist yet, else the report's own entries one by one
 * ({@value #INDEX}, {@value #ANALYSIS}, {@code figures/}, {@code tables/}; each a rename, the old one kept aside
 * until every move has succeeded and put back if one fails). {@code figures/} and {@code tables/} are replaced
 * as a whole, so a figure of a format not requested this time does not linger. Other files in the output
 * directory are left alone. A failure while writing leaves the output as it was and no staging directory.
 *
 * <p>An output that cannot be the report's (a file where the directory or {@code figures/} must be, a directory
 * named {@code index.html}, a {@code figures/} that is a symbolic link, a name the file system refuses) is the
 * user's to fix: {@link InputException} (exit 2). Other I/O failures (disk full) are
 * {@link UncheckedIOException} (exit 1).
 */
public final class ReportOutput {

    static final String INDEX = "index.html";
    static final String ANALYSIS = "analysis.json";
    /** The entries of the output directory that belong to the report, replaced as a whole on every run. */
    static final List<String> ENTRIES = List.of(INDEX, ANALYSIS, "figures", "tables");

    private ReportOutput() {}

    /**
     * Writes {@code files} (relative path to content, each made as it is written into the staging directory) under
     * {@code outDir}; returns the paths, in order.
     */
    static List<Path> write(Map<String, Report.Content> files, Path outDir) {
        Path out = outDir.toAbsolutePath().normalize();
        checkExisting(outDir, out);
        Path staging = null;
        try {
            if (Files.isDirectory(out)) {
                out = out.toRealPath(); // stage beside where the files really go (same file system)
            }
            Path parent = out.getParent();
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, stagingPrefix(out));
            readableByAll(staging, "rwxr-xr-x");
            for (Map.Entry<String, Report.Content> e : files.entrySet()) {
                Path p = staging.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
                    e.getValue().writeTo(o);
                } catch (UncheckedIOException written) {
                    throw written.getCause(); // e.g. disk full while the JSON generator wrote: one message below
                }
                readableByAll(p, "rw-r--r--");
            }
            if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } else {
                swap(staging, out);
            }
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new InputException("cannot write " + outDir + ": " + e.getFile() + " is a file, not a directory"
                    + " (choose another output path)", e);
        } catch (AccessDeniedException e) {
            // the staging directory (or a file in it) could not be made: its parent is not writable
            String file = String.valueOf(e.getFile());
            throw new InputException("cannot write " + outDir + ": permission denied on " + (staging != null
                    && file.startsWith(staging.toString()) || file.contains("/" + stagingPrefix(out))
                    ? out.getParent() : file), e);
        } catch (FileSystemException e) {
            String reason = String.valueOf(e.getReason());
            if (reason.contains("File name too long") || reason.contains("Not a directory")
                    || reason.contains("Read-only file system")) {
                throw new InputException("cannot write " + outDir + ": " + reason.toLowerCase(java.util.Locale.ROOT)
                        + " (choose another output path)", e);
            }
            throw new UncheckedIOException("cannot write " + outDir + ": " + AtomicFiles.reason(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir + ": " + AtomicFiles.reason(e), e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
        List<Path> written = new ArrayList<>();
        for (String name : files.keySet()) {
            written.add(outDir.resolve(name));
        }
        return written;
    }

    /**
     * Refuses (exit 2) an existing output the report cannot replace without losing what is not its own, before
     * anything is built: {@code outDir} a file, {@code figures/} or {@code tables/} a link or a file, a
     * directory named {@code index.html}.
     */
    public static void check(Path outDir) {
        checkExisting(outDir, outDir.toAbsolutePath().normalize());
    }

    private static void checkExisting(Path shown, Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException("cannot write " + shown + ": it is a file, not a directory (choose another output"
                    + " path)");
        }
        for (String name : ENTRIES) {
            Path p = out.resolve(name);
            boolean dir = !name.contains(".");
            if (Files.isSymbolicLink(p) && dir) {
                throw new InputException("cannot write " + shown.resolve(name) + ": it is a symbolic link (the report"
                        + " replaces " + name + "/ as a whole and does not write through links)");
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && dir != Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isSymbolicLink(p)) {
                throw new InputException("cannot write " + shown.resolve(name) + ": it is " + (dir ? "a file, not a"
                        + " directory" : "a directory") + " (choose another output path)");
            }
        }
    }

    /** How the name of the staging directory beside {@code out} begins: ".NAME.report-", hidden. */
    private static String stagingPrefix(Path out) {
        return "." + out.getFileName() + ".report-";
    }

    /** Moves the report's entries from {@code staging} into {@code out}, keeping the old ones aside until done. */
    private static void swap(Path staging, Path out) throws IOException {
        Path old = Files.createDirectory(staging.resolve(".old"));
        Deque<Path[]> done = new ArrayDeque<>(); // moves made, {from, to}, to undo in reverse
        try {
            for (String name : ENTRIES) {
                Path current = out.resolve(name);
                if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                    move(current, old.resolve(name), done);
                }
                Path fresh = staging.resolve(name);
                if (Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
                    move(fresh, current, done);
                }
            }
        } catch (IOException | RuntimeException e) {
            while (!done.isEmpty()) {
                Path[] m = done.pop();
                try {
                    Files.move(m[1], m[0], StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    private static void move(Path from, Path to, Deque<Path[]> done) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        done.push(new Path[] {from, to});
    }

    /** Temporary files and directories are owner-only; report files are meant to be read by others. */
    private static void readableByAll(Path p, String permissions) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        }
    }

    /** Deletes a tree (links themselves, never what they point to); best effort. */
    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (DirectoryNotEmptyException ignored) {
                        // something appeared meanwhile: leave it
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: the report's own outcome is what matters
        }
    }
}

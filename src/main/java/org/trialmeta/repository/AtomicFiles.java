package org.trialmeta.repository;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.trialmeta.model.InputException;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the
 * same directory, which is then moved over the target (atomically where the file system allows).
 * If writing fails the temporary file is deleted and the target is left as it was.
 *
 * <p>An output path that cannot be a file (a parent is a file, the target is a directory, no
 * permission) is the user's to fix: {@link InputException} (exit 2). Other I/O failures (disk full)
 * are {@link UncheckedIOException} (exit 1).
 */
public final class AtomicFiles {

    /** Something that writes bytes to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Temporary files are created owner-only (0600); outputs are meant to be read by others (0644). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Creates the output directory {@code dir} and its parents; a failure as {@link #write}'s (exit 2 or 1). */
    public static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /** Writes UTF-8 text to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes bytes to {@code target} atomically. */
    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Writes whatever {@code writer} produces to {@code target} atomically. */
    public static void write(Path target, StreamWriter writer) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, temporaryPrefix(abs), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            readableByAll(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the original failure is what matters
                }
            }
        }
    }

    /** How the name of {@code target}'s temporary file begins: ".NAME." beside it, hidden. */
    private static String temporaryPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * The exception for a failed write of {@code target}: the user's to fix ({@link InputException}: a parent is a
     * file, the target is a directory, no permission) or not ({@link UncheckedIOException}), one line naming
     * {@code target}, never the temporary file, with the system's reason ({@link #reason}).
     */
    private static RuntimeException failure(Path target, IOException e) {
        String prefix = "cannot write " + target + ": ";
        Path abs = target.toAbsolutePath();
        String named = e instanceof FileSystemException f ? f.getFile() : null;
        Path file = named == null ? null : Path.of(named).toAbsolutePath();
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            // createDirectories met a file where a directory must be
            return new InputException(prefix + (abs.equals(file) ? "it" : String.valueOf(file))
                    + " is a file, not a directory (choose another output path)", e);
        }
        if (e instanceof DirectoryNotEmptyException || e instanceof FileSystemException && Files.isDirectory(abs)) {
            return new InputException(prefix + "it is a directory (choose another output path)", e);
        }
        if (e instanceof AccessDeniedException) {
            // the temporary file could not be made: the directory is not writable
            boolean temporary = file != null && file.getParent() != null && file.getParent().equals(abs.getParent())
                    && file.getFileName().toString().startsWith(temporaryPrefix(abs));
            return new InputException(prefix + "permission denied on " + (file == null || temporary ? abs.getParent()
                    : file), e);
        }
        if (e instanceof FileSystemException f && "Not a directory".equals(f.getReason())) {
            return new InputException(prefix + "a parent of it is a file, not a directory (choose another output path)",
                    e);
        }
        return new UncheckedIOException(prefix + reason(e), e);
    }

    /**
     * The system's reason for {@code e} without the file names it carries (a temporary file's among them) or a class
     * name: {@code No space left on device}, {@code no such file or directory} (creating a file where the system
     * refuses new files, e.g. {@code /proc}).
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or directory";
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            return "the file system refused it";
        }
        return Messages.withoutClassNames(String.valueOf(e.getMessage()));
    }
}

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
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
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
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            // createDirectories met a file where a directory must be: the user's path is wrong (exit 2)
            throw new InputException("cannot write " + target + ": " + e.getFile()
                    + " is a file, not a directory (choose another output path)", e);
        } catch (DirectoryNotEmptyException e) {
            throw new InputException("cannot write " + target + ": it is a directory (choose another output path)", e);
        } catch (AccessDeniedException e) {
            throw new InputException("cannot write " + target + ": permission denied on " + e.getFile(), e);
        } catch (FileSystemException e) {
            if (Files.isDirectory(abs)) {
                throw new InputException("cannot write " + target + ": it is a directory (choose another output path)", e);
            }
            if ("Not a directory".equals(e.getReason())) {
                throw new InputException("cannot write " + target + ": a parent of it is a file, not a directory"
                        + " (choose another output path)", e);
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
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
}

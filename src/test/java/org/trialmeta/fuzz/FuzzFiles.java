package org.trialmeta.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Scratch files for fuzz targets: one temporary directory per JVM, removed at exit. */
final class FuzzFiles {

    /** Separates the files of a multi-file fuzz input (e.g. sources.yaml from trial files). */
    static final byte[] SEPARATOR = "\n####\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final Path ROOT = create();

    private FuzzFiles() {}

    private static Path create() {
        try {
            Path dir = Files.createTempDirectory("trialmeta-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> CliRun.deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty directory {@code name} under the scratch root (emptied if it exists). */
    static Path freshDir(String name) {
        Path dir = ROOT.resolve(name);
        CliRun.deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code data} split at every {@link #SEPARATOR}, at most {@code max} parts (the last keeps the rest). */
    static List<byte[]> split(byte[] data, int max) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        outer:
        for (int i = 0; i + SEPARATOR.length <= data.length && parts.size() < max - 1; i++) {
            for (int j = 0; j < SEPARATOR.length; j++) {
                if (data[i + j] != SEPARATOR[j]) {
                    continue outer;
                }
            }
            parts.add(Arrays.copyOfRange(data, start, i));
            start = i + SEPARATOR.length;
            i = start - 1;
        }
        parts.add(Arrays.copyOfRange(data, start, data.length));
        return parts;
    }

    /** The header line of CSV bytes, lower-cased, for choosing options (never fails). */
    static String header(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != '\n') {
            end++;
        }
        return new String(data, 0, end, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
    }
}

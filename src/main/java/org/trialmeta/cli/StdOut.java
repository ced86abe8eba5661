package org.trialmeta.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the commands see it: a UTF-8 {@link PrintWriter} over one 64 KB byte buffer on the file
 * descriptor, flushed by each command's ending (not per line: {@code System.out} under picocli's auto-flushing writer
 * made a system call per line of a table and per 8 KB of JSON). It also lends its byte stream to the JSON generator
 * ({@link #bytes()}), which then writes UTF-8 itself instead of characters that a second layer encodes.
 */
final class StdOut extends PrintWriter {

    private final OutputStream bytes;

    private StdOut(OutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), false);
        this.bytes = bytes;
    }

    /** The process's standard output. */
    static StdOut open() {
        return new StdOut(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    }

    /** The same over another byte stream (the class-data training run writes to a null stream this way). */
    static StdOut over(OutputStream bytes) {
        return new StdOut(bytes);
    }

    /**
     * The byte stream under this writer, for output already encoded as UTF-8; the characters written so far are
     * flushed into it first, so the two keep their order. The caller flushes this writer when done.
     */
    OutputStream bytes() {
        flush();
        return bytes;
    }
}
